// The sync worker: enrol once, push in bounded batches (marking events sent only after the
// server's answer), pull pages until done, and back off with jitter between failures.
#include "sync/worker.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_set>

#include "storage/sync_store.hpp"
#include "sync/client.hpp"
#include "wire/wire.hpp"

namespace meedoen::sync {

using core::TimeMs;

// [SECTION] Backoff

TimeMs backoff_delay(int failures, TimeMs base, TimeMs cap, double random01) {
  const int shift = std::clamp(failures, 0, 30);
  const TimeMs ceiling = std::min<TimeMs>(cap, base << shift);
  return static_cast<TimeMs>(random01 * static_cast<double>(ceiling));
}

TimeMs retry_after_delay(int seconds, double random01) {
  const TimeMs ms = static_cast<TimeMs>(std::clamp(seconds, 0, kMaxRetryAfterS)) * 1000;
  return ms + static_cast<TimeMs>(random01 * 0.2 * static_cast<double>(std::max<TimeMs>(ms, 1000)));
}

namespace {

TimeMs wall_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Why a non-200 answer failed, in one line for the log and the coach.
std::string describe(const HttpResult& r) {
  if (r.status == 0) return "no answer from the server (" + r.error + ")";
  return "HTTP " + std::to_string(r.status) + ": " + wire::error_reason(r.body);
}

}  // namespace

// [SECTION] Impl

struct Worker::Impl {
  WorkerOptions opt;
  storage::SyncStore db;
  Client client;
  std::mt19937_64 rng{std::random_device{}()};

  mutable std::mutex mu;  // guards status, timers and flags below
  std::condition_variable cv;
  Status status;
  bool stopping = false;
  std::chrono::steady_clock::time_point due = std::chrono::steady_clock::now();
  std::atomic<bool> data_changed{false};
  std::thread thread;
  std::size_t batch_events;

  explicit Impl(WorkerOptions o)
      : opt(std::move(o)),
        db(storage::SyncStore::open(opt.db_path)),
        client(ClientOptions{opt.server_url, opt.ca_bundle}),
        batch_events(opt.batch_events) {
    status.configured = !opt.server_url.empty();
    status.enrolled = !db.token().empty();
    status.unsent = db.unsent_count();
    status.rejected = static_cast<std::int64_t>(db.rejected().size());
  }

