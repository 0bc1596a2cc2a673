// What a tap costs the disk (issue 17): every page a check-in or check-out writes is fsynced
// before the screen confirms, and every read on that path runs before it. Guarded by structure,
// not by a clock: the pages each commit adds to the WAL, no statement on the path that walks a
// table from end to end, and the read model's plans. Figures: tests/bench/bench_checkin.
#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "storage/store.hpp"
#include "support/attendance_history.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;

namespace {

constexpr const char* kToday = "2026-11-23";

// Every statement of every connection in this process, as it finishes: those that stepped
// through a table or index from end to end (SQLITE_STMTSTATUS_FULLSCAN_STEP) while `watching`.
struct ScanWatch {
  bool watching = false;
  std::vector<std::string> scans;
};
ScanWatch g_watch;

int on_statement_end(unsigned, void*, void* stmt, void*) {
  auto* st = static_cast<sqlite3_stmt*>(stmt);
  const int steps = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
  if (g_watch.watching && steps > 0) g_watch.scans.push_back(sqlite3_sql(st));
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
  g_watch = ScanWatch{true, {}};
  for (int p = 1; p <= 20; ++p) {
    const std::string pid = "hist-p-" + std::string(p < 10 ? "000" : "00") + std::to_string(p);
    const long long before = wal_pages(path, page);
    REQUIRE(store.check_in(pid, test::kMonday0942 + p, kToday, core::Dagdeel::Morning).new_event);
    const long long between = wal_pages(path, page);
    REQUIRE(store.check_out(pid, test::kMonday0942 + 60'000 + p, kToday).new_event);
    in_pages.push_back(between - before);
    out_pages.push_back(wal_pages(path, page) - between);
  }
  g_watch.watching = false;
  sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(trace_connection));

  INFO("statements that walked a whole table: " << g_watch.scans.size()
                                                << (g_watch.scans.empty() ? "" : ", first: " + g_watch.scans.front()));
  CHECK(g_watch.scans.empty());
  // A check-in: the event's row and its five keys (id, device and seq, unsent, participant,
  // subject), the clock in meta, the attendance row and its participant index: 9 pages, and a
  // few more when a b-tree splits. Before issue 17: 15. A check-out touches no attendance index.
  CHECK(median(in_pages) <= 9);
  CHECK(median(out_pages) <= 8);
  CHECK(*std::max_element(in_pages.begin(), in_pages.end()) <= 16);
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
  // The subject's clock of a new event: the partial index, not the journal from end to end.
  CHECK(plan(db, "SELECT MAX(hlc) FROM events WHERE subject = 'attendance/p/2026-11-23' AND subject <> ''")
            .find("events_subject (subject=?)") != std::string::npos);
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
        "CREATE INDEX attendance_open ON attendance (date) WHERE check_out_ms IS NULL; PRAGMA user_version = 7");
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
