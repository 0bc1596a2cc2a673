// Coach PINs in the store: migration v3 adds the hash column, PINs are kept only as argon2id
// hashes, and a coach is found by PIN. Plus a coach decision through record() and the fold.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/demo_centre.hpp"
#include "storage/pin_hash.hpp"
#include "storage/store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
using storage::Store;
using test::kMonday0942;

TEST_CASE("store: migration 3 gives coaches a PIN hash, kept for coaches already there", "[storage][coach]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  {
    Store store = Store::open(path);
    store.put_coach({"c-1", "Marloes Kuipers"});
  }
  {
    // Back to version 2 as a shipped kiosk had it: no pin_hash column.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("ALTER TABLE coaches DROP COLUMN pin_hash");
    // ... and nothing of version 4.
    db.exec(
        "DROP TABLE ladder; DROP TABLE notes; DROP TABLE exits; ALTER TABLE activities DROP COLUMN active; ALTER TABLE "
        "attendance DROP COLUMN by_coach; ALTER TABLE activities DROP COLUMN date;");
    for (const char* col : {"start_date", "end_date", "talk_every_days", "agreed_parts"})
      db.exec(std::string("ALTER TABLE participants DROP COLUMN ") + col);
    db.exec("PRAGMA user_version = 2");
  }
  Store store = Store::open(path);
  CHECK(store.schema_version() == storage::kSchemaVersion);
  CHECK(store.load_coaches().size() == 1);
  CHECK(store.find_coach_by_pin("2468").empty());  // no PIN yet: cannot log in
  store.put_coach({"c-1", "Marloes Kuipers"}, storage::hash_pin("2468"));
  CHECK(store.find_coach_by_pin("2468") == "c-1");
  // A rename (from sync) keeps the PIN.
  store.put_coach({"c-1", "Marloes Kuipers-de Wit"});
  CHECK(store.find_coach_by_pin("2468") == "c-1");
  CHECK(store.load_coaches()[0].name == "Marloes Kuipers-de Wit");
}

TEST_CASE("store: coach PINs are argon2id hashes and identify the coach", "[storage][coach]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  REQUIRE(storage::seed_demo_centre(store, kMonday0942));
  CHECK(store.find_coach_by_pin("2468") == "demo-coach-1");
  CHECK(store.find_coach_by_pin("1357") == "demo-coach-2");
  CHECK(store.find_coach_by_pin("0000").empty());
  CHECK(store.find_coach_by_pin("").empty());
  CHECK(store.find_coach_by_pin("24680").empty());
  SQLite::Database raw(dir.file("kiosk.db"), SQLite::OPEN_READONLY);
  SQLite::Statement st(raw, "SELECT pin_hash FROM coaches");
  int n = 0;
  while (st.executeStep()) {
    const std::string hash = st.getColumn(0).getString();
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("2468") == std::string::npos);
    ++n;
  }
  CHECK(n == 2);
}

TEST_CASE("store: a coach's decisions are events that change the read models", "[storage][coach]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  REQUIRE(storage::seed_demo_centre(store, kMonday0942));
  std::vector<core::HoursEntry> waiting;
  for (const auto& h : store.load_hours("", "2026-10-01"))
    if (h.status == core::HoursStatus::Waiting) waiting.push_back(h);
  REQUIRE(waiting.size() == 2);  // the demo's hours from last Friday
  const auto& h = waiting[0];
  store.record(h.participant_id, core::ev::HoursDecided{h.event_id, true, h.minutes, "", "demo-coach-1"}, kMonday0942);
  int still_waiting = 0;
  for (const auto& x : store.load_hours("", "2026-10-01")) still_waiting += x.status == core::HoursStatus::Waiting;
  CHECK(still_waiting == 1);

  // Jan's forgotten check-out on Friday: settled by the coach, the participant is not asked again.
  auto jan = store.load_attendance_of("demo-p-0002", "2026-11-20", "2026-11-20");
  REQUIRE(jan.size() == 1);
  REQUIRE(jan[0].auto_closed);
  REQUIRE_FALSE(jan[0].answered);
  store.record(
      "demo-p-0002",
      core::ev::CorrectionDecided{"", jan[0].check_in_event, "2026-11-20", false, 0, "confirmed", "demo-coach-1"},
      kMonday0942);
  jan = store.load_attendance_of("demo-p-0002", "2026-11-20", "2026-11-20");
  CHECK(jan[0].answered);
  CHECK(store.journal().back().type == "correction_decided");
}
