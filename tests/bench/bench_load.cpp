// Load test of meedoen-server's connection handling (README "Performance"). N simulated kiosks,
// each with its own sync::Client (the kiosk's HTTP client, so its connection is kept or closed
// exactly as the kiosk does), sync every --interval seconds from a jittered start: a push of 5
// valid events, then pulls until the page says no more. Optional slow-loris connections that send
// one byte every 10 s and never finish a request. It prepares the database (centres of
// --per-centre kiosks, enrolled through the ServerStore API), starts `meedoen-server serve` on
// loopback as a child with --db passed through unchanged, and prints latency per request kind,
// errors, throughput and the server's memory, threads and file descriptors.
//   bench_load --kiosks 500 --seconds 60 [--slow-loris 200] [--db sqlite|postgresql|DB] [--keep-open]
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "bench/plain_build.hpp"
#include "support/fake_clock.hpp"
#include "support/server_fixture.hpp"
#include "support/server_process.hpp"
#include "sync/client.hpp"
#include "wire/wire.hpp"

using namespace meedoen;
using namespace meedoen::test;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  int kiosks = 500;
  int seconds = 60;
  int interval_s = 30;
  int per_centre = 4;
  int participants = 20;
  int slow_loris = 0;
  bool keep_open = false;  // never close between syncs (as kiosks did before this change)
  std::string db = "sqlite";
  std::string server_args;
};

core::TimeMs wall_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Both this process (thousands of client sockets) and the server (its child) need more than 1024.
void raise_fd_limit() {
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &r);
  }
}

struct BenchKiosk {
  EnrolledKiosk k;
  std::vector<std::string> participants;
  std::uint32_t n = 0;
};

// [SECTION] The database: centres of per_centre kiosks, each centre with its roster.
std::vector<BenchKiosk> prepare(const Options& o) {
  const auto t = Clock::now();
  auto store = server::ServerStore::open(o.db);
  const core::TimeMs now = wall_now();
  const std::string run = std::to_string(now);  // a reused database gets new centres each run
  std::vector<BenchKiosk> out;
  for (int c = 0; static_cast<int>(out.size()) < o.kiosks; ++c) {
    const std::string centre = "load-" + run + "-" + std::to_string(c);
    store->create_centre(centre, "Load " + std::to_string(c), now);
    std::vector<core::Participant> people;
    for (int p = 0; p < o.participants; ++p) {
      core::Participant x;
      x.id = centre + "-p" + std::to_string(p);
      x.first_name = "Deelnemer";
      x.last_name = std::to_string(p);
      people.push_back(x);
    }
    store->put_participants(centre, people, "");
    for (int i = 0; i < o.per_centre && static_cast<int>(out.size()) < o.kiosks; ++i) {
      BenchKiosk b;
      b.n = static_cast<std::uint32_t>(out.size() + 1);
      b.k = enrol_test_kiosk(*store, centre, now, static_cast<int>(b.n));
      for (const auto& p : people) b.participants.push_back(p.id);
      out.push_back(std::move(b));
    }
  }
  std::printf("prepared %d kiosks in %d centres in %.1f s\n", o.kiosks, (o.kiosks + o.per_centre - 1) / o.per_centre,
              ms_since(t) / 1000);
  return out;
}

// [SECTION] What was measured
class Stats {
 public:
  explicit Stats(Clock::time_point start) : m_start(start) {}

  void record(const char* kind, double ms, const sync::HttpResult& r, bool valid) {
    std::lock_guard lock(m_mu);
    m_latency[kind].push_back(ms);
    if (ms > 100) ++m_slow_by_second[static_cast<int>(ms_since(m_start) / 1000)];
    if (r.status == 200 && valid) return;
    std::string why = r.status == 0     ? "no answer (" + r.error + ")"
                      : r.status == 200 ? "HTTP 200 with an unreadable body"
                                        : "HTTP " + std::to_string(r.status);
    ++m_errors[std::string(kind) + ": " + why];
  }
  void rejected(int n) { m_rejected += n; }

