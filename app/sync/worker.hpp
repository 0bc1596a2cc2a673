// The kiosk's sync worker: its own thread and its own database connection; pushes the journal,
// pulls changes, backs off when the server cannot be reached. The UI never waits on it: it reads
// status() (a plain struct) and is woken through a callback when something changed.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "core/time.hpp"

namespace meedoen::sync {

// What coaches may see; participants at most a calm online/offline dot.
struct Status {
  bool configured = false;  // a server URL is set
  bool enrolled = false;    // has a device token
  bool online = false;      // the last attempt reached the server and succeeded
  core::TimeMs last_success = 0;
  core::TimeMs last_attempt = 0;
  core::TimeMs next_attempt = 0;
  std::int64_t unsent = 0;        // this kiosk's events the server has not confirmed
  std::int64_t rejected = 0;      // events the server refused (kept locally, with the reason)
  std::string last_error;         // "" after a success
  core::TimeMs clock_offset = 0;  // server time minus ours, as last measured
  bool clock_off = false;         // |clock_offset| > 2 minutes
  int failures = 0;               // in a row
};

struct WorkerOptions {
  std::string db_path;
  std::string server_url;
  std::string enrol_code;  // used once, when the database has no device token yet
  std::string ca_bundle;
  core::TimeMs pull_interval_ms = 60'000;
  core::TimeMs push_delay_ms = 300;  // after a local write, so a burst goes in one batch
  core::TimeMs backoff_base_ms = 1'000;
  core::TimeMs backoff_cap_ms = 300'000;
  std::size_t batch_events = 1000;  // kPushBatchEvents in wire/wire.hpp
  int pull_limit = 1000;
  std::function<void()> on_change;  // from the worker's thread: new data or a new status
  std::function<void(const std::string&)> log;
};

// Exponential backoff with full jitter: random(0, min(cap, base * 2^failures)); random01 in [0, 1).
core::TimeMs backoff_delay(int failures, core::TimeMs base, core::TimeMs cap, double random01);
// The longest a server's Retry-After is honoured: one answer (a misconfigured proxy's 3600, an
// attacker's 86400) must not silence a kiosk's check-ins for an hour.
constexpr int kMaxRetryAfterS = 300;
// Retry-After seconds (at most kMaxRetryAfterS) plus up to 20 % jitter (kiosks back after an
// outage stay spread out).
core::TimeMs retry_after_delay(int seconds, double random01);

// The outcome of one push-then-pull cycle.
struct CycleResult {
  bool ok = false;
  bool data_changed = false;  // something was pulled: the UI should reload
  int pushed = 0, pulled_events = 0;
  int retry_after_s = -1;
  std::string error;
};

class Worker {
 public:
  // Opens its own connection to the database (after the Store has migrated it); throws
  // storage::StorageError when it cannot.
  explicit Worker(WorkerOptions options);
  ~Worker();  // stops and joins the thread
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Set before start(): called from the worker's thread after each cycle.
  void set_on_change(std::function<void()> fn);
  void start();
  void stop();
  // A participant's event was written: push soon, also while backing off (a new fact re-arms
  // the push; a failing push keeps counting failures, so the backoff after it still grows).
  void notify_local_write();
  // Try now, whatever the timers say.
  void sync_now();
  Status status() const;
  // True once after a cycle pulled new data (the UI then reloads its read models).
  bool take_data_changed();

  // One cycle on the calling thread (tests, --sync-once). Not while the thread runs.
  CycleResult run_once();

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

}  // namespace meedoen::sync
