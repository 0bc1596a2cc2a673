// The roster CSV (docs/roster.md): the example file, every column's format, and every kind of
// bad input with its line and field; nothing of a bad file is taken.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/model.hpp"
#include "server/roster_csv.hpp"

using namespace meedoen;
using server::parse_roster_csv;
namespace field = server::roster_field;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool has_error(const server::RosterParse& r, const std::string& text) {
  for (const auto& e : r.errors)
    if (e.find(text) != std::string::npos) return true;
  return false;
}

std::string all_errors(const server::RosterParse& r) {
  std::string s;
  for (const auto& e : r.errors) s += e + "\n";
  return s;
}

const std::string kHeader =
    "id;first_name;last_name;card_code;pin;language;mandatory;coach_id;start_date;end_date;agreed_dagdelen;"
    "talk_every;agreed_hours;show_agreed_hours;photo_consent\n";

}  // namespace

TEST_CASE("roster csv: the documented example reads with every agreement", "[server][roster]") {
  const auto r = parse_roster_csv(read(MEEDOEN_DOCS_DIR "/roster-example.csv"));
  INFO(all_errors(r));
  REQUIRE(r.errors.empty());
  REQUIRE(r.rows.size() == 5);
  const core::Participant& fatima = r.rows[0].p;
  CHECK(fatima.id == "p-0001");
  CHECK(fatima.start_date == "2026-09-01");
  CHECK(fatima.end_date == "2027-08-31");
  CHECK(fatima.agreed_parts ==
        (core::agreed_bit(0, core::Dagdeel::Morning) | core::agreed_bit(2, core::Dagdeel::Afternoon)));
  CHECK(fatima.talk_every_days == 14);
  CHECK(fatima.agreed_minutes_per_week == 270);
  CHECK(fatima.show_agreed_hours);
  CHECK(fatima.photo_consent);
  CHECK(fatima.mandatory);
  CHECK(fatima.coach_id == "c-1");
  CHECK(r.rows[0].pin == "2026");
  const core::Participant& ayse = r.rows[2].p;
  CHECK(ayse.first_name == "Ayşe");
  CHECK(ayse.language == "tr");
  CHECK(ayse.agreed_parts ==
        (core::agreed_bit(0, core::Dagdeel::Morning) | core::agreed_bit(4, core::Dagdeel::Afternoon)));
  CHECK(ayse.talk_every_days == 14);
  CHECK(ayse.agreed_minutes_per_week == 480);
  CHECK(r.rows[3].p.language == "pl");
  CHECK(r.rows[3].p.agreed_minutes_per_week == 150);
  CHECK(r.rows[4].p.language == "en");
  CHECK(r.rows[4].p.agreed_parts == 0);
  CHECK(r.rows[4].columns.count("photo_consent") == 1);
}

TEST_CASE("roster csv: every language the kiosk offers, from the kiosk's own list", "[server][roster]") {
  std::string csv = "id,first_name,last_name,language\n";
  int n = 0;
  for (const auto code : core::kLanguages) csv += "p" + std::to_string(++n) + ",A,B," + std::string(code) + "\n";
  csv += "p99,A,B,NL\n";  // as a spreadsheet may capitalise it
  const auto r = parse_roster_csv(csv);
  INFO(all_errors(r));
  REQUIRE(r.errors.empty());
  REQUIRE(r.rows.size() == core::kLanguages.size() + 1);
  CHECK(r.rows.back().p.language == "nl");
}

TEST_CASE("roster csv: columns in any order, comma or semicolon, a BOM, CRLF, absent columns listed as absent",
          "[server][roster]") {
  const auto r = parse_roster_csv(
      "\xEF\xBB\xBF"
      "Last_Name,ID,first_name,agreed_dagdelen\r\n"
      "Bos,p1,Kees,\"di-ochtend, do-middag\"\r\n");
  INFO(all_errors(r));
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].p.id == "p1");
  CHECK(r.rows[0].p.last_name == "Bos");
  CHECK(r.rows[0].p.agreed_parts ==
        (core::agreed_bit(1, core::Dagdeel::Morning) | core::agreed_bit(3, core::Dagdeel::Afternoon)));
  CHECK(r.rows[0].has("agreed_dagdelen"));
  CHECK_FALSE(r.rows[0].has("start_date"));
  CHECK_FALSE(r.rows[0].has("language"));
}

