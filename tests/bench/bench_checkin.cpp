// Tap-to-durable-confirmation latency of a check-in and a check-out, on a database holding a
// year of history for 50 participants. Measures Session::dispatch(CheckInTapped): the reducer,
// the durable SQLite transaction (synchronous=FULL) and the AttendanceStored that lets the
// screen confirm. WAL checkpoints run when the kiosk is idle, and are timed separately. Next to
// them (issue 17): a bare one-row WAL+FULL commit on the same disk, the pages each commit adds to
// the WAL, and the coach's Today (tab tap to the screen's data loaded), the read that a lighter
// write must not slow down.
//   build/tests/bench/bench_checkin [rounds] [days]
// A round is one tap of each participant: check-ins, then check-outs, and so on, all on one day
// (a subject then collects up to `rounds` events). With "days", every two rounds are a new day, as
// on a kiosk: each subject holds one check-in and one check-out.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/plain_build.hpp"
#include "core/coach.hpp"
#include "core/ids.hpp"
#include "platform/session.hpp"
#include "storage/demo_centre.hpp"
#include "storage/pin_hash.hpp"
#include "storage/store.hpp"
#include "support/process.hpp"

using namespace meedoen;
using Clock = std::chrono::steady_clock;

namespace fs = std::filesystem;

namespace {

constexpr int kParticipants = 50;
constexpr core::TimeMs kDay = 24LL * 3600 * 1000;

// A year of history written straight into the journal and the attendance read model, in one
// transaction (through the Store API this set-up alone would take 50,000 durable commits). As
// another kiosk of the centre wrote it: its own device id, and UUIDv7 ids of the events' times,
// as every kiosk makes them (until issue 17's second pass the ids were "hist-NNNNNNNN", which sort
// after every real id: each tap's id went into the middle of a packed key, not at its end).
void add_history(const std::string& path, core::TimeMs start) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  SQLite::Transaction tx(db);
  SQLite::Statement ev(db,
                       "INSERT INTO events (id, device_id, seq, wall_ms, hlc, type, participant_id, payload, subject) "
                       "VALUES (?, 'history-device', ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement at(db,
                       "INSERT INTO attendance (check_in_event, participant_id, date, dagdeel, check_in_ms, "
                       "check_out_ms, check_out_event) VALUES (?, ?, ?, 'morning', ?, ?, ?)");
  std::int64_t seq = 0;
  char id[64], date[16], hlc[40];
  for (int day = 0; day < 365; ++day) {
    if (day % 7 >= 5) continue;  // weekdays
    const core::TimeMs t = start + day * kDay;
    std::snprintf(date, sizeof date, "%s", core::format_date_iso(core::to_local(t)).c_str());
    for (int p = 1; p <= kParticipants; ++p) {
      if ((day + p) % 3 == 0) continue;  // not everyone every day
      char pid[32];
      std::snprintf(pid, sizeof pid, "demo-p-%04d", p);
      std::string ids[2];
      for (int k = 0; k < 2; ++k) {
        ++seq;
        core::RandomBytes random{};
        for (std::size_t i = 0; i < random.size(); ++i) random[i] = static_cast<std::uint8_t>(seq >> (8 * (i % 8)));
        std::snprintf(id, sizeof id, "%s", core::make_uuid_v7(t + k * 3 * 3600 * 1000 + p, random).c_str());
        std::snprintf(hlc, sizeof hlc, "%016lld.%010d", static_cast<long long>(t + k * 3 * 3600 * 1000), 0);
        ev.reset();
        ev.bind(1, id);
        ev.bind(2, seq);
        ev.bind(3, t + k * 3 * 3600 * 1000);
        ev.bind(4, hlc);
        ev.bind(5, k == 0 ? "check_in" : "check_out");
        ev.bind(6, pid);
        const core::TimeMs when = t + k * 3 * 3600 * 1000;
        ev.bind(7, k == 0 ? "{\"date\":\"" + std::string(date) +
                                "\",\"dagdeel\":\"morning\",\"at\":" + std::to_string(when) + "}"
                          : "{\"date\":\"" + std::string(date) + "\",\"at\":" + std::to_string(when) + "}");
        ev.bind(8, "attendance/" + std::string(pid) + "/" + date);
        ev.exec();
        ids[k] = id;
      }
      at.reset();
      at.bind(1, ids[0]);
      at.bind(2, pid);
      at.bind(3, date);
      at.bind(4, t);
      at.bind(5, t + 3 * 3600 * 1000);
      at.bind(6, ids[1]);
      at.exec();
    }
  }
  tx.commit();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * (v.size() - 1))];
}

