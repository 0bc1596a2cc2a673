// Hybrid logical clock (physical ms + counter). Stamps order events across kiosks even when
// wall clocks disagree a little; a stamp never goes backwards on one device while its clock
// steps back by less than kMaxClockDrift. The whole rule is here (docs/events.md "Clocks").
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

// How far a stamp may run ahead of this device's wall clock and still be built on. A stamp
// further ahead came from a clock that was wrong (a kiosk once set to 2099): building on it
// would make every later event of this kiosk win over older facts of other kiosks for good.
// The server flags events this far ahead of its own clock (`clock_ahead`).
constexpr TimeMs kMaxClockDrift = 2 * 60 * 1000;

// Whether stamp h is close enough to the wall clock now to be a base for the next stamp.
bool hlc_trusted(const Hlc& h, TimeMs now);
// An event another device stamped (wall time and HLC stamp) from a clock far off: either more
// than kMaxClockDrift ahead of now. Kept and folded like any other, and flagged for the coach.
bool clock_far_ahead(TimeMs wall, const Hlc& stamp, TimeMs now);
// The stamp for a local event at physical time now, given the last stamp issued (or adopted):
// after it, unless that base is untrusted, then the wall clock's (the clock was reset).
Hlc hlc_next(const Hlc& last, TimeMs now);
// A local event folds after every event of its subject this device has seen (it was decided on
// them), however far ahead their stamps are: stamp, or just after seen when stamp is not after it.
Hlc hlc_after(const Hlc& stamp, const Hlc& seen);
// The receive rule: the base after seeing another device's stamp remote at wall time now.
// A remote stamp far ahead is kept with its event but never adopted.
Hlc hlc_receive(const Hlc& local, const Hlc& remote, TimeMs now);
// Fixed-width text that sorts like the stamp: "0001763890000000.0000000000" (the counter is 32 bits).
std::string hlc_to_string(const Hlc& h);
bool hlc_parse(const std::string& s, Hlc& out);

}  // namespace meedoen::core
