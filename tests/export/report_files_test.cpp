// A report's three files as the municipality gets them (reports/report_files): the charts add up to
// the table for a month that starts and ends mid-week; the xlsx, read back with openpyxl, holds the
// CSV's figures as typed cells; no text of a PDF is cut, in any of the kiosk's languages.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/collate.hpp"
#include "export/csv.hpp"
#include "export/files.hpp"
#include "export/pdf.hpp"
#include "reports/report_files.hpp"
#include "support/process.hpp"
#include "support/report_inputs.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
using test::TempDir;

namespace {

ui::Strings strings(const std::string& language) {
  ui::Strings tr;
  tr.load(std::string(MEEDOEN_ASSETS_DIR) + "/i18n", {"nl", "en", "tr", "pl"});
  tr.set_language(language);
  return tr;
}

ui::DocumentContext context(const core::ReportInputs& in, const std::string& locale = "nl-NL") {
  return reports::document_context("Buurtcentrum De Cirkel in Almere-Haven", in.coaches, "c1",
                                   core::KioskConfig{}.ladder_rungs, test::report_now(), locale);
}

// The command that reads an xlsx back (tests/export/xlsx_read.py, openpyxl).
std::string xlsx_read() {
  return test::sh_quote(MEEDOEN_PYTHON3) + " " +
         test::sh_quote(std::string(MEEDOEN_TESTS_DIR) + "/export/xlsx_read.py");
}

const exports::Table& first_table(const exports::Document& d) {
  for (const auto& b : d.blocks)
    if (const auto* t = std::get_if<exports::Table>(&b)) return *t;
  FAIL("no table");
  throw;
}

long long column_total(const exports::Table& t, const std::string& column) {
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i] == column) return t.rows.back()[i].value;
  FAIL("no column " << column);
  return -1;
}

}  // namespace

TEST_CASE("reports: the month's charts add up to its table when the month starts and ends mid-week", "[export]") {
  // October 2026: Thursday the 1st to Saturday the 31st; attendance and hours on 28 and 30 September
  // and 2 November lie in its first and last ISO weeks and must not be in its bars.
  const core::ReportInputs in = test::long_names_centre();
  const core::MonthReport r = core::month_report(in, "2026-10", test::report_now());
  for (const std::string lang : {"nl", "en"}) {
    const ui::Strings tr = strings(lang);
    const exports::Document d = ui::make_month_document(r, context(in), tr);
    const exports::Table& figures = first_table(d);
    const long long present = column_total(figures, tr.get("reports.col.present"));
    const long long minutes = column_total(figures, tr.get("reports.col.hours"));
    CHECK(present == 16);  // four people on 1, 5, 19 and 31 October
    std::vector<long long> sums;
    for (const auto& b : d.blocks)
      if (const auto* c = std::get_if<exports::BarChart>(&b)) {
        long long sum = 0;
        for (long long v : c->values) sum += v;
        sums.push_back(sum);
        REQUIRE(c->labels.size() == 5);
        CHECK(c->labels.front() == (lang == "nl" ? "1-4 okt" : "1-4 Oct"));
        CHECK(c->labels.back() == (lang == "nl" ? "26-31 okt" : "26-31 Oct"));
      }
    REQUIRE(sums.size() == 2);
    CHECK(sums[0] == present);
    CHECK(sums[1] == minutes);
  }
}

