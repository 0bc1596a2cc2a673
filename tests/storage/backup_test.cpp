// storage/backup: a consistent copy of the kiosk's journal while it is written to, and putting
// one back only when nobody has the database open, after checking the backup.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "storage/backup.hpp"
#include "storage/demo_centre.hpp"
#include "storage/store.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
using storage::StorageError;

namespace {

constexpr core::TimeMs kMonday0942 = 1795423320000;  // 2026-11-23 09:42 in Amsterdam

std::int64_t count(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const StorageError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("backup_database: a copy while check-ins are written holds every committed one", "[storage]") {
  test::TempDir dir;
  const std::string db = dir / "kiosk.db";
  auto store = storage::Store::open(db);
  storage::seed_demo_centre(store, kMonday0942);
  std::atomic<int> committed{0};
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    auto w = storage::Store::open(db);
    for (int i = 1; i <= 42 && !stop; ++i) {
      char id[20];
      std::snprintf(id, sizeof id, "demo-p-%04d", i);
      if (w.check_in(id, kMonday0942 + i, "2026-11-23", core::Dagdeel::Morning).new_event) ++committed;
    }
  });
  while (committed < 10) std::this_thread::yield();
  const int before = committed.load();
  const int pages = storage::backup_database(db, dir / "copy.db");
  stop = true;
  writer.join();
  CHECK(pages > 0);
  CHECK(storage::check_database_file(dir / "copy.db", "meta") == "ok");
  // Every check-in committed before the backup began (the writer's are the ones after 09:42).
  const std::string writers = "SELECT COUNT(*) FROM events WHERE type = 'check_in' AND wall_ms > 1795423320000";
  CHECK(count(dir / "copy.db", writers) >= before);
  CHECK(count(db, writers) == committed.load());
  CHECK_FALSE(std::filesystem::exists(dir / "copy.db-wal"));  // one self-contained file
  CHECK((std::filesystem::status(dir / "copy.db").permissions() & std::filesystem::perms::others_read) ==
        std::filesystem::perms::none);
  CHECK(message_of([&] { storage::backup_database(db, dir / "copy.db"); }).find("exists already") != std::string::npos);
  CHECK(message_of([&] { storage::backup_database(dir / "nope.db", dir / "x.db"); }).find("no database") !=
        std::string::npos);
}

TEST_CASE("restore_database: refused while the journal is open, checked first, then put back", "[storage]") {
  test::TempDir dir;
  const std::string db = dir / "kiosk.db";
  {
    auto store = storage::Store::open(db);
    storage::seed_demo_centre(store, kMonday0942);
    storage::backup_database(db, dir / "monday.db");
    store.check_in("demo-p-0001", kMonday0942 + 60'000, "2026-11-23", core::Dagdeel::Morning);
    const std::string busy = message_of([&] { storage::restore_database(dir / "monday.db", db, "meta"); });
    CHECK(busy.find("in use by another program") != std::string::npos);
    CHECK(busy.find("Nothing was changed") != std::string::npos);
  }
  const auto after = count(db, "SELECT COUNT(*) FROM events");
  { std::ofstream(dir / "garbage.db") << "not a database at all, but long enough to be read as one maybe"; }
  CHECK(message_of([&] { storage::restore_database(dir / "garbage.db", db, "meta"); }).find("cannot be restored") !=
        std::string::npos);
  {
    SQLite::Database other(dir / "other.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE kiosks (id TEXT)");
  }
  CHECK(message_of([&] { storage::restore_database(dir / "other.db", db, "meta"); }).find("it has no table meta") !=
        std::string::npos);
  CHECK(count(db, "SELECT COUNT(*) FROM events") == after);  // the refusals changed nothing

  storage::restore_database(dir / "monday.db", db, "meta");
  CHECK(count(db, "SELECT COUNT(*) FROM events") == after - 1);  // Monday's check-in was after the backup
  auto reopened = storage::Store::open(db);
  CHECK(reopened.integrity_check() == "ok");
  storage::restore_database(dir / "monday.db", dir / "new.db", "meta");  // onto a new machine
  CHECK(count(dir / "new.db", "SELECT COUNT(*) FROM events") == after - 1);
}
