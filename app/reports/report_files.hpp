// The three files of a report (CSV, xlsx and PDF) and their name, made in one place for the kiosk's coach
// exports (platform/exports) and meedoen-server's reports for the municipality (server/, the
// /v1/reports/month and /v1/reports/progress routes and `meedoen-server report month|progress`):
// core's figures -> the translated document (ui/report_views) -> CSV text, xlsx and PDF bytes (export/).
// Both sides call these functions, so the same figures read the same, byte for byte, everywhere.
// No SQLite, SDL or ImGui here: the server links it.
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/report.hpp"
#include "ui/i18n.hpp"
#include "ui/report_views.hpp"

namespace meedoen::reports {

struct ReportFiles {
  std::string stem;  // file name without extension: "maandoverzicht-2026-11-de-cirkel"
  std::string csv;   // with a UTF-8 byte order mark; ';' and a decimal comma for a Dutch centre, else RFC 4180
  std::string xlsx;  // typed cells: numbers, durations ([h]:mm), dates
  std::string pdf;   // A4
};

// Who sends a document and for which centre: sender_id "" names nobody (the command line, the server).
// locale: the centre's (its "locale" setting, docs/reports.md): how its CSV is separated.
ui::DocumentContext document_context(const std::string& centre_name, const std::vector<core::Coach>& coaches,
                                     const std::string& sender_id, const std::vector<std::string>& ladder_rungs,
                                     core::TimeMs now, const std::string& locale);

// maandoverzicht-<YYYY-MM>-<centre>[-<coach>]: the month overview of r (r.only_coach: one coach's).
// Throws exports::ExportError when the PDF cannot be made.
ReportFiles month_files(const core::MonthReport& r, const ui::DocumentContext& c,
                        const std::vector<core::Coach>& coaches, const ui::Strings& tr);
// voortgang-<participant-id>-<date>: the progress report r (r.found must be true).
ReportFiles progress_files(const core::ProgressReport& r, const ui::DocumentContext& c, const ui::Strings& tr);

// Writes <dir>/<stem>.csv, .xlsx and .pdf (dir made when missing), each atomically; the paths in
// that order.
// Throws exports::ExportError (a full disk, a folder that may not be written).
std::vector<std::string> write_files(const ReportFiles& f, const std::string& dir);

}  // namespace meedoen::reports