TEST_CASE("roster csv: the forms a person types for dates, dagdelen, rhythm and hours", "[server][roster]") {
  std::string iso;
  CHECK(field::date("2027-01-31", iso).empty());
  CHECK(iso == "2027-01-31");
  CHECK(field::date("31-1-2027", iso).empty());
  CHECK(iso == "2027-01-31");
  CHECK(field::date("05/03/2027", iso).empty());
  CHECK(iso == "2027-03-05");  // day first, never month first
  CHECK(field::date("", iso).empty());
  CHECK(iso.empty());
  for (const char* bad : {"31-02-2027", "2027-13-01", "morgen", "1-1-27", "2027/01/31"}) {
    INFO(bad);
    CHECK_FALSE(field::date(bad, iso).empty());
  }

  std::uint32_t parts = 0;
  CHECK(field::dagdelen("ma-ochtend wo-middag", parts).empty());
  CHECK(parts == (core::agreed_bit(0, core::Dagdeel::Morning) | core::agreed_bit(2, core::Dagdeel::Afternoon)));
  CHECK(field::dagdelen("Monday-Evening;sun-morning+zaterdag-avond", parts).empty());
  CHECK(parts == (core::agreed_bit(0, core::Dagdeel::Evening) | core::agreed_bit(6, core::Dagdeel::Morning) |
                  core::agreed_bit(5, core::Dagdeel::Evening)));
  CHECK(field::dagdelen("  ", parts).empty());
  CHECK(parts == 0);
  for (const char* bad : {"ma", "ma-nacht", "maandagochtend", "xx-ochtend", "ma-"}) {
    INFO(bad);
    CHECK(field::dagdelen(bad, parts).find("is not a weekday and dagdeel") != std::string::npos);
  }

  int days = 0;
  for (auto [text, want] : {std::pair{"14", 14},
                            {"14 dagen", 14},
                            {"14d", 14},
                            {"2 weken", 14},
                            {"2w", 14},
                            {"1 week", 7},
                            {"3 Weeks", 21},
                            {"", 0}}) {
    INFO(text);
    CHECK(field::talk_every(text, days).empty());
    CHECK(days == want);
  }
  CHECK(field::talk_every("0", days).find("must be 1 to 365") != std::string::npos);
  CHECK(field::talk_every("60 weken", days).find("must be 1 to 365") != std::string::npos);
  CHECK(field::talk_every("soms", days).find("is not a number of days or weeks") != std::string::npos);
  CHECK(field::talk_every("2 maanden", days).find("is not a number of days or weeks") != std::string::npos);

  int minutes = 0;
  for (auto [text, want] : {std::pair{"4:30", 270},
                            {"4,5", 270},
                            {"4.5", 270},
                            {"4", 240},
                            {"4,25", 255},
                            {"0:15", 15},
                            {"60", 3600},
                            {"", 0}}) {
    INFO(text);
    CHECK(field::hours(text, minutes).empty());
    CHECK(minutes == want);
  }
  CHECK(field::hours("4,33", minutes).find("quarter hours") != std::string::npos);
  CHECK(field::hours("4:10", minutes).find("quarter hours") != std::string::npos);
  CHECK(field::hours("61", minutes).find("at most 60") != std::string::npos);
  for (const char* bad : {"vier", "4:75", "4:5", "-2", "4,5,6"}) {
    INFO(bad);
    CHECK(field::hours(bad, minutes).find("is not hours") != std::string::npos);
  }

  bool yes = false;
  for (const char* t : {"ja", "J", "yes", "1", "true", "x"}) CHECK((field::yes_no(t, yes).empty() && yes));
  for (const char* t : {"nee", "N", "no", "0", "false", ""}) CHECK((field::yes_no(t, yes).empty() && !yes));
  CHECK_FALSE(field::yes_no("misschien", yes).empty());
}

