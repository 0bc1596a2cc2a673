// Hybrid logical clock (physical ms + counter). Stamps order events across kiosks even when
// wall clocks disagree a little; a stamp never goes backwards on one device, even when its
// clock does.
#pragma once
#include <cstdint>
#include <string>

#include "core/time.hpp"

namespace meedoen::core {

struct Hlc {
  TimeMs wall = 0;
  std::uint32_t counter = 0;
  auto operator<=>(const Hlc&) const = default;
};

// The stamp for a local event at physical time now, given the last stamp issued.
Hlc hlc_next(const Hlc& last, TimeMs now);
// Fixed-width text that sorts like the stamp: "0001763890000000.0000000000" (the counter is 32 bits).
std::string hlc_to_string(const Hlc& h);
bool hlc_parse(const std::string& s, Hlc& out);

}  // namespace meedoen::core