  void print(double seconds) {
    std::lock_guard lock(m_mu);
    std::size_t total = 0, errors = 0;
    for (auto& [kind, v] : m_latency) {
      std::sort(v.begin(), v.end());
      const auto at = [&](double q) { return v.empty() ? 0.0 : v[static_cast<std::size_t>(q * (v.size() - 1))]; };
      std::printf("%-5s requests=%zu p50=%.2f ms p99=%.2f ms max=%.1f ms\n", kind.c_str(), v.size(), at(0.5), at(0.99),
                  v.empty() ? 0.0 : v.back());
      total += v.size();
    }
    for (const auto& [why, n] : m_errors) {
      std::printf("error %s: %d\n", why.c_str(), n);
      errors += static_cast<std::size_t>(n);
    }
    std::string slow;  // when the slow ones happened: a burst (a start, a slow-loris tick) or spread
    for (const auto& [second, n] : m_slow_by_second) slow += " s" + std::to_string(second) + ":" + std::to_string(n);
    if (!slow.empty()) std::printf("requests over 100 ms by second of the run:%s\n", slow.c_str());
    std::printf("requests=%zu errors=%zu (%.2f %%) rejected_events=%d throughput=%.1f requests/s\n", total, errors,
                total ? 100.0 * static_cast<double>(errors) / static_cast<double>(total) : 0.0, m_rejected.load(),
                static_cast<double>(total) / seconds);
  }
  std::size_t errors() {
    std::lock_guard lock(m_mu);
    std::size_t n = 0;
    for (const auto& [why, k] : m_errors) n += static_cast<std::size_t>(k);
    return n;
  }

 private:
  Clock::time_point m_start;
  std::mutex m_mu;
  std::map<std::string, std::vector<double>> m_latency;
  std::map<int, int> m_slow_by_second;
  std::map<std::string, int> m_errors;
  std::atomic<int> m_rejected{0};
};

// Stops every simulated client at the deadline (or at once on a sleep's wake-up).
class Deadline {
 public:
  explicit Deadline(Clock::time_point end) : m_end(end) {}
  // Sleeps until t; false when the run ends first.
  bool sleep_until(Clock::time_point t) {
    std::unique_lock lock(m_mu);
    m_cv.wait_until(lock, std::min(t, m_end), [&] { return m_stop; });
    return !m_stop && Clock::now() < m_end;
  }
  void stop() {
    {
      std::lock_guard lock(m_mu);
      m_stop = true;
    }
    m_cv.notify_all();
  }
  Clock::time_point end() const { return m_end; }

 private:
  std::mutex m_mu;
  std::condition_variable m_cv;
  bool m_stop = false;
  Clock::time_point m_end;
};

