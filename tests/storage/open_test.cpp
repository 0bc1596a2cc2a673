// Opening, creating, reopening and refusing database files.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "storage/store.hpp"
#include "storage/sync_store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
using storage::StorageError;
using storage::Store;

namespace {

// The message of the StorageError that opening path gives; fails the test if it opens.
std::string open_error(const std::string& path) {
  try {
    (void)Store::open(path);
  } catch (const StorageError& e) {
    return e.what();
  }
  FAIL("opened " << path);
  return "";
}

// A database written from outside, as another program (or a newer Meedoen) would.
void make_foreign_db(const std::string& path, int user_version) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE TABLE future_things (id TEXT PRIMARY KEY)");
  db.exec("INSERT INTO future_things VALUES ('x')");
  db.exec("PRAGMA user_version = " + std::to_string(user_version));
}

}  // namespace

TEST_CASE("Store::open: creates a WAL database at the current schema version", "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("nested/folders/kiosk.db");
  {
    Store store = Store::open(path);
    CHECK(std::filesystem::exists(path));
    CHECK(store.path() == path);
    CHECK(store.schema_version() == storage::kSchemaVersion);
    CHECK(core::is_uuid(store.device_id()));
    CHECK(store.event_count() == 0);
    CHECK_FALSE(store.has_roster());
    CHECK(store.integrity_check() == "ok");
  }
  // Seen from outside: WAL journal, user_version stamped.
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(raw.execAndGet("PRAGMA user_version").getInt() == storage::kSchemaVersion);
  CHECK(raw.tableExists("events"));
  CHECK(raw.tableExists("attendance"));
}

TEST_CASE("Store::open: reopening keeps the device id", "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  std::string first;
  {
    const Store store = Store::open(path);
    first = store.device_id();
  }
  const Store again = Store::open(path);
  CHECK(again.device_id() == first);
  CHECK(again.schema_version() == storage::kSchemaVersion);

  // Another file is another device.
  const Store other = Store::open(dir.file("other.db"));
  CHECK(other.device_id() != first);
}

TEST_CASE("Store: a moved store keeps working", "[storage]") {
  test::TempDir dir;
  Store a = Store::open(dir.file("kiosk.db"));
  const std::string id = a.device_id();
  Store b = std::move(a);
  CHECK(b.device_id() == id);
  CHECK(b.check_in("p-1", test::kMonday0942, "2026-11-23", core::Dagdeel::Morning).new_event);
  Store c = Store::open(dir.file("second.db"));
  c = std::move(b);
  CHECK(c.event_count() == 1);
}

TEST_CASE("Store::open: refuses a database from a newer Meedoen", "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("newer.db");
  make_foreign_db(path, 99);

  try {
    (void)Store::open(path);
    FAIL("a database with user_version 99 was opened");
  } catch (const storage::SchemaTooNew& e) {
    const std::string msg = e.what();
    INFO(msg);
    CHECK(msg.find("99") != std::string::npos);
    CHECK(msg.find("version " + std::to_string(storage::kSchemaVersion)) != std::string::npos);
    CHECK(msg.find(path) != std::string::npos);
  }
  // SchemaTooNew is a StorageError, so callers that only know StorageError still stop cleanly.
  CHECK_THROWS_AS(Store::open(path), StorageError);

  // No migration ran: version and data are as the newer Meedoen left them.
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 99);
  CHECK_FALSE(raw.tableExists("events"));
  CHECK(raw.execAndGet("SELECT COUNT(*) FROM future_things").getInt() == 1);
}

// The SchemaTooNew message promises "Nothing was changed.", but Store::open switches the file to
// WAL (a persistent change in the file header) before migrate() looks at user_version.
TEST_CASE("Store::open: a refused newer database keeps its journal mode", "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("newer.db");
  make_foreign_db(path, 99);
  {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    REQUIRE(raw.execAndGet("PRAGMA journal_mode").getString() == "delete");
  }
  CHECK_THROWS_AS(Store::open(path), storage::SchemaTooNew);
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

TEST_CASE("Store::open: an older schema is migrated", "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("empty.db");
  { SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); }  // version 0
  const Store store = Store::open(path);
  CHECK(store.schema_version() == storage::kSchemaVersion);
  CHECK(store.integrity_check() == "ok");
}

TEST_CASE("Store::open: a folder that cannot be created gives a clear StorageError", "[storage]") {
  test::TempDir dir;
  const std::string blocker = dir.write("blocker", "I am a file, not a folder\n");

  SECTION("a folder below a regular file") {
    const std::string path = blocker + "/sub/kiosk.db";
    const std::string msg = open_error(path);
    INFO(msg);
    CHECK(msg.find("Cannot create the folder") != std::string::npos);
    CHECK(msg.find(blocker + "/sub") != std::string::npos);
  }
  SECTION("a regular file where the folder should be") {
    const std::string path = blocker + "/kiosk.db";
    const std::string msg = open_error(path);
    INFO(msg);
    CHECK(msg.find(path) != std::string::npos);
  }
  SECTION("the path is a folder") { CHECK_THROWS_AS(Store::open(dir.path().string()), StorageError); }
  SECTION("no path at all") { CHECK_THROWS_WITH(Store::open(""), Catch::Contains("No database path")); }
  CHECK(test::slurp(blocker) == "I am a file, not a folder\n");
}

