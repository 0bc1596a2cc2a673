// The export writers: RFC 4180 CSV that reads back to what went in, a PDF whose text pdftotext
// finds (names, figures, page numbers), and files that are written whole or not at all.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "export/csv.hpp"
#include "export/files.hpp"
#include "export/pdf.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
using exports::Document;
using test::TempDir;

namespace {

Document sample(int rows = 3) {
  Document d;
  d.centre = "De Cirkel";
  d.title = "Maandoverzicht november 2026";
  d.date = "23 november 2026";
  d.sender = "Marloes Kuipers, De Cirkel";
  d.facts = {{"Periode", "1 november 2026 - 30 november 2026"}};
  d.blocks.push_back(exports::Heading{"Aanwezigheid"});
  exports::Table t;
  t.columns = {"Naam", "Aanwezig", "Uren"};
  t.numeric = {false, true, true};
  for (int i = 0; i < rows; ++i)
    t.rows.push_back({"Ayşe Yılmaz " + std::to_string(i), exports::Cell::count(40 + i), exports::Cell::minutes(750)});
  t.rows.push_back({"Totaal", exports::Cell::count(4242), exports::Cell::minutes(99 * 60)});
  t.last_row_total = true;
  d.blocks.push_back(t);
  d.blocks.push_back(exports::BarChart{"Dagdelen aanwezig per week", {"wk 45", "wk 46"}, {12, 17}});
  d.blocks.push_back(exports::Paragraph{"Zo is geteld: feiten, geen oordeel."});
  return d;
}

std::string pdftotext(const TempDir& dir, const std::string& pdf) {
  const auto r = test::run("pdftotext -layout " + test::sh_quote(pdf) + " -", dir);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("csv: fields are quoted only when they must be, records end in CRLF", "[export]") {
  CHECK(exports::csv_field("plain") == "plain");
  CHECK(exports::csv_field("a,b") == "\"a,b\"");
  CHECK(exports::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(exports::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(exports::csv_field("cr\r") == "\"cr\r\"");
  CHECK(exports::csv_records({{"a", "b"}, {"c"}}) == "a,b\r\nc,\r\n");  // padded to one width
}

TEST_CASE("csv: a round trip keeps long names, quotes, newlines and commas", "[export]") {
  const std::string long_name(10'000, 'x');
  const std::vector<std::vector<std::string>> rows{{long_name + ",\"", "Ayşe \"Ay\" Yılmaz", "line1\r\nline2\nline3"},
                                                   {"", ",", "\"\""},
                                                   {"Łukasz Wiśniewski", "12:30", "trailing space "}};
  const std::string text = std::string(exports::kUtf8Bom) + exports::csv_records(rows);
  CHECK(exports::parse_csv(text) == rows);
}

TEST_CASE("csv: a document opens with a BOM and reads back its figures", "[export]") {
  const std::string csv = exports::to_csv(sample());
  REQUIRE(csv.rfind(std::string(exports::kUtf8Bom), 0) == 0);
  const auto rows = exports::parse_csv(csv);
  const std::size_t width = rows.front().size();
  for (const auto& r : rows) CHECK(r.size() == width);
  CHECK(rows[0][0] == "De Cirkel");
  CHECK(rows[1][1] == "Marloes Kuipers, De Cirkel");
  bool total = false, chart = false;
  for (const auto& r : rows) {
    if (r[0] == "Totaal" && r[1] == "4242") total = true;
    if (r[0] == "wk 46" && r[1] == "17") chart = true;
  }
  CHECK(total);
  CHECK(chart);
}

TEST_CASE("csv: a Dutch centre's CSV is split at semicolons with decimal commas, any other RFC 4180", "[export]") {
  CHECK(exports::csv_style("nl-NL").separator == ';');
  CHECK(exports::csv_style("nl").decimal == ',');
  CHECK(exports::csv_style("nl_BE").separator == ';');
  CHECK(exports::csv_style("en").separator == ',');
  CHECK(exports::csv_style("en-GB").decimal == '.');
  CHECK(exports::csv_style("").separator == ',');
  CHECK(exports::csv_style("nld").separator == ',');  // not a language code we know: the standard
  const exports::CsvStyle nl = exports::csv_style("nl-NL"), en = exports::csv_style("en");
  // Durations as decimal hours a spreadsheet sums; exact for quarter hours.
  CHECK(exports::csv_value(exports::Cell::minutes(2655), nl) == "44,25");
  CHECK(exports::csv_value(exports::Cell::minutes(2655), en) == "44.25");
  CHECK(exports::csv_value(exports::Cell::minutes(6405), nl) == "106,75");
  CHECK(exports::csv_value(exports::Cell::minutes(10), en) == "0.17");
  CHECK(exports::csv_value(exports::Cell::minutes(0), nl) == "0,00");
  CHECK(exports::csv_value(exports::Cell::count(414), nl) == "414");
  CHECK(exports::csv_value(exports::Cell::date("2026-11-23", "23 november 2026"), nl) == "2026-11-23");
  CHECK(exports::csv_field("a;b", ';') == "\"a;b\"");
  CHECK(exports::csv_field("a,b", ';') == "a,b");

  Document d = sample();
  d.facts.push_back({"Bereik", "De Cirkel; alle coaches, ook \"Kuipers\""});
  const std::string dutch = exports::to_csv(d, nl);
  const std::string rfc = exports::to_csv(d, en);
  REQUIRE(dutch.rfind(std::string(exports::kUtf8Bom), 0) == 0);  // Excel reads UTF-8 only with the BOM
  REQUIRE(rfc.rfind(std::string(exports::kUtf8Bom), 0) == 0);
  CHECK(dutch.find("sep=") == std::string::npos);  // with "sep=" Excel would ignore the BOM
  CHECK(dutch.find("Totaal;4242;99,00\r\n") != std::string::npos);
  CHECK(rfc.find("Totaal,4242,99.00\r\n") != std::string::npos);
  CHECK(dutch.find("Ayşe Yılmaz 0;40;12,50\r\n") != std::string::npos);
  // Every line has the same number of fields in either style, and reads back to the same cells.
  const auto a = exports::parse_csv(dutch, ';'), b = exports::parse_csv(rfc, ',');
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    REQUIRE(a[i].size() == b[i].size());
    for (std::size_t j = 0; j < a[i].size(); ++j) {
      std::string x = a[i][j];
      if (x.find_first_not_of("0123456789,") == std::string::npos) std::replace(x.begin(), x.end(), ',', '.');
      CHECK(x == b[i][j]);
    }
  }
  CHECK(a[3][1] == "De Cirkel; alle coaches, ook \"Kuipers\"");
}

TEST_CASE("pdf: a table's long names and labels wrap or shrink, never cut", "[export]") {
  TempDir dir;
  Document d = sample(2);
  exports::Table t;
  t.columns = {"Naam", "Deelname", "Afgesproken dagdelen per week", "w.v. vooruit afgemeld", "Uren"};
  t.numeric = {false, false, true, true, true};
  t.rows.push_back({"Agnieszka Wiśniewska-Kowalczyk", "Verplicht (Participatiewet, artikel 9)", exports::Cell::count(4),
                    exports::Cell::count(1), exports::Cell::minutes(6405)});
  t.rows.push_back({"Jan-Willem Alexander Theodorus van den Heuvel tot Beichlingen", "Vrijwillig",
                    exports::Cell::count(2), exports::Cell::count(0), exports::Cell::minutes(45)});
  t.rows.push_back({"Honorificabilitudinitatibus-Supercalifragilisticexpialidocious", "Vrijwillig",
                    exports::Cell::count(2), exports::Cell::count(0), exports::Cell::minutes(45)});
  d.blocks.push_back(t);
  exports::PdfStats stats;
  const std::string path = dir / "long.pdf";
  exports::write_file_atomic(path, exports::to_pdf(d, &stats));
  const std::string text = pdftotext(dir, path);
  INFO(text);
  CHECK(stats.texts_cut == 0);
  CHECK(stats.pages >= 1);
  CHECK(text.find("...") == std::string::npos);
  CHECK(text.find("…") == std::string::npos);
  CHECK(text.find("Wiśniewska-Kowalczyk") != std::string::npos);
  CHECK(text.find("Beichlingen") != std::string::npos);
  CHECK(text.find("vooruit") != std::string::npos);
  CHECK(text.find("106:45") != std::string::npos);  // a duration on paper: hours:minutes
}

TEST_CASE("pdf: pdftotext finds the header, names, figures and page numbers", "[export]") {
  TempDir dir;
  const std::string path = dir / "report.pdf";
  Document d = sample(120);  // long enough for a table over three pages
  d.blocks.insert(d.blocks.begin(), exports::Paragraph{std::string(10'000, 'n') + " bad byte \xff here"});
  exports::write_file_atomic(path, exports::to_pdf(d));
  const std::string text = pdftotext(dir, path);
  CHECK(text.find("Maandoverzicht november 2026") != std::string::npos);
  CHECK(text.find("Marloes Kuipers, De Cirkel") != std::string::npos);
  CHECK(text.find("Ayşe Yılmaz 119") != std::string::npos);
  CHECK(text.find("4242") != std::string::npos);
  CHECK(text.find("Dagdelen aanwezig per week") != std::string::npos);
  CHECK(text.find("wk 46") != std::string::npos);
  // Every page says which of how many: "Pagina 1 van N" ... "Pagina N van N", N >= 3.
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex("Pagina 1 van ([0-9]+)")));
  const int pages = std::stoi(m[1]);
  CHECK(pages >= 3);
  CHECK(text.find("Pagina " + std::to_string(pages) + " van " + std::to_string(pages)) != std::string::npos);
  CHECK(text.find("Pagina " + std::to_string(pages + 1)) == std::string::npos);
}

TEST_CASE("files: written atomically, and a folder that cannot be written is an error", "[export]") {
  TempDir dir;
  const std::string path = dir / "a.csv";
  exports::write_file_atomic(path, "one");
  exports::write_file_atomic(path, "two");
  CHECK(meedoen::test::slurp(path) == "two");
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));

  const std::string locked = dir / "locked";
  std::filesystem::create_directory(locked);
  ::chmod(locked.c_str(), 0500);
  if (::geteuid() != 0) {  // root writes anywhere; the missing-folder case below still holds
    CHECK_THROWS_AS(exports::write_file_atomic(locked + "/b.csv", "x"), exports::ExportError);
    CHECK_THROWS_WITH(exports::ensure_dir(locked + "/sub"), Catch::Contains("cannot create the folder"));
  }
  CHECK_THROWS_WITH(exports::write_file_atomic(dir / "missing/c.csv", "x"), Catch::Contains("cannot write"));
  // A file where a folder should be.
  exports::write_file_atomic(dir / "file", "x");
  CHECK_THROWS_AS(exports::ensure_dir(dir / "file/sub"), exports::ExportError);
  CHECK_THROWS_WITH(exports::write_file_atomic("/proc/meedoen-export.csv", "x"), Catch::Contains("cannot write"));
}

TEST_CASE("files: slugs for file names", "[export]") {
  CHECK(exports::slug("De Cirkel") == "de-cirkel");
  CHECK(exports::slug("Marloes Kuipers") == "marloes-kuipers");
  CHECK(exports::slug("  ../etc ") == "etc");
  CHECK(exports::slug("") == "export");
}
