// What the libFuzzer targets share: the input as text, and a failed property as a crash that
// libFuzzer records (with the input that caused it) instead of a quiet return.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace meedoen::fuzz {

inline std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// A property every input must keep; the message names it in the crash report.
inline void require(bool holds, const char* property) {
  if (holds) return;
  std::fprintf(stderr, "fuzz property failed: %s\n", property);
  std::abort();
}

}  // namespace meedoen::fuzz
