// The server at scale: two pushes committing out of order while a kiosk pulls, two server
// processes on one PostgreSQL database, PostgreSQL stopped in the middle of a push, and a SQLite
// store moved to PostgreSQL (migrate) under enrolled kiosks. What a kiosk is given is read at the
// wire (every event id of every page), so a duplicate or a skipped event cannot hide behind the
// kiosk's own insert-by-id.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <set>
#include <thread>

#include "support/scoped_env.hpp"
#include "support/sync_fixture.hpp"
#include "wire/wire.hpp"

using namespace meedoen;
using namespace meedoen::test;

namespace {

// A kiosk's pulls at the wire: every event id it was given, in order, and its cursor.
class Puller {
 public:
  Puller(int port, std::string token) : m_http("127.0.0.1", port), m_token(std::move(token)) {}
  // Pulls pages until the server says there is no more; false when a request failed.
  bool pull_all() {
    for (int pages = 0; pages < 1000; ++pages) {
      const auto r = m_http.Get(("/v1/pull?limit=50&cursor=" + m_cursor).c_str(),
                                httplib::Headers{{"Authorization", "Bearer " + m_token}});
      if (!r || r->status != 200) return false;
      wire::PullPage page;
      std::string error;
      if (!wire::decode_pull_page(r->body, page, error)) return false;
      for (const auto& e : page.events) ids.push_back(e.id);
      resets += page.reset ? 1 : 0;
      m_cursor = page.cursor;
      if (!page.more) return true;
    }
    return false;
  }
  const std::string& cursor() const { return m_cursor; }
  void set_cursor(std::string c) { m_cursor = std::move(c); }

  std::vector<std::string> ids;
  int resets = 0;

 private:
  httplib::Client m_http;
  std::string m_token, m_cursor;
};

std::size_t distinct(const std::vector<std::string>& ids) {
  return std::set<std::string>(ids.begin(), ids.end()).size();
}

std::string token_of(const TestKiosk& k) { return storage::SyncStore::open(k.db()).token(); }

}  // namespace

