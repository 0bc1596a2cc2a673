// meedoen-server's database in process: its schema versions on SQLite and PostgreSQL, the roster's
// agreements against coaches' changes on both.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <set>

#include "server/server_store.hpp"
#include "server/store_schema.hpp"
#include "storage/pin_hash.hpp"
#include "support/people.hpp"
#include "support/server_db.hpp"
#include "support/server_fixture.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;

TEST_CASE("server store: a schema-1 database is migrated with its data intact", "[server][schema]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "server.db").string();
  {
    auto s = server::ServerStore::open(path);
    s->create_centre("c1", "De Cirkel", 1000);
    s->add_coach("c1", {"marloes", "Marloes"}, storage::hash_pin("246810"), 1000);
    s->put_participants("c1", {test::person("p1", "Amal", "Haddad")}, "hash");
  }
  {  // take the database back to version 1, as an older meedoen-server left it
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    for (const char* col : {"pin_hash", "pin_key"}) db.exec(std::string("ALTER TABLE coaches DROP COLUMN ") + col);
    for (const char* col : {"start_date", "end_date", "agreed_parts", "talk_every_days", "agreed_minutes",
                            "show_agreed", "photo_consent", "agreements_key"})
      db.exec(std::string("ALTER TABLE participants DROP COLUMN ") + col);
    db.exec("PRAGMA user_version = 1");
  }
  auto s = server::ServerStore::open(path);
  REQUIRE(s->centre_exists("c1"));
  const auto ps = s->participants("c1", true);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].first_name == "Amal");
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == server::kServerSchema);
  CHECK(db.execAndGet("SELECT COUNT(*) FROM coaches WHERE pin_hash = '' AND id = 'marloes'").getInt() == 1);
  CHECK(db.execAndGet("SELECT agreed_parts FROM participants WHERE id = 'p1'").getInt() == 0);
}

