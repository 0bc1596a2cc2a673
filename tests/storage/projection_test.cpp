// From events to read models on real database files: Store::record, close_forgotten, re-running
// the projection, migrating a version-1 database, and events imported from another kiosk.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/hlc.hpp"
#include "core/journal.hpp"
#include "storage/projection.hpp"
#include "storage/store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"
#include "wire/event_codec.hpp"

using namespace meedoen;
using core::Dagdeel;
using storage::StorageError;
using storage::Store;
using test::kMonday0942;
using test::kMonday1245;
using test::kMonday1400;
namespace ev = core::ev;

namespace {

constexpr const char* kToday = "2026-11-23";  // Monday
constexpr const char* kThursday = "2026-11-26";
constexpr core::TimeMs kMin = 60'000;
constexpr core::TimeMs kDay = 86'400'000;

core::Activity cooking(int capacity) {
  core::Activity a;
  a.id = "a-koken";
  a.title = "Samen koken";
  a.weekday = 3;
  a.dagdeel = Dagdeel::Afternoon;
  a.start = 13 * 60 + 30;
  a.end = 16 * 60 + 30;
  a.capacity = capacity;
  return a;
}

// All rows of the four read models as text, in a fixed order: two equal dumps are equal tables.
std::string dump_read_models(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::ostringstream s;
  const char* queries[] = {
      "SELECT check_in_event, participant_id, date, dagdeel, check_in_ms, COALESCE(check_out_ms, -1), auto_closed, "
      "answered, COALESCE(proposed_end_ms, -1) FROM attendance ORDER BY check_in_event",
      "SELECT activity_id, date, participant_id, signed_at_ms, placed, waiting_position, from_waiting_list "
      "FROM signups ORDER BY activity_id, date, participant_id",
      "SELECT event_id, participant_id, date, dagdeel, reason FROM absences ORDER BY event_id",
      "SELECT event_id, participant_id, date, place, minutes, approved_minutes, status, logged_at_ms FROM hours "
      "ORDER BY event_id",
  };
  for (const char* q : queries) {
    SQLite::Statement st(db, q);
    s << "--\n";
    while (st.executeStep()) {
      for (int i = 0; i < st.getColumnCount(); ++i) s << st.getColumn(i).getString() << '|';
      s << '\n';
    }
  }
  return s.str();
}

std::int64_t count(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

// A second connection to the kiosk's file, as the sync worker will have.
struct Importer {
  SQLite::Database db;
  explicit Importer(const std::string& path) : db(path, SQLite::OPEN_READWRITE) {
    db.exec("PRAGMA busy_timeout = 5000");
    db.exec("PRAGMA foreign_keys = ON");
  }
  // Inserts a batch and re-derives what it touched, in one transaction; how many were new.
  int import(const std::vector<storage::JournalEntry>& batch) {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    int added = 0;
    std::set<std::string> subjects;
    for (const auto& e : batch) {
      if (storage::insert_event(db, e)) ++added;
      subjects.insert(core::event_subject(e.participant_id, wire::decode_payload(e.type, e.payload, e.wall)));
    }
    storage::project(db, subjects);
    tx.commit();
    return added;
  }
};

// An event as kiosk B would have recorded it.
storage::JournalEntry from_device(const std::string& device, std::int64_t seq, core::TimeMs wall,
                                  const std::string& pid, const core::EventBody& body, const std::string& id) {
  storage::JournalEntry e;
  e.id = id;
  e.device_id = device;
  e.seq = seq;
  e.wall = wall;
  e.hlc = core::hlc_to_string(core::Hlc{wall, 0});
  e.type = core::event_type(body);
  e.participant_id = pid;
  e.payload = wire::encode_payload(body);
  return e;
}

// Schema version 1 exactly as migrations.cpp index 0 creates it (it shipped; it never changes).
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE events (
  id             TEXT PRIMARY KEY,
  device_id      TEXT NOT NULL,
  seq            INTEGER NOT NULL,
  wall_ms        INTEGER NOT NULL,
  hlc            TEXT NOT NULL,
  type           TEXT NOT NULL,
  participant_id TEXT,
  payload        TEXT NOT NULL,
  synced_at      INTEGER,
  UNIQUE (device_id, seq)
);
CREATE INDEX events_unsynced ON events (seq) WHERE synced_at IS NULL;
CREATE INDEX events_participant ON events (participant_id, wall_ms);
CREATE TABLE participants (
  id          TEXT PRIMARY KEY,
  first_name  TEXT NOT NULL,
  last_name   TEXT NOT NULL,
  card_code   TEXT UNIQUE,
  pin_hash    TEXT NOT NULL DEFAULT '',
  language    TEXT NOT NULL DEFAULT '',
  mandatory   INTEGER NOT NULL DEFAULT 0,
  coach_id    TEXT NOT NULL DEFAULT '',
  active      INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE coaches (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE activities (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  icon        TEXT NOT NULL DEFAULT '',
  weekday     INTEGER NOT NULL,
  dagdeel     TEXT NOT NULL,
  start_min   INTEGER NOT NULL,
  end_min     INTEGER NOT NULL,
  place       TEXT NOT NULL DEFAULT '',
  leader      TEXT NOT NULL DEFAULT '',
  capacity    INTEGER NOT NULL DEFAULT 0,
  volunteer_work INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE attendance (
  check_in_event  TEXT PRIMARY KEY REFERENCES events (id),
  participant_id  TEXT NOT NULL,
  date            TEXT NOT NULL,
  dagdeel         TEXT NOT NULL,
  check_in_ms     INTEGER NOT NULL,
  check_out_ms    INTEGER,
  check_out_event TEXT REFERENCES events (id)
);
CREATE INDEX attendance_by_date ON attendance (date, participant_id);
)sql";

}  // namespace

// [SECTION] Store::record

TEST_CASE("Store::record: sign-ups are durable and derive places and a waiting list", "[storage][projection]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  {
    Store store = Store::open(path);
    store.put_activity(cooking(2));
    const auto e = store.record("p-1", ev::SignedUp{"a-koken", kThursday}, kMonday0942);
    CHECK(e.type == "signed_up");
    CHECK(e.participant_id == "p-1");
    CHECK(e.seq == 1);
    CHECK(nlohmann::json::parse(e.payload) == nlohmann::json{{"activity_id", "a-koken"}, {"date", kThursday}});
    store.record("p-2", ev::SignedUp{"a-koken", kThursday}, kMonday0942 + 1000);
    store.record("p-3", ev::SignedUp{"a-koken", kThursday}, kMonday0942 + 2000);
    store.record("p-4", ev::SignedUp{"a-koken", kThursday}, kMonday0942 + 3000);
    store.record("p-2", ev::SignedUp{"a-koken", "2026-12-03"}, kMonday0942 + 4000);  // next week
  }
  Store store = Store::open(path);  // reopened: everything was committed
  CHECK(store.event_count() == 5);
  auto rows = store.load_signups(kThursday, kThursday);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].participant_id == "p-1");
  CHECK(rows[0].placed);
  CHECK(rows[0].at == kMonday0942);
  CHECK(rows[1].participant_id == "p-2");
  CHECK(rows[1].placed);
  CHECK(rows[2].participant_id == "p-3");
  CHECK_FALSE(rows[2].placed);
  CHECK(rows[2].waiting_position == 1);
  CHECK(rows[3].participant_id == "p-4");
  CHECK(rows[3].waiting_position == 2);
  CHECK(store.load_signups("2026-12-03", "2026-12-03").size() == 1);