TEST_CASE("sync: two pushes commit out of order while a kiosk pulls: it gets every event exactly once",
          "[sync][scale]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  // Three server processes on one database: a's push transactions are held open 1.5 s before
  // commit, b takes the other push, c answers the pulls (on SQLite a process's one connection
  // waits with its push for the write lock, so the pulls need a process of their own).
  ServerProcess a(dir, "de-cirkel", store);
  ServerProcess b(dir, a.db(), "", 1);
  ServerProcess c(dir, a.db(), "", 2);
  a.start("--fault-push-delay-ms 1500");
  b.start();
  c.start();
  TestKiosk slow(dir, "slow", a.url(), a.enrol_code());
  TestKiosk fast(dir, "fast", b.url(), b.enrol_code());
  TestKiosk reader(dir, "reader", b.url(), b.enrol_code());
  REQUIRE(slow.sync().ok);
  REQUIRE(fast.sync().ok);
  REQUIRE(reader.sync().ok);
  Puller pull(c.port(), token_of(reader));
  REQUIRE(pull.pull_all());
  pull.ids.clear();
  slow.write_events(20, kMonday0942);
  fast.write_events(20, kMonday0942 + 60'000, 21);

  // The slow push begins first and commits last; the fast one begins while it is open.
  std::atomic<int> done{0};
  sync::CycleResult slow_result, fast_result;
  std::thread t1([&] {
    slow_result = slow.sync();
    ++done;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  std::thread t2([&] {
    fast_result = fast.sync();
    ++done;
  });
  int pulls_while_open = 0;
  while (done.load() < 2) {
    REQUIRE(pull.pull_all());
    ++pulls_while_open;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  t1.join();
  t2.join();
  REQUIRE(pull.pull_all());
  CHECK(slow_result.ok);
  CHECK(fast_result.ok);
  CHECK(pulls_while_open >= 5);
  CHECK(pull.ids.size() == 40);
  CHECK(distinct(pull.ids) == 40);
  CHECK(pull.resets == 0);
  // Revisions follow commit order: every event of the slow push (committed first, as the fast one
  // waited for the writer lock) has a lower revision than every event of the fast one.
  const std::string slow_device = storage::SyncStore::open(slow.db()).device_id();
  CHECK(server_number(a.db(), "SELECT MAX(rev) FROM events WHERE device_id = ?", slow_device) <
        server_number(a.db(), "SELECT MIN(rev) FROM events WHERE device_id <> ?", slow_device));
  CHECK(server_events(a) == 40);
}

TEST_CASE("sync: two server processes on one PostgreSQL database give the same answers", "[sync][scale]") {
  use_amsterdam_time();
  TempDir dir;
  ServerProcess a(dir, "de-cirkel", Store::Postgres);
  ServerProcess b(dir, a.db(), "", 1);
  a.start();
  b.start();
  // Enrolled through b, its token used on a.
  TestKiosk k(dir, "k", b.url(), a.enrol_code());
  REQUIRE(k.sync().ok);
  k.restart_worker(a.url(), "");
  k.write_events(25, kMonday0942);
  const auto pushed = k.sync();
  REQUIRE(pushed.ok);
  CHECK(pushed.pushed == 25);
  // Pushed through a, pulled through either: the same pages.
  TestKiosk other(dir, "other", a.url(), b.enrol_code());
  REQUIRE(other.sync().ok);
  Puller via_a(a.port(), token_of(other)), via_b(b.port(), token_of(other));
  REQUIRE(via_a.pull_all());
  REQUIRE(via_b.pull_all());
  CHECK(via_a.ids.size() == 25);
  CHECK(via_a.ids == via_b.ids);
  CHECK(via_a.cursor() == via_b.cursor());
  // Nothing is cached in a process: a setting, a new coach or a revocation made through one is
  // seen by the other at once.
  b.admin("set-go-live --centre de-cirkel --date 2026-10-01");
  other.restart_worker(a.url(), "");
  REQUIRE(other.sync().ok);
  CHECK(other.store().setting("go_live") == "2026-10-01");
  const std::string kiosk_id = [&] {
    for (const auto& row :
         server_rows(a.db(), "SELECT id FROM kiosks WHERE device_id = ?", storage::SyncStore::open(k.db()).device_id()))
      return row.text(0);
    return std::string();
  }();
  REQUIRE_FALSE(kiosk_id.empty());
  b.admin("revoke-kiosk --kiosk " + kiosk_id);
  k.write_events(1, kMonday0942 + 3'600'000);
  const auto refused = k.sync();  // through a
  CHECK_FALSE(refused.ok);
  CHECK(a.log().find("token_revoked") != std::string::npos);
  CHECK(server_events(a) == 25);
}

TEST_CASE("sync: PostgreSQL stopped in the middle of a push: 503, nothing half stored, the server recovers by itself",
          "[sync][scale]") {
  use_amsterdam_time();
  const ScopedEnv own_cluster(PgCluster::kSharedEnv, std::nullopt);  // it stops PostgreSQL: not the shared one
  TempDir dir;
  ServerProcess server(dir, "de-cirkel", Store::Postgres);
  server.start("--fault-push-delay-ms 1500");
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(k.sync().ok);
  k.write_events(30, kMonday0942);
  sync::CycleResult during;
  std::thread push([&] { during = k.sync(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // inside the push's transaction
  PgCluster::instance().stop_immediate();
  push.join();
  CHECK_FALSE(during.ok);
  CHECK(during.error.find("503") != std::string::npos);
  CHECK(during.retry_after_s == 5);
  // While it is down: 503 again (the pool cannot reconnect), the server process keeps running.
  const auto down = k.sync();
  CHECK_FALSE(down.ok);
  CHECK(down.error.find("503") != std::string::npos);
  CHECK(server.running());
  PgCluster::instance().start();
  CHECK(server_events(server) == 0);  // the open transaction was lost whole
  // Back: the same server process, no restart, takes the batch once.
  const auto after = k.sync();
  CHECK(after.ok);
  CHECK(after.pushed == 30);
  CHECK(k.unsent() == 0);
  CHECK(server_events(server) == 30);
  CHECK(server_count(server, "SELECT gaps + seq_reused FROM kiosks WHERE device_id IS NOT NULL") == 0);
  INFO(server.log());
  CHECK(server.log().find("connection to PostgreSQL was lost") != std::string::npos);
}

TEST_CASE("sync: a SQLite store migrated to PostgreSQL: kiosks keep syncing, no duplicate, no gap", "[sync][scale]") {
  use_amsterdam_time();
  TempDir dir;
  ServerProcess old_server(dir, "de-cirkel", Store::Sqlite);
  old_server.admin("add-reader --name gemeente");
  old_server.start();
  TestKiosk a(dir, "a", old_server.url(), old_server.enrol_code());
  TestKiosk b(dir, "b", old_server.url(), old_server.enrol_code());
  a.write_events(40, kMonday0942);
  REQUIRE(a.sync().ok);
  b.write_events(30, kMonday0942 + 60'000, 5);
  REQUIRE(b.sync().ok);
  REQUIRE(a.sync().ok);  // a has b's 30 events and a cursor past them
  const std::string a_cursor = storage::SyncStore::open(a.db()).cursor();
  old_server.stop();

  const std::string target = PgCluster::instance().new_database();
  const RunResult moved =
      old_server.admin_result("migrate --from " + sh_quote(old_server.db()) + " --to " + sh_quote(target));
  INFO(moved.out << moved.err);
  REQUIRE(moved.exit_code == 0);
  CHECK(moved.out.find("events                   70           70") != std::string::npos);
  CHECK(moved.out.find("participants             42           42") != std::string::npos);
  // A second migrate into it is refused: it is not empty any more.
  const RunResult again =
      old_server.admin_result("migrate --from " + sh_quote(old_server.db()) + " --to " + sh_quote(target));
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("is not empty") != std::string::npos);

  ServerProcess pg(dir, target, "", 1);
  pg.start();
  a.restart_worker(pg.url(), "");
  b.restart_worker(pg.url(), "");
  b.write_events(12, kMonday0942 + 7'200'000, 9);
  const auto rb = b.sync();  // the same token, on PostgreSQL
  REQUIRE(rb.ok);
  CHECK(rb.pushed == 12);
  // From a's cursor of before the move: exactly b's 12 new events, none of the 70 again.
  Puller from_a(pg.port(), token_of(a));
  from_a.set_cursor(a_cursor);
  REQUIRE(from_a.pull_all());
  CHECK(from_a.resets == 0);
  CHECK(from_a.ids.size() == 12);
  CHECK(distinct(from_a.ids) == 12);
  a.write_events(5, kMonday0942 + 9'000'000, 3);
  REQUIRE(a.sync().ok);
  CHECK(server_events(pg) == 87);
  CHECK(server_count(pg, "SELECT COUNT(DISTINCT id) FROM events") == 87);
  CHECK(server_count(pg, "SELECT SUM(gaps) + SUM(seq_reused) FROM kiosks") == 0);
  CHECK(server_count(pg, "SELECT COUNT(*) FROM readers") == 1);
}
