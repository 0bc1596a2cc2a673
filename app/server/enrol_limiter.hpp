// Failed enrolments per client address: a token bucket (a few tries a minute, then 429 with
// Retry-After) and a log that stays small under a guessing attack (one line for the first
// failure of an address in an interval, then one summary line per interval). In memory: a
// restart forgets it, which costs a guesser nothing it could use (32^8 codes, 24 hours).
#pragma once
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/time.hpp"

namespace meedoen::server {

class EnrolLimiter {
 public:
  struct Limits {
    int burst = 5;                          // failed tries an address has before it is slowed down
    core::TimeMs refill_ms = 12'000;        // one more try every 12 s: 5 a minute
    core::TimeMs log_interval_ms = 60'000;  // at most one full and one summary line per address
    std::size_t max_addresses = 65'536;     // beyond: addresses idle longest are forgotten first
  };
  using Log = std::function<void(const std::string&)>;

  explicit EnrolLimiter(Log log) : EnrolLimiter(std::move(log), Limits{}) {}
  EnrolLimiter(Log log, Limits limits) : m_log(std::move(log)), m_limits(limits) {}

  // Seconds addr must wait before its next try (counted and logged as such), or 0: go ahead.
  int wait_s(const std::string& addr, core::TimeMs now);
  // A try from addr failed (why: for the log): it costs one token.
  void failed(const std::string& addr, const std::string& why, core::TimeMs now);

 private:
  struct Entry {
    double tokens = 0;
    core::TimeMs updated = 0;              // when tokens was last refilled
    core::TimeMs window_start = 0;         // the log interval this address is in
    std::int64_t failed = 0, limited = 0;  // in this interval, not yet logged
    bool told = false;                     // this interval's first failure was logged whole
  };
  Entry& entry(const std::string& addr, core::TimeMs now);
  // Writes addr's summary when its interval is over and it has something to tell.
  void roll_window(const std::string& addr, Entry& e, core::TimeMs now);
  void sweep(core::TimeMs now);

  Log m_log;
  Limits m_limits;
  std::mutex m_mu;
  std::unordered_map<std::string, Entry> m_addresses;
  core::TimeMs m_last_sweep = 0;
};

}  // namespace meedoen::server