  // A cancellation promotes p-3 in the same transaction.
  store.record("p-1", ev::SignUpCancelled{"a-koken", kThursday}, kMonday1400);
  rows = store.load_signups(kThursday, kThursday);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].participant_id == "p-2");
  CHECK(rows[1].participant_id == "p-3");
  CHECK(rows[1].placed);
  CHECK(rows[1].from_waiting_list);
  CHECK(rows[2].participant_id == "p-4");
  CHECK(rows[2].waiting_position == 1);

  // The subject column is what the projection reads.
  CHECK(count(path, "SELECT COUNT(*) FROM events WHERE subject = 'signups/a-koken/2026-11-26'") == 5);
}

TEST_CASE("Store::record: absences and their withdrawal", "[storage][projection]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  Store store = Store::open(path);
  const auto first = store.record(
      "p-ayse", ev::AbsenceReported{kThursday, Dagdeel::Morning, core::AbsenceReason::Sick, ""}, kMonday0942);
  const auto other = store.record(
      "p-ayse", ev::AbsenceReported{kThursday, Dagdeel::Evening, core::AbsenceReason::Care, ""}, kMonday0942 + 1);
  store.record("p-jan", ev::AbsenceReported{kThursday, Dagdeel::Morning, core::AbsenceReason::Appointment, ""},
               kMonday0942 + 2);
  const auto second = store.record(
      "p-ayse", ev::AbsenceReported{kThursday, Dagdeel::Morning, core::AbsenceReason::Medical, ""}, kMonday0942 + 3);

  auto mine = store.load_absences("p-ayse", kToday, "2026-11-30");
  REQUIRE(mine.size() == 2);
  for (const auto& a : mine) {
    CHECK(a.participant_id == "p-ayse");
    CHECK(a.event_id != first.id);  // replaced by the second report for that dagdeel
  }
  const core::Absence* morning = mine[0].dagdeel == Dagdeel::Morning ? &mine[0] : &mine[1];
  CHECK(morning->event_id == second.id);
  CHECK(morning->reason == core::AbsenceReason::Medical);
  CHECK(store.load_absences("", kThursday, kThursday).size() == 3);
  CHECK(store.load_absences("p-ayse", "2026-11-27", "2026-11-30").empty());

  store.record("p-ayse", ev::AbsenceWithdrawn{other.id}, kMonday1400);
  mine = store.load_absences("p-ayse", kToday, "2026-11-30");
  REQUIRE(mine.size() == 1);
  CHECK(mine[0].event_id == second.id);
  CHECK(store.load_absences("p-jan", kToday, "2026-11-30").size() == 1);  // another participant's subject
}

