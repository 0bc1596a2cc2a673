// Token buckets of failed enrolments per address, and their bounded log (enrol_limiter.hpp).
#include "server/enrol_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

namespace meedoen::server {

EnrolLimiter::Entry& EnrolLimiter::entry(const std::string& addr, core::TimeMs now) {
  sweep(now);
  auto [it, fresh] = m_addresses.try_emplace(addr);
  Entry& e = it->second;
  if (fresh) {
    e.tokens = m_limits.burst;
    e.updated = now;
    e.window_start = now;
  }
  const double refill =
      static_cast<double>(std::max<core::TimeMs>(0, now - e.updated)) / static_cast<double>(m_limits.refill_ms);
  e.tokens = std::min<double>(m_limits.burst, e.tokens + refill);
  e.updated = now;
  return e;
}

void EnrolLimiter::roll_window(const std::string& addr, Entry& e, core::TimeMs now) {
  if (now - e.window_start < m_limits.log_interval_ms) return;
  if (e.failed > 0 || e.limited > 0)
    m_log("enrolment from " + addr + ": " + std::to_string(e.failed) + " more failed and " + std::to_string(e.limited) +
          " refused with 429 in the last " + std::to_string((now - e.window_start) / 1000) + " s");
  e.failed = e.limited = 0;
  e.told = false;
  e.window_start = now;
}

// Once an interval: summaries of addresses that went quiet, and forgetting those that are idle
// with a full bucket (or, past max_addresses, those idle longest).
void EnrolLimiter::sweep(core::TimeMs now) {
  if (now - m_last_sweep < m_limits.log_interval_ms && m_addresses.size() < m_limits.max_addresses) return;
  m_last_sweep = now;
  const core::TimeMs full_after = m_limits.refill_ms * m_limits.burst;
  for (auto it = m_addresses.begin(); it != m_addresses.end();) {
    roll_window(it->first, it->second, now);
    const bool idle =
        !it->second.told && it->second.failed == 0 && it->second.limited == 0 && now - it->second.updated >= full_after;
    it = idle ? m_addresses.erase(it) : std::next(it);
  }
  if (m_addresses.size() < m_limits.max_addresses) return;
  std::vector<std::pair<core::TimeMs, std::string>> by_age;
  for (const auto& [addr, e] : m_addresses) by_age.emplace_back(e.updated, addr);
  std::sort(by_age.begin(), by_age.end());
  for (std::size_t i = 0; i < by_age.size() / 2; ++i) m_addresses.erase(by_age[i].second);
  m_log("enrolment limiter: more than " + std::to_string(m_limits.max_addresses) +
        " addresses failing at once; forgot the half idle longest");
}

int EnrolLimiter::wait_s(const std::string& addr, core::TimeMs now) {
  std::lock_guard lock(m_mu);
  Entry& e = entry(addr, now);
  if (e.tokens >= 1) return 0;
  roll_window(addr, e, now);
  ++e.limited;
  const double ms = (1 - e.tokens) * static_cast<double>(m_limits.refill_ms);
  return std::max(1, static_cast<int>(std::ceil(ms / 1000)));
}

void EnrolLimiter::failed(const std::string& addr, const std::string& why, core::TimeMs now) {
  std::lock_guard lock(m_mu);
  Entry& e = entry(addr, now);
  e.tokens = std::max(0.0, e.tokens - 1);
  roll_window(addr, e, now);
  // The first failure of an interval is logged whole; the rest are counted into its summary.
  if (!e.told) m_log("enrolment refused (" + addr + "): " + why);
  else ++e.failed;
  e.told = true;
}

}  // namespace meedoen::server