TEST_CASE("roster csv: every bad row named by line and field, nothing taken", "[server][roster]") {
  const std::string long_name(10'000, 'a');
  const std::string csv = kHeader +
                          "p1;Ann;Smit;C1;1234;nl;ja;c-1;2026-09-01;2027-08-31;ma-ochtend;2w;4:30;ja;ja\n"  // line 2
                          "p2;Bo;Jong;C1;;;;;;;;;;;\n"                                                      // 3
                          "p3;Cem;Kaya;C3;;de;;;;;;;;;\n"                                                   // 4
                          "p4;Dirk;Bos;C4;;;;;2026-09-01;2026-01-31;;;;;\n"                                 // 5
                          "p5;Eva;Eek;C5;;;;;31-02-2026;;;;;;\n"                                            // 6
                          "p6;" +
                          long_name +
                          ";Lang;C6;;;;;;;;;;;\n"                                          // 7
                          "p7;Fien;Vos;C7;;nl;ja;c-1;2026-09-01;;ma-ochtend;2w;4:30;ja\n"  // 8
                          "p8;Gijs;Mol;C8;;;;;;;ma-nacht;;;;\n"                            // 9
                          "p9;Hans;Das;C9;;;;;;;;soms;4,33;;\n"                            // 10
                          "p10;Ina;Uil;C10;;;misschien;a/b;;;;;;;\n";                      // 11
  const auto r = parse_roster_csv(csv);
  INFO(all_errors(r));
  CHECK(r.rows.size() == 1);  // only line 2 is sound; the caller imports nothing when errors is not empty
  CHECK(has_error(r, "line 3: card_code C1 appears before on line 2"));
  CHECK(has_error(r, "line 4: language must be one of nl, en, tr, pl, ar, ti or empty, got \"de\""));
  CHECK(has_error(r, "line 5: end_date 2026-01-31 is before start_date 2026-09-01"));
  CHECK(has_error(r, "line 6: start_date is not a date: \"31-02-2026\""));
  CHECK(has_error(r, "line 7: first_name is 10000 characters long; at most 100"));
  CHECK(has_error(r, "line 8: has 14 fields, the header has 15"));
  CHECK(has_error(r, "line 9: agreed_dagdelen \"ma-nacht\" is not a weekday and dagdeel"));
  CHECK(has_error(r, "line 10: talk_every is not a number of days or weeks: \"soms\""));
  CHECK(has_error(r, "line 10: agreed_hours must be in quarter hours"));
  CHECK(has_error(r, "line 11: mandatory must be ja or nee, got \"misschien\""));
  CHECK(has_error(r, "line 11: coach_id must be 1-64 characters without '/'"));
  CHECK(r.errors.size() == 11);
}

TEST_CASE("roster csv: a bad header is refused before any row", "[server][roster]") {
  auto r = parse_roster_csv("id;first_name;last_name;taal\np1;A;B;nl\n");
  CHECK(has_error(r, "line 1: unknown column \"taal\""));
  r = parse_roster_csv("id;first_name\np1;A\n");
  CHECK(has_error(r, "line 1: the column \"last_name\" is missing"));
  r = parse_roster_csv("id;first_name;last_name;pin;PIN\n");
  CHECK(has_error(r, "line 1: column \"pin\" appears twice"));
  r = parse_roster_csv("");
  CHECK(has_error(r, "line 1: the file is empty"));
  r = parse_roster_csv("id;first_name;last_name\np1;\"Ann;Smit\n");
  CHECK(has_error(r, "a quoted field is not closed"));
  CHECK(r.rows.empty());
}

TEST_CASE("roster csv: names are counted in characters and must be UTF-8", "[server][roster]") {
  const std::string hundred_accents = [] {
    std::string s;
    for (int i = 0; i < 100; ++i) s += "é";  // 200 bytes, 100 characters: fine
    return s;
  }();
  auto r = parse_roster_csv("id,first_name,last_name\np1," + hundred_accents + ",B\np2,\xC3\x28,B\n");
  CHECK(r.rows.size() == 1);
  CHECK(has_error(r, "line 3: first_name is not UTF-8 text"));
}