  void log(const std::string& s) {
    if (opt.log) opt.log("sync: " + s);
  }
  double random01() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); }

  // Server time minus ours, from the middle of the request.
  void measure_clock(const std::string& body, TimeMs sent, TimeMs received) {
    const TimeMs server = wire::server_time_of(body);
    if (server <= 0) return;
    const TimeMs offset = server - (sent + received) / 2;
    const bool off = offset > wire::kClockSkewLimit || offset < -wire::kClockSkewLimit;
    bool changed = false;
    {
      std::lock_guard lock(mu);
      changed = off != status.clock_off;
      status.clock_offset = offset;
      status.clock_off = off;
    }
    if (changed && off)
      log("this kiosk's clock is off by " + std::to_string(offset / 1000) +
          " s against the server; events still count, "
          "but times shown may be wrong: set the clock (NTP)");
  }

  // Sends a request, measuring the clock from its answer.
  HttpResult call(const std::string& method, const std::string& path, const std::string& body,
                  const std::string& token) {
    const TimeMs sent = wall_now();
    HttpResult r = method == "POST" ? client.post(path, body, token) : client.get(path, token);
    if (r.status != 0) measure_clock(r.body, sent, wall_now());
    return r;
  }

  // After a 401/403: a new enrolment code in the settings means "enrol again"; the queue stays.
  void token_refused() {
    if (!opt.enrol_code.empty() && opt.enrol_code != db.state("enrol_code_used")) db.set_state("token", "");
    std::lock_guard lock(mu);
    status.enrolled = !db.token().empty();
  }

  bool enrol(CycleResult& out) {
    if (!db.token().empty()) return true;
    if (opt.enrol_code.empty()) {
      out.error = "this kiosk is not enrolled: set [sync] enrol_code (meedoen-server enrol-kiosk prints one)";
      return false;
    }
    const HttpResult r = call("POST", "/v1/enrol", wire::encode_enrol_request({opt.enrol_code, db.device_id()}), "");
    wire::EnrolAnswer a;
    std::string error;
    if (r.status != 200 || !wire::decode_enrol_answer(r.body, a, error)) {
      out.error = "enrolment failed: " + (r.status == 200 ? error : describe(r));
      out.retry_after_s = r.retry_after_s;
      return false;
    }
    db.set_state("token", a.token);
    db.set_state("kiosk_id", a.kiosk_id);
    db.set_state("centre_id", a.centre_id);
    db.set_state("centre_name", a.centre_name);
    db.set_state("enrol_code_used", opt.enrol_code);
    log("enrolled as kiosk " + a.kiosk_id + " of " + a.centre_id + " (" + a.centre_name + ")");
    std::lock_guard lock(mu);
    status.enrolled = true;
    return true;
  }

  bool push(CycleResult& out) {
    const std::string token = db.token();
    std::int64_t after_seq = 0;  // within one cycle, each batch starts where the last one ended
    for (;;) {
      wire::PushRequest req;
      req.device_id = db.device_id();
      req.events = db.pending(batch_events, wire::kPushBatchBytes, after_seq);
      if (req.events.empty()) return true;
      const HttpResult r = call("POST", "/v1/push", wire::encode_push_request(req), token);
      if (r.status == 413 && batch_events > 1) {
        batch_events = std::max<std::size_t>(1, batch_events / 2);  // smaller batches, at once
        log("the server found a push too large; batches of " + std::to_string(batch_events) + " now");
        continue;
      }
      wire::PushAnswer a;
      std::string error;
      if (r.status != 200 || !wire::decode_push_answer(r.body, a, error)) {
        out.error = "push failed: " + (r.status == 200 ? error : describe(r));
        out.retry_after_s = r.retry_after_s;
        if (r.status == 401 || r.status == 403) {
          log("the server refused this kiosk's token; the " + std::to_string(db.unsent_count()) +
              " unsent events are kept");
          token_refused();
        }
        return false;
      }
      // Only answers for events we sent count (a confused server must not mark others sent).
      std::unordered_set<std::string> sent;
      for (const auto& e : req.events) sent.insert(e.id);
      std::vector<wire::PushResult> answered;
      for (const auto& res : a.results)
        if (sent.count(res.id)) answered.push_back(res);
      after_seq = req.events.back().seq;
      std::unordered_set<std::string> answered_ids;
      for (const auto& res : answered) answered_ids.insert(res.id);
      if (answered_ids.size() == req.events.size())  // every event answered: mark the batch by its seq range
        db.mark_pushed(answered, wall_now(), req.events.front().seq, req.events.back().seq);
      else db.mark_pushed(answered, wall_now());
      for (const auto& res : answered)
        if (res.status == wire::PushStatus::Rejected) log("the server rejected event " + res.id + ": " + res.reason);
        else if (res.status == wire::PushStatus::Conflict)
          log("the server has another event with the id of event " + res.id + " (kept here, marked): " + res.reason);
      for (const auto& w : a.warnings) log("server: " + w);
      out.pushed += static_cast<int>(answered.size());
      if (answered.empty()) {
        out.error = "push failed: the server answered none of the events sent";
        return false;
      }
    }
  }

  bool pull(CycleResult& out) {
    const std::string token = db.token();
    for (int page = 0; page < 10'000; ++page) {
      const std::string path = "/v1/pull?limit=" + std::to_string(opt.pull_limit) + "&cursor=" + db.cursor();
      const HttpResult r = call("GET", path, "", token);
      wire::PullPage p;
      std::string error;
      if (r.status != 200 || !wire::decode_pull_page(r.body, p, error)) {
        out.error = "pull failed: " + (r.status == 200 ? error : describe(r));
        out.retry_after_s = r.retry_after_s;
        if (r.status == 401 || r.status == 403) token_refused();
        return false;
      }
      if (p.reset) log("the server did not know our cursor; reading everything again once");
      for (const auto& why : p.skipped) log("pull: " + why);
      const storage::PullApplied n = db.apply_pull(p, wall_now());
      for (const auto& w : n.warnings) log("pull: " + w);
      out.pulled_events += n.events;
      out.data_changed |= n.changed();
      if (!p.more) return true;
    }
    return true;
  }

  CycleResult cycle() {
    CycleResult out;
    {
      std::lock_guard lock(mu);
      status.last_attempt = wall_now();
    }
    if (opt.server_url.empty()) {
      out.error = "no server configured";
      return out;
    }
    if (!client.url_error().empty()) {
      out.error = client.url_error();
      return out;
    }
    try {
      out.ok = enrol(out) && push(out) && pull(out);
    } catch (const storage::StorageError& e) {
      out.ok = false;
      out.error = std::string("local database: ") + e.what();
    }
    client.close();  // the next cycle is 60 s away: no idle connection held on the server until then
    if (out.data_changed) data_changed = true;
    std::int64_t unsent = -1, rejected = -1;
    try {
      unsent = db.unsent_count();
      rejected = static_cast<std::int64_t>(db.rejected().size());
    } catch (const storage::StorageError&) {}
    bool was_online = false;
    {
      std::lock_guard lock(mu);
      was_online = status.online;
      status.online = out.ok;
      if (unsent >= 0) status.unsent = unsent;
      if (rejected >= 0) status.rejected = rejected;
      if (out.ok) {
        status.last_success = wall_now();
        status.last_error.clear();
        status.failures = 0;
      } else {
        status.last_error = out.error;
        ++status.failures;
      }
    }
    if (!out.ok && (was_online || status.failures == 1)) log(out.error);
    if (out.ok && !was_online) log("online");
    return out;
  }

  // How long to wait after a cycle.
  TimeMs delay_after(const CycleResult& r) {
    if (r.ok) return opt.pull_interval_ms;
    if (r.retry_after_s >= 0) return retry_after_delay(r.retry_after_s, random01());
    int failures = 0;
    {
      std::lock_guard lock(mu);
      failures = status.failures;
    }
    // Never zero: a failure re-arms the timer, it does not spin.
    return std::max<TimeMs>(100, backoff_delay(failures, opt.backoff_base_ms, opt.backoff_cap_ms, random01()));
  }

  void loop() {
    std::unique_lock lock(mu);
    while (!stopping) {
      cv.wait_until(lock, due, [&] { return stopping || std::chrono::steady_clock::now() >= due; });
      if (stopping) break;
      lock.unlock();
      const CycleResult r = cycle();
      const TimeMs wait = delay_after(r);
      if (opt.on_change) opt.on_change();
      lock.lock();
      due = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait);
      status.next_attempt = wall_now() + wait;
    }
  }
};

