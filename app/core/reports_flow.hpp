// Coach mode's Reports tab as a value: the month chosen, the scope (the whole centre or the
// coach's own participants), the figures on screen and the result of the last export. The
// reducer half is reports_flow.cpp; the top-level update() hands ReportsAction over. Exports are commands:
// the platform writes the files and answers with the paths or a readable error. A participant's
// card to print is one more export of the participant page.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "core/report.hpp"
#include "core/time.hpp"

namespace meedoen::core {

struct ReportsState {
  std::string month;               // "2026-11"; "" until the tab is first opened (then: this month)
  bool mine = false;               // scope: only the logged-in coach's participants
  bool loaded = false;             // report matches month and scope
  MonthReport report;              // the figures on screen
  bool exporting = false;          // an export is being written
  std::vector<std::string> paths;  // written by the last export
  std::string error;               // why the last export failed ("" = it did not)
};

// [SECTION] Actions
struct ReportsMonthStep {
  int delta;
};  // previous / next month
struct ReportsScopeTapped {
  bool mine;
};
struct ReportsExportTapped {};  // the month overview as CSV, xlsx and PDF
struct ExportProgressTapped {
  std::string participant_id;
};  // from the participant page
struct PrintCardTapped {
  std::string participant_id;
};  // from the participant page: their card to scan, as a PDF
struct ReportLoaded {
  MonthReport report;
};
struct ExportFinished {
  std::vector<std::string> paths;
  std::string error;
};

// The Reports tab's actions; update(State, const ReportsAction&) in reports_flow.cpp handles each one.
using ReportsAction = std::variant<ReportsMonthStep, ReportsScopeTapped, ReportsExportTapped, ExportProgressTapped,
                                   PrintCardTapped, ReportLoaded, ExportFinished>;

// [SECTION] Commands
// Reads the month's inputs and answers ReportLoaded. coach_id "" = the whole centre.
struct LoadMonthReport {
  std::string month;
  std::string coach_id;
  TimeMs now;
};
// Writes the month overview (the centre, or one coach's participants) as CSV and PDF; the
// sender is the logged-in coach. Answers ExportFinished.
struct ExportMonth {
  std::string month;
  std::string only_coach;
  std::string sender_coach;
  TimeMs now;
};
// Writes one participant's dated progress report as CSV and PDF; answers ExportFinished.
struct ExportProgress {
  std::string participant_id;
  std::string sender_coach;
  TimeMs now;
};
// Writes one participant's card (first name, centre, QR code of the card code) as an A4 PDF to
// print; answers ExportFinished. Only for a participant with a card code.
struct PrintCard {
  std::string participant_id;
};

}  // namespace meedoen::core
