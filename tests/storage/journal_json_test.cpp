// journal_json_line: the journal as JSON lines for export and debugging.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "storage/store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;

TEST_CASE("journal_json_line: one line of valid JSON with the event's fields", "[storage]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  storage::Store store = storage::Store::open(dir.file("kiosk.db"));
  store.check_in("p-ayse", test::kMonday0942 + 7000, "2026-11-23", core::Dagdeel::Morning);
  const auto journal = store.journal();
  REQUIRE(journal.size() == 1);
  const auto& e = journal[0];

  const std::string line = storage::journal_json_line(e);
  CHECK(line.find('\n') == std::string::npos);
  const auto j = nlohmann::json::parse(line);  // throws when not valid JSON
  REQUIRE(j.is_object());
  CHECK(j.at("id") == e.id);
  CHECK(j.at("type") == "check_in");
  CHECK(j.at("participant") == "p-ayse");
  CHECK(j.at("time") == "2026-11-23T09:42:07");  // local time
  CHECK(j.at("wall_ms") == test::kMonday0942 + 7000);
  CHECK(j.at("hlc") == e.hlc);
  CHECK(j.at("device") == store.device_id());
  CHECK(j.at("seq") == 1);
  CHECK(j.at("synced") == false);
  REQUIRE(j.at("payload").is_object());
  CHECK(j.at("payload").at("date") == "2026-11-23");
  CHECK(j.at("payload").at("dagdeel") == "morning");
}

TEST_CASE("journal_json_line: awkward text stays one valid line", "[storage]") {
  test::use_amsterdam_time();
  storage::JournalEntry e;
  e.id = "id-1";
  e.type = "check_in";
  e.participant_id = "quote \" backslash \\ newline \n tab \t Ayşe \xFF";  // and one invalid byte
  e.wall = test::kSummerNoon;
  e.payload = R"({"note":"line one\nline two"})";
  const std::string line = storage::journal_json_line(e);
  CHECK(line.find('\n') == std::string::npos);
  const auto j = nlohmann::json::parse(line);
  CHECK(j.at("participant").get<std::string>().rfind("quote \" backslash \\ newline \n tab \t Ayşe ", 0) == 0);
  CHECK(j.at("time") == "2026-07-01T12:00:00");
  CHECK(j.at("payload").at("note") == "line one\nline two");
}

// A payload that is not JSON (empty, or damaged) makes nlohmann return a "discarded" value, which
// dumps as the bare text <discarded>: the line is no longer JSON.
TEST_CASE("journal_json_line: stays valid JSON when the payload is not JSON", "[storage]") {
  storage::JournalEntry e;
  e.id = "id-2";
  e.type = "check_in";
  e.payload = "not json {";
  const std::string line = storage::journal_json_line(e);
  INFO(line);
  CHECK(nlohmann::json::accept(line));
}
