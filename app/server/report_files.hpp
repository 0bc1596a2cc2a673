// The municipality's month overview and progress report of a centre: the kiosk's documents
// (reports/report_files), computed from the server's events (server/report_inputs). Served by the
// API (/v1/reports/month, /v1/reports/progress) and written by `meedoen-server report month|progress`.
#pragma once
#include <string>

#include "reports/report_files.hpp"
#include "server/server_store.hpp"

namespace meedoen::server {

// Something asked for that is not there (a participant not on the centre's roster): HTTP 404.
struct NotFound : UsageError {
  using UsageError::UsageError;
};

struct ReportRequest {
  std::string centre;
  std::string month;        // month overview: YYYY-MM
  std::string participant;  // progress report: the participant's id
  std::string language;     // "" = the centre's default_language setting, else nl
  core::TimeMs now = 0;     // the moment the figures are as of
};

// Throws UsageError (bad month, unknown centre or language) or NotFound (unknown participant) with
// a message for the person who asked; ServerError when the database fails.
reports::ReportFiles month_files(const ServerStore& s, const ReportRequest& r);
reports::ReportFiles progress_files(const ServerStore& s, const ReportRequest& r);
// The figures alone (the JSON answer of /v1/reports/month), after the same checks.
core::MonthReport month_figures(const ServerStore& s, const ReportRequest& r);
// The figures as JSON with the keys of docs/reports.md: per coach, the centre, per participant.
std::string month_json(const core::MonthReport& m);

// The language a report of this centre is written in: r.language, else the centre's setting, else nl.
std::string report_language(const ServerStore& s, const ReportRequest& r);

}  // namespace meedoen::server
