// UUIDv7 event ids.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "core/ids.hpp"

using namespace meedoen;

namespace {
core::RandomBytes fill(std::uint8_t b) {
  core::RandomBytes r;
  r.fill(b);
  return r;
}
bool is_variant_10(char c) { return c == '8' || c == '9' || c == 'a' || c == 'b'; }
}  // namespace

TEST_CASE("make_uuid_v7: canonical text with version 7 and variant 10", "[core]") {
  const core::TimeMs t = 0x0123456789AB;

  SECTION("time prefix, version and variant with all-ones randomness") {
    const std::string id = core::make_uuid_v7(t, fill(0xFF));
    CHECK(id == "01234567-89ab-7fff-bfff-ffffffffffff");
    CHECK(core::is_uuid(id));
  }
  SECTION("time prefix, version and variant with all-zero randomness") {
    const std::string id = core::make_uuid_v7(t, fill(0x00));
    CHECK(id == "01234567-89ab-7000-8000-000000000000");
    CHECK(id[14] == '7');
    CHECK(is_variant_10(id[19]));
  }
  SECTION("the 74 random bits land where RFC 9562 puts them") {
    const core::RandomBytes r{0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x11, 0x22};
    CHECK(core::make_uuid_v7(t, r) == "01234567-89ab-7234-9678-9abcdef01122");
  }
  SECTION("version and variant nibbles hold for any randomness") {
    int bad = 0;
    for (int b = 0; b < 256; ++b) {
      core::RandomBytes r;
      for (std::size_t i = 0; i < r.size(); ++i) r[i] = static_cast<std::uint8_t>(b * 31 + static_cast<int>(i) * 17);
      const std::string id = core::make_uuid_v7(t + b, r);
      if (!core::is_uuid(id) || id[14] != '7' || !is_variant_10(id[19])) ++bad;
    }
    CHECK(bad == 0);
  }
  SECTION("a clock before 1970 gives a zero time prefix") {
    CHECK(core::make_uuid_v7(-5, fill(0)).substr(0, 13) == "00000000-0000");
  }
  SECTION("a real instant") {
    // 2026-11-23 08:42:00 UTC: the first 48 bits are the milliseconds in hex.
    const core::TimeMs now = 1'795'423'320'000;
    char hex[16];
    std::snprintf(hex, sizeof hex, "%012llx", static_cast<unsigned long long>(now));
    const std::string id = core::make_uuid_v7(now, fill(0));
    CHECK(id.substr(0, 8) + id.substr(9, 4) == hex);
  }
}

TEST_CASE("make_uuid_v7: ids sort by time as text", "[core]") {
  const std::vector<core::TimeMs> times{
      0, 1, 255, 256, 65'535, 65'536, 1'700'000'000'000, 1'795'423'320'000, 1'795'423'320'001, 1'795'423'321'000};
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < times.size(); ++i) {
    // Later ids get smaller random parts: the time prefix alone must decide the order.
    ids.push_back(core::make_uuid_v7(times[i], fill(static_cast<std::uint8_t>(255 - i * 20))));
  }
  for (std::size_t i = 1; i < ids.size(); ++i) {
    INFO(ids[i - 1] << " < " << ids[i]);
    CHECK(ids[i - 1] < ids[i]);
  }
}

TEST_CASE("is_uuid: accepts canonical lower-case text only", "[core]") {
  CHECK(core::is_uuid("01234567-89ab-7234-9678-9abcdef01122"));
  CHECK(core::is_uuid("00000000-0000-0000-0000-000000000000"));
  CHECK_FALSE(core::is_uuid(""));
  CHECK_FALSE(core::is_uuid("01234567-89AB-7234-9678-9abcdef01122"));   // upper case
  CHECK_FALSE(core::is_uuid("0123456789ab-7234-9678-9abcdef01122"));    // missing dash
  CHECK_FALSE(core::is_uuid("01234567-89ab-7234-9678-9abcdef011223"));  // too long
  CHECK_FALSE(core::is_uuid("01234567-89ab-7234-9678-9abcdef0112"));    // too short
  CHECK_FALSE(core::is_uuid("01234567-89ab-7234-9678-9abcdef0112g"));   // not hex
  CHECK_FALSE(core::is_uuid("01234567_89ab-7234-9678-9abcdef01122"));   // wrong separator
  CHECK_FALSE(core::is_uuid("{1234567-89ab-7234-9678-9abcdef0112}"));
}