TEST_CASE("reports: the xlsx read back with openpyxl holds the CSV's figures as typed cells", "[export]") {
  TempDir dir;
  const core::ReportInputs in = test::long_names_centre();
  const ui::Strings tr = strings("nl");
  for (const std::string locale : {"nl-NL", "en"}) {
    const exports::CsvStyle style = exports::csv_style(locale);
    const auto r = core::month_report(in, "2026-10", test::report_now());
    const reports::ReportFiles f = reports::month_files(r, context(in, locale), in.coaches, tr);
    const auto paths = reports::write_files(f, dir / locale);
    REQUIRE(paths.size() == 3);
    CHECK(paths[1].ends_with(".xlsx"));
    const auto read = test::run(
        xlsx_read() + " " + test::sh_quote(paths[1]) + " " + test::sh_quote(std::string(1, style.decimal)), dir);
    INFO(read.err);
    REQUIRE(read.exit_code == 0);
    const auto csv = exports::parse_csv(f.csv, style.separator);
    std::istringstream lines(read.out);
    std::string line;
    std::size_t row = 0, typed = 0, durations = 0, dates = 0;
    bool total_hours = false;
    while (std::getline(lines, line)) {
      REQUIRE(row < csv.size());
      std::vector<std::string> cells;
      std::istringstream fields(line);
      for (std::string c; std::getline(fields, c, '\t');) cells.push_back(c);
      for (std::size_t i = 0; i < csv[row].size(); ++i) {
        const std::string cell = i < cells.size() ? cells[i] : "|";
        const std::string type = cell.substr(0, cell.find('|')), text = cell.substr(cell.find('|') + 1);
        INFO("row " << row + 1 << ", column " << i + 1 << ": " << cell << " against " << csv[row][i]);
        CHECK(text == csv[row][i]);  // the same figure, in the CSV's own form
        // A figure is a number, a duration or a date in the xlsx, never text a spreadsheet cannot sum.
        const std::string& v = csv[row][i];
        const bool figure = v.find_first_of("0123456789") != std::string::npos &&
                            v.find_first_not_of("0123456789,.-") == std::string::npos;
        if (figure) CHECK(type != "s");
        typed += type == "n" || type == "h" || type == "d";
        durations += type == "h";
        dates += type == "d";
        if (type == "h" && csv[row][0] == tr.get("reports.total")) total_hours = true;
      }
      ++row;
    }
    CHECK(row == csv.size());
    CHECK(typed > 50);
    CHECK(durations > 8);  // hours per coach, per participant, the chart's weeks
    CHECK(total_hours);
    CHECK(dates == 0);  // a month overview has no date cells; the progress report's ladder has
    const auto p = core::progress_report(in, "p1", test::report_now());
    const auto pf = reports::progress_files(p, context(in, locale), tr);
    exports::write_file_atomic(dir / "p.xlsx", pf.xlsx);
    const auto pr = test::run(
        xlsx_read() + " " + test::sh_quote(dir / "p.xlsx") + " " + test::sh_quote(std::string(1, style.decimal)), dir);
    REQUIRE(pr.exit_code == 0);
    CHECK(pr.out.find("d|2026-10-20") != std::string::npos);  // the ladder assessment's date, a date cell
    CHECK(pr.out.find("h|") != std::string::npos);
  }
}

TEST_CASE("reports: no text of a month or progress report PDF is cut, in nl, en, tr and pl", "[export]") {
  TempDir dir;
  const core::ReportInputs in = test::long_names_centre();
  const auto month = core::month_report(in, "2026-10", test::report_now());
  for (const std::string lang : {"nl", "en", "tr", "pl"}) {
    INFO(lang);
    const ui::Strings tr = strings(lang);
    for (const auto& [name, doc] :
         {std::pair{std::string("month"), ui::make_month_document(month, context(in), tr)},
          std::pair{
              std::string("progress"),
              ui::make_progress_document(core::progress_report(in, "p2", test::report_now()), context(in), tr)}}) {
      INFO(name);
      exports::PdfStats stats;
      const std::string path = dir / (lang + "-" + name + ".pdf");
      exports::write_file_atomic(path, exports::to_pdf(doc, &stats));
      const auto text = test::run("pdftotext -layout " + test::sh_quote(path) + " -", dir);
      REQUIRE(text.exit_code == 0);
      INFO(text.out);
      CHECK(stats.texts_cut == 0);
      CHECK(text.out.find("...") == std::string::npos);
      CHECK(text.out.find("Beichlingen") != std::string::npos);
      if (name == "month") {
        CHECK(text.out.find("Wiśniewska-Kowalczyk") != std::string::npos);
        CHECK(text.out.find("Yılmaz-Karakoçoğlu") != std::string::npos);
      }
    }
  }
}

TEST_CASE("reports: participants in the month overview sort as people expect names", "[export]") {
  const core::ReportInputs in = test::long_names_centre();
  const auto r = core::month_report(in, "2026-10", test::report_now());
  std::vector<std::string> c1, c2;
  for (const auto& p : r.participants) (p.coach_id == "c1" ? c1 : c2).push_back(p.name);
  // Coaches by name: Łukasz (with the L's) before Marloes; within a coach, Ayşe before Łucja.
  REQUIRE(r.coaches.size() == 2);
  CHECK(r.coaches[0].coach_id == "c2");
  CHECK(c2 == std::vector<std::string>{"Ayşe Gülşen Yılmaz-Karakoçoğlu", "Łucja Zielińska"});
  CHECK(c1 == std::vector<std::string>{"Agnieszka Wiśniewska-Kowalczyk",
                                       "Jan-Willem Alexander van den Heuvel tot Beichlingen", "Zoë de Vries"});
}
