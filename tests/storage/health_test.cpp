// The start-up health check: damage, a read-only file and a full disk are noticed before
// anything is confirmed, and each says which one it is.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "storage/database.hpp"
#include "storage/demo_centre.hpp"
#include "storage/health.hpp"
#include "storage/store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;

namespace {

// The demo centre (four weeks of history), closed so its WAL is checkpointed into the file.
std::string demo_database(const test::TempDir& dir) {
  const std::string path = dir / "kiosk.db";
  auto store = storage::Store::open(path);
  REQUIRE(storage::seed_demo_centre(store, test::kMonday0942));
  return path;
}

// 64 KiB of random bytes in the middle of the file, as a failing disk or a bad copy leaves it.
void damage_middle(const std::string& path) {
  const auto size = std::filesystem::file_size(path);
  REQUIRE(size > 4 * 65536);
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(size / 2));
  std::mt19937 rng(14);
  for (int i = 0; i < 65536; ++i) f.put(static_cast<char>(rng() & 0xFF));
}

}  // namespace

TEST_CASE("Store health: a healthy demo database checks ok, fast", "[storage]") {
  test::TempDir dir;
  const std::string path = demo_database(dir);
  auto store = storage::Store::open(path);
  CHECK(store.health().fault == core::StorageFault::None);
  CHECK(store.health().complete);
  CHECK(store.health().check_ms < storage::kQuickCheckBudgetMs);
  WARN("quick_check of the demo database: " << store.health().check_ms << " ms, "
                                            << std::filesystem::file_size(path) / 1024 << " KiB");
}

// Issue 17: the check reads every page once; they leave SQLite's cache after it (the screens'
// pages come back as they are read), which held 0.95 MiB of the welcome screen's heap.
TEST_CASE("Store health: the start-up check leaves the pages it read out of the cache", "[storage]") {
  test::TempDir dir;
  const std::string path = demo_database(dir);
  SQLite::Database db = storage::open_database(path, {});
  int used = 0, peak = 0;
  REQUIRE(storage::check_at_start(db, path).fault == core::StorageFault::None);
  sqlite3_db_status(db.getHandle(), SQLITE_DBSTATUS_CACHE_USED, &used, &peak, 0);
  const auto size = static_cast<int>(std::filesystem::file_size(path));
  CHECK(size > 512 * 1024);
  CHECK(used < 64 * 1024);
  // Without the release the cache would hold the file (up to SQLite's 2 MB): the check did read it.
  SQLite::Statement(db, "PRAGMA quick_check").executeStep();
  sqlite3_db_status(db.getHandle(), SQLITE_DBSTATUS_CACHE_USED, &used, &peak, 0);
  CHECK(used > size / 2);
}

TEST_CASE("Store health: 64 KiB of random bytes in the middle: noticed, and nothing is confirmed", "[storage]") {
  test::TempDir dir;
  const std::string path = demo_database(dir);
  damage_middle(path);
  auto store = storage::Store::open(path);
  CHECK(store.health().fault == core::StorageFault::Damaged);
  INFO(store.health().detail);
  CHECK(store.health().detail.find("quick_check") != std::string::npos);
  try {
    store.check_in("demo-p-0001", test::kMonday0942, "2026-11-23", core::Dagdeel::Morning);
    FAIL("a check-in was confirmed on a damaged database");
  } catch (const storage::StorageError& e) {
    CHECK(std::string(e.what()).find("cannot be trusted") != std::string::npos);
  }
}

TEST_CASE("Store health: a damaged header or schema page still opens, as damaged, and confirms nothing", "[storage]") {
  test::TempDir dir;
  for (const std::streamoff at : {std::streamoff{0}, std::streamoff{100}}) {  // the header; page 1's schema
    const std::string path = demo_database(dir);
    {
      std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(at);
      for (int i = 0; i < 2048; ++i) f.put(static_cast<char>(0xA5));
    }
    auto store = storage::Store::open(path);
    INFO("damaged at byte " << at << ": " << store.health().detail);
    CHECK(store.health().fault == core::StorageFault::Damaged);
    CHECK(store.path() == path);
    CHECK_THROWS_AS(store.check_in("demo-p-0001", test::kMonday0942, "2026-11-23", core::Dagdeel::Morning),
                    storage::StorageError);
    std::filesystem::remove(path);
  }
}

TEST_CASE("Store health: a read-only database file says so by name", "[storage]") {
  test::TempDir dir;
  const std::string path = demo_database(dir);
  // root ignores file modes: an immutable file is read-only for everyone.
  const bool immutable = std::system(("chattr +i '" + path + "' 2>/dev/null").c_str()) == 0;
  if (!immutable) std::filesystem::permissions(path, std::filesystem::perms::owner_read);
  {
    auto store = storage::Store::open(path);
    CHECK(store.health().fault == core::StorageFault::ReadOnly);
    CHECK(store.health().detail.find("read-only") != std::string::npos);
    CHECK(store.diagnose().fault == core::StorageFault::ReadOnly);
    CHECK_THROWS_AS(store.check_in("demo-p-0001", test::kMonday0942, "2026-11-23", core::Dagdeel::Morning),
                    storage::StorageError);
  }
  if (immutable) CHECK(std::system(("chattr -i '" + path + "'").c_str()) == 0);
}
