// The inputs of a centre's month overview and progress report (core::ReportInputs), built from the
// events the kiosks pushed with the same folds, per fold subject and in fold order, that build a
// kiosk's read models (storage/projection), and narrowed to the same dates the kiosk reads them
// for (platform/exports). With the roster, coaches and programme the kiosks pull, the figures are
// the kiosk's: docs/reports.md. Dagdeel times and ladder labels are the kiosk's defaults.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/journal.hpp"
#include "core/report.hpp"
#include "server/server_store.hpp"

namespace meedoen::server {

// The events as the folds read them: grouped by fold subject (core::event_subject), each group in
// fold order; events without a fold are left out.
std::map<std::string, std::vector<core::Event>> by_subject(const std::vector<StoredEvent>& events);

// The centre's go-live date (core::go_live_date): its go_live setting, else its first event's date.
std::string centre_go_live(const ServerStore& s, const std::string& centre);

// Everything a report of this centre reads, over all its events: the active roster, active
// coaches, the whole programme, the go-live date, and every folded row.
core::ReportInputs centre_inputs(const ServerStore& s, const std::string& centre);

// As the kiosk loads them for core::month_report (month: YYYY-MM, valid) ...
core::ReportInputs month_inputs(core::ReportInputs all, const std::string& month);
// ... and for core::progress_report of one participant on the date of now.
core::ReportInputs progress_inputs(core::ReportInputs all, const std::string& participant_id, core::TimeMs now);

}  // namespace meedoen::server
