// The pull page: participants' agreements travel and come back as they were; a participant row
// with malformed agreements is left out with a line naming it and the field, the rest of the
// page still applies (a page that always fails would stop the kiosk's sync for good).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "wire/wire.hpp"

using namespace meedoen;
using nlohmann::json;

namespace {

wire::PullPage page_with_two() {
  wire::PullPage page;
  page.server_time = 1000;
  page.cursor = "r2.e0";
  wire::WireParticipant a;
  a.p.id = "p1";
  a.p.first_name = "Amal";
  a.p.last_name = "Haddad";
  a.p.start_date = "2026-09-01";
  a.p.end_date = "2027-08-31";
  a.p.agreed_parts = core::agreed_bit(0, core::Dagdeel::Morning) | core::agreed_bit(6, core::Dagdeel::Evening);
  a.p.talk_every_days = 21;
  a.p.agreed_minutes_per_week = 270;
  a.p.show_agreed_hours = true;
  a.p.photo_consent = true;
  wire::WireParticipant b;
  b.p.id = "p2";
  b.p.first_name = "Bram";
  b.p.last_name = "Bos";
  page.participants = {a, b};
  return page;
}

}  // namespace

TEST_CASE("pull page: agreements round-trip", "[wire]") {
  wire::PullPage out;
  std::string error;
  REQUIRE(wire::decode_pull_page(wire::encode_pull_page(page_with_two()), out, error));
  REQUIRE(out.participants.size() == 2);
  const core::Participant& p = out.participants[0].p;
  CHECK(p.start_date == "2026-09-01");
  CHECK(p.end_date == "2027-08-31");
  CHECK(p.agreed_parts == (core::agreed_bit(0, core::Dagdeel::Morning) | core::agreed_bit(6, core::Dagdeel::Evening)));
  CHECK(p.talk_every_days == 21);
  CHECK(p.agreed_minutes_per_week == 270);
  CHECK(p.show_agreed_hours);
  CHECK(p.photo_consent);
  CHECK(out.skipped.empty());
}

TEST_CASE("pull page: a participant with malformed agreements is skipped, named with the field", "[wire]") {
  const auto [field, value, why] = GENERATE(table<const char*, json, const char*>({
      {"start_date", "31-02-2026", "participants[0].start_date is not a date"},
      {"end_date", "gisteren", "participants[0].end_date is not a date"},
      {"agreed_parts", 1 << 21, "participants[0].agreed_parts is out of range"},
      {"agreed_parts", -1, "participants[0].agreed_parts is out of range"},
      {"end_date", "2026-01-01", "end_date 2026-01-01 is before start_date 2026-09-01"},
      {"talk_every_days", 9999, "talk_every_days must be 0 to 365"},
      {"agreed_minutes", "4:30", "participants[0].agreed_minutes must be an integer"},
  }));
  INFO(field << " = " << value.dump());
  json j = json::parse(wire::encode_pull_page(page_with_two()));
  j["participants"][0][field] = value;
  wire::PullPage out;
  std::string error;
  REQUIRE(wire::decode_pull_page(j.dump(), out, error));
  CHECK(error.empty());
  REQUIRE(out.participants.size() == 1);  // the rest of the page applies
  CHECK(out.participants[0].p.id == "p2");
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].find("participant p1 skipped") != std::string::npos);
  CHECK(out.skipped[0].find(why) != std::string::npos);
  CHECK(out.cursor == "r2.e0");
}

TEST_CASE("pull page: a participant row without an id still fails the page", "[wire]") {
  json j = json::parse(wire::encode_pull_page(page_with_two()));
  j["participants"][0].erase("id");
  wire::PullPage out;
  std::string error;
  CHECK_FALSE(wire::decode_pull_page(j.dump(), out, error));
  CHECK(error.find("participants[0].id is missing") != std::string::npos);
}

TEST_CASE("pull page: an event the server flagged clock_off keeps the flag, other values are refused", "[wire]") {
  wire::PullPage page;
  page.cursor = "r1.e2";
  wire::WireEvent e;
  e.id = "e-1";
  e.device_id = "kiosk-b";
  e.seq = 1;
  e.wall_ms = 4'000'000'000'000;  // 2096: a kiosk's clock far ahead
  e.hlc = "4000000000000.0000000000";
  e.type = "check_in";
  e.participant_id = "p1";
  e.payload = R"({"date":"2096-10-02","dagdeel":"morning"})";
  e.clock_off = true;
  page.events.push_back(e);
  e.id = "e-2";
  e.clock_off = false;
  page.events.push_back(e);
  const std::string body = wire::encode_pull_page(page);
  CHECK(json::parse(body)["events"][0]["clock_off"] == true);
  CHECK_FALSE(json::parse(body)["events"][1].contains("clock_off"));  // only when true
  wire::PullPage out;
  std::string error;
  REQUIRE(wire::decode_pull_page(body, out, error));
  REQUIRE(out.events.size() == 2);
  CHECK(out.events[0].clock_off);
  CHECK_FALSE(out.events[1].clock_off);

  json j = json::parse(body);
  j["events"][0]["clock_off"] = "yes";
  CHECK_FALSE(wire::decode_pull_page(j.dump(), out, error));
  CHECK(error == "events[0].clock_off must be true or false");
}
