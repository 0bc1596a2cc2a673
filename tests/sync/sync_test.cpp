// The kiosk's sync against a real meedoen-server on loopback: the failure scenarios of
// shared/SYNC.md, each asserted on both databases.
#include <SQLiteCpp/SQLiteCpp.h>
#include <httplib.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include <thread>

#include "support/fault_proxy.hpp"
#include "support/sync_fixture.hpp"

using namespace meedoen;
using namespace meedoen::test;

namespace {

const core::TimeMs kDay = 24LL * 3600 * 1000;

}  // namespace

TEST_CASE("sync: enrolment, then the roster and programme arrive", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  const auto r = k.sync();
  REQUIRE(r.ok);
  CHECK(r.data_changed);
  CHECK(k.store().load_roster().all().size() == 42);
  CHECK(k.store().load_programme().size() == 17);
  CHECK(k.store().load_coaches().size() == 2);
  CHECK(k.store().setting("centre_name") == "De Cirkel");
  CHECK(k.store().verify_pin("demo-p-0007", "0007"));  // PIN hashes travel, PINs never do
  const auto s = k.worker().status();
  CHECK(s.online);
  CHECK(s.enrolled);
  CHECK(s.last_success > 0);
  CHECK_FALSE(s.clock_off);
  SECTION("the code works once") {
    TestKiosk other(dir, "b", server.url(), "");
    CHECK_FALSE(other.sync().ok);  // no code: not enrolled
    const std::string used = server.admin("kiosks");
    CHECK(used.find("enrolled") != std::string::npos);
  }
}

TEST_CASE("sync: a day offline, then every event arrives once", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  TestKiosk k(dir, "a", server.url(), "");
  server.start();
  const std::string code = server.enrol_code();
  k.restart_worker(server.url(), code);
  REQUIRE(k.sync().ok);
  server.stop();
  // A day of check-ins and check-outs with the server unreachable.
  k.write_events(300, kMonday0942 - kDay);
  for (int i = 0; i < 3; ++i) {
    const auto r = k.sync();
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("no answer") != std::string::npos);
  }
  CHECK(k.unsent() == 300);
  CHECK(k.worker().status().failures == 3);
  CHECK_FALSE(k.worker().status().online);
  server.start();
  const auto r = k.sync();
  REQUIRE(r.ok);
  CHECK(r.pushed == 300);
  CHECK(k.unsent() == 0);
  CHECK(server_events(server) == 300);
  // Again: nothing new is sent and nothing is stored twice.
  REQUIRE(k.sync().ok);
  CHECK(server_events(server) == 300);
  CHECK(server_count(server, "SELECT MAX(seq) FROM events") == 300);
  CHECK(server_count(server, "SELECT gaps + seq_reused FROM kiosks WHERE device_id IS NOT NULL") == 0);
}

TEST_CASE("sync: the server's answer is lost, the retry stores nothing twice", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  // Enrolled directly first: the client keeps its connection open, so through the proxy the push
  // is the first request of connection 0; the answers on connections 0 and 1 are lost.
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(k.sync().ok);
  FaultProxy proxy(server.port(),
                   [](int n) { return n == 0 || n == 1 ? FaultProxy::Fault::LoseAnswer : FaultProxy::Fault::None; });
  k.restart_worker(proxy.url(), "");
  k.write_events(40, kMonday0942);
  CHECK_FALSE(k.sync().ok);            // the push answer is lost
  CHECK(server_events(server) == 40);  // the server committed before answering
  CHECK(k.unsent() == 40);             // but the kiosk cannot know: it keeps them
  CHECK(k.sync_until_ok() > 0);
  CHECK(k.unsent() == 0);
  CHECK(server_events(server) == 40);
  CHECK(proxy.faults() == 2);
}