TEST_CASE("server store: a database of a newer meedoen-server is refused untouched", "[server][schema]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "server.db").string();
  server::ServerStore::open(path).reset();
  SQLite::Database(path, SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 99");
  CHECK_THROWS_WITH(server::ServerStore::open(path), Catch::Contains("newer meedoen-server"));
  CHECK(SQLite::Database(path, SQLite::OPEN_READONLY).execAndGet("PRAGMA user_version").getInt() == 99);
}

TEST_CASE("server store: a PostgreSQL database of a newer meedoen-server is refused untouched", "[server][schema]") {
  const std::string url = test::PgCluster::instance().new_database();
  server::ServerStore::open(url).reset();
  CHECK(test::server_number(url, "SELECT version FROM schema_version") == server::kServerSchema);
  test::server_change(url, "UPDATE schema_version SET version = 99");
  CHECK_THROWS_WITH(server::ServerStore::open(url), Catch::Contains("newer meedoen-server"));
  CHECK(test::server_number(url, "SELECT version FROM schema_version") == 99);
}

TEST_CASE("server store: schema 2 to 3 moves the counter past the event revisions, pull cursors stay valid",
          "[server][schema]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "server.db").string();
  constexpr core::TimeMs t0 = 1'795'423'320'000;
  server::KioskAuth writer, reader;
  const auto check_in = [&](int seq) {
    return test::kiosk_event(writer, seq, t0 + seq * 1000, "p1", core::ev::CheckIn{"2026-11-23", {}});
  };
  {
    auto s = server::ServerStore::open(path);
    s->create_centre("c1", "De Cirkel", t0);
    s->put_participants("c1", {test::person("p1", "Amal", "Haddad")}, "hash");
    writer = test::enrolled_kiosk(*s, "c1", t0, 1);
    reader = test::enrolled_kiosk(*s, "c1", t0, 2);
    s->push(writer, {writer.device_id, {check_in(1), check_in(2), check_in(3), check_in(4), check_in(5)}}, t0);
  }
  // As schema 2 left it: event revisions were the rowid, the counter counted roster changes only
  // (here 2: the centre's name and the participant), and a kiosk's cursor held both.
  std::string cursor;
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    const std::int64_t last_event = db.execAndGet("SELECT MAX(rev) FROM events").getInt64();
    REQUIRE(last_event > 2);
    db.exec("UPDATE counter SET value = 2 WHERE name = 'rev'");
    db.exec("PRAGMA user_version = 2");
    cursor = "r2.e" + std::to_string(last_event);
  }
  auto s = server::ServerStore::open(path);
  s->push(writer, {writer.device_id, {check_in(6), check_in(7), check_in(8)}}, t0 + 60'000);
  const auto page = s->pull(reader, cursor, 1000, t0 + 70'000);
  CHECK_FALSE(page.reset);
  REQUIRE(page.events.size() == 3);  // the new ones, none of the old, none skipped
  CHECK(page.events.front().seq == 6);
  CHECK(page.events.back().seq == 8);
}

// [SECTION] Roster agreements and coaches' changes

namespace {

std::string no_hash(const std::string&) { return ""; }

server::RosterRow row(int line, core::Participant p, std::set<std::string> columns = {}) {
  return {line, std::move(p), "", std::move(columns)};
}

core::ev::AgreementsChanged agreements(const std::string& start, int minutes) {
  return {start, "", static_cast<int>(core::agreed_bit(1, core::Dagdeel::Morning)), 14, minutes, true, false, "c-1"};
}

core::Participant find(const std::vector<core::Participant>& ps, const std::string& id) {
  for (const auto& p : ps)
    if (p.id == id) return p;
  throw std::runtime_error("no participant " + id);
}

}  // namespace

TEST_CASE("server store: a re-import keeps the columns the file does not have and never touches events",
          "[server][roster]") {
  test::TempDir dir;
  const test::Store store = GENERATE(test::Store::Sqlite, test::Store::Postgres);
  INFO("store: " << test::store_name(store));
  auto s = server::ServerStore::open(test::new_store(dir, store));
  s->create_centre("c1", "De Cirkel", 1000);
  core::Participant amal = test::person("p1", "Amal", "Haddad", "C1", "tr");
  amal.coach_id = "c-1";
  amal.mandatory = true;
  amal.start_date = "2026-09-01";
  amal.agreed_parts = core::agreed_bit(0, core::Dagdeel::Morning);
  amal.agreed_minutes_per_week = 240;
  amal.photo_consent = true;
  s->import_roster("c1", {row(2, amal), row(3, test::person("p2", "Bram", "Bos"))}, &no_hash, 2000);
  // An export of the client system without language, coach or agreements: a new last name only.
  core::Participant renamed = test::person("p1", "Amal", "Haddad-Smit", "C1");
  const auto n =
      s->import_roster("c1", {row(2, renamed, {"id", "first_name", "last_name", "card_code"})}, &no_hash, 3000);
  CHECK(n.updated == 1);
  CHECK(n.deactivated == 1);  // p2 is not in the file
  const auto ps = s->participants("c1", false);
  const auto& p = find(ps, "p1");
  CHECK(p.last_name == "Haddad-Smit");
  CHECK(p.language == "tr");
  CHECK(p.coach_id == "c-1");
  CHECK(p.mandatory);
  CHECK(p.start_date == "2026-09-01");
  CHECK(p.agreed_parts == core::agreed_bit(0, core::Dagdeel::Morning));
  CHECK(p.agreed_minutes_per_week == 240);
  CHECK(p.photo_consent);
  CHECK(s->participants("c1", true).size() == 1);
  // A column that is there but empty for a row does set "none".
  s->import_roster("c1", {row(2, renamed, {"id", "first_name", "last_name", "card_code", "agreed_hours"})}, &no_hash,
                   4000);
  CHECK(find(s->participants("c1", false), "p1").agreed_minutes_per_week == 0);
  CHECK(find(s->participants("c1", false), "p1").photo_consent);
}

TEST_CASE("server store: agreements_changed and the roster import, the last in fold order wins", "[server][roster]") {
  test::TempDir dir;
  const test::Store store = GENERATE(test::Store::Sqlite, test::Store::Postgres);
  INFO("store: " << test::store_name(store));
  auto s = server::ServerStore::open(test::new_store(dir, store));
  constexpr core::TimeMs t0 = 1'795'423'320'000;
  s->create_centre("c1", "De Cirkel", t0);
  core::Participant amal = test::person("p1", "Amal", "Haddad", "C1");
  amal.start_date = "2026-09-01";
  s->import_roster("c1", {row(2, amal)}, &no_hash, t0);
  const server::KioskAuth k = test::enrolled_kiosk(*s, "c1", t0);
  auto pull_all = [&] { return s->pull(k, "", 1000, t0 + 10'000'000); };
  const std::string cursor = pull_all().cursor;

  SECTION("a coach's change after the import wins and moves the row's revision") {
    const auto a = s->push(
        k, {k.device_id, {test::kiosk_event(k, 1, t0 + 60'000, "p1", agreements("2026-10-01", 270))}}, t0 + 60'000);
    REQUIRE(a.results.size() == 1);
    CHECK(a.results[0].status == wire::PushStatus::Stored);
    const auto& p = find(s->participants("c1", true), "p1");
    CHECK(p.start_date == "2026-10-01");
    CHECK(p.agreed_minutes_per_week == 270);
    CHECK(p.talk_every_days == 14);
    CHECK(p.show_agreed_hours);
    const auto page = s->pull(k, cursor, 1000, t0 + 70'000);
    REQUIRE(page.participants.size() == 1);  // other kiosks pull the new row
    CHECK(page.participants[0].p.agreed_minutes_per_week == 270);
    // An older change arriving later (a kiosk that was offline) loses, but its kiosk pulls the winner.
    s->push(k, {k.device_id, {test::kiosk_event(k, 2, t0 + 30'000, "p1", agreements("2026-11-01", 60))}}, t0 + 80'000);
    CHECK(find(s->participants("c1", true), "p1").start_date == "2026-10-01");
    CHECK(s->pull(k, page.cursor, 1000, t0 + 90'000).participants.size() == 1);
    // A re-import with agreement columns counts as of its own time: later than the coach, it wins.
    amal.start_date = "2026-12-01";
    s->import_roster("c1", {row(2, amal, {"id", "first_name", "last_name", "card_code", "start_date"})}, &no_hash,
                     t0 + 120'000);
    CHECK(find(s->participants("c1", true), "p1").start_date == "2026-12-01");
    CHECK(find(s->participants("c1", true), "p1").agreed_minutes_per_week == 270);  // not in the file: kept
  }
  SECTION("a coach's change made before the import loses to it") {
    amal.start_date = "2026-12-01";
    s->import_roster("c1", {row(2, amal)}, &no_hash, t0 + 120'000);
    s->push(k, {k.device_id, {test::kiosk_event(k, 1, t0 + 60'000, "p1", agreements("2026-10-01", 270))}},
            t0 + 130'000);
    CHECK(find(s->participants("c1", true), "p1").start_date == "2026-12-01");
  }
  SECTION("a malformed agreement is refused with its reason, nothing changes") {
    core::ev::AgreementsChanged bad = agreements("2026-10-01", 270);
    bad.end_date = "2026-01-01";
    const auto a = s->push(k, {k.device_id, {test::kiosk_event(k, 1, t0 + 60'000, "p1", bad)}}, t0 + 60'000);
    REQUIRE(a.results.size() == 1);
    CHECK(a.results[0].status == wire::PushStatus::Rejected);
    CHECK(a.results[0].reason.find("end_date 2026-01-01 is before start_date 2026-10-01") != std::string::npos);
    CHECK(find(s->participants("c1", true), "p1").start_date == "2026-09-01");
  }
}

TEST_CASE("server store: --db chooses the store, and a password never reaches a message", "[server][schema]") {
  using server::db::Backend;
  CHECK(server::db::parse_location("sqlite:/var/lib/meedoen/server.db").backend == Backend::Sqlite);
  CHECK(server::db::parse_location("sqlite:/var/lib/meedoen/server.db").target == "/var/lib/meedoen/server.db");
  CHECK(server::db::parse_location("server.db").target == "server.db");  // a plain path stays SQLite
  CHECK(server::db::parse_location("postgresql://meedoen@db/meedoen").backend == Backend::Postgres);
  CHECK(server::db::parse_location("postgres://db/meedoen").backend == Backend::Postgres);
  CHECK(server::db::redacted("postgresql://meedoen:geheim@db:5432/meedoen?sslmode=require") ==
        "postgresql://meedoen@db:5432/meedoen?sslmode=require");
  CHECK(server::db::redacted("postgresql:///meedoen?user=m&password=geheim&host=/run/postgresql") ==
        "postgresql:///meedoen?user=m&password=...&host=/run/postgresql");
  CHECK_THROWS_WITH(server::ServerStore::open("postgresql://meedoen:geheim@127.0.0.1:1/none?connect_timeout=2"),
                    !Catch::Contains("geheim") && Catch::Contains("PostgreSQL"));
  CHECK_THROWS_WITH(server::ServerStore::open("sqlite:"), Catch::Contains("--db"));
}