TEST_CASE("Store::record: volunteer hours wait, then are approved or rejected", "[storage][projection]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  std::string logged_id;
  {
    Store store = Store::open(path);
    logged_id = store.record("p-ayse", ev::HoursLogged{kToday, "Voedselbank", 135}, kMonday0942).id;
    store.record("p-ayse", ev::HoursLogged{"2026-11-24", "Kringloop", 60}, kMonday0942 + 1000);
  }
  Store store = Store::open(path);
  auto hours = store.load_hours("p-ayse", kToday);
  REQUIRE(hours.size() == 2);
  CHECK(hours[0].event_id == logged_id);
  CHECK(hours[0].place == "Voedselbank");
  CHECK(hours[0].minutes == 135);
  CHECK(hours[0].status == core::HoursStatus::Waiting);
  CHECK(hours[0].logged_at == kMonday0942);
  CHECK(store.approved_minutes_total("p-ayse") == 0);

  store.record("p-ayse", ev::HoursDecided{logged_id, true, 120, "pauze", "c-1"}, kMonday1400);
  store.record("p-ayse", ev::HoursDecided{hours[1].event_id, false, 0, "niet gezien", "c-1"}, kMonday1400 + 1);
  hours = store.load_hours("p-ayse", kToday);
  REQUIRE(hours.size() == 2);
  CHECK(hours[0].status == core::HoursStatus::Approved);
  CHECK(hours[0].minutes == 135);
  CHECK(hours[0].approved_minutes == 120);
  CHECK(hours[1].status == core::HoursStatus::Rejected);
  CHECK(store.approved_minutes_total("p-ayse") == 120);
  CHECK(store.load_hours("p-ayse", "2026-11-24").size() == 1);
  CHECK(store.load_hours("p-other", kToday).empty());
}