TEST_CASE("sync: the same batch twice, also at the same time, is stored once", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(k.sync().ok);
  k.write_events(200, kMonday0942);
  auto sync_db = storage::SyncStore::open(k.db());
  wire::PushRequest req{sync_db.device_id(), sync_db.pending(500, 1 << 22)};
  REQUIRE(req.events.size() == 200);
  const std::string body = wire::encode_push_request(req);
  const std::string token = sync_db.token();
  auto push = [&] {
    httplib::Client c("127.0.0.1", server.port());
    auto r = c.Post("/v1/push", httplib::Headers{{"Authorization", "Bearer " + token}}, body, "application/json");
    wire::PushAnswer a;
    std::string error;
    REQUIRE(r);
    REQUIRE(r->status == 200);
    REQUIRE(wire::decode_push_answer(r->body, a, error));
    return a;
  };
  wire::PushAnswer first, second;
  std::thread t([&] { second = push(); });
  first = push();
  t.join();
  int stored = 0, duplicate = 0;
  for (const auto* a : {&first, &second})
    for (const auto& x : a->results) (x.status == wire::PushStatus::Stored ? stored : duplicate)++;
  CHECK(stored == 200);
  CHECK(duplicate == 200);
  CHECK(push().results.back().status == wire::PushStatus::Duplicate);
  CHECK(server_events(server) == 200);
}

