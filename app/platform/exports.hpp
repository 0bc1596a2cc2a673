// Coach exports, shared by the kiosk's Reports tab (effects.cpp) and the headless command line
// (meedoen-kiosk --export-month / --export-progress): read the inputs from the store, compute
// the figures (core/report.hpp), build the documents (ui/report_views.hpp) and write CSV, xlsx, PDF
// atomically (export/); and a participant's card to print. Local files only: nothing here waits
// on the network.
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/report.hpp"
#include "storage/store.hpp"
#include "ui/i18n.hpp"

namespace meedoen::platform {

struct ExportResult {
  std::vector<std::string> paths;  // written: CSV, xlsx, PDF
  std::string error;               // "" = all written
};

// --out, else [coach] export_dir, else $XDG_DATA_HOME/meedoen/exports.
std::string export_dir(const core::KioskConfig& cfg, const std::string& out_override = "");

core::MonthReport load_month_report(const storage::Store& store, const core::KioskConfig& cfg, const std::string& month,
                                    const std::string& only_coach, core::TimeMs now);
core::ProgressReport load_progress_report(const storage::Store& store, const core::KioskConfig& cfg,
                                          const std::string& participant_id, core::TimeMs now);

// maandoverzicht-2026-11-de-cirkel.csv/.xlsx/.pdf (one coach: ...-de-cirkel-<coach>.csv)
ExportResult export_month(const storage::Store& store, const core::KioskConfig& cfg, const ui::Strings& tr,
                          const std::string& month, const std::string& only_coach, const std::string& sender_coach,
                          core::TimeMs now, const std::string& dir);
// voortgang-<participant-id>-2026-11-23.csv/.xlsx/.pdf
ExportResult export_progress(const storage::Store& store, const core::KioskConfig& cfg, const ui::Strings& tr,
                             const std::string& participant_id, const std::string& sender_coach, core::TimeMs now,
                             const std::string& dir);
// kaart-<participant-id>.pdf: the participant's card to print (export/cards.hpp), named by id
// only, as the card itself carries no more than the first name.
ExportResult export_card(const storage::Store& store, const core::KioskConfig& cfg, const std::string& participant_id,
                         const std::string& dir);

}  // namespace meedoen::platform
