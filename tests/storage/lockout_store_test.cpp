// PIN lockouts in the kiosk's database (migration 6): kept across closing and opening the store,
// a cleared guard leaves no row, and a kiosk database from before has the table after migrating.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <string>

#include "storage/store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
using core::Lockout;
using storage::Store;

TEST_CASE("lockouts: stored guards are there after the store is opened again", "[storage][security]") {
  test::TempDir dir;
  const std::string path = dir / "kiosk.db";
  {
    Store store = Store::open(path);
    store.save_lockout(Lockout{"", 4, 2, test::kMonday0942 + 60'000});
    store.save_lockout(Lockout{"p-ayse", 0, 0, test::kMonday0942 + 300'000});
    store.save_lockout(Lockout{"p-jan", 2, 0, 0});
    store.save_lockout(Lockout{"p-jan", 1, 0, 0});  // replaced, not added
  }
  Store store = Store::open(path);
  const auto stored = store.load_lockouts();
  REQUIRE(stored.size() == 3);
  CHECK(stored[0] == Lockout{"", 4, 2, test::kMonday0942 + 60'000});
  CHECK(stored[1] == Lockout{"p-ayse", 0, 0, test::kMonday0942 + 300'000});
  CHECK(stored[2] == Lockout{"p-jan", 1, 0, 0});
  // Cleared guards (a right PIN) leave no row behind.
  store.save_lockout(Lockout{});
  store.save_lockout(Lockout{"p-jan"});
  const auto left = store.load_lockouts();
  REQUIRE(left.size() == 1);
  CHECK(left[0].participant_id == "p-ayse");
  // Local state: nothing in the journal, so nothing is pushed to the server.
  CHECK(store.event_count() == 0);
}

TEST_CASE("lockouts: a kiosk database of version 5 gets the table when opened", "[storage][security]") {
  test::TempDir dir;
  const std::string path = dir / "kiosk.db";
  { Store::open(path); }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(
        "DROP TABLE lockouts; DROP TABLE clock_flags; ALTER TABLE attendance DROP COLUMN end_unknown; "
        "ALTER TABLE participants DROP COLUMN sort_key; PRAGMA user_version = 5");
  }
  Store store = Store::open(path);
  CHECK(store.schema_version() == storage::kSchemaVersion);
  CHECK(store.load_lockouts().empty());
  store.save_lockout(Lockout{"", 1, 0, 0});
  CHECK(store.load_lockouts().size() == 1);
}