TEST_CASE("Store::record: a malformed body throws StorageError and writes nothing", "[storage][projection]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  Store store = Store::open(path);
  const std::vector<core::EventBody> bad{
      ev::CheckIn{"2026-02-30", Dagdeel::Morning, kMonday0942},
      ev::SignedUp{"a/koken", kThursday},
      ev::HoursLogged{kToday, "Voedselbank", 50},
      ev::HoursLogged{kToday, "Voedselbank", 735},
      ev::HoursLogged{kToday, "", 60},
      ev::HoursLogged{kToday, std::string(10'000, 'x'), 60},
      ev::AbsenceWithdrawn{""},
      ev::CorrectionRequested{kToday, "e-1", 0},
  };
  for (const auto& body : bad) {
    INFO(core::event_type(body) << " " << wire::encode_payload(body).substr(0, 80));
    CHECK_THROWS_AS(store.record("p-ayse", body, kMonday0942), StorageError);
  }
  CHECK_THROWS_WITH(store.record("p-ayse", ev::HoursLogged{kToday, "Voedselbank", 50}, kMonday0942),
                    Catch::Contains("hours_logged") && Catch::Contains("15"));
  CHECK(store.event_count() == 0);
  CHECK(dump_read_models(path) == "--\n--\n--\n--\n");
  CHECK(count(path, "SELECT COUNT(*) FROM meta WHERE key = 'hlc'") == 0);  // no clock stamp spent

  // The store is still usable and numbering starts at 1.
  const auto ok = store.record("p-ayse", ev::HoursLogged{kToday, "Voedselbank", 60}, kMonday0942);
  CHECK(ok.seq == 1);
  CHECK(ok.hlc == core::hlc_to_string(core::Hlc{kMonday0942, 0}));
  CHECK(store.event_count() == 1);
}

// [SECTION] close_forgotten

TEST_CASE("Store::close_forgotten: closes check-ins whose dagdeel ended, at its end", "[storage][projection]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  Store store = Store::open(path);
  core::KioskConfig cfg;  // morning 09:00-12:30, afternoon 13:00-17:00, evening 18:00-21:30
  const auto ayse = store.check_in("p-ayse", kMonday0942, kToday, Dagdeel::Morning).attendance;
  store.check_in("p-jan", kMonday0942 + 1000, kToday, Dagdeel::Morning);
  store.check_out("p-jan", kMonday0942 + 60 * kMin, kToday);
  store.check_in("p-fatima", kMonday1400, kToday, Dagdeel::Afternoon);
  const auto yesterday = store.check_in("p-kees", kMonday0942 - kDay, "2026-11-22", Dagdeel::Evening).attendance;
  const std::int64_t events_before = store.event_count();
  const core::TimeMs morning_end = test::local_ms(2026, 11, 23, 12, 30);
  REQUIRE(morning_end == kMonday1245 - 15 * kMin);

  SECTION("not before the dagdeel's end") {
    // At 12:29:59.999 only yesterday's evening is over.
    const auto closed = store.close_forgotten(morning_end - 1, cfg);
    REQUIRE(closed.size() == 1);
    CHECK(closed[0].participant_id == "p-kees");
    CHECK(closed[0].check_out == test::local_ms(2026, 11, 22, 21, 30));
    CHECK(store.load_attendance(kToday).size() == 3);
    for (const auto& a : store.load_attendance(kToday))
      if (a.participant_id != "p-jan") CHECK(a.open());
  }
  SECTION("at 12:45 the morning is closed at 12:30, the afternoon stays open") {
    const auto closed = store.close_forgotten(kMonday1245, cfg);
    REQUIRE(closed.size() == 2);
    const core::Attendance* a = closed[0].participant_id == "p-ayse" ? &closed[0] : &closed[1];
    CHECK(a->participant_id == "p-ayse");
    CHECK(a->check_in_event == ayse.check_in_event);
    CHECK(a->check_out == morning_end);
    CHECK(a->auto_closed);
    CHECK_FALSE(a->answered);

    const auto today = store.load_attendance(kToday);
    REQUIRE(today.size() == 3);
    for (const auto& t : today) {
      INFO(t.participant_id);
      if (t.participant_id == "p-ayse") {
        CHECK(t.check_out == morning_end);
        CHECK(t.auto_closed);
      } else if (t.participant_id == "p-jan") {
        CHECK(t.check_out == kMonday0942 + 60 * kMin);  // checked out by hand: untouched
        CHECK_FALSE(t.auto_closed);
      } else {
        CHECK(t.open());  // the afternoon is still running
      }
    }
    const auto old = store.load_attendance("2026-11-22");
    REQUIRE(old.size() == 1);
    CHECK(old[0].check_in_event == yesterday.check_in_event);
    CHECK(old[0].auto_closed);

    // The journal has one auto_check_out per closed attendance, as docs/events.md describes.
    const auto journal = store.journal();
    REQUIRE(journal.size() == static_cast<std::size_t>(events_before + 2));
    int autos = 0;
    for (const auto& e : journal) {
      if (e.type != "auto_check_out") continue;
      ++autos;
      CHECK(e.wall == kMonday1245);  // recorded when the kiosk noticed
      const auto p = nlohmann::json::parse(e.payload);
      if (e.participant_id == "p-ayse") {
        CHECK(p.at("date") == kToday);
        CHECK(p.at("check_in_event") == ayse.check_in_event);
        CHECK(p.at("at") == morning_end);  // but closed at the dagdeel's end
      }
    }
    CHECK(autos == 2);

    SECTION("running it again writes nothing") {
      CHECK(store.close_forgotten(kMonday1245 + kMin, cfg).empty());
      CHECK(store.event_count() == events_before + 2);
    }
    SECTION("a later check-out of the auto-closed attendance is refused and changes nothing") {
      CHECK_THROWS_AS(store.check_out("p-ayse", kMonday1400, kToday), StorageError);
      CHECK(store.load_attendance_of("p-ayse", kToday, kToday)[0].check_out == morning_end);
    }
    SECTION("the participant's answer is derived") {
      store.record("p-ayse", ev::CorrectionRequested{kToday, ayse.check_in_event, kMonday0942 + 120 * kMin},
                   kMonday1400);
      const auto a2 = store.load_attendance_of("p-ayse", kToday, kToday);
      REQUIRE(a2.size() == 1);
      CHECK(a2[0].answered);
      CHECK(a2[0].proposed_end == kMonday0942 + 120 * kMin);
      CHECK(a2[0].check_out == morning_end);
    }
    SECTION("at 17:05 the afternoon follows") {
      const auto later = store.close_forgotten(test::local_ms(2026, 11, 23, 17, 5), cfg);
      REQUIRE(later.size() == 1);
      CHECK(later[0].participant_id == "p-fatima");
      CHECK(later[0].check_out == test::local_ms(2026, 11, 23, 17, 0));
    }
  }
  SECTION("the dagdeel times come from the configuration") {
    cfg.dagdelen[static_cast<int>(Dagdeel::Morning)] = {8 * 60, 10 * 60};
    const auto closed = store.close_forgotten(test::local_ms(2026, 11, 23, 10, 0), cfg);  // exactly the end
    bool found = false;
    for (const auto& a : closed)
      if (a.participant_id == "p-ayse") {
        found = true;
        CHECK(a.check_out == test::local_ms(2026, 11, 23, 10, 0));
      }
    CHECK(found);
  }
}

// [SECTION] The projection itself

TEST_CASE("project_all: re-deriving gives the same rows, and repairs damaged ones", "[storage][projection]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  Store store = Store::open(path);
  store.put_activity(cooking(1));
  store.check_in("p-1", kMonday0942, kToday, Dagdeel::Morning);
  store.check_in("p-2", kMonday0942 + 1000, kToday, Dagdeel::Morning);
  store.check_out("p-2", kMonday0942 + 30 * kMin, kToday);
  store.close_forgotten(kMonday1245, core::KioskConfig{});
  store.record("p-1", ev::SignedUp{"a-koken", kThursday}, kMonday1400);
  store.record("p-2", ev::SignedUp{"a-koken", kThursday}, kMonday1400 + 1);
  store.record("p-1", ev::AbsenceReported{kThursday, Dagdeel::Evening, core::AbsenceReason::Sick, ""}, kMonday1400 + 2);
  const auto h = store.record("p-2", ev::HoursLogged{kToday, "Voedselbank", 90}, kMonday1400 + 3);
  store.record("p-2", ev::HoursDecided{h.id, true, 75, "", "c-1"}, kMonday1400 + 4);
  const std::string before = dump_read_models(path);
  REQUIRE(before.find("a-koken") != std::string::npos);

  Importer raw(path);
  SECTION("twice in a row: identical") {
    for (int i = 0; i < 2; ++i) {
      SQLite::Transaction tx(raw.db);
      storage::project_all(raw.db);
      tx.commit();
    }
    CHECK(dump_read_models(path) == before);
  }
  SECTION("after the read models were damaged or emptied") {
    raw.db.exec("DELETE FROM hours");
    raw.db.exec("UPDATE attendance SET check_out_ms = NULL, auto_closed = 0");
    raw.db.exec("UPDATE signups SET placed = 1, waiting_position = 0");
    raw.db.exec("INSERT INTO absences VALUES ('" + h.id + "', 'p-9', '2026-01-01', 'morning', 'sick')");
    REQUIRE(dump_read_models(path) != before);
    SQLite::Transaction tx(raw.db);
    storage::project_all(raw.db);
    tx.commit();
    // Stray rows of participants without events are not the projection's to judge; ours are back.
    raw.db.exec("DELETE FROM absences WHERE participant_id = 'p-9'");
    CHECK(dump_read_models(path) == before);
  }
  SECTION("a capacity change is applied by re-deriving") {
    store.put_activity(cooking(2));
    SQLite::Transaction tx(raw.db);
    storage::project_all(raw.db);
    tx.commit();
    const auto rows = store.load_signups(kThursday, kThursday);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].placed);
    CHECK(rows[1].placed);
  }
}

