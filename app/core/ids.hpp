// Globally unique, time-ordered event ids (UUIDv7, RFC 9562). Randomness is passed in.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "core/time.hpp"

namespace meedoen::core {

using RandomBytes = std::array<std::uint8_t, 10>;

// 48 bits of Unix milliseconds, version 7, variant 10, 74 random bits; canonical lower-case text.
std::string make_uuid_v7(TimeMs t, const RandomBytes& random);
bool is_uuid(const std::string& s);

}  // namespace meedoen::core
