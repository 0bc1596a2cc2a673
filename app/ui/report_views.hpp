// View models of the Reports tab, and the export documents (month overview, progress report)
// built from core's figures with every word translated. Pure, unit-tested without ImGui or
// cairo (tests/ui/report_views_test.cpp); the screen is ui/screens/report_screens.cpp, the
// writers are export/.
#pragma once
#include <string>
#include <vector>

#include "core/report.hpp"
#include "core/state.hpp"
#include "export/document.hpp"
#include "ui/i18n.hpp"

namespace meedoen::ui {

struct ChartBar {
  std::string label, value;
  double amount = 0;
};

struct ReportsView {
  std::string title;        // "Rapportages"
  std::string month_label;  // "november 2026"
  std::string as_of;        // "Stand 23 november 2026" for the running month, else ""
  std::string prev_label, next_label;
  bool can_prev = true, can_next = false;  // never beyond this month
  std::string scope_centre, scope_mine;
  bool mine = false;
  bool loaded = false;
  std::string loading;
  std::vector<std::string> columns;            // coach, then figures
  std::vector<std::vector<std::string>> rows;  // a row per coach, the total last
  bool total_row = false;
  // [n]: the table's line in place of n coaches' rows that do not fit on a small screen
  // ("Coaches die hier niet passen: 2 (in de export)"); a row left out without a word made the total look wrong.
  std::vector<std::string> more_rows;
  std::string weeks_title, hours_title;
  std::vector<ChartBar> weeks, hours;
  std::string export_label;
  bool exporting = false;
  bool busy = false;
  std::string result;  // "Opgeslagen in /home/.../exports:" or the error
  bool result_error = false;
  std::vector<std::string> result_files;  // file names under result
};

ReportsView make_reports_view(const core::State& s, const Strings& tr);

// What a document says beyond the figures: who sends it, for which centre, when.
struct DocumentContext {
  std::string centre;                     // "De Cirkel"
  std::string sender_name;                // the coach who exports: "Marloes Kuipers"
  std::vector<std::string> ladder_rungs;  // labels from the configuration
  std::string today;                      // ISO date of the export
  std::string locale = "nl-NL";           // the centre's locale: its CSV's separator (export/csv.hpp)
};

exports::Document make_month_document(const core::MonthReport& r, const DocumentContext& c, const Strings& tr);
exports::Document make_progress_document(const core::ProgressReport& r, const DocumentContext& c, const Strings& tr);

// "23 november 2026"
std::string report_date(const std::string& iso, const Strings& tr);
// "november 2026"
std::string month_label(const std::string& month, const Strings& tr);
// The notice text after an export from another coach screen: the files, or why it failed.
std::string export_notice(const core::State& s, const Strings& tr);

}  // namespace meedoen::ui
