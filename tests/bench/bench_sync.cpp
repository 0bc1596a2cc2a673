// Sync benchmarks on loopback against a real meedoen-server (README "Performance"):
//   push of 100,000 queued events end to end, server ingest rate, a no-op sync round trip,
//   and the pull of a 10,000-participant roster, on either store.
//   Usage: bench_sync [--db sqlite|postgresql|postgresql://URI] [events] [participants] [batch]
//   --db postgresql: a throwaway cluster with fsync on (as SQLite's synchronous=FULL); a URI: an
//   empty database on a PostgreSQL server of your own.
#include <SQLiteCpp/SQLiteCpp.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "bench/plain_build.hpp"
#include "core/hlc.hpp"
#include "support/sync_fixture.hpp"

using namespace meedoen;
using namespace meedoen::test;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// A month offline for a large centre: n events queued in the kiosk's journal (one transaction).
void queue_events(const std::string& db_path, int n, int kiosk) {
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
  const std::string device = db.execAndGet("SELECT value FROM meta WHERE key = 'device_id'").getString();
  SQLite::Transaction tx(db);
  SQLite::Statement st(db,
                       "INSERT INTO events (id, device_id, seq, wall_ms, hlc, type, participant_id, payload) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const core::TimeMs start = kMonday0942 - 30LL * 24 * 3600 * 1000;
  for (int i = 1; i <= n; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "0193a000-0000-7000-8%03d-%012d", kiosk, i);
    const core::TimeMs at = start + i * 20'000LL;
    st.bind(1, id);
    st.bind(2, device);
    st.bind(3, i);
    st.bind(4, at);
    st.bind(5, core::hlc_to_string({at, 0}));
    st.bind(6, i % 2 ? "check_in" : "check_out");
    st.bind(7, demo_participant((i / 2) % 42 + 1));
    st.bind(8, "{\"date\":\"" + core::format_date_iso(core::to_local(at)) + "\",\"dagdeel\":\"morning\"}");
    st.exec();
    st.reset();
  }
  tx.commit();
}

}  // namespace

int main(int argc, char** argv) {
  meedoen::bench::say_if_sanitized("bench_sync");
  use_amsterdam_time();
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::string db = "sqlite";
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--db" && i + 1 < argc) db = argv[++i];
    else args.emplace_back(argv[i]);
  }
  const int events = args.size() > 0 ? std::atoi(args[0].c_str()) : 100'000;
  const int people = args.size() > 1 ? std::atoi(args[1].c_str()) : 10'000;
  const int batch = args.size() > 2 ? std::atoi(args[2].c_str()) : static_cast<int>(wire::kPushBatchEvents);
  TempDir dir;
  const std::string url = bench_store(dir, db);
  std::printf("store %s\n", db.c_str());
  ServerProcess server(dir, url, "de-cirkel", 0);
  server.start();

  // [SECTION] Push of a backlog, end to end (read outbox, encode, HTTP, validate, commit, mark sent).
  {
    TestKiosk k(dir, "push", server.url(), server.enrol_code(), static_cast<std::size_t>(batch));
    queue_events(k.db(), events, 1);
    const auto t = Clock::now();
    const auto r = k.sync();
    const double ms = ms_since(t);
    std::printf("push_end_to_end batch=%d events=%d ok=%d ms=%.0f events_per_s=%.0f server_events=%lld unsent=%lld\n",
                batch, events, r.ok, ms, events / ms * 1000, static_cast<long long>(server_events(server)),
                static_cast<long long>(k.unsent()));
  }

  // [SECTION] Server ingest: prebuilt bodies of 1000 events, server time only.
  {
    TestKiosk k(dir, "ingest", server.url(), server.enrol_code());
    if (!k.sync().ok) return 1;
    queue_events(k.db(), events, 2);
    auto sdb = storage::SyncStore::open(k.db());
    std::vector<std::string> bodies;
    for (;;) {
      auto batch = sdb.pending(1000, 1 << 24);
      if (batch.empty()) break;
      bodies.push_back(wire::encode_push_request({sdb.device_id(), batch}));
      std::vector<wire::PushResult> fake;
      for (const auto& e : batch) fake.push_back({e.id, wire::PushStatus::Stored, ""});
      sdb.mark_pushed(fake, 1);  // only to page on; the server has not seen them yet
    }
    httplib::Client c("127.0.0.1", server.port());
    c.set_keep_alive(true);
    const httplib::Headers h{{"Authorization", "Bearer " + sdb.token()}};
    const auto t = Clock::now();
    int ok = 0;
    for (const auto& b : bodies) ok += c.Post("/v1/push", h, b, "application/json")->status == 200;
    const double ms = ms_since(t);
    std::printf("server_ingest events=%d batches=%zu ok=%d ms=%.0f events_per_s=%.0f\n", events, bodies.size(), ok, ms,
                events / ms * 1000);
  }

  // [SECTION] No-op round trip: nothing to push, nothing new to pull.
  {
    TestKiosk k(dir, "noop", server.url(), server.enrol_code());
    if (!k.sync().ok) return 1;
    k.sync();  // the other kiosks' events, once
    std::vector<double> t;
    for (int i = 0; i < 300; ++i) {
      const auto s = Clock::now();
      k.sync();
      t.push_back(ms_since(s));
    }
    std::sort(t.begin(), t.end());
    std::printf("noop_round_trip n=300 median_ms=%.2f p99_ms=%.2f max_ms=%.2f\n", t[150], t[296], t.back());
  }

  // [SECTION] Pull of a large roster.
  {
    std::string csv = "id,first_name,last_name,card_code,language,mandatory\n";
    for (int i = 1; i <= people; ++i)
      csv += "big-" + std::to_string(i) + ",Deelnemer,Nummer " + std::to_string(i) + ",CARD" + std::to_string(i) +
             ",nl," + (i % 2 ? "ja" : "nee") + "\n";
    server.admin("create-centre --id groot --name 'Groot'");
    server.admin("import-roster --centre groot " + dir.write("big.csv", csv));
    TestKiosk k(dir, "pull", server.url(), server.enrol_code("groot"));
    const auto t = Clock::now();
    const auto r = k.sync();
    const double ms = ms_since(t);
    std::printf("pull_roster participants=%d ok=%d ms=%.0f kiosk_roster=%zu\n", people, r.ok, ms,
                k.store().load_roster().all().size());
  }
  if (std::getenv("MEEDOEN_BENCH_SERVER_LOG")) std::fputs(server.log().c_str(), stderr);
  return 0;
}