// The coach's Today as the screen gets it: a tab tap, the reducer and every read of its data
// (platform's coach_data), after the taps above wrote a day of attendance. Logs in once.
bool time_coach_today(platform::Session& session, int n) {
  session.start_in_coach_mode();
  for (char d : std::string(storage::kDemoCoaches[0].pin)) session.dispatch(core::CoachPinDigit{d});
  if (session.state().screen != core::Screen::CoachToday || !session.state().coach.data.loaded) {
    std::fprintf(stderr, "the demo coach could not open Today\n");
    return false;
  }
  std::vector<double> ms;
  for (int i = 0; i < n; ++i) {
    const auto t0 = Clock::now();
    session.dispatch(core::CoachTabTapped{core::Screen::CoachToday});
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::printf("coach's Today, tab tap to data loaded (n=%zu): median %.3f ms, p99 %.3f ms (%zu here today)\n",
              ms.size(), percentile(ms, 0.5), percentile(ms, 0.99), session.state().coach.data.today.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  meedoen::bench::say_if_sanitized("bench_checkin");
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
  const bool new_days = argc > 2 && std::string(argv[2]) == "days";
  setenv("TZ", "Europe/Amsterdam", 1);
  test::TempDir dir;
  const std::string path = dir / "bench.db";
  const core::TimeMs today = 1795423320000;  // 2026-11-23 09:42 local
  {
    auto store = storage::Store::open(path);
    storage::seed_demo_centre(store, 1795423320000);
    for (int p = storage::kDemoParticipants + 1; p <= kParticipants; ++p) {  // the demo has 42
      char id[32], code[16];
      std::snprintf(id, sizeof id, "demo-p-%04d", p);
      std::snprintf(code, sizeof code, "DEMO%04d", p);
      core::Participant extra;
      extra.id = id;
      extra.first_name = "Extra";
      extra.last_name = std::to_string(p);
      extra.card_code = code;
      extra.language = "nl";
      store.put_participant(extra, storage::hash_pin("0000"));
    }
  }
  add_history(path, today - 366 * kDay);
  auto store = storage::Store::open(path);
  std::printf("history: %lld events for %d participants\n", static_cast<long long>(store.event_count()), kParticipants);
  // The start-up integrity check (storage/health) of this year-old journal, file in the page cache.
  std::printf("start-up check: quick_check %d ms (%s), file %lld KiB\n", store.health().check_ms,
              store.health().complete ? "complete" : "budget spent",
              static_cast<long long>(fs::file_size(path) / 1024));

  platform::Session session(core::KioskConfig{}, store);
  core::TimeMs now = today;
  session.reload(now);
  // The reference (issue 17): a bare one-row commit on the same disk, WAL and synchronous=FULL as
  // the kiosk's store, one after each tap so that both see the same moment of the disk.
  SQLite::Database bare(dir / "bare.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  bare.exec("PRAGMA journal_mode = WAL");
  bare.exec("PRAGMA synchronous = FULL");
  bare.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
  SQLite::Statement bare_insert(bare, "INSERT INTO t (v) VALUES ('a row of about forty bytes, as an event')");
  // Pages a commit wrote: the growth of the WAL's valid frames (mxFrame in the wal-index header
  // of the -shm file, native byte order), or all of them when the commit began a new WAL.
  auto wal_frames = [](const std::string& db) {
    std::uint32_t frames = 0;
    if (std::FILE* f = std::fopen((db + "-shm").c_str(), "rb")) {
      if (std::fseek(f, 16, SEEK_SET) != 0 || std::fread(&frames, sizeof frames, 1, f) != 1) frames = 0;
      std::fclose(f);
    }
    return static_cast<long long>(frames);
  };
  auto written = [](long long before, long long after) {
    return static_cast<double>(after > before ? after - before : after);
  };
  std::vector<double> in_ms, out_ms, bare_ms, in_pages, out_pages, bare_pages;
  for (int r = 0; r < rounds; ++r) {
    if (new_days && r > 0 && r % 2 == 0) {  // everyone checked out: the next morning
      now += kDay;
      session.reload(now);
    }
    for (int p = 1; p <= kParticipants; ++p) {
      char code[16];
      std::snprintf(code, sizeof code, "DEMO%04d", p);
      now += 1000;
      session.dispatch(core::Tick{now});
      session.dispatch(core::CardScanned{code});
      // The demo's Jan forgot to check out last Friday: he answers the question once.
      if (session.state().screen == core::Screen::CheckoutQuestion) session.dispatch(core::EndRightTapped{});
      const bool checked_in = core::open_attendance(session.state(), session.state().participant_id) != nullptr;
      const long long frames0 = wal_frames(path);
      const auto t0 = Clock::now();
      if (checked_in) session.dispatch(core::CheckOutTapped{});
      else session.dispatch(core::CheckInTapped{});
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      (checked_in ? out_pages : in_pages).push_back(written(frames0, wal_frames(path)));
      const long long bare0 = wal_frames(dir / "bare.db");
      const auto b0 = Clock::now();
      bare_insert.reset();
      bare_insert.exec();
      bare_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - b0).count());
      bare_pages.push_back(written(bare0, wal_frames(dir / "bare.db")));
      if (session.state().screen != core::Screen::Confirmation) {
        std::fprintf(stderr, "round %d participant %d: no confirmation\n", r, p);
        return 1;
      }
      (checked_in ? out_ms : in_ms).push_back(ms);
      session.dispatch(core::DoneTapped{});
    }
    // Idle between rounds, as the kiosk on its welcome screen: both WALs are checkpointed, so that
    // both commits write into a WAL file that exists (a growing file costs the disk more per fsync).
    if (r + 1 < rounds) {
      store.checkpoint();
      bare.exec("PRAGMA wal_checkpoint(PASSIVE)");
    }
  }
  std::printf("check-in  (n=%zu): median %.3f ms, p99 %.3f ms\n", in_ms.size(), percentile(in_ms, 0.5),
              percentile(in_ms, 0.99));
  std::printf("check-out (n=%zu): median %.3f ms, p99 %.3f ms\n", out_ms.size(), percentile(out_ms, 0.5),
              percentile(out_ms, 0.99));
  std::printf("bare one-row WAL+FULL commit (n=%zu): median %.3f ms, p99 %.3f ms\n", bare_ms.size(),
              percentile(bare_ms, 0.5), percentile(bare_ms, 0.99));
  std::printf("check-in median / bare commit median: %.2fx (target <= 2x)\n",
              percentile(in_ms, 0.5) / percentile(bare_ms, 0.5));
  std::printf("pages written to the WAL per commit, median: check-in %.0f, check-out %.0f, bare %.0f\n",
              percentile(in_pages, 0.5), out_pages.empty() ? 0.0 : percentile(out_pages, 0.5),
              percentile(bare_pages, 0.5));
  std::printf("journal now holds %lld events\n", static_cast<long long>(store.event_count()));
  if (!time_coach_today(session, rounds * 5)) return 1;
  // What the kiosk does later, idle on the welcome screen, for all of the writes above.
  const auto c0 = Clock::now();
  store.checkpoint();
  std::printf("idle checkpoint of the last round's writes: %.3f ms\n",
              std::chrono::duration<double, std::milli>(Clock::now() - c0).count());
  return 0;
}
