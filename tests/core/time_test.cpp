// Local calendar conversions in Europe/Amsterdam.
#include <catch2/catch.hpp>

#include "core/time.hpp"
#include "support/fake_clock.hpp"

using namespace meedoen;
using meedoen::test::kMonday0942;
using meedoen::test::kSummerNoon;

TEST_CASE("to_local: converts UTC instants to the Amsterdam calendar", "[core]") {
  test::use_amsterdam_time();

  SECTION("winter time is UTC+1") {
    const core::LocalTime lt = core::to_local(kMonday0942);
    CHECK(lt.year == 2026);
    CHECK(lt.month == 11);
    CHECK(lt.day == 23);
    CHECK(lt.weekday == 0);  // Monday
    CHECK(lt.minute_of_day == 9 * 60 + 42);
    CHECK(lt.second == 0);
    CHECK(core::to_local(kMonday0942 + 59'999).second == 59);
  }
  SECTION("summer time is UTC+2") {
    const core::LocalTime lt = core::to_local(kSummerNoon);
    CHECK(lt.year == 2026);
    CHECK(lt.month == 7);
    CHECK(lt.day == 1);
    CHECK(lt.weekday == 2);  // Wednesday
    CHECK(lt.minute_of_day == 12 * 60);
  }
  SECTION("the clocks go forward on 2026-03-29 at 01:00 UTC") {
    const core::TimeMs one_utc = test::local_ms(2026, 3, 29, 3, 0);
    CHECK(core::to_local(one_utc - 1000).minute_of_day == 1 * 60 + 59);
    CHECK(core::to_local(one_utc).minute_of_day == 3 * 60);
    CHECK(core::to_local(one_utc).day == 29);
  }
  SECTION("local midnight, not UTC midnight, starts the day") {
    const core::TimeMs midnight = test::local_ms(2026, 11, 23, 0, 0);
    CHECK(midnight == 1'795'388'400'000);
    const core::LocalTime before = core::to_local(midnight - 1);
    CHECK(before.day == 22);
    CHECK(before.weekday == 6);  // Sunday
    CHECK(before.minute_of_day == 1439);
    CHECK(before.second == 59);
    const core::LocalTime at = core::to_local(midnight);
    CHECK(at.day == 23);
    CHECK(at.minute_of_day == 0);
  }
  SECTION("instants before 1970 round towards the past") {
    const core::LocalTime lt = core::to_local(-1);  // 1969-12-31 23:59:59.999 UTC
    CHECK(lt.year == 1970);
    CHECK(lt.day == 1);
    CHECK(lt.minute_of_day == 59);
    CHECK(lt.second == 59);
  }
  SECTION("local_ms and to_local agree") {
    CHECK(test::local_ms(2026, 11, 23, 9, 42) == kMonday0942);
    CHECK(test::local_ms(2026, 7, 1, 12, 0) == kSummerNoon);
  }
}

TEST_CASE("format_hhmm and format_date_iso: zero-padded text", "[core]") {
  CHECK(core::format_hhmm(0) == "00:00");
  CHECK(core::format_hhmm(9 * 60 + 5) == "09:05");
  CHECK(core::format_hhmm(582) == "09:42");
  CHECK(core::format_hhmm(1439) == "23:59");

  core::LocalTime lt;
  lt.year = 2026;
  lt.month = 3;
  lt.day = 7;
  CHECK(core::format_date_iso(lt) == "2026-03-07");
  test::use_amsterdam_time();
  CHECK(core::format_date_iso(core::to_local(kMonday0942)) == "2026-11-23");
}

TEST_CASE("parse_hhmm: accepts HH:MM and rejects malformed text", "[core]") {
  CHECK(core::parse_hhmm("09:42") == 582);
  CHECK(core::parse_hhmm("00:00") == 0);
  CHECK(core::parse_hhmm("23:59") == 1439);
  CHECK(core::parse_hhmm("12:30") == 750);

  for (const char* bad : {"9:3", "9:30", "09:3", "24:00", "12:60", "ab:cd", "", "09-42", "09:420", " 9:30", "0942",
                          "09:4a", "-1:00", "99:99"}) {
    INFO("input \"" << bad << "\"");
    CHECK(core::parse_hhmm(bad) == -1);
  }

  SECTION("every minute of the day round-trips through format_hhmm") {
    int mismatches = 0;
    for (int m = 0; m < 24 * 60; ++m) mismatches += core::parse_hhmm(core::format_hhmm(m)) == m ? 0 : 1;
    CHECK(mismatches == 0);
  }
}

TEST_CASE("next_minute: the start of the following minute", "[core]") {
  CHECK(core::next_minute(kMonday0942) == kMonday0942 + 60'000);
  CHECK(core::next_minute(kMonday0942 + 1) == kMonday0942 + 60'000);
  CHECK(core::next_minute(kMonday0942 + 59'999) == kMonday0942 + 60'000);
  CHECK(core::next_minute(0) == 60'000);
}
