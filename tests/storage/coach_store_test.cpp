// Coach PINs in the store: migration v3 adds the hash column, PINs are kept only as argon2id
// hashes, and a coach is found by PIN. Plus a coach decision through record() and the fold.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/hlc.hpp"
#include "storage/demo_centre.hpp"
#include "storage/pin_hash.hpp"
#include "storage/store.hpp"
#include "storage/sync_store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"
#include "wire/event_codec.hpp"
#include "wire/wire.hpp"

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
    db.exec("DROP TABLE lockouts; DROP TABLE clock_flags");     // nor of version 6
    db.exec("ALTER TABLE attendance DROP COLUMN end_unknown");  // nor of version 7
    db.exec("ALTER TABLE participants DROP COLUMN sort_key");   // version 11
    db.exec("PRAGMA user_version = 2");
  }
  Store store = Store::open(path);
  CHECK(store.schema_version() == storage::kSchemaVersion);
  CHECK(store.load_coaches().size() == 1);
  CHECK(store.find_coach_by_pin("246810").empty());  // no PIN yet: cannot log in
  store.put_coach({"c-1", "Marloes Kuipers"}, storage::hash_pin("246810"));
  CHECK(store.find_coach_by_pin("246810") == "c-1");
  // A rename (from sync) keeps the PIN.
  store.put_coach({"c-1", "Marloes Kuipers-de Wit"});
  CHECK(store.find_coach_by_pin("246810") == "c-1");
  CHECK(store.load_coaches()[0].name == "Marloes Kuipers-de Wit");
}

