// Issue 14, the server's side: what a kiosk token (or a broken kiosk) can send and what the server
// makes of it. Deep nesting, facts from parsed fields only, conflicting duplicates, rejected ids,
// numbers out of range and clocks far ahead; each on both stores.
#include <catch2/catch.hpp>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "core/journal.hpp"
#include "server/report_inputs.hpp"
#include "server/server_store.hpp"
#include "support/server_http.hpp"
#include "support/sync_fixture.hpp"

using namespace meedoen;
using namespace meedoen::test;
using nlohmann::json;

namespace {

const std::string kDeviceA = "0193a000-0000-7000-8000-00000000000a";
const std::string kDeviceB = "0193a000-0000-7000-8000-00000000000b";

std::string event_id(int n) {
  char id[40];
  std::snprintf(id, sizeof id, "0193b000-0000-7000-8000-%012d", n);
  return id;
}

core::TimeMs wall_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The push answer's results, REQUIREd to be a 200.
json push(Http& h, const std::string& device, const std::vector<PushEvent>& events) {
  auto r = h.post("/v1/push", push_body(device, events));
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  return json::parse(r->body);
}

int count_lines(const std::string& log, const std::string& needle) {
  int n = 0;
  for (std::size_t at = log.find(needle); at != std::string::npos; at = log.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("server: a push nested 75,000 levels deep is refused with 400 and one log line, the server stays up",
          "[server][hostile]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServedKiosk k(dir, store, kDeviceA);
  auto& [server, token, device, h] = k;
  const int depth = 75'000;  // a 150 KB body; before: SIGSEGV in read_event's dump
  const std::string deep = std::string(depth, '[') + std::string(depth, ']');
  const std::string body = "{\"device_id\":\"" + device + "\",\"events\":[" +
                           event_json(device, 1, "check_in", "demo-p-0001",
                                      R"({"date":"2026-11-23","dagdeel":"morning","x":)" + deep + "}") +
                           "]}";
  auto r = h.post("/v1/push", body);
  REQUIRE(r);
  CHECK(r->status == 400);
  CHECK(reason_of(r).find("nests arrays and objects more than 32 deep") != std::string::npos);
  // The same for an enrolment and with objects instead of arrays.
  std::string objects;
  for (int i = 0; i < depth; ++i) objects += "{\"a\":";
  objects += "1" + std::string(depth, '}');
  auto e = Http(server.port()).post("/v1/enrol", objects);
  REQUIRE(e);
  CHECK(e->status == 400);
  REQUIRE(server.running());
  auto t = h.get("/v1/time");
  REQUIRE(t);
  CHECK(t->status == 200);
  CHECK(server_events(server) == 0);
  CHECK(count_lines(server.log(), "nests arrays") == 2);  // one line each
  // A body that nests as deep as the protocol does still goes through.
  CHECK(push(h, device, {PushEvent{event_id(1), device}})["results"][0]["status"] == "stored");
}

TEST_CASE("server: an event is filed under its payload's parsed date, whatever keys sort before it",
          "[server][hostile]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServedKiosk k(dir, store, kDeviceA);
  auto& [server, token, device, h] = k;
  PushEvent e{event_id(1), device};
  // Sorted, "aaa" comes first: its text holds "date":"1999-01-01" before the real date.
  e.payload = {{"aaa", {{"date", "1999-01-01"}}}, {"date", "2026-11-23"}, {"dagdeel", "morning"}};
  CHECK(push(h, device, {e})["results"][0]["status"] == "stored");
  CHECK(server_count(server, "SELECT COUNT(*) FROM events WHERE date = '2026-11-23'") == 1);
  CHECK(server_count(server, "SELECT COUNT(*) FROM events WHERE date = '1999-01-01'") == 0);
  // And the day's report finds it.
  auto s = server::ServerStore::open(server.db());
  const auto day = s->events("de-cirkel", "2026-11-23", "2026-11-23");
  REQUIRE(day.size() == 1);
  CHECK(day[0].e.id == e.id);
}

TEST_CASE("server: the same id with other content or from another centre is a conflict, logged, not stored",
          "[server][hostile]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServedKiosk k(dir, store, kDeviceA);
  auto& [server, token, device, h] = k;
  server.admin("create-centre --id de-brug --name 'De Brug'");
  PushEvent e{event_id(1), device};
  CHECK(push(h, device, {e})["results"][0]["status"] == "stored");
  // The same again: a lost answer pushed twice is a duplicate.
  CHECK(push(h, device, {e})["results"][0]["status"] == "duplicate");
  // The same id with another payload, or another stamp: a conflict; the first one stays.
  PushEvent other = e;
  other.payload["dagdeel"] = "afternoon";
  PushEvent restamped = e;
  restamped.seq = 2;
  const json a = push(h, device, {other, restamped});
  CHECK(a["results"][0]["status"] == "conflict");
  CHECK(a["results"][0]["reason"].get<std::string>().find("payload") != std::string::npos);
  CHECK(a["results"][1]["status"] == "conflict");
  CHECK(a["results"][1]["reason"].get<std::string>().find("seq") != std::string::npos);
  CHECK(server_events(server) == 1);
  CHECK(server_count(server, "SELECT COUNT(*) FROM events WHERE payload LIKE '%afternoon%'") == 0);
  CHECK(server_count(server, "SELECT COUNT(*) FROM rejections") == 0);  // a conflict is not a rejection
  // Another centre's kiosk with the same id and the same content: a conflict too.
  Http brug(server.port());
  auto r = brug.post("/v1/enrol", json{{"code", server.enrol_code("de-brug")}, {"device_id", kDeviceB}}.dump());
  REQUIRE(r);
  REQUIRE(r->status == 200);
  brug.token = json::parse(r->body)["token"].get<std::string>();
  PushEvent copied = e;
  copied.device = kDeviceB;
  const json b = push(brug, kDeviceB, {copied});
  CHECK(b["results"][0]["status"] == "conflict");  // not "unknown participant": the id is taken
  CHECK(b["results"][0]["reason"].get<std::string>().find("another centre") != std::string::npos);
  CHECK(server_count(server, "SELECT COUNT(*) FROM events WHERE centre_id = 'de-brug'") == 0);
  CHECK(count_lines(server.log(), "event " + e.id + " conflict") == 3);
}

TEST_CASE("server: a rejected id stays rejected with its first reason, also pushed again with a valid body",
          "[server][hostile]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServedKiosk k(dir, store, kDeviceA);
  auto& [server, token, device, h] = k;
  PushEvent bad{event_id(1), device};
  bad.participant = "nobody";
  const json first = push(h, device, {bad});
  CHECK(first["results"][0]["status"] == "rejected");
  const std::string reason = first["results"][0]["reason"];
  CHECK(reason.find("unknown participant nobody") != std::string::npos);
  PushEvent valid = bad;
  valid.participant = "demo-p-0001";
  const json again = push(h, device, {valid});
  CHECK(again["results"][0]["status"] == "rejected");
  CHECK(again["results"][0]["reason"] == reason);
  CHECK(server_events(server) == 0);
  // Restarted: the rejection is in the database, not in memory.
  server.stop();
  server.start();
  CHECK(push(h, device, {valid})["results"][0]["status"] == "rejected");
  CHECK(server_events(server) == 0);
}

TEST_CASE("server: every number of an event is range-checked, each refusal with its own reason", "[server][hostile]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServedKiosk k(dir, store, kDeviceA);
  auto& [server, token, device, h] = k;
  struct Case {
    PushEvent e;
    const char* reason;
  };
  std::vector<Case> cases;
  auto add = [&](const char* reason, auto change) {
    PushEvent e{event_id(static_cast<int>(cases.size()) + 10), k.device};
    change(e);
    cases.push_back({e, reason});
  };
  add("seq 9223372036854775807 is more than 1000000 ahead", [](PushEvent& e) { e.seq = INT64_MAX; });
  add("seq 1000002 is more than 1000000 ahead", [](PushEvent& e) { e.seq = 1'000'002; });
  add("wall_ms 0 is not a time", [](PushEvent& e) { e.wall_ms = 0; });
  add("wall_ms -5 is not a time", [](PushEvent& e) { e.wall_ms = -5; });
  add("wall_ms 9000000000000000 is not a time", [](PushEvent& e) { e.wall_ms = 9'000'000'000'000'000; });
  add("hlc 1000 is not a time", [](PushEvent& e) { e.hlc = "0000000000001000.0000000000"; });
  add("'at' 5 is not a time", [](PushEvent& e) { e.payload["at"] = 5; });
  add("'at' 99999999999999 is not a time", [](PushEvent& e) { e.payload["at"] = 99'999'999'999'999; });
  add("'proposed_end' 99999999999999 is not a time", [](PushEvent& e) {
    e.type = "correction_requested";
    e.payload = {{"date", "2026-11-23"}, {"check_in_event", event_id(1)}, {"proposed_end", 99'999'999'999'999}};
  });
  std::vector<PushEvent> events;
  for (const auto& c : cases) events.push_back(c.e);
  PushEvent fine{event_id(1), device};
  events.push_back(fine);
  const json a = push(h, device, events);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO(cases[i].reason);
    CHECK(a["results"][i]["status"] == "rejected");
    CHECK(a["results"][i]["reason"].get<std::string>().find(cases[i].reason) != std::string::npos);
  }
  CHECK(a["results"][cases.size()]["status"] == "stored");
  // seq 1 after the refused 2^63-1: no gap, and the kiosk's last seq is 1, not 2^63-1.
  CHECK(a["warnings"].empty());
  CHECK(a["last_seq"] == 1);
  CHECK(server_count(server, "SELECT last_seq FROM kiosks WHERE device_id = '" + device + "'") == 1);
  PushEvent next{event_id(2), device};
  next.seq = 2;
  const json b = push(h, device, {next});
  CHECK(b["results"][0]["status"] == "stored");
  CHECK(b["warnings"].empty());
}

TEST_CASE("server: an event stamped far ahead is kept, flagged clock_off on push and pull, and wins nothing",
          "[server][hostile]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  auto [token_a, device_a] = enrol(server, kDeviceA);
  auto [token_b, device_b] = enrol(server, kDeviceB);
  Http a(server.port(), token_a), b(server.port(), token_b);
  const core::TimeMs now = wall_now();
  const core::TimeMs y2099 = 4'084'000'000'000;
  const std::string stamp_2099 = core::hlc_to_string({y2099, 0});
  // Kiosk A, its clock in 2099: a check-in, and an activity saved.
  PushEvent in{event_id(1), device_a};
  in.wall_ms = y2099;
  in.hlc = stamp_2099;
  in.payload = {{"date", "2026-11-23"}, {"dagdeel", "morning"}, {"at", now}};
  json activity = {{"id", "a-hostile"},    {"title", "Koffie 2099"}, {"icon", "coffee"}, {"weekday", 0},
                   {"date", ""},           {"dagdeel", "morning"},   {"start", "09:30"}, {"end", "11:00"},
                   {"place", "Huiskamer"}, {"leader", "Marloes"},    {"capacity", 0},    {"volunteer_work", false},
                   {"active", true},       {"coach_id", "c-1"}};
  PushEvent saved{event_id(2), device_a};
  saved.seq = 2;
  saved.wall_ms = now;  // the wall clock was put right, the stamp still runs ahead: flagged as well
  saved.hlc = core::hlc_to_string({y2099, 1});
  saved.type = "activity_saved";
  saved.participant = "";
  saved.payload = activity;
  const json pa = push(a, device_a, {in, saved});
  CHECK(pa["results"][0]["status"] == "stored");
  CHECK(pa["results"][0]["clock_off"] == true);
  CHECK(pa["results"][1]["clock_off"] == true);
  CHECK(server_count(server, "SELECT COUNT(*) FROM events WHERE flags = 'clock_ahead'") == 2);
  // Kiosk B, later, with a right clock: the check-out and a new title. Newer facts, so they win.
  PushEvent out{event_id(3), device_b};
  out.type = "check_out";
  out.wall_ms = now + 60'000;  // within the drift: not flagged
  out.hlc = core::hlc_to_string({now + 60'000, 0});
  out.payload = {{"date", "2026-11-23"}, {"at", now + 60'000}};
  PushEvent retitled = saved;
  retitled.id = event_id(4);
  retitled.device = device_b;
  retitled.seq = 2;
  retitled.wall_ms = now + 61'000;
  retitled.hlc = core::hlc_to_string({now + 61'000, 0});
  retitled.payload["title"] = "Koffie";
  const json pb = push(b, device_b, {out, retitled});
  CHECK(pb["results"][0]["status"] == "stored");
  CHECK_FALSE(pb["results"][0].contains("clock_off"));
  // The programme row: B's title, not the 2099 one.
  const auto body = server_rows(server.db(), "SELECT body FROM activities WHERE id = 'a-hostile'");
  REQUIRE(body.size() == 1);
  CHECK(json::parse(body.front().text(0))["title"] == "Koffie");
  // The reports fold the check-out after the check-in: the participant is not still present.
  auto s = server::ServerStore::open(server.db());
  const auto events = s->events("de-cirkel", "2026-11-23", "2026-11-23");
  REQUIRE(events.size() == 2);
  CHECK(events[0].e.id == in.id);
  CHECK(events[0].e.clock_off);
  const auto subjects = server::by_subject(events);
  REQUIRE(subjects.size() == 1);
  const auto attendance = core::fold_attendance(subjects.begin()->second);
  REQUIRE(attendance.size() == 1);
  CHECK_FALSE(attendance[0].open());
  // On pull, B sees A's events with the flag, with their stamps as they are.
  auto r = b.get("/v1/pull");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  int flagged = 0;
  const json page = json::parse(r->body);
  for (const auto& ev : page["events"])
    if (ev.value("clock_off", false)) {
      ++flagged;
      CHECK(ev["hlc"].get<std::string>().rfind("000408400000", 0) == 0);
    }
  CHECK(flagged == 2);
}
