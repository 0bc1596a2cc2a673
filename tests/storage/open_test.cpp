// Opening, creating, reopening and refusing database files.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/ids.hpp"
#include "storage/store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
using storage::Store;
using storage::StorageError;

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
  SECTION("the path is a folder") {
    CHECK_THROWS_AS(Store::open(dir.path().string()), StorageError);
  }
  SECTION("no path at all") {
    CHECK_THROWS_WITH(Store::open(""), Catch::Contains("No database path"));
  }
  CHECK(test::slurp(blocker) == "I am a file, not a folder\n");
}

TEST_CASE("Store::open: refuses a file that is not a database and leaves it alone", "[storage]") {
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

  const std::string msg = open_error(path);
  INFO(msg);
  CHECK(msg.find(path) != std::string::npos);
  CHECK(msg.find("not a Meedoen database") != std::string::npos);
  CHECK(test::slurp(path) == junk);
}
