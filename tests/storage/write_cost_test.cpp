// What a tap costs the disk (issue 17): every page a check-in or check-out writes is fsynced
// before the screen confirms, and every read on that path runs before it. Guarded by structure,
// not by a clock: the pages each commit adds to the WAL, no statement on the path that walks a
// table from end to end, and the read model's plans. Figures: tests/bench/bench_checkin.
#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/projection.hpp"
#include "storage/rows.hpp"
#include "storage/store.hpp"
#include "storage/sync_store.hpp"
#include "support/attendance_history.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;

namespace {

constexpr const char* kToday = "2026-11-23";

// Every statement of every connection in this process, as it finishes: those that stepped
// through a table or index from end to end (SQLITE_STMTSTATUS_FULLSCAN_STEP) while `watching`.
// And, while `listing`, the text of every statement that finishes.
struct ScanWatch {
  bool watching = false;
  std::vector<std::string> scans;
  bool listing = false;
  std::vector<std::string> run;
};
ScanWatch g_watch;

// And the rows the outbox's reads visited (SQLITE_STMTSTATUS_VM_STEP of those reading unsent events).
long long g_outbox_steps = 0;

int on_statement_end(unsigned, void*, void* stmt, void*) {
  auto* st = static_cast<sqlite3_stmt*>(stmt);
  const int steps = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
  if (g_watch.watching && steps > 0) g_watch.scans.push_back(sqlite3_sql(st));
  if (g_watch.listing) g_watch.run.push_back(sqlite3_sql(st));
  const int vm_steps = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 1);
  if (std::string(sqlite3_sql(st)).find("synced_at IS NULL") != std::string::npos) g_outbox_steps += vm_steps;
  return 0;
}

int trace_connection(sqlite3* db, char**, const void*) {
  sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, on_statement_end, nullptr);
  return SQLITE_OK;
}

// Pages in the WAL (frames of page + 24-byte header after the 32-byte file header).
long long wal_pages(const std::string& db, int page) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(db + "-wal", ec);
  return ec || size < 32 ? 0 : static_cast<long long>(size - 32) / (page + 24);
}

long long median(std::vector<long long> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::string plan(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement st(db, "EXPLAIN QUERY PLAN " + sql);
  std::string out;
  while (st.executeStep()) out += st.getColumn(3).getString() + "; ";
  return out;
}

}  // namespace

