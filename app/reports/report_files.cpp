// From figures to files: the document, its CSV and PDF, their names and writing them.
#include "reports/report_files.hpp"

#include <filesystem>

#include "export/csv.hpp"
#include "export/files.hpp"
#include "export/pdf.hpp"
#include "export/xlsx.hpp"

namespace meedoen::reports {

namespace {

std::string coach_name_of(const std::vector<core::Coach>& coaches, const std::string& id) {
  for (const auto& c : coaches)
    if (c.id == id) return c.name;
  return id;
}

ReportFiles files_of(const exports::Document& d, std::string stem, const std::string& locale) {
  // All made before any is written: a failure leaves no half set behind.
  return {std::move(stem), exports::to_csv(d, exports::csv_style(locale)), exports::to_xlsx(d), exports::to_pdf(d)};
}

}  // namespace

ui::DocumentContext document_context(const std::string& centre_name, const std::vector<core::Coach>& coaches,
                                     const std::string& sender_id, const std::vector<std::string>& ladder_rungs,
                                     core::TimeMs now, const std::string& locale) {
  ui::DocumentContext c;
  c.centre = centre_name;
  c.sender_name = sender_id.empty() ? "" : coach_name_of(coaches, sender_id);
  c.ladder_rungs = ladder_rungs;
  c.today = core::format_date_iso(core::to_local(now));
  c.locale = locale;
  return c;
}

ReportFiles month_files(const core::MonthReport& r, const ui::DocumentContext& c,
                        const std::vector<core::Coach>& coaches, const ui::Strings& tr) {
  std::string stem = "maandoverzicht-" + r.month + "-" + exports::slug(c.centre);
  if (!r.only_coach.empty()) stem += "-" + exports::slug(coach_name_of(coaches, r.only_coach));
  return files_of(ui::make_month_document(r, c, tr), std::move(stem), c.locale);
}

ReportFiles progress_files(const core::ProgressReport& r, const ui::DocumentContext& c, const ui::Strings& tr) {
  return files_of(ui::make_progress_document(r, c, tr), "voortgang-" + exports::slug(r.participant_id) + "-" + r.date,
                  c.locale);
}

std::vector<std::string> write_files(const ReportFiles& f, const std::string& dir) {
  exports::ensure_dir(dir);
  const std::string base = (std::filesystem::path(dir) / f.stem).string();
  exports::write_file_atomic(base + ".csv", f.csv);
  exports::write_file_atomic(base + ".xlsx", f.xlsx);
  exports::write_file_atomic(base + ".pdf", f.pdf);
  return {base + ".csv", base + ".xlsx", base + ".pdf"};
}

}  // namespace meedoen::reports
