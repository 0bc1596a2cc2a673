// Hybrid logical clock.
#include "core/hlc.hpp"

#include <cstdio>
#include <cstdlib>

namespace meedoen::core {

bool hlc_trusted(const Hlc& h, TimeMs now) { return h.wall <= now + kMaxClockDrift; }

bool clock_far_ahead(TimeMs wall, const Hlc& stamp, TimeMs now) {
  return wall > now + kMaxClockDrift || !hlc_trusted(stamp, now);
}

Hlc hlc_next(const Hlc& last, TimeMs now) {
  if (now > last.wall || !hlc_trusted(last, now)) return Hlc{now, 0};
  return Hlc{last.wall, last.counter + 1};
}

Hlc hlc_after(const Hlc& stamp, const Hlc& seen) { return seen < stamp ? stamp : Hlc{seen.wall, seen.counter + 1}; }

Hlc hlc_receive(const Hlc& local, const Hlc& remote, TimeMs now) {
  return hlc_trusted(remote, now) && local < remote ? remote : local;
}

std::string hlc_to_string(const Hlc& h) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016lld.%010u", static_cast<long long>(h.wall), h.counter);
  return buf;
}

bool hlc_parse(const std::string& s, Hlc& out) {
  if (s.size() != 27 || s[16] != '.') return false;
  char* end = nullptr;
  const long long wall = std::strtoll(s.c_str(), &end, 10);
  if (end != s.c_str() + 16) return false;
  const unsigned long counter = std::strtoul(s.c_str() + 17, &end, 10);
  if (*end != '\0') return false;
  out = Hlc{wall, static_cast<std::uint32_t>(counter)};
  return true;
}

}  // namespace meedoen::core