TEST_CASE("store: coach PINs are argon2id hashes and identify the coach", "[storage][coach]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  REQUIRE(storage::seed_demo_centre(store, kMonday0942));
  CHECK(store.find_coach_by_pin("246810") == "demo-coach-1");
  CHECK(store.find_coach_by_pin("135790") == "demo-coach-2");
  CHECK(store.find_coach_by_pin("000000").empty());
  CHECK(store.find_coach_by_pin("").empty());
  CHECK(store.find_coach_by_pin("24680").empty());
  SQLite::Database raw(dir.file("kiosk.db"), SQLite::OPEN_READONLY);
  SQLite::Statement st(raw, "SELECT pin_hash FROM coaches");
  int n = 0;
  while (st.executeStep()) {
    const std::string hash = st.getColumn(0).getString();
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("246810") == std::string::npos);
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

// [SECTION] Coach PINs through record() and pulled pages (storage/sync_store)

namespace {

wire::PullPage coach_page(const std::string& cursor, const std::string& id, const std::string& name,
                          const std::string& hash) {
  wire::PullPage page;
  page.cursor = cursor;
  wire::WireCoach w;
  w.c = {id, name};
  w.pin_hash = hash;
  page.coaches.push_back(w);
  return page;
}

}  // namespace

TEST_CASE("store: coach_pin_changed sets the coach's PIN in the same transaction", "[storage][coach]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  store.put_coach({"c-1", "Marloes Kuipers"}, storage::hash_pin("246810"));
  const auto e = store.record("", core::ev::CoachPinChanged{"c-1", storage::hash_pin("8642")}, kMonday0942);
  CHECK(e.type == "coach_pin_changed");
  CHECK(e.participant_id.empty());
  CHECK(e.payload.find("8642") == std::string::npos);
  CHECK(store.find_coach_by_pin("8642") == "c-1");
  CHECK(store.find_coach_by_pin("246810").empty());
  CHECK(store.verify_coach_pin("c-1", "8642"));
  CHECK_FALSE(store.verify_coach_pin("c-2", "8642"));
  // Not a hash: refused, nothing written, the PIN stays.
  CHECK_THROWS_AS(store.record("", core::ev::CoachPinChanged{"c-1", "8642"}, kMonday0942 + 1000),
                  storage::StorageError);
  CHECK(store.find_coach_by_pin("8642") == "c-1");
  CHECK(store.event_count() == 1);
}

TEST_CASE("sync store: a pulled malformed PIN hash is skipped for that coach, with a warning naming them",
          "[storage][coach][sync]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  Store store = Store::open(path);
  store.put_coach({"c-1", "Marloes Kuipers"}, storage::hash_pin("246810"));
  auto sync = storage::SyncStore::open(path);
  const std::string bad = GENERATE(std::string("plain"), std::string("$argon2i$v=19$m=4096,t=2,p=1$c2FsdA$aGFzaA"),
                                   std::string(200, '$'), "$argon2id$v=19$m=4096,t=2,p=1$" + std::string(5000, 'A'));
  wire::PullPage page = coach_page("r5.e0", "c-1", "Marloes Kuipers-de Wit", bad);
  wire::WireCoach erik;
  erik.c = {"c-2", "Erik Bos"};
  erik.pin_hash = storage::hash_pin("135790");
  page.coaches.push_back(erik);
  const storage::PullApplied n = sync.apply_pull(page, kMonday0942);
  REQUIRE(n.warnings.size() == 1);
  CHECK(n.warnings[0].find("coach c-1") != std::string::npos);
  CHECK(n.warnings[0].find("previous PIN stays") != std::string::npos);
  CHECK(store.find_coach_by_pin("246810") == "c-1");  // kept
  CHECK(store.find_coach_by_pin("135790") == "c-2");  // the rest of the page applied
  CHECK(store.load_coaches().size() == 2);
  CHECK(sync.cursor() == "r5.e0");
}

TEST_CASE("wire: a coach's pin_hash of any type or size reaches the kiosk's per-coach check",
          "[storage][coach][sync]") {
  wire::PullPage page;
  std::string error;
  REQUIRE(wire::decode_pull_page(
      R"({"server_time":1,"cursor":"r1.e0","more":false,"coaches":[)"
      R"({"id":"c-1","name":"M","active":true,"pin_hash":42},{"id":"c-2","name":"E","active":true},)"
      R"({"id":"c-3","name":"A","active":true,"pin_hash":null}]})",
      page, error));
  REQUIRE(page.coaches.size() == 3);
  CHECK(page.coaches[0].pin_hash == "42");
  CHECK_FALSE(core::check::pin_hash(page.coaches[0].pin_hash).empty());
  CHECK(page.coaches[1].pin_hash.empty());  // none sent: the kiosk keeps its own
  CHECK(page.coaches[2].pin_hash.empty());
  // Sent only when set.
  page.coaches[0].pin_hash.clear();
  CHECK(wire::encode_pull_page(page).find("pin_hash") == std::string::npos);
  page.coaches[0].pin_hash = "$argon2id$v=19$m=4096,t=2,p=1$c2FsdA$aGFzaA";
  CHECK(wire::encode_pull_page(page).find(R"("pin_hash":"$argon2id$)") != std::string::npos);
}

TEST_CASE("sync store: a kiosk's unsent PIN change is not undone by an older pulled row", "[storage][coach][sync]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  Store store = Store::open(path);
  store.put_coach({"c-1", "Marloes Kuipers"}, storage::hash_pin("246810"));
  store.record("", core::ev::CoachPinChanged{"c-1", storage::hash_pin("8642")}, kMonday0942);
  auto sync = storage::SyncStore::open(path);
  const std::string old_hash = storage::hash_pin("246810");
  SECTION("the pulled row predates our change") {
    sync.apply_pull(coach_page("r5.e0", "c-1", "Marloes Kuipers", old_hash), kMonday0942 + 1000);
    CHECK(store.find_coach_by_pin("8642") == "c-1");
  }
  SECTION("another kiosk's later change is in the page: the pulled row stands") {
    wire::PullPage page = coach_page("r6.e1", "c-1", "Marloes Kuipers", storage::hash_pin("1111"));
    wire::WireEvent e;
    e.id = "01937a6e-0000-7000-8000-000000000001";
    e.device_id = "01937a6e-0000-7000-8000-0000000000bb";
    e.seq = 1;
    e.wall_ms = kMonday0942 + 60'000;
    e.hlc = core::hlc_to_string(core::Hlc{kMonday0942 + 60'000, 0});
    e.type = "coach_pin_changed";
    e.payload = wire::encode_payload(core::ev::CoachPinChanged{"c-1", storage::hash_pin("1111")});
    page.events.push_back(e);
    sync.apply_pull(page, kMonday0942 + 61'000);
    CHECK(store.find_coach_by_pin("1111") == "c-1");
    CHECK(store.find_coach_by_pin("8642").empty());
  }
  SECTION("once sent, the server's row is the word") {
    const auto pending = sync.pending(10, 1 << 20);
    REQUIRE(pending.size() == 1);
    sync.mark_pushed({{pending[0].id, wire::PushStatus::Stored, ""}}, kMonday0942 + 1000, pending[0].seq,
                     pending[0].seq);
    sync.apply_pull(coach_page("r7.e0", "c-1", "Marloes Kuipers", old_hash), kMonday0942 + 2000);
    CHECK(store.find_coach_by_pin("246810") == "c-1");
  }
}