// Every column of every attendance row, in key order.
std::string attendance_table(SQLite::Database& db) {
  SQLite::Statement st(db, "SELECT " MEEDOEN_ATTENDANCE_COLUMNS
                           ", COALESCE(check_out_event, '') FROM attendance "
                           "ORDER BY date, participant_id, check_in_event");
  std::ostringstream s;
  while (st.executeStep()) {
    for (int i = 0; i < st.getColumnCount(); ++i) s << st.getColumn(i).getString() << '|';
    s << '\n';
  }
  return s.str();
}

TEST_CASE("Store: a tap folds onto the attendance rows the table holds, as the whole fold would",
          "[storage][projection]") {
  // Issue 17: a kiosk's own new attendance event folds last in its subject (its stamp follows the
  // subject's), so it is one step of fold_attendance on the subject's rows, not a re-read and decode
  // of all its events. After every kind of attendance event, local or pulled, in any order, the
  // rows must be those the whole fold derives (project_all).
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  Store store = Store::open(path);
  Importer raw(path);
  const auto same_as_whole_fold = [&](const char* after) {
    INFO("after " << after);
    const std::string stepped = attendance_table(raw.db);
    SQLite::Transaction tx(raw.db);
    storage::project_all(raw.db);
    CHECK(attendance_table(raw.db) == stepped);
    // Left as it was (rolled back): the next step folds onto what the taps wrote.
  };

  const auto in1 = store.check_in("p-1", kMonday0942, kToday, Dagdeel::Morning);
  REQUIRE(in1.new_event);
  CHECK(in1.attendance.open());
  same_as_whole_fold("a check-in");
  const auto out1 = store.check_out("p-1", kMonday0942 + 30 * kMin, kToday);
  CHECK(out1.attendance.check_out == kMonday0942 + 30 * kMin);
  CHECK(out1.attendance.check_in_event == in1.attendance.check_in_event);
  same_as_whole_fold("a check-out");
  CHECK_FALSE(store.check_in("p-1", kMonday0942 + 40 * kMin, kToday, Dagdeel::Morning).attendance.check_in_event ==
              in1.attendance.check_in_event);
  CHECK_FALSE(store.check_in("p-1", kMonday0942 + 41 * kMin, kToday, Dagdeel::Morning).new_event);  // already in
  same_as_whole_fold("a second check-in on the same day");
  const auto closed = store.close_forgotten(kMonday1245, core::KioskConfig{});
  REQUIRE(closed.size() == 1);
  CHECK(closed[0].auto_closed);
  same_as_whole_fold("closing a forgotten check-out");
  store.record("p-1", ev::CorrectionRequested{kToday, closed[0].check_in_event, kMonday0942 + 90 * kMin},
               kMonday1245 + kMin);
  same_as_whole_fold("a correction asked");
  store.record("p-1",
               ev::CorrectionDecided{"", closed[0].check_in_event, kToday, true, kMonday0942 + 90 * kMin, "", "c-1"},
               kMonday1245 + 2 * kMin);
  same_as_whole_fold("a correction decided");
  store.record("p-1", ev::CheckoutUnknown{kToday, in1.attendance.check_in_event}, kMonday1245 + 3 * kMin);
  store.record("p-1", ev::CheckoutConfirmed{kToday, in1.attendance.check_in_event}, kMonday1245 + 4 * kMin);
  same_as_whole_fold("answers to the check-out question");
  store.record("p-2",
               ev::AttendanceRecorded{kToday, Dagdeel::Afternoon, kMonday1400, kMonday1400 + 60 * kMin, "phone", "c-1"},
               kMonday1400 + 61 * kMin);
  store.record("p-2",
               ev::AttendanceRecorded{kToday, Dagdeel::Afternoon, kMonday1400, kMonday1400 + 90 * kMin, "phone", "c-1"},
               kMonday1400 + 62 * kMin);  // a second one for the same dagdeel: not doubled
  same_as_whole_fold("attendances recorded by a coach");

  // Kiosk B's check-in of p-3, stamped before A's own: pulled, folded whole; then A's check-out
  // folds onto that row.
  raw.import({from_device("dev-b", 1, kMonday0942 + 5 * kMin, "p-3",
                          ev::CheckIn{kToday, Dagdeel::Morning, kMonday0942 + 5 * kMin},
                          "0193c0de-0000-7000-8000-0000000000b1")});
  const auto out3 = store.check_out("p-3", kMonday0942 + 50 * kMin, kToday);
  CHECK(out3.attendance.check_in_event == "0193c0de-0000-7000-8000-0000000000b1");
  CHECK(out3.attendance.check_out == kMonday0942 + 50 * kMin);
  same_as_whole_fold("a check-out of another kiosk's check-in");

  // A stamp that sorts after any this kiosk makes ("zzzz", from a broken kiosk) in p-4's subject:
  // A's next event there does not fold last, so the subject is folded whole.
  auto odd = from_device("dev-c", 1, kMonday0942, "p-4", ev::CheckOut{kToday, kMonday0942},
                         "0193c0de-0000-7000-8000-0000000000c1");
  odd.hlc = "zzzz";
  raw.import({odd});
  const auto in4 = store.check_in("p-4", kMonday0942 + 60 * kMin, kToday, Dagdeel::Morning);
  CHECK(in4.new_event);
  CHECK(in4.attendance.check_in == kMonday0942 + 60 * kMin);
  same_as_whole_fold("a check-in after a stamp from the future");
}