// Not refused since issue 14: a kiosk whose file is damaged past reading must still start and show
// the coach why (storage/health); it writes nothing to it.
TEST_CASE("Store::open: a file that is not a database opens as damaged and is left alone", "[storage]") {
  test::TempDir dir;
  std::string junk;
  unsigned x = 2463534242u;
  for (int i = 0; i < 8192; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    junk.push_back(static_cast<char>(x & 0xFF));
  }
  const std::string path = dir.write("photo.jpg", junk);

  {
    Store store = Store::open(path);
    INFO(store.health().detail);
    CHECK(store.health().fault == core::StorageFault::Damaged);
    CHECK(store.health().detail.find("not a Meedoen database") != std::string::npos);
    CHECK(store.path() == path);
    CHECK_THROWS_AS(store.check_in("p-ayse", test::kMonday0942, "2026-11-23", core::Dagdeel::Morning), StorageError);
  }
  CHECK(test::slurp(path) == junk);
}

// [SECTION] Version 5: the sync tables join the numbered migrations

namespace {

// The sync tables as SyncStore::open created them up to version 4, outside the migrations.
constexpr const char* kAdHocSyncTables = R"sql(
CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_rejected (event_id TEXT PRIMARY KEY, reason TEXT NOT NULL, at_ms INTEGER NOT NULL);
)sql";

// A kiosk database at version 4 with two check-ins: today's schema without the sync tables
// (version 5 adds nothing else; version 6's tables go too), stamped 4. Returns the check-ins' event ids.
std::vector<std::string> make_version_4(const std::string& path) {
  std::vector<std::string> ids;
  {
    Store store = Store::open(path);
    for (const char* pid : {"p-ayse", "p-jan"}) {
      const auto r = store.check_in(pid, test::kMonday0942, "2026-11-23", core::Dagdeel::Morning);
      ids.push_back(r.attendance.check_in_event);
    }
  }
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  // ... and nothing of version 6 (lockouts, clock flags) or 7 (attendance.end_unknown).
  db.exec(
      "DROP TABLE sync_state; DROP TABLE sync_rejected; DROP TABLE lockouts; DROP TABLE clock_flags; "
      "ALTER TABLE attendance DROP COLUMN end_unknown; ALTER TABLE participants DROP COLUMN sort_key; PRAGMA "
      "user_version = 4");
  return ids;
}

std::string sync_tables_sql(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, "SELECT sql FROM sqlite_master WHERE name LIKE 'sync_%' ORDER BY name");
  std::string out;
  while (st.executeStep()) out += st.getColumn(0).getString() + ";\n";
  return out;
}

}  // namespace

TEST_CASE("Store::open: a version 4 kiosk that synced keeps its sync tables and their rows", "[storage][sync]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  const auto ids = make_version_4(path);
  {
    // What a kiosk that had synced at version 4 holds: SyncStore made its tables the old way.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(kAdHocSyncTables);
    db.exec("INSERT INTO sync_state VALUES ('token', 'tok-1'), ('cursor', 'r12.e34'), ('centre_id', 'de-cirkel')");
    db.exec("INSERT INTO sync_rejected VALUES ('ev-refused', 'unknown participant p-x at this centre', 1000)");
    db.exec("UPDATE events SET synced_at = 2000 WHERE id = '" + ids[0] + "'");
  }
  const std::string device = [&] {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT value FROM meta WHERE key = 'device_id'").getString();
  }();

  const Store store = Store::open(path);
  CHECK(store.schema_version() == storage::kSchemaVersion);
  CHECK(store.device_id() == device);
  CHECK(store.event_count() == 2);
  CHECK(store.load_attendance("2026-11-23").size() == 2);
  CHECK(store.integrity_check() == "ok");

  auto sync = storage::SyncStore::open(path);
  CHECK(sync.device_id() == device);
  CHECK(sync.token() == "tok-1");
  CHECK(sync.cursor() == "r12.e34");
  CHECK(sync.state("centre_id") == "de-cirkel");
  const auto rejected = sync.rejected();
  REQUIRE(rejected.size() == 1);
  CHECK(rejected[0].first == "ev-refused");
  CHECK(rejected[0].second == "unknown participant p-x at this centre");
  CHECK(sync.unsent_count() == 1);
  const auto pending = sync.pending(10, 1 << 20);
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].id == ids[1]);
  CHECK(pending[0].device_id == device);
  sync.set_state("cursor", "r13.e35");
  CHECK(sync.cursor() == "r13.e35");

  // The tables are the ones a new kiosk database gets.
  { const Store fresh = Store::open(dir.file("new.db")); }
  CHECK(sync_tables_sql(path) == sync_tables_sql(dir.file("new.db")));
}

TEST_CASE("Store::open: a version 4 kiosk that never synced gets the sync tables", "[storage][sync]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  make_version_4(path);
  {
    // Before the Store has migrated it, the sync side refuses the file and leaves it alone.
    CHECK_THROWS_AS(storage::SyncStore::open(path), StorageError);
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    CHECK_FALSE(raw.tableExists("sync_state"));
  }
  const Store store = Store::open(path);
  CHECK(store.schema_version() == storage::kSchemaVersion);
  auto sync = storage::SyncStore::open(path);
  CHECK(sync.token().empty());
  CHECK(sync.rejected().empty());
  CHECK(sync.unsent_count() == 2);
}