// [SECTION] One simulated kiosk: the sync worker's requests, through the kiosk's client.
void run_kiosk(const BenchKiosk& b, const std::string& url, const Options& o, Stats& stats, Deadline& deadline,
               std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  sync::ClientOptions co{url, ""};
  if (o.keep_open) co.keep_alive_ms = 24 * 3600 * 1000;  // as kiosks did before: never closed on purpose
  sync::Client client(co);
  const auto interval = std::chrono::milliseconds(o.interval_s * 1000);
  auto due = Clock::now() + std::chrono::milliseconds(std::uniform_int_distribution<int>(0, o.interval_s * 1000)(rng));
  std::int64_t seq = 0;
  std::string cursor;
  while (deadline.sleep_until(due)) {
    due += interval;
    wire::PushRequest req;
    req.device_id = b.k.auth.device_id;
    const core::TimeMs wall = wall_now();
    const std::string date = core::format_date_iso(core::to_local(wall));
    for (int i = 0; i < 5; ++i) {
      const std::string& pid = b.participants[rng() % b.participants.size()];
      const core::EventBody body =
          i % 2 ? core::EventBody{core::ev::CheckOut{date, wall}} : core::EventBody{core::ev::CheckIn{date, {}, wall}};
      req.events.push_back(kiosk_event(b.k.auth, ++seq, wall + i, pid, body, b.n));
    }
    auto t = Clock::now();
    sync::HttpResult r = client.post("/v1/push", wire::encode_push_request(req), b.k.token);
    wire::PushAnswer a;
    std::string error;
    const bool pushed = r.status == 200 && wire::decode_push_answer(r.body, a, error);
    stats.record("push", ms_since(t), r, pushed);
    if (pushed)
      stats.rejected(static_cast<int>(std::count_if(a.results.begin(), a.results.end(), [](const wire::PushResult& x) {
        return x.status == wire::PushStatus::Rejected;
      })));
    for (int page = 0; pushed && page < 100; ++page) {
      t = Clock::now();
      r = client.get("/v1/pull?limit=" + std::to_string(wire::kDefaultPullLimit) + "&cursor=" + cursor, b.k.token);
      wire::PullPage p;
      const bool pulled = r.status == 200 && wire::decode_pull_page(r.body, p, error);
      stats.record("pull", ms_since(t), r, pulled);
      if (!pulled) break;
      cursor = p.cursor;
      if (!p.more) break;
    }
    if (!o.keep_open) client.close();  // as sync::Worker does after each cycle
  }
}

// [SECTION] Slow loris: connections that trickle a request one byte every 10 s, never finishing.
int connect_loopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);  // in progress; the first send waits for it
  return fd;
}

struct LorisCounts {
  std::atomic<int> open{0}, closed_by_server{0}, bytes{0};
};

void run_slow_loris(int n, int port, Deadline& deadline, LorisCounts& counts) {
  static const std::string request = "GET /v1/time HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  std::vector<int> fds(static_cast<std::size_t>(n));
  std::vector<std::size_t> sent(fds.size(), 0);
  for (auto& fd : fds) fd = connect_loopback(port);
  counts.open = n;
  auto next = Clock::now() + std::chrono::milliseconds(200);
  while (deadline.sleep_until(next)) {
    next += std::chrono::seconds(10);
    for (std::size_t i = 0; i < fds.size(); ++i) {
      const char c = sent[i] < request.size() ? request[sent[i]] : 'x';  // the header never ends
      char sink[256];
      const bool closed = ::recv(fds[i], sink, sizeof sink, MSG_DONTWAIT) == 0;
      if (closed || ::send(fds[i], &c, 1, MSG_NOSIGNAL) != 1) {
        ++counts.closed_by_server;  // and come back at once, as an attacker would
        ::close(fds[i]);
        fds[i] = connect_loopback(port);
        sent[i] = 0;
        continue;
      }
      ++sent[i];
      ++counts.bytes;
    }
  }
  for (int fd : fds) ::close(fd);
}

// [SECTION] The server's memory, threads and descriptors, from /proc.
struct ProcSample {
  long rss_kib = 0, hwm_kib = 0, threads = 0, fds = 0;
  double cpu_s = 0;  // user + system time so far
};

