// The store's connection must not hold a read snapshot between calls: SQLite could then never
// checkpoint the WAL, and a write by another connection (the sync thread will have its own, "one
// connection per thread") would make the kiosk's next check-in fail with "database is locked".
//
// (These tests caught statements left stepped but not reset, which kept a read transaction open
// from the first write on.)
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <string>

#include "storage/store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
using core::Dagdeel;
using storage::Store;
using test::kMonday0942;

TEST_CASE("Store: an open store lets SQLite checkpoint the WAL", "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  Store store = Store::open(path);
  store.check_in("p-1", kMonday0942, "2026-11-23", Dagdeel::Morning);
  store.check_in("p-2", kMonday0942 + 1000, "2026-11-23", Dagdeel::Morning);
  SECTION("after check-ins") {}
  SECTION("after a check-in that was already recorded") {
    REQUIRE_FALSE(store.check_in("p-1", kMonday0942 + 2000, "2026-11-23", Dagdeel::Morning).new_event);
  }
  REQUIRE(std::filesystem::file_size(path + "-wal") > 0);

  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  SQLite::Statement checkpoint(raw, "PRAGMA wal_checkpoint(TRUNCATE)");
  REQUIRE(checkpoint.executeStep());
  const int busy = checkpoint.getColumn(0).getInt();
  const int frames_in_wal = checkpoint.getColumn(1).getInt();
  const int frames_copied = checkpoint.getColumn(2).getInt();
  INFO("busy=" << busy << " wal frames=" << frames_in_wal << " copied=" << frames_copied);
  CHECK(busy == 0);
  CHECK(frames_copied == frames_in_wal);
  CHECK(std::filesystem::file_size(path + "-wal") == 0);
  CHECK(store.event_count() == 2);
}

TEST_CASE("Store: check-ins keep working when another connection writes too", "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  Store kiosk = Store::open(path);
  Store other = Store::open(path);  // e.g. the sync thread's connection

  CHECK_NOTHROW(kiosk.check_in("p-1", kMonday0942, "2026-11-23", Dagdeel::Morning));
  CHECK_NOTHROW(other.check_in("p-2", kMonday0942 + 1000, "2026-11-23", Dagdeel::Morning));
  CHECK_NOTHROW(kiosk.check_in("p-3", kMonday0942 + 2000, "2026-11-23", Dagdeel::Morning));
  CHECK(kiosk.event_count() == 3);
  CHECK(kiosk.load_attendance("2026-11-23").size() == 3);
  CHECK(other.load_attendance("2026-11-23").size() == 3);
}

TEST_CASE("Store::checkpoint: copies the journal's new pages into the database file", "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  Store store = Store::open(path);
  for (int i = 0; i < 20; ++i)
    store.check_in("p-" + std::to_string(i), kMonday0942 + i * 1000, "2026-11-23", Dagdeel::Morning);
  // Twenty commits are far below the auto-checkpoint: the new pages are only in the WAL.
  const auto before = std::filesystem::file_size(path);
  store.checkpoint();
  const auto after = std::filesystem::file_size(path);
  INFO("database file " << before << " -> " << after << " bytes");
  CHECK(after > before);
  CHECK(store.event_count() == 20);
  CHECK(store.integrity_check() == "ok");
}
