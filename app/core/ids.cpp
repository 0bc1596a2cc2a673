// UUIDv7 formatting.
#include "core/ids.hpp"

namespace meedoen::core {

std::string make_uuid_v7(TimeMs t, const RandomBytes& r) {
  std::array<std::uint8_t, 16> b{};
  const auto ms = static_cast<std::uint64_t>(t < 0 ? 0 : t);
  for (int i = 0; i < 6; ++i) b[i] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
  b[6] = static_cast<std::uint8_t>(0x70 | (r[0] & 0x0f));
  b[7] = r[1];
  b[8] = static_cast<std::uint8_t>(0x80 | (r[2] & 0x3f));
  for (int i = 9; i < 16; ++i) b[i] = r[i - 6];
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(hex[b[i] >> 4]);
    out.push_back(hex[b[i] & 0xf]);
  }
  return out;
}

bool is_uuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace meedoen::core