// [SECTION] Worker

Worker::Worker(WorkerOptions options) : m(std::make_unique<Impl>(std::move(options))) {}

Worker::~Worker() { stop(); }

void Worker::set_on_change(std::function<void()> fn) { m->opt.on_change = std::move(fn); }

void Worker::start() {
  if (m->thread.joinable() || m->opt.server_url.empty()) return;
  m->stopping = false;
  m->thread = std::thread([this] { m->loop(); });
}

void Worker::stop() {
  {
    std::lock_guard lock(m->mu);
    m->stopping = true;
  }
  m->cv.notify_all();
  m->client.stop();  // a request in flight ends now, so the kiosk can exit at once
  if (m->thread.joinable()) m->thread.join();
}

void Worker::notify_local_write() {
  {
    std::lock_guard lock(m->mu);
    ++m->status.unsent;
    const auto soon = std::chrono::steady_clock::now() + std::chrono::milliseconds(m->opt.push_delay_ms);
    m->due = std::min(m->due, soon);
  }
  m->cv.notify_all();
}

void Worker::sync_now() {
  {
    std::lock_guard lock(m->mu);
    m->due = std::chrono::steady_clock::now();
  }
  m->cv.notify_all();
}

Status Worker::status() const {
  std::lock_guard lock(m->mu);
  return m->status;
}

bool Worker::take_data_changed() { return m->data_changed.exchange(false); }

CycleResult Worker::run_once() { return m->cycle(); }

}  // namespace meedoen::sync