TEST_CASE("Store: a version-1 database is migrated and its attendance re-derived", "[storage][projection]") {
  test::TempDir dir;
  const std::string path = dir.file("v1.db");
  const core::TimeMs out_at = kMonday0942 + 95 * kMin;
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(kSchemaV1);
    db.exec("INSERT INTO meta VALUES ('device_id', 'dev-v1'), ('hlc', '" + core::hlc_to_string(core::Hlc{out_at, 0}) +
            "')");
    auto insert = [&](const std::string& id, std::int64_t seq, core::TimeMs wall, const std::string& type,
                      const std::string& pid, const std::string& payload) {
      SQLite::Statement st(db,
                           "INSERT INTO events (id, device_id, seq, wall_ms, hlc, type, participant_id, payload) "
                           "VALUES (?, 'dev-v1', ?, ?, ?, ?, ?, ?)");
      st.bind(1, id);
      st.bind(2, seq);
      st.bind(3, wall);
      st.bind(4, core::hlc_to_string(core::Hlc{wall, 0}));
      st.bind(5, type);
      st.bind(6, pid);
      st.bind(7, payload);
      st.exec();
    };
    // As version 1 wrote them: no "at" (the wall clock was the time), check_out names its check-in.
    insert("ev-1", 1, kMonday0942, "check_in", "p-ayse", R"({"date":"2026-11-23","dagdeel":"morning"})");
    insert("ev-2", 2, kMonday0942 + 60'000, "check_in", "p-jan", R"({"date":"2026-11-23","dagdeel":"morning"})");
    insert("ev-3", 3, out_at, "check_out", "p-ayse",
           R"({"date":"2026-11-23","dagdeel":"morning","check_in_event":"ev-1"})");
    insert("ev-4", 4, kMonday0942 - kDay, "check_in", "p-ayse", R"({"date":"2026-11-22","dagdeel":"evening"})");
    db.exec("INSERT INTO attendance VALUES ('ev-1', 'p-ayse', '2026-11-23', 'morning', " + std::to_string(kMonday0942) +
            ", " + std::to_string(out_at) + ", 'ev-3')");
    db.exec("INSERT INTO attendance VALUES ('ev-2', 'p-jan', '2026-11-23', 'morning', " +
            std::to_string(kMonday0942 + 60'000) + ", NULL, NULL)");
    db.exec("INSERT INTO attendance VALUES ('ev-4', 'p-ayse', '2026-11-22', 'evening', " +
            std::to_string(kMonday0942 - kDay) + ", NULL, NULL)");
    db.exec("PRAGMA user_version = 1");
  }

  Store store = Store::open(path);
  CHECK(store.schema_version() == storage::kSchemaVersion);
  CHECK(store.device_id() == "dev-v1");
  CHECK(store.event_count() == 4);
  CHECK(store.integrity_check() == "ok");

  const auto today = store.load_attendance(kToday);
  REQUIRE(today.size() == 2);
  CHECK(today[0].participant_id == "p-ayse");
  CHECK(today[0].check_in_event == "ev-1");
  CHECK(today[0].dagdeel == Dagdeel::Morning);
  CHECK(today[0].check_in == kMonday0942);
  CHECK(today[0].check_out == out_at);
  CHECK_FALSE(today[0].auto_closed);
  CHECK_FALSE(today[0].answered);
  CHECK(today[1].participant_id == "p-jan");
  CHECK(today[1].check_in_event == "ev-2");
  CHECK(today[1].check_in == kMonday0942 + 60'000);
  CHECK(today[1].open());
  const auto sunday = store.load_attendance("2026-11-22");
  REQUIRE(sunday.size() == 1);
  CHECK(sunday[0].dagdeel == Dagdeel::Evening);
  CHECK(sunday[0].open());

  CHECK(count(path, "SELECT COUNT(*) FROM events WHERE subject = 'attendance/p-ayse/2026-11-23'") == 2);
  CHECK(count(path, "SELECT COUNT(*) FROM events WHERE subject = 'attendance/p-ayse/2026-11-22'") == 1);
  CHECK(count(path, "SELECT COUNT(*) FROM events WHERE subject = ''") == 0);

  // The migrated store keeps working: the open check-in closes, numbering and the HLC go on.
  const auto r = store.check_out("p-jan", kMonday1400, kToday);
  CHECK(r.attendance.check_in_event == "ev-2");
  CHECK(r.attendance.check_out == kMonday1400);
  const auto last = store.journal().back();
  CHECK(last.seq == 5);
  CHECK(last.hlc > core::hlc_to_string(core::Hlc{out_at, 0}));

  // Opening again does not migrate again.
  const std::string rows = dump_read_models(path);
  store = Store::open(dir.file("other.db"));
  Store again = Store::open(path);
  CHECK(again.schema_version() == storage::kSchemaVersion);
  CHECK(dump_read_models(path) == rows);
}

// [SECTION] Events from other kiosks

TEST_CASE("import: events from another kiosk are stored once and folded with ours", "[storage][projection]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk-a.db");
  Store kiosk_a = Store::open(path);
  const auto in = kiosk_a.check_in("p-ayse", kMonday0942, kToday, Dagdeel::Morning);
  REQUIRE(in.new_event);

  // The person checks out on kiosk B, which had received the check-in by sync.
  const core::TimeMs out_at = kMonday0942 + 150 * kMin;
  const auto out_b =
      from_device("dev-b", 1, out_at, "p-ayse", ev::CheckOut{kToday, out_at}, "0193c0de-0000-7000-8000-00000000000b");
  // And, earlier, someone else checked in on kiosk B only.
  const auto jan_b = from_device("dev-b", 2, kMonday0942 + 5 * kMin, "p-jan",
                                 ev::CheckIn{kToday, Dagdeel::Morning, kMonday0942 + 5 * kMin},
                                 "0193c0de-0000-7000-8000-00000000000c");
  Importer importer(path);
  CHECK(importer.import({out_b, jan_b}) == 2);

  auto att = kiosk_a.load_attendance(kToday);
  REQUIRE(att.size() == 2);
  CHECK(att[0].participant_id == "p-ayse");
  CHECK(att[0].check_in_event == in.attendance.check_in_event);
  CHECK(att[0].check_out == out_at);
  CHECK_FALSE(att[0].auto_closed);
  CHECK(att[1].participant_id == "p-jan");
  CHECK(att[1].check_in_event == jan_b.id);
  CHECK(att[1].open());
  CHECK(count(path, "SELECT COUNT(*) FROM events WHERE id = '" + out_b.id +
                        "' AND subject = 'attendance/p-ayse/2026-11-23'") == 1);
  const std::string rows = dump_read_models(path);

  SECTION("the same events again are stored once and change nothing") {
    CHECK(importer.import({out_b, jan_b, out_b}) == 0);
    CHECK(kiosk_a.event_count() == 3);
    CHECK(dump_read_models(path) == rows);
  }
  SECTION("kiosk A's own writes carry on next to the imported ones") {
    const auto again = kiosk_a.check_in("p-jan", kMonday0942 + 10 * kMin, kToday, Dagdeel::Morning);
    CHECK_FALSE(again.new_event);  // p-jan is in, according to kiosk B
    CHECK(again.attendance.check_in_event == jan_b.id);
    const auto out = kiosk_a.check_out("p-jan", kMonday1245, kToday);
    CHECK(out.attendance.check_in_event == jan_b.id);
    CHECK(kiosk_a.journal().back().seq == 2);  // kiosk A's own numbering
    CHECK(kiosk_a.journal().back().device_id == kiosk_a.device_id());
  }
  SECTION("a malformed event from elsewhere is kept but not folded") {
    auto junk = from_device("dev-b", 3, out_at + kMin, "p-jan", ev::CheckOut{kToday, out_at + kMin},
                            "0193c0de-0000-7000-8000-00000000000d");
    junk.payload = R"({"date":"2026-02-30","at":1})";
    auto future =
        from_device("dev-b", 4, out_at + 2 * kMin, "p-jan", ev::Other{}, "0193c0de-0000-7000-8000-00000000000e");
    future.type = "ladder_assessed";
    future.payload = R"({"rung":2})";
    CHECK(importer.import({junk, future}) == 2);
    CHECK(kiosk_a.event_count() == 5);
    CHECK(count(path, "SELECT COUNT(*) FROM events WHERE subject = '' AND device_id = 'dev-b'") == 2);
    CHECK(dump_read_models(path) == rows);
    CHECK(kiosk_a.load_attendance(kToday)[1].open());
  }
  SECTION("a second check-in of the same person on kiosk B is a duplicate") {
    const auto dup =
        from_device("dev-b", 3, kMonday0942 + 1, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kMonday0942 + 1},
                    "0193c0de-0000-7000-8000-00000000000f");
    CHECK(importer.import({dup}) == 1);
    att = kiosk_a.load_attendance(kToday);
    REQUIRE(att.size() == 2);
    CHECK(att[0].check_in_event == in.attendance.check_in_event);
    CHECK(att[0].check_out == out_at);
  }
}

TEST_CASE("import: events from a kiosk whose clock runs ahead do not block local check-ins", "[storage][projection]") {
  // Kiosk B's clock is an hour fast. The hybrid logical clock must still order kiosk A's next
  // event after everything A has seen, or A's new check-in would fold as a duplicate of the
  // attendance B already closed, and could not be recorded at all.
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk-a.db");
  Store kiosk_a = Store::open(path);
  kiosk_a.check_in("p-ayse", kMonday0942, kToday, Dagdeel::Morning);

  const core::TimeMs b_clock = kMonday0942 + 60 * kMin + 48 * kMin;  // 10:30 real time, 11:30 on B
  const auto out_b =
      from_device("dev-b", 1, b_clock, "p-ayse", ev::CheckOut{kToday, b_clock}, "0193c0de-0000-7000-8000-0000000000b1");
  Importer importer(path);
  REQUIRE(importer.import({out_b}) == 1);
  REQUIRE_FALSE(kiosk_a.load_attendance(kToday)[0].open());

  // 11:00 real time on kiosk A: she comes back.
  const core::TimeMs back = kMonday0942 + 78 * kMin;
  storage::CheckResult r;
  REQUIRE_NOTHROW(r = kiosk_a.check_in("p-ayse", back, kToday, Dagdeel::Morning));
  CHECK(r.new_event);
  CHECK(r.attendance.open());
  CHECK(r.attendance.check_in == back);
  const auto att = kiosk_a.load_attendance(kToday);
  REQUIRE(att.size() == 2);
  CHECK(att[1].open());
  CHECK(kiosk_a.journal().back().hlc > out_b.hlc);  // A's stamp follows what it received

  SECTION("a malformed stamp from elsewhere does not disturb the local clock") {
    auto odd = from_device("dev-c", 1, back, "p-jan", ev::CheckIn{kToday, Dagdeel::Morning, back},
                           "0193c0de-0000-7000-8000-0000000000c1");
    odd.hlc = "zzzz";
    importer.import({odd});
    const auto next = kiosk_a.record("p-jan", ev::SignedUp{"a-koken", kThursday}, back + kMin);
    core::Hlc h;
    CHECK(core::hlc_parse(next.hlc, h));
    // Another subject: B's stamp, an hour ahead, is not its base (bounded drift, docs/events.md
    // "Clocks"); the wall clock is.
    CHECK(h.wall == back + kMin);
  }
}

TEST_CASE("Store::record: text that is not UTF-8 is refused, not silently altered", "[storage][projection]") {
  // The payload is JSON, which must be UTF-8: the encoder would replace a Latin-1 byte by U+FFFD,
  // so the stored event would say something else than the one that was validated (and a place
  // near the length limit would then fail validation on every read, leaving no hours row).
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  CHECK_THROWS_AS(store.record("p-ayse", ev::HoursLogged{kToday, "Caf\xE9 De Hoek", 60}, kMonday0942), StorageError);
  CHECK_THROWS_AS(store.record("p-ayse", ev::HoursLogged{kToday, std::string(100, '\xFF'), 60}, kMonday0942),
                  StorageError);
  CHECK_THROWS_AS(store.record("p-ayse", ev::SignedUp{"a-\xE9", kThursday}, kMonday0942), StorageError);
  CHECK(store.event_count() == 0);

  const auto ok = store.record("p-ayse", ev::HoursLogged{kToday, "Caf\xC3\xA9 De Hoek", 60}, kMonday0942);
  const auto rows = store.load_hours("p-ayse", kToday);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].event_id == ok.id);
  CHECK(rows[0].place == "Caf\xC3\xA9 De Hoek");
}