TEST_CASE("sync: the server killed in the middle of a push, then restarted: no loss, no duplicate", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start("--fault-push-delay-ms 150");  // each batch waits before its commit
  TestKiosk k(dir, "a", server.url(), server.enrol_code(), 100);
  k.write_events(1000, kMonday0942);
  k.worker().start();
  k.worker().sync_now();
  // Kill it while batches are being committed.
  for (int i = 0; i < 300 && server_events(server) < 200; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  server.kill_hard();
  const std::int64_t before = server_events(server);
  CHECK(before >= 200);
  CHECK(before < 1000);
  CHECK(before % 100 == 0);  // whole batches or nothing
  server.start();
  k.worker().sync_now();
  for (int i = 0; i < 500 && k.worker().status().unsent > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  k.worker().stop();
  CHECK(k.unsent() == 0);
  CHECK(server_events(server) == 1000);
  CHECK(server_count(server, "SELECT COUNT(DISTINCT seq) FROM events") == 1000);
  CHECK(server_count(server, "SELECT gaps + seq_reused FROM kiosks WHERE device_id IS NOT NULL") == 0);
}

TEST_CASE("sync: the server's database fails in the middle of a batch: nothing half-acknowledged", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start("--fault-fail-after 50");
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  k.write_events(120, kMonday0942);
  const auto r = k.sync();
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("503") != std::string::npos);
  CHECK(r.retry_after_s == 5);
  CHECK(server_events(server) == 0);
  CHECK(k.unsent() == 120);
  server.stop();
  server.start();
  REQUIRE(k.sync().ok);
  CHECK(server_events(server) == 120);
  CHECK(k.unsent() == 0);
}

TEST_CASE("sync: connection drops and cut-off answers end in a complete, duplicate-free sync", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  // Three of every four connections fail, in turn dropped at once, answer lost, answer cut off.
  FaultProxy proxy(server.port(), [](int n) {
    switch (n % 4) {
      case 0: return FaultProxy::Fault::DropAtOnce;
      case 1: return FaultProxy::Fault::LoseAnswer;
      case 2: return FaultProxy::Fault::TruncateAnswer;
      default: return FaultProxy::Fault::None;
    }
  });
  TestKiosk a(dir, "a", proxy.url(), server.enrol_code(), 50);
  TestKiosk b(dir, "b", server.url(), server.enrol_code());
  a.write_events(400, kMonday0942);
  int cycles = 0;
  while (a.unsent() > 0 && cycles < 200) {
    a.sync();
    ++cycles;
  }
  CHECK(a.unsent() == 0);
  CHECK(proxy.faults() >= 3);
  CHECK(server_events(server) == 400);
  // And pulls through the same faults arrive whole: b's events reach a.
  b.write_events(30, kMonday0942 + kDay);
  REQUIRE(b.sync().ok);
  for (int i = 0; i < 50 && a.store().event_count() < 430; ++i) a.sync();
  CHECK(a.store().event_count() == 430);
  CHECK(server_events(server) == 430);
}

TEST_CASE("sync: two kiosks converge: in on A, out on B is one attendance everywhere", "[sync]") {
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
  const std::string date = "2026-11-23";
  a.store().check_in("demo-p-0001", kMonday0942, date, core::Dagdeel::Morning);
  REQUIRE(a.sync().ok);
  const auto rb = b.sync();
  REQUIRE(rb.ok);
  CHECK(rb.pulled_events == 1);
  CHECK(b.worker().take_data_changed());
  auto on_b = b.store().load_attendance(date);
  REQUIRE(on_b.size() == 1);
  CHECK(on_b[0].open());
  // B's clock is a little behind A's: the check-out must still fold after the check-in.
  b.store().check_out("demo-p-0001", kMonday0942 - 30'000 + 3 * 3'600'000, date);
  REQUIRE(b.sync().ok);
  REQUIRE(a.sync().ok);
  for (auto* k : {&a, &b}) {
    const auto att = k->store().load_attendance(date);
    REQUIRE(att.size() == 1);
    CHECK(att[0].participant_id == "demo-p-0001");
    CHECK(att[0].check_in == kMonday0942);
    CHECK_FALSE(att[0].open());
  }
  const std::string report = server.admin("report attendance --centre de-cirkel --from 2026-11-23 --to 2026-11-23");
  CHECK(report.find("\"status\": \"present\"") != std::string::npos);
  CHECK(report.find("demo-p-0001") == report.rfind("demo-p-0001"));  // one row
}

TEST_CASE("sync: a kiosk whose clock was once in 2099 cannot make an older check-out lose", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  ServerProcess server(dir);
  server.start();
  TestKiosk a(dir, "a", server.url(), server.enrol_code());
  TestKiosk b(dir, "b", server.url(), server.enrol_code());
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  // A ran once with its clock in 2099, then its clock was put right.
  const core::TimeMs y2099 = 4'084'000'000'000;
  a.store().check_in("demo-p-0002", y2099, "2099-05-31", core::Dagdeel::Morning);
  const std::string date = "2026-11-23";
  a.store().check_in("demo-p-0001", kMonday0942, date, core::Dagdeel::Morning);
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  // B confirms the check-out at 11:00, after it saw the check-in: that is the newer fact.
  b.store().check_out("demo-p-0001", kMonday0942 + 78 * 60'000, date);
  REQUIRE(b.sync().ok);
  REQUIRE(a.sync().ok);
  for (auto* k : {&a, &b}) {
    const auto att = k->store().load_attendance(date);
    REQUIRE(att.size() == 1);
    CHECK_FALSE(att[0].open());
  }
  // The 2099 event is kept, and flagged where the coach's reports are made.
  CHECK(server_count(server, "SELECT COUNT(*) FROM events WHERE flags = 'clock_ahead'") == 1);
}

TEST_CASE("sync: two offline kiosks that both gave away the last place agree on one place and one waiting", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  // One place left: an activity on Monday with capacity 1.
  server.admin(
      "add-activity --centre de-cirkel --id a-last --title Naaiatelier --weekday 0 --dagdeel afternoon "
      "--start 13:30 --end 15:30 --capacity 1");
  TestKiosk a(dir, "a", server.url(), server.enrol_code());
  TestKiosk b(dir, "b", server.url(), server.enrol_code());
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  const std::string date = "2026-11-23";
  // Both offline: each kiosk sees a free place and gives it away (B a little later).
  a.store().record("demo-p-0003", core::ev::SignedUp{"a-last", date}, kMonday0942);
  b.store().record("demo-p-0004", core::ev::SignedUp{"a-last", date}, kMonday0942 + 5'000);
  for (auto* k : {&a, &b}) {
    const auto local = k->store().load_signups(date, date);
    REQUIRE(local.size() == 1);
    CHECK(local[0].placed);  // offline, each kiosk believes its participant has the place
  }
  // Back online, in either order: both derive the same outcome from the same events.
  REQUIRE(b.sync().ok);
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  for (auto* k : {&a, &b}) {
    const auto list = k->store().load_signups(date, date);
    REQUIRE(list.size() == 2);
    CHECK(list[0].participant_id == "demo-p-0003");  // the earlier sign-up keeps the place
    CHECK(list[0].placed);
    CHECK(list[1].participant_id == "demo-p-0004");
    CHECK_FALSE(list[1].placed);
    CHECK(list[1].waiting_position == 1);
  }
  // A cancels: the place goes to the first on the waiting list, on both kiosks.
  a.store().record("demo-p-0003", core::ev::SignUpCancelled{"a-last", date}, kMonday0942 + 60'000);
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  for (auto* k : {&a, &b}) {
    const auto list = k->store().load_signups(date, date);
    REQUIRE(list.size() == 1);
    CHECK(list[0].participant_id == "demo-p-0004");
    CHECK(list[0].placed);
    CHECK(list[0].from_waiting_list);
  }
}

TEST_CASE("sync: two kiosks check in the same participant in the same second", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk a(dir, "a", server.url(), server.enrol_code());
  TestKiosk b(dir, "b", server.url(), server.enrol_code());
  const std::string date = "2026-11-23";
  a.store().check_in("demo-p-0002", kMonday0942, date, core::Dagdeel::Morning);
  b.store().check_in("demo-p-0002", kMonday0942 + 400, date, core::Dagdeel::Morning);
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  REQUIRE(a.sync().ok);
  const auto on_a = a.store().load_attendance(date);
  const auto on_b = b.store().load_attendance(date);
  REQUIRE(on_a.size() == 1);
  REQUIRE(on_b.size() == 1);
  CHECK(on_a[0].check_in == on_b[0].check_in);
  CHECK(server_events(server) == 2);  // both facts kept; the fold makes them one attendance
}

TEST_CASE("sync: an event the server answers conflict is kept, marked as refused, and never pushed again",
          "[sync][hostile]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  k.write_events(3, kMonday0942);
  REQUIRE(k.sync().ok);
  // The server comes to hold another event under one of the ids (another kiosk's, a bug, a
  // restored backup), and the kiosk pushes its three again (as after a lost answer).
  const std::string id = server_rows(server.db(), "SELECT id FROM events ORDER BY seq LIMIT 1").front().text(0);
  server_change(server.db(),
                "UPDATE events SET payload = '{\"date\":\"2026-11-24\",\"dagdeel\":\"morning\"}' "
                "WHERE id = ?",
                id);
  {
    SQLite::Database db(k.db(), SQLite::OPEN_READWRITE);
    // As if the answer had been lost: nothing marked sent, the pushed-through cursor not moved.
    db.exec("UPDATE events SET synced_at = NULL; DELETE FROM sync_state WHERE key GLOB 'pushed_through:*'");
  }
  REQUIRE(k.sync().ok);
  CHECK(k.unsent() == 0);
  const auto rejected = storage::SyncStore::open(k.db()).rejected();
  REQUIRE(rejected.size() == 1);
  CHECK(rejected[0].first == id);
  CHECK(rejected[0].second.rfind("conflict: the server has another event with this id (another payload)", 0) == 0);
  CHECK(k.worker().status().rejected == 1);
  CHECK(k.store().event_count() == 3);  // kept: nothing is lost silently
  REQUIRE(k.sync().ok);                 // and not pushed again
  const std::string log = server.log();
  std::size_t conflicts = 0;
  for (auto at = log.find(" conflict: "); at != std::string::npos; at = log.find(" conflict: ", at + 1)) ++conflicts;
  CHECK(conflicts == 1);
}

TEST_CASE("sync: an event that always fails validation does not block the ones after it", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  k.write_events(5, kMonday0942);
  k.store().check_in("someone-unknown", kMonday0942 + 10'000, "2026-11-23", core::Dagdeel::Morning);
  k.write_events(5, kMonday0942 + 20'000, 10);
  REQUIRE(k.sync().ok);
  CHECK(k.unsent() == 0);
  CHECK(server_events(server) == 10);
  const auto rejected = storage::SyncStore::open(k.db()).rejected();
  REQUIRE(rejected.size() == 1);
  CHECK(rejected[0].second.find("unknown participant") != std::string::npos);
  CHECK(k.worker().status().rejected == 1);
  CHECK(k.store().event_count() == 11);  // the kiosk keeps it: never discard a check-in
  // Its seq is not a gap for the server: the rejection still advanced nothing it needs.
  REQUIRE(k.sync().ok);
  CHECK(server_count(server, "SELECT COUNT(*) FROM rejections") == 1);
}

TEST_CASE("sync: a kiosk of centre A can neither read nor write centre B", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.admin("create-centre --id de-brug --name 'De Brug'");
  // add-coach reads the coach's PIN from standard input (never from the command line).
  server.admin("add-coach --centre de-brug --id brug-coach --name 'Ans' < " + sh_quote(dir.write("pin", "808080\n")));
  const std::string csv =
      dir.write("brug.csv", "id,first_name,last_name,card_code,pin\nbrug-1,Piet,Pieters,BRUG0001,1234\n");
  server.admin("import-roster --centre de-brug " + csv);
  server.start();
  TestKiosk cirkel(dir, "cirkel", server.url(), server.enrol_code("de-cirkel"));
  TestKiosk brug(dir, "brug", server.url(), server.enrol_code("de-brug"));
  cirkel.write_events(3, kMonday0942);
  REQUIRE(cirkel.sync().ok);
  REQUIRE(brug.sync().ok);
  // Brug sees its own roster only, and none of De Cirkel's events.
  CHECK(brug.store().load_roster().all().size() == 1);
  CHECK(brug.store().load_coaches().size() == 1);
  CHECK(brug.store().event_count() == 0);
  // Brug writes about a De Cirkel participant: refused, nothing stored for either centre.
  brug.store().check_in("demo-p-0001", kMonday0942, "2026-11-23", core::Dagdeel::Morning);
  REQUIRE(brug.sync().ok);
  CHECK(server_count(server, "SELECT COUNT(*) FROM events WHERE centre_id = 'de-brug'") == 0);
  CHECK(storage::SyncStore::open(brug.db()).rejected().size() == 1);
  // Pushing as another device with Brug's token: 403.
  httplib::Client c("127.0.0.1", server.port());
  const std::string token = storage::SyncStore::open(brug.db()).token();
  auto r = c.Post("/v1/push", httplib::Headers{{"Authorization", "Bearer " + token}},
                  "{\"device_id\":\"" + storage::SyncStore::open(cirkel.db()).device_id() + "\",\"events\":[]}",
                  "application/json");
  REQUIRE(r);
  CHECK(r->status == 403);
  CHECK(server_events(server) == 3);
}

TEST_CASE("sync: a revoked token keeps the queue until the kiosk is enrolled again", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(k.sync().ok);
  const std::string kiosk_id = storage::SyncStore::open(k.db()).state("kiosk_id");
  server.admin("revoke-kiosk --kiosk " + kiosk_id);
  k.write_events(25, kMonday0942);
  const auto r = k.sync();
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("401") != std::string::npos);
  CHECK(k.unsent() == 25);
  CHECK(server_events(server) == 0);
  k.restart_worker(server.url(), server.enrol_code());  // a coach types a new code
  CHECK_FALSE(k.sync().ok);                             // the old token is refused once more...
  REQUIRE(k.sync().ok);                                 // ...then the new code enrols it
  CHECK(k.unsent() == 0);
  CHECK(server_events(server) == 25);
}

TEST_CASE("sync: a kiosk database restored from an old backup is noticed, nothing is lost", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  const std::string backup = dir / "backup.db";
  {
    TestKiosk k(dir, "a", server.url(), server.enrol_code());
    REQUIRE(k.sync().ok);
    k.write_events(3, kMonday0942);
    k.store().checkpoint();
    std::filesystem::copy_file(k.db(), backup);  // the WAL is checkpointed and empty
    k.write_events(4, kMonday0942 + 60'000, 20);
    REQUIRE(k.sync().ok);
    CHECK(server_events(server) == 7);
  }
  std::filesystem::remove(dir / "a.db-wal");
  std::filesystem::remove(dir / "a.db-shm");
  std::filesystem::copy_file(backup, dir / "a.db", std::filesystem::copy_options::overwrite_existing);
  TestKiosk k(dir, "a", server.url(), "");
  CHECK(k.unsent() == 3);                          // the backup knew nothing of the push
  k.write_events(2, kMonday0942 + 3'600'000, 30);  // new events reuse seq 4 and 5
  REQUIRE(k.sync().ok);
  CHECK(k.unsent() == 0);
  CHECK(server_events(server) == 9);  // 3 duplicates, 2 new: nothing mistaken for a duplicate
  CHECK(server_count(server, "SELECT seq_reused FROM kiosks WHERE device_id IS NOT NULL") == 2);
  CHECK(server.log().find("seq_reused") != std::string::npos);
}

TEST_CASE("sync: a deleted participant and activity arrive as tombstones, a page applied twice changes nothing",
          "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(k.sync().ok);
  const std::string csv =
      dir.write("r.csv",
                "id;first_name;last_name;card_code;pin\ndemo-p-0001;Fatima;El Amrani;DEMO0001;0001\n"
                "demo-p-0002;Jan;de Vries;DEMO0002;0002\n");
  server.admin("import-roster --centre de-cirkel " + csv);
  server.admin("add-activity --centre de-cirkel --id demo-a-01 --remove");
  REQUIRE(k.sync().ok);
  CHECK(k.store().load_roster().all().size() == 2);
  const auto programme = k.store().load_programme();
  CHECK(programme.size() == 17);  // the removed one is kept for history, off the programme
  CHECK(std::count_if(programme.begin(), programme.end(), [](const core::Activity& a) { return a.active; }) == 16);
  // The same page again (a crash after applying, before the next pull): nothing changes.
  auto sync_db = storage::SyncStore::open(k.db());
  wire::PullPage page;
  page.cursor = "r0.e0";
  wire::WireParticipant p;
  p.p.id = "demo-p-0001";
  p.p.first_name = "Fatima";
  p.p.last_name = "El Amrani";
  p.p.card_code = "DEMO0001";
  page.participants = {p, p};
  sync_db.apply_pull(page, kMonday0942);
  sync_db.apply_pull(page, kMonday0942);
  CHECK(k.store().load_roster().all().size() == 2);
  CHECK(sync_db.cursor() == "r0.e0");
  // A cursor the server cannot place gives one clean start-over, not a loop.
  REQUIRE(k.sync().ok);
  CHECK(sync_db.state("cursor_resets") == "");
  sync_db.set_state("cursor", "r999999.e999999");
  REQUIRE(k.sync().ok);
  CHECK(sync_db.state("cursor_resets") == "1");
  REQUIRE(k.sync().ok);
  CHECK(sync_db.state("cursor_resets") == "1");
}

TEST_CASE("sync: 429 with Retry-After is honoured, with jitter", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start("--fault-busy 1");
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  k.write_events(5, kMonday0942);
  const auto r = k.sync();
  CHECK_FALSE(r.ok);
  CHECK(r.retry_after_s == 1);
  CHECK(server_events(server) == 0);
  REQUIRE(k.sync().ok);
  CHECK(server_events(server) == 5);
  // Retry-After 1 s plus at most 20 %; never less.
  CHECK(sync::retry_after_delay(1, 0.0) == 1000);
  CHECK(sync::retry_after_delay(1, 0.999) <= 1200);
}

TEST_CASE("sync: Retry-After 3600 is capped, and a new check-in re-arms the push", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  ServerProcess server(dir);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(k.sync().ok);  // enrolled
  // A server (or a proxy in front of it) that answers every sync with 429 Retry-After: 3600.
  httplib::Server busy;
  std::atomic<int> requests{0};
  busy.set_pre_routing_handler([&](const httplib::Request&, httplib::Response& res) {
    ++requests;
    res.status = 429;
    res.set_header("Retry-After", "3600");
    res.set_content(R"({"error":"busy","message":"try later"})", "application/json");
    return httplib::Server::HandlerResponse::Handled;
  });
  const int port = busy.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { busy.listen_after_bind(); });
  k.restart_worker("http://127.0.0.1:" + std::to_string(port), "");
  CHECK(sync::retry_after_delay(3600, 0.0) == sync::kMaxRetryAfterS * 1000);
  CHECK(sync::retry_after_delay(86'400, 0.999) <= sync::kMaxRetryAfterS * 1200);
  k.worker().start();
  for (int i = 0; i < 300 && k.worker().status().failures == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  REQUIRE(k.worker().status().failures == 1);
  const core::TimeMs now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  const auto wait = k.worker().status().next_attempt - now;
  CHECK(wait <= sync::kMaxRetryAfterS * 1200);
  // A check-in while backing off is pushed soon, not after the server's hour.
  const int before = requests.load();
  k.write_events(1, kMonday0942);
  k.worker().notify_local_write();
  for (int i = 0; i < 300 && requests.load() == before; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(requests.load() > before);
  k.worker().stop();
  busy.stop();
  serving.join();
}

TEST_CASE("sync: backoff is exponential, capped and spread by full jitter", "[sync]") {
  CHECK(sync::backoff_delay(0, 1000, 300'000, 0.5) == 500);
  CHECK(sync::backoff_delay(3, 1000, 300'000, 0.5) == 4000);
  CHECK(sync::backoff_delay(40, 1000, 300'000, 0.999) < 300'000);
  CHECK(sync::backoff_delay(40, 1000, 300'000, 0.999) > 299'000);
  // 200 kiosks coming back after an outage: their retries spread over the whole window.
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  int buckets[10] = {};
  for (int i = 0; i < 200; ++i) ++buckets[sync::backoff_delay(8, 1000, 300'000, u(rng)) * 10 / 256'000];
  for (int b : buckets) CHECK(b > 5);
}

TEST_CASE("sync: events written while a sync is in flight still get pushed", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start("--fault-push-delay-ms 200");
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  std::atomic<int> wakes{0};
  k.worker().set_on_change([&] { ++wakes; });
  k.worker().start();
  k.write_events(1, kMonday0942);
  k.worker().notify_local_write();
  std::this_thread::sleep_for(std::chrono::milliseconds(120));  // the first push is waiting to commit
  k.write_events(1, kMonday0942 + 5000, 5);
  k.worker().notify_local_write();
  for (int i = 0; i < 300 && k.unsent() > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  k.worker().stop();
  CHECK(server_events(server) == 2);
  CHECK(k.unsent() == 0);
  CHECK(wakes.load() >= 1);
}

TEST_CASE("sync: a kiosk clock off by a day is reported, and its events still count", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start("--fault-clock-offset-ms 86400000");  // the server is a day ahead: we are a day behind
  TestKiosk k(dir, "a", server.url(), server.enrol_code("de-cirkel", 72));  // valid by the server's clock
  k.write_events(4, kMonday0942);
  REQUIRE(k.sync().ok);
  const auto s = k.worker().status();
  CHECK(s.clock_off);
  CHECK(s.clock_offset > 86'000'000);
  CHECK(server_events(server) == 4);
  SECTION("and a clock a year ahead is flagged on the server") {
    k.write_events(1, core::TimeMs(1'900'000'000'000), 7);
    REQUIRE(k.sync().ok);
    CHECK(server_count(server, "SELECT COUNT(*) FROM events WHERE flags = 'clock_ahead'") == 1);
  }
}

TEST_CASE("sync: a three-day backlog drains in bounded batches, also when the server wants smaller bodies", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start("--max-body-bytes 60000");
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  k.write_events(900, kMonday0942 - 3 * kDay);
  const auto r = k.sync();
  REQUIRE(r.ok);
  CHECK(r.pushed == 900);
  CHECK(server_events(server) == 900);
  // The server logged no refusal, the kiosk adapted. By the refusal's code: a bare "413" also
  // turns up inside a port or a pid in the log (it did: "127.0.0.1:41337"-like, a flaky failure).
  CHECK(server.log().find("too_large") == std::string::npos);
}

TEST_CASE("sync: killed between the local commit and the push: a restarted kiosk sends it", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  const std::string code = server.enrol_code();
  {
    TestKiosk k(dir, "a", server.url(), code);
    REQUIRE(k.sync().ok);
    k.write_events(7, kMonday0942);
  }  // gone without syncing (the store is closed as after a crash: committed is committed)
  TestKiosk again(dir, "a", server.url(), code);
  CHECK(again.unsent() == 7);
  REQUIRE(again.sync().ok);
  CHECK(server_events(server) == 7);
}

TEST_CASE("sync: https with a configured CA bundle, and an unknown certificate refused", "[sync]") {
  use_amsterdam_time();
  TempDir dir;
  const RunResult cert =
      run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
          "-addext subjectAltName=IP:127.0.0.1 -keyout " +
              sh_quote(dir / "key.pem") + " -out " + sh_quote(dir / "cert.pem"),
          dir);
  REQUIRE(cert.exit_code == 0);
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start("--tls-cert " + sh_quote(dir / "cert.pem") + " --tls-key " + sh_quote(dir / "key.pem"));
  const std::string url = "https://127.0.0.1:" + std::to_string(server.port());
  TestKiosk k(dir, "a", url, server.enrol_code());
  const auto refused = k.sync();  // the system's CAs do not know this certificate
  CHECK_FALSE(refused.ok);
  CHECK(refused.error.find("SSL") != std::string::npos);
  CHECK_FALSE(k.worker().status().enrolled);
  k.restart_worker(url, server.enrol_code(), dir / "cert.pem");
  k.write_events(3, kMonday0942);
  REQUIRE(k.sync().ok);
  CHECK(server_events(server) == 3);
  CHECK(k.store().load_roster().all().size() == 42);
}

TEST_CASE("sync: meedoen-kiosk --sync-once enrols, syncs and says how it went", "[sync]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  const std::string kiosk = std::string(MEEDOEN_KIOSK_BIN) + " --db " + sh_quote(dir / "k.db");
  const RunResult ok =
      run(kiosk + " --server " + server.url() + " --enrol-code " + server.enrol_code() + " --sync-once", dir);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("sync: online, enrolled yes") != std::string::npos);
  CHECK(ok.err.find("enrolled as kiosk") != std::string::npos);
  CHECK(storage::Store::open(dir / "k.db").load_roster().all().size() == 42);
  const int port = server.port();
  server.stop();
  const RunResult down = run(kiosk + " --server http://127.0.0.1:" + std::to_string(port) + " --sync-once", dir);
  CHECK(down.exit_code == 5);
  CHECK(down.out.find("sync: offline") != std::string::npos);
  const RunResult bad = run(kiosk + " --server ftp://example --sync-once", dir);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("http:// or https://") != std::string::npos);
  const RunResult none = run(kiosk + " --sync-once", dir);
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("no server configured") != std::string::npos);
}

// The transport (cpp-httplib, OpenSSL) is a module the worker loads on its first request
// (sync/transport.hpp): a kiosk without it (MEEDOEN_MODULE_DIR, for tests: an empty folder) is
// offline with the reason, as after a network error, and syncs everything once the module is back.
TEST_CASE("sync: without its transport module the kiosk is offline, says why, and syncs later", "[sync]") {
  TempDir dir;
  ServerProcess server(dir, "de-cirkel", Store::Sqlite);
  server.start();
  std::filesystem::create_directories(dir / "no-modules");
  const std::string kiosk = std::string(MEEDOEN_KIOSK_BIN) + " --db " + sh_quote(dir / "k.db") + " --server " +
                            server.url() + " --enrol-code " + server.enrol_code() + " --sync-once";
  const RunResult without = run("MEEDOEN_MODULE_DIR=" + sh_quote(dir / "no-modules") + " " + kiosk, dir);
  CHECK(without.exit_code == 5);
  CHECK(without.out.find("sync: offline") != std::string::npos);
  CHECK(without.err.find("the sync transport is not available on this kiosk") != std::string::npos);
  CHECK(without.err.find(dir / "no-modules/meedoen-transport.so: ") != std::string::npos);
  const RunResult with = run(kiosk, dir);
  INFO(with.err);
  CHECK(with.exit_code == 0);
  CHECK(with.out.find("sync: online, enrolled yes") != std::string::npos);
  CHECK(storage::Store::open(dir / "k.db").load_roster().all().size() == 42);
}