ProcSample sample(pid_t pid) {
  ProcSample s;
  const std::string status = slurp("/proc/" + std::to_string(pid) + "/status");
  const auto field = [&](const char* name) {
    const auto at = status.find(name);
    return at == std::string::npos ? 0L : std::atol(status.c_str() + at + std::strlen(name));
  };
  s.rss_kib = field("VmRSS:");
  s.hwm_kib = field("VmHWM:");
  s.threads = field("Threads:");
  // /proc/PID/stat: utime and stime are fields 14 and 15, after the ")" that ends the name.
  const std::string stat = slurp("/proc/" + std::to_string(pid) + "/stat");
  std::istringstream rest(stat.substr(std::min(stat.size(), stat.rfind(')') + 2)));
  std::string skip;
  for (int i = 3; i < 14; ++i) rest >> skip;
  long long utime = 0, stime = 0;
  rest >> utime >> stime;
  s.cpu_s = static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
    ++s.fds;
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  meedoen::bench::say_if_sanitized("bench_load");
  Options o;
  CLI::App app{"Load test of meedoen-server: N kiosks syncing every 30 s through the kiosk's sync client"};
  app.add_option("--kiosks", o.kiosks, "Simulated kiosks (one thread and one sync::Client each)")
      ->check(CLI::Range(1, 20000));
  app.add_option("--seconds", o.seconds, "Length of the run")->check(CLI::Range(1, 3600));
  app.add_option("--interval", o.interval_s, "Seconds between a kiosk's syncs")->check(CLI::Range(1, 3600));
  app.add_option("--per-centre", o.per_centre, "Kiosks per centre (each pulls its centre's other kiosks' events)")
      ->check(CLI::Range(1, 1000));
  app.add_option("--slow-loris", o.slow_loris, "Extra connections that send one byte every 10 s, never finishing")
      ->check(CLI::Range(0, 10000));
  app.add_flag("--keep-open", o.keep_open,
               "Keep each kiosk's connection open between syncs (as kiosks did before this change)");
  app.add_option("--db", o.db,
                 "sqlite (a new file), postgresql (a throwaway cluster, fsync on) or a --db value passed as it is");
  app.add_option("--server-args", o.server_args, "Extra arguments for meedoen-server serve");
  CLI11_PARSE(app, argc, argv);
  use_amsterdam_time();
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  raise_fd_limit();

  TempDir dir;
  o.db = bench_store(dir, o.db);
  const std::vector<BenchKiosk> kiosks = prepare(o);
  ServerProcess server(dir, o.db, "", 0);
  server.start(o.server_args);
  std::printf("server pid %d on %s; %d kiosks, sync every %d s, %d s, slow loris %d, %s\n", server.pid(),
              server.url().c_str(), o.kiosks, o.interval_s, o.seconds, o.slow_loris,
              o.keep_open ? "connections kept open between syncs" : "the kiosk client's connection policy");

  Stats stats(Clock::now());
  LorisCounts loris;
  Deadline deadline(Clock::now() + std::chrono::seconds(o.seconds));
  std::vector<std::thread> threads;
  if (o.slow_loris > 0) threads.emplace_back([&] { run_slow_loris(o.slow_loris, server.port(), deadline, loris); });
  std::random_device seed;
  for (const auto& k : kiosks) {
    const std::uint64_t s = (static_cast<std::uint64_t>(seed()) << 32) | seed();
    threads.emplace_back([&, s] { run_kiosk(k, server.url(), o, stats, deadline, s); });
  }
  ProcSample peak;
  const ProcSample before = sample(server.pid());
  const auto start = Clock::now();
  while (Clock::now() < deadline.end()) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    const ProcSample s = sample(server.pid());
    peak.fds = std::max(peak.fds, s.fds);
    peak.threads = std::max(peak.threads, s.threads);
  }
  deadline.stop();
  for (auto& t : threads) t.join();  // requests in flight end within the client's timeouts
  const double seconds = ms_since(start) / 1000;
  const ProcSample end = sample(server.pid());
  server.stop();
  stats.print(seconds);
  std::printf("server VmRSS=%.1f MiB VmHWM=%.1f MiB threads=%ld (peak %ld) fds=%ld (peak %ld) cpu=%.1f %% of a core\n",
              static_cast<double>(end.rss_kib) / 1024, static_cast<double>(end.hwm_kib) / 1024, end.threads,
              peak.threads, end.fds, peak.fds, 100 * (end.cpu_s - before.cpu_s) / seconds);
  if (o.slow_loris > 0)
    std::printf("slow loris: %d connections, %d bytes sent, %d closed by the server (and reopened)\n",
                loris.open.load(), loris.bytes.load(), loris.closed_by_server.load());
  return stats.errors() == 0 ? 0 : 1;
}