TEST_CASE("write cost: a check-in and a check-out scan no table and write a few pages each", "[storage]") {
  test::use_amsterdam_time();
  sqlite3_auto_extension(reinterpret_cast<void (*)()>(trace_connection));
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  storage::Store store = storage::Store::open(path);
  // Twelve weeks of 40 participants: 3,200 events, more than the default page cache's share of
  // one table, so that a walk through the journal would show.
  store.record_history(test::attendance_history(40, 60, kToday));
  const int page = SQLite::Database(path, SQLite::OPEN_READONLY).execAndGet("PRAGMA page_size").getInt();

  std::vector<long long> in_pages, out_pages;
  g_watch = ScanWatch{true, {}, false, {}};
  for (int p = 1; p <= 20; ++p) {
    const std::string pid = "hist-p-" + std::string(p < 10 ? "000" : "00") + std::to_string(p);
    const long long before = wal_pages(path, page);
    REQUIRE(store.check_in(pid, test::kMonday0942 + p, kToday, core::Dagdeel::Morning).new_event);
    const long long between = wal_pages(path, page);
    REQUIRE(store.check_out(pid, test::kMonday0942 + 60'000 + p, kToday).new_event);
    in_pages.push_back(between - before);
    out_pages.push_back(wal_pages(path, page) - between);
    // A subject found in events_subject (not an attendance one), and the coach's page of the
    // participant (events_participant): their reads seek too.
    store.record(pid, core::ev::AbsenceReported{"2026-11-25", core::Dagdeel::Morning, core::AbsenceReason::Sick, ""},
                 test::kMonday0942 + 120'000 + p);
    REQUIRE(store.events_of(pid).size() > 2);
  }
  g_watch.watching = false;
  sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(trace_connection));

  INFO("statements that walked a whole table: " << g_watch.scans.size()
                                                << (g_watch.scans.empty() ? "" : ", first: " + g_watch.scans.front()));
  CHECK(g_watch.scans.empty());
  // A check-in writes 6 b-trees: the event's row and its three keys (id, device and seq,
  // participant with subject and stamp), the attendance row and its participant index; a page
  // each, and a few more when a b-tree splits (then also page 1, whose header counts the file's
  // pages). A check-out touches no attendance index. Before issue 17: 15 and 14; 9 and 8 with the
  // attendance read model of migration 8; 7 and 6 since the stamp is no longer kept in meta and
  // the journal's participant and subject keys are one for a tap (migration 9); 6 and 5 without
  // an index of unsent events (migration 10).
  INFO("pages per check-in, median " << median(in_pages) << "; per check-out " << median(out_pages));
  CHECK(median(in_pages) <= 6);
  CHECK(median(out_pages) <= 5);
  CHECK(*std::max_element(in_pages.begin(), in_pages.end()) <= 14);
}

TEST_CASE("write cost: a tap reads its subject's attendance rows once and none of its events", "[storage]") {
  // Issue 17, fourth pass: a kiosk's own check-in or check-out folds last in its subject, so it
  // is folded onto the subject's rows as the read model holds them (core::fold_attendance_step):
  // no event of the subject is read and decoded again, and the row the screen confirms is not
  // read back. The statements of a tap: BEGIN, the subject's rows, the clock (meta and the
  // device's last seq), the subject's latest stamp, the event, its row, COMMIT.
  test::use_amsterdam_time();
  sqlite3_auto_extension(reinterpret_cast<void (*)()>(trace_connection));
  test::TempDir dir;
  storage::Store store = storage::Store::open(dir.file("kiosk.db"));
  store.record_history(test::attendance_history(40, 60, kToday));
  for (int p = 1; p <= 5; ++p) {
    const std::string pid = "hist-p-000" + std::to_string(p);
    for (int tap = 0; tap < 4; ++tap) {  // in, out, in again, out again: the subject grows
      g_watch.run.clear();
      g_watch.listing = true;
      const auto r = tap % 2 == 0
                         ? store.check_in(pid, test::kMonday0942 + 60'000 * tap + p, kToday, core::Dagdeel::Morning)
                         : store.check_out(pid, test::kMonday0942 + 60'000 * tap + p, kToday);
      g_watch.listing = false;
      REQUIRE(r.new_event);
      CHECK(r.attendance.open() == (tap % 2 == 0));
      std::string listed;
      int event_reads = 0, attendance_reads = 0;
      for (const auto& sql : g_watch.run) {
        listed += sql + "\n";
        if (sql.find("payload") != std::string::npos && sql.rfind("SELECT", 0) == 0) ++event_reads;
        if (sql.find("FROM attendance") != std::string::npos) ++attendance_reads;
      }
      INFO("tap " << tap << " of " << pid << " ran:\n" << listed);
      CHECK(event_reads == 0);
      CHECK(attendance_reads == 1);
      CHECK(g_watch.run.size() <= 8);
    }
  }
  sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(trace_connection));
}

TEST_CASE("write cost: the reads of the attendance read model use its key or its index", "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  { storage::Store store = storage::Store::open(path); }
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  // Today and the projection of one subject: a range of the table's own key.
  CHECK(plan(db, "SELECT * FROM attendance WHERE date = '2026-11-23' ORDER BY check_in_ms")
            .find("SEARCH attendance USING PRIMARY KEY (date=?)") != std::string::npos);
  CHECK(plan(db, "SELECT * FROM attendance WHERE participant_id = 'p' AND date = '2026-11-23' AND check_out_ms IS NULL")
            .find("USING PRIMARY KEY (date=? AND participant_id=?)") != std::string::npos);
  // A participant's days (home screen, the coach's page) and the counts from the index alone.
  CHECK(plan(db, "SELECT * FROM attendance WHERE participant_id = 'p' AND date BETWEEN 'a' AND 'b'")
            .find("USING INDEX attendance_by_participant (participant_id=? AND date>? AND date<?)") !=
        std::string::npos);
  CHECK(plan(db, "SELECT COUNT(*) FROM attendance WHERE participant_id = 'p'")
            .find("COVERING INDEX attendance_by_participant (participant_id=?)") != std::string::npos);
  // The subject's clock of a new event and its events for the fold, not the journal from end to
  // end: an attendance subject under its participant, any other in the partial events_subject.
  CHECK(plan(db, "SELECT MAX(hlc) FROM events WHERE participant_id = 'p' AND subject = 'attendance/p/2026-11-23'")
            .find("COVERING INDEX events_participant (participant_id=? AND subject=?)") != std::string::npos);
  // In the index's order: no temporary b-tree to sort them (equal stamps are put in fold order after).
  const std::string fold_read =
      plan(db, "SELECT * FROM events WHERE participant_id = 'p' AND subject = 'attendance/p/2026-11-23' ORDER BY hlc");
  CHECK(fold_read.find("INDEX events_participant (participant_id=? AND subject=?)") != std::string::npos);
  CHECK(fold_read.find("TEMP B-TREE") == std::string::npos);
  CHECK(plan(db, "SELECT MAX(hlc) FROM events WHERE subject = 'absences/p' AND " MEEDOEN_SHARED_SUBJECT)
            .find("events_subject (subject=?)") != std::string::npos);
  // The coach's page of a participant, and the go-live date from the covering index.
  CHECK(
      plan(db, "SELECT * FROM events WHERE participant_id = 'p'").find("INDEX events_participant (participant_id=?)") !=
      std::string::npos);
  CHECK(plan(db, "SELECT MIN(wall_ms) FROM events").find("COVERING INDEX events_participant") != std::string::npos);
}

TEST_CASE("write cost: a version 7 database keeps every attendance row in the new read model", "[storage]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  std::vector<core::Attendance> before;
  {
    storage::Store store = storage::Store::open(path);
    store.record_history(test::attendance_history(5, 10, kToday));
    store.check_in("hist-p-0001", test::kMonday0942, kToday, core::Dagdeel::Morning);
    before = store.load_attendance_of("hist-p-0001", "0000-01-01", "9999-12-31");
    const auto today = store.load_attendance(kToday);
    REQUIRE(today.size() == 1);
    REQUIRE(today.front().open());
  }
  {
    // Back to version 7's shape by hand: a rowid table keyed by the check-in event, three indexes.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(
        "CREATE TABLE v7 (check_in_event TEXT PRIMARY KEY REFERENCES events (id), participant_id TEXT NOT NULL, "
        "date TEXT NOT NULL, dagdeel TEXT NOT NULL, check_in_ms INTEGER NOT NULL, check_out_ms INTEGER, "
        "check_out_event TEXT REFERENCES events (id), auto_closed INTEGER NOT NULL DEFAULT 0, "
        "answered INTEGER NOT NULL DEFAULT 0, proposed_end_ms INTEGER, by_coach INTEGER NOT NULL DEFAULT 0, "
        "end_unknown INTEGER NOT NULL DEFAULT 0); "
        "INSERT INTO v7 SELECT * FROM attendance; DROP TABLE attendance; ALTER TABLE v7 RENAME TO attendance; "
        "CREATE INDEX attendance_by_date ON attendance (date, participant_id); "
        "CREATE INDEX attendance_by_participant ON attendance (participant_id, date); "
        "CREATE INDEX attendance_open ON attendance (date) WHERE check_out_ms IS NULL; ALTER TABLE participants DROP "
        "COLUMN sort_key; PRAGMA user_version = 7");
  }
  storage::Store store = storage::Store::open(path);
  CHECK(store.schema_version() == storage::kSchemaVersion);
  const auto after = store.load_attendance_of("hist-p-0001", "0000-01-01", "9999-12-31");
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    CHECK(after[i].check_in_event == before[i].check_in_event);
    CHECK(after[i].check_out == before[i].check_out);
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE "
                       "tbl_name = 'attendance' ORDER BY name)")
            .getString() == "attendance attendance_by_participant");
  // And it goes on: today's open check-in closes through the new key.
  CHECK(store.check_out("hist-p-0001", test::kMonday0942 + 60'000, kToday).attendance.check_out ==
        test::kMonday0942 + 60'000);
  CHECK(store.integrity_check() == "ok");
}

TEST_CASE("write cost: a version 8 journal of a year keeps every event, fold and lookup with the new keys",
          "[storage]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  const std::string pid = "hist-p-0007";
  std::vector<storage::JournalEntry> journal;
  std::vector<core::Event> page;
  std::vector<core::Attendance> days, today;
  std::vector<core::Absence> absences;
  {
    storage::Store store = storage::Store::open(path);
    // A year of 50 participants (about 18,000 events), an absence (a subject of events_subject)
    // and one check-in still open today.
    store.record_history(test::attendance_history(50, 260, kToday));
    store.record(pid, core::ev::AbsenceReported{"2026-11-25", core::Dagdeel::Morning, core::AbsenceReason::Sick, ""},
                 test::kMonday0942 - 60'000);
    store.check_in(pid, test::kMonday0942, kToday, core::Dagdeel::Morning);
    journal = store.journal();
    page = store.events_of(pid);
    days = store.load_attendance_of(pid, "0000-01-01", "9999-12-31");
    today = store.load_attendance(kToday);
    absences = store.load_absences(pid, "0000-01-01", "9999-12-31");
  }
  {
    // Back to version 8's lookup indexes by hand.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(
        "DROP INDEX events_participant; CREATE INDEX events_participant ON events (participant_id, wall_ms); "
        "DROP INDEX events_subject; CREATE INDEX events_subject ON events (subject, hlc) WHERE subject <> ''; "
        "ALTER TABLE participants DROP COLUMN sort_key; PRAGMA user_version = 8");
  }
  const auto t0 = std::chrono::steady_clock::now();
  storage::Store store = storage::Store::open(path);
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  INFO(journal.size() << " events; open with the migration 8 -> 9: " << ms << " ms");
  CHECK(store.schema_version() == storage::kSchemaVersion);
  CHECK(store.integrity_check() == "ok");
  const auto after = store.journal();
  REQUIRE(after.size() == journal.size());
  CHECK(std::equal(after.begin(), after.end(), journal.begin(), [](const auto& a, const auto& b) {
    return a.id == b.id && a.hlc == b.hlc && a.seq == b.seq && a.payload == b.payload;
  }));
  const auto page_after = store.events_of(pid);
  REQUIRE(page_after.size() == page.size());
  for (std::size_t i = 0; i < page.size(); ++i) CHECK(page_after[i].id == page[i].id);
  CHECK(store.load_attendance_of(pid, "0000-01-01", "9999-12-31").size() == days.size());
  CHECK(store.load_attendance(kToday).size() == today.size());
  CHECK(store.load_absences(pid, "0000-01-01", "9999-12-31").size() == absences.size());
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("SELECT sql FROM sqlite_master WHERE name = 'events_subject'")
            .getString()
            .find("NOT GLOB 'attendance/*'") != std::string::npos);
  CHECK(raw.execAndGet("SELECT COUNT(*) FROM pragma_foreign_key_check").getInt() == 0);
  // And it goes on: the open check-in closes (its fold finds the check-in under the participant),
  // the clock follows the journal's last stamp, and the absence's subject still folds.
  const auto out = store.check_out(pid, test::kMonday0942 + 60'000, kToday);
  CHECK(out.attendance.check_out == test::kMonday0942 + 60'000);
  CHECK(out.attendance.check_in_event == today.front().check_in_event);
  CHECK(store.journal().back().hlc > journal.back().hlc);
  store.record(pid, core::ev::AbsenceWithdrawn{absences.front().event_id}, test::kMonday0942 + 120'000);
  CHECK(store.load_absences(pid, "0000-01-01", "9999-12-31").empty());
}

TEST_CASE("write cost: a kept statement is prepared once and left reset, also when reading its rows fails",
          "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("kept.db");
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("CREATE TABLE t (x INTEGER NOT NULL); INSERT INTO t VALUES (1), (2), (3)");
  storage::Statements sql(db);
  SQLite::Statement& kept = sql("SELECT x FROM t ORDER BY x");
  CHECK(&sql("SELECT x FROM t ORDER BY x") == &kept);  // prepared once
  const auto failing = [](SQLite::Statement& st) {
    if (st.getColumn(0).getInt() == 2) throw std::runtime_error("a row that cannot be read");
    return st.getColumn(0).getInt();
  };
  CHECK_THROWS_AS(storage::query_rows(sql, "SELECT x FROM t ORDER BY x", failing), std::runtime_error);
  // Not left mid-step: no read snapshot held, so this connection sees another's commit at once.
  for (sqlite3_stmt* st = sqlite3_next_stmt(db.getHandle(), nullptr); st; st = sqlite3_next_stmt(db.getHandle(), st))
    CHECK(sqlite3_stmt_busy(st) == 0);
  SQLite::Database(path, SQLite::OPEN_READWRITE).exec("INSERT INTO t VALUES (4)");
  CHECK(storage::query_rows(sql, "SELECT COUNT(*) FROM t", storage::columns<int, 1>).front() == 4);
  CHECK(storage::query_rows(sql, "SELECT x FROM t ORDER BY x", storage::columns<int, 1>) ==
        std::vector<int>{1, 2, 3, 4});
}

TEST_CASE("write cost: Today's last-seen dates are those of a GROUP BY, read without walking attendance", "[storage]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  storage::Store store = storage::Store::open(path);
  store.record_history(test::attendance_history(12, 30, kToday));
  store.check_in("late-comer", test::kMonday0942, kToday, core::Dagdeel::Morning);  // only today
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  for (const char* before : {"2026-11-24", kToday, "2026-11-10", "2026-10-01", "2000-01-01"}) {
    std::map<std::string, std::string> expected;
    SQLite::Statement st(raw,
                         "SELECT participant_id, MAX(date) FROM attendance WHERE date < ? GROUP BY participant_id");
    st.bind(1, before);
    while (st.executeStep()) expected[st.getColumn(0).getString()] = st.getColumn(1).getString();
    INFO("before " << before);
    CHECK(store.last_present(before) == expected);
  }
  CHECK(store.last_present("2026-11-24").count("late-comer") == 1);
  CHECK(store.last_present(kToday).count("late-comer") == 0);
  CHECK(store.last_present("2000-01-01").empty());
}

TEST_CASE("write cost: the outbox is read after the pushed-through seq, with no index of unsent events",
          "[storage][sync]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  storage::Store store = storage::Store::open(path);
  store.record_history(test::attendance_history(40, 60, kToday));  // 3,200 events of this kiosk
  auto sync = storage::SyncStore::open(path);
  const std::int64_t written = store.event_count();
  REQUIRE(sync.unsent_count() == written);
  // All pushed, batch by batch, as the sync worker does.
  for (auto batch = sync.pending(500, 1 << 24); !batch.empty(); batch = sync.pending(500, 1 << 24)) {
    std::vector<wire::PushResult> results;
    for (const auto& e : batch) results.push_back({e.id, wire::PushStatus::Stored, "", false});
    sync.mark_pushed(results, test::kMonday0942, batch.front().seq, batch.back().seq);
  }
  CHECK(sync.state("pushed_through:" + store.device_id()) == std::to_string(written));

  // Counting and reading the outbox now visits the new events only, not a year of sent ones.
  sqlite3_auto_extension(reinterpret_cast<void (*)()>(trace_connection));
  auto watched = storage::SyncStore::open(path);
  g_outbox_steps = 0;
  CHECK(watched.unsent_count() == 0);
  CHECK(watched.pending(500, 1 << 24).empty());
  const auto a = store.check_in("hist-p-0001", test::kMonday0942, kToday, core::Dagdeel::Morning);
  const auto b = store.check_in("hist-p-0002", test::kMonday0942 + 1, kToday, core::Dagdeel::Morning);
  const auto c = store.check_in("hist-p-0003", test::kMonday0942 + 2, kToday, core::Dagdeel::Morning);
  CHECK(watched.unsent_count() == 3);
  auto outbox = watched.pending(500, 1 << 24);
  REQUIRE(outbox.size() == 3);
  CHECK(outbox[0].id == a.attendance.check_in_event);
  INFO("VM steps of the outbox's reads: " << g_outbox_steps);
  CHECK(g_outbox_steps < 200);
  sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(trace_connection));

  // Answers that leave a gap (the first of three lost): the cursor stops before it, nothing is skipped.
  watched.mark_pushed({{outbox[1].id, wire::PushStatus::Stored, "", false},
                       {outbox[2].id, wire::PushStatus::Rejected, "unknown participant", false}},
                      test::kMonday0942 + 5);
  CHECK(watched.state("pushed_through:" + store.device_id()) == std::to_string(written));
  CHECK(watched.unsent_count() == 1);
  outbox = storage::SyncStore::open(path).pending(500, 1 << 24);
  REQUIRE(outbox.size() == 1);
  CHECK(outbox[0].id == a.attendance.check_in_event);
  watched.mark_pushed({{outbox[0].id, wire::PushStatus::Stored, "", false}}, test::kMonday0942 + 6);
  CHECK(watched.state("pushed_through:" + store.device_id()) == std::to_string(written + 3));
  CHECK(watched.unsent_count() == 0);
  (void)b;
  (void)c;
}

TEST_CASE("write cost: the sync opens while another connection holds the write lock, its cursor left behind",
          "[storage][sync]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  storage::Store store = storage::Store::open(path);
  store.record_history(test::attendance_history(3, 5, kToday));
  {
    // Every event sent, the cursor never written (a database from before migration 10).
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE events SET synced_at = 1; DELETE FROM sync_state WHERE key GLOB 'pushed_through:*'");
  }
  const std::string cursor_key = "pushed_through:" + store.device_id();
  {
    SQLite::Database writer(path, SQLite::OPEN_READWRITE);
    writer.exec("PRAGMA busy_timeout = 0");
    SQLite::Transaction busy(writer, SQLite::TransactionBehavior::IMMEDIATE);
    // Moving the cursor waits for the lock and gives up: the sync opens all the same.
    auto sync = storage::SyncStore::open(path);
    CHECK(sync.state(cursor_key).empty());
    CHECK(sync.unsent_count() == 0);
    CHECK(sync.pending(10, 1 << 20).empty());
  }
  CHECK(storage::SyncStore::open(path).state(cursor_key) == std::to_string(store.event_count()));
}
