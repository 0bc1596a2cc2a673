// Programme edits (activity_saved) between kiosks through a real meedoen-server: an edit made
// offline on kiosk A reaches kiosk B, two offline edits of one activity end the same on both
// (the last in fold order), and the server refuses what the journal's rules refuse.
#include <catch2/catch.hpp>

#include <string>

#include "support/people.hpp"
#include "support/sync_fixture.hpp"

using namespace meedoen;
using namespace meedoen::test;

TEST_CASE("sync: a new activity made offline on kiosk A shows on kiosk B", "[sync][programme]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk a(dir, "a", server.url(), server.enrol_code());
  TestKiosk b(dir, "b", server.url(), server.enrol_code());
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  // Offline on A: a new one-off activity, and a demo activity taken off the programme.
  core::Activity once = knitting();
  once.date = "2026-11-26";
  a.store().record("", core::ev::ActivitySaved{once, "demo-coach-1"}, kMonday0942);
  core::Activity off = *find_activity(a.store().load_programme(), "demo-a-01");
  off.active = false;
  a.store().record("", core::ev::ActivitySaved{off, "demo-coach-1"}, kMonday0942 + 1000);
  CHECK(find_activity(b.store().load_programme(), once.id) == std::nullopt);
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  for (auto* k : {&a, &b}) {
    const auto programme = k->store().load_programme();
    const auto got = find_activity(programme, once.id);
    REQUIRE(got.has_value());
    CHECK(got->title == "Breien");
    CHECK(got->date == "2026-11-26");
    CHECK(got->capacity == 8);
    CHECK(got->volunteer_work);
    REQUIRE(find_activity(programme, "demo-a-01") != std::nullopt);
    CHECK_FALSE(find_activity(programme, "demo-a-01")->active);
  }
  // Nothing doubled: B holds A's two events once, and a second round changes nothing.
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  SQLite::Database db(b.db(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT COUNT(*) FROM events WHERE type = 'activity_saved'").getInt() == 2);
  CHECK(db.execAndGet("SELECT COUNT(*) FROM activities").getInt() == 18);
}

TEST_CASE("sync: two kiosks edit one activity offline, both end with the last in fold order", "[sync][programme]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk a(dir, "a", server.url(), server.enrol_code());
  TestKiosk b(dir, "b", server.url(), server.enrol_code());
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  core::Activity on_a = *find_activity(a.store().load_programme(), "demo-a-02");
  core::Activity on_b = on_a;
  on_a.title = "Samen koken (A)";
  on_a.capacity = 4;
  on_b.title = "Samen koken (B)";
  on_b.capacity = 12;
  // B edits later by its clock: B's stamp is the later one, whoever syncs first.
  b.store().record("", core::ev::ActivitySaved{on_b, "demo-coach-2"}, kMonday0942 + 60'000);
  a.store().record("", core::ev::ActivitySaved{on_a, "demo-coach-1"}, kMonday0942);
  SECTION("B syncs first") {
    REQUIRE(b.sync().ok);
    REQUIRE(a.sync().ok);  // A's edit loses on the server, and A pulls the winner back
    REQUIRE(b.sync().ok);
  }
  SECTION("A syncs first") {
    REQUIRE(a.sync().ok);
    REQUIRE(b.sync().ok);
    REQUIRE(a.sync().ok);
  }
  for (auto* k : {&a, &b}) {
    const auto got = find_activity(k->store().load_programme(), "demo-a-02");
    REQUIRE(got.has_value());
    CHECK(got->title == "Samen koken (B)");
    CHECK(got->capacity == 12);
  }
}

TEST_CASE("sync: the server refuses an activity_saved the rules refuse, and keeps going", "[sync][programme]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk a(dir, "a", server.url(), server.enrol_code());
  REQUIRE(a.sync().ok);
  // Written past the Store's checks (an older or broken kiosk): a 10,000-character title.
  {
    SQLite::Database db(a.db(), SQLite::OPEN_READWRITE);
    const std::string payload =
        "{\"id\":\"a-x\",\"title\":\"" + std::string(10'000, 'x') +
        "\",\"icon\":\"craft\",\"weekday\":0,\"date\":\"\",\"dagdeel\":\"morning\",\"start\":\"09:00\","
        "\"end\":\"10:00\",\"place\":\"\",\"leader\":\"\",\"capacity\":0,\"volunteer_work\":false,"
        "\"active\":true}";
    SQLite::Statement st(
        db,
        "INSERT INTO events (id, device_id, seq, wall_ms, hlc, type, participant_id, payload, subject) "
        "VALUES ('0193c0de-0000-7000-8000-0000000000ff', ?, 1, ?, '0001795423320000.0000000000', "
        "'activity_saved', '', ?, 'activity/a-x')");
    st.bind(1, a.store().device_id());
    st.bind(2, kMonday0942);
    st.bind(3, payload);
    st.exec();
  }
  a.store().record("", core::ev::ActivitySaved{knitting(), "demo-coach-1"}, kMonday0942 + 1000);
  REQUIRE(a.sync().ok);
  auto sync_db = storage::SyncStore::open(a.db());
  const auto rejected = sync_db.rejected();
  REQUIRE(rejected.size() == 1);
  CHECK(rejected[0].second.find("longer than 120 characters") != std::string::npos);
  TestKiosk b(dir, "b", server.url(), server.enrol_code());
  REQUIRE(b.sync().ok);
  CHECK(find_activity(b.store().load_programme(), knitting().id) != std::nullopt);
  CHECK(find_activity(b.store().load_programme(), "a-x") == std::nullopt);
}
