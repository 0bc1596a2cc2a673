// Calendar arithmetic on local ISO dates, and local wall-clock minutes to instants.
#include <catch2/catch.hpp>

#include <ctime>
#include <string>

#include "core/time.hpp"
#include "support/fake_clock.hpp"
#include "support/scoped_env.hpp"

using namespace meedoen;
using test::kMonday0942;
using test::kSummerNoon;

namespace {

constexpr core::TimeMs kHour = 3'600'000;

}  // namespace

TEST_CASE("parse_date_iso: reads YYYY-MM-DD and rejects anything else", "[core][calendar]") {
  int y = 0, m = 0, d = 0;
  REQUIRE(core::parse_date_iso("2026-11-23", y, m, d));
  CHECK(y == 2026);
  CHECK(m == 11);
  CHECK(d == 23);
  REQUIRE(core::parse_date_iso("2028-02-29", y, m, d));  // leap year
  CHECK(d == 29);
  CHECK(core::parse_date_iso("2000-02-29", y, m, d));  // divisible by 400: leap
  CHECK(core::parse_date_iso("2026-12-31", y, m, d));
  CHECK(core::parse_date_iso("2026-01-01", y, m, d));

  for (const char* bad : {"2026-02-30",  "2026-02-29",  "2100-02-29",
                          "1900-02-29",  "2026-04-31",  "2026-11-31",
                          "2026-13-01",  "2026-00-10",  "2026-11-00",
                          "2026-1-23",   "2026-11-3",   "26-11-23",
                          "2026/11/23",  "2026.11.23",  "20261123",
                          "2026-11-23 ", " 2026-11-23", "2026-11-23T09:42",
                          "2026-11-2x",  "+026-11-23",  "-026-11-23",
                          "2026-+1-23",  "2026-1 -23",  "",
                          "2026",        "yyyy-mm-dd",  "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x96-11-23"}) {
    INFO("input \"" << bad << "\"");
    CHECK_FALSE(core::parse_date_iso(bad, y, m, d));
    CHECK_FALSE(core::valid_date_iso(bad));
  }
  CHECK_FALSE(core::parse_date_iso(std::string("2026-11-2\0", 10), y, m, d));
}

TEST_CASE("add_days: across months, years and leap days", "[core][calendar]") {
  CHECK(core::add_days("2026-11-23", 0) == "2026-11-23");
  CHECK(core::add_days("2026-11-23", 1) == "2026-11-24");
  CHECK(core::add_days("2026-11-23", 7) == "2026-11-30");
  CHECK(core::add_days("2026-11-30", 1) == "2026-12-01");
  CHECK(core::add_days("2026-01-31", 1) == "2026-02-01");
  CHECK(core::add_days("2026-12-31", 1) == "2027-01-01");
  CHECK(core::add_days("2027-01-01", -1) == "2026-12-31");
  CHECK(core::add_days("2026-03-01", -1) == "2026-02-28");  // not a leap year
  CHECK(core::add_days("2026-02-28", 1) == "2026-03-01");
  CHECK(core::add_days("2028-02-28", 1) == "2028-02-29");  // leap year
  CHECK(core::add_days("2028-02-29", 1) == "2028-03-01");
  CHECK(core::add_days("2028-03-01", -1) == "2028-02-29");
  CHECK(core::add_days("2100-02-28", 1) == "2100-03-01");  // century: not a leap year
  CHECK(core::add_days("2000-02-28", 1) == "2000-02-29");  // 400: leap year
  CHECK(core::add_days("2026-11-23", 365) == "2027-11-23");
  CHECK(core::add_days("2027-11-23", 366) == "2028-11-23");  // through 2028-02-29
  CHECK(core::add_days("2026-11-23", -365) == "2025-11-23");
  CHECK(core::add_days("2026-11-23", 10'000) == "2054-04-10");
  CHECK(core::add_days("1970-01-01", -1) == "1969-12-31");

  SECTION("malformed input gives an empty string") {
    CHECK(core::add_days("2026-02-30", 1).empty());
    CHECK(core::add_days("", 1).empty());
    CHECK(core::add_days("23-11-2026", 1).empty());
  }
  SECTION("stepping one day at a time over four years visits every date once, in order") {
    std::string d = "2026-01-01";
    int steps = 0, out_of_order = 0, invalid = 0;
    while (d != "2030-01-01" && steps < 2000) {
      const std::string next = core::add_days(d, 1);
      if (!(next > d)) ++out_of_order;
      if (!core::valid_date_iso(next)) ++invalid;
      if (core::add_days(next, -1) != d) ++out_of_order;
      d = next;
      ++steps;
    }
    CHECK(steps == 365 * 4 + 1);  // 2028 has a leap day
    CHECK(out_of_order == 0);
    CHECK(invalid == 0);
  }
}

TEST_CASE("weekday_of: 0 = Monday ... 6 = Sunday", "[core][calendar]") {
  CHECK(core::weekday_of("2026-11-23") == 0);  // Monday
  CHECK(core::weekday_of("2026-11-24") == 1);
  CHECK(core::weekday_of("2026-11-28") == 5);  // Saturday
  CHECK(core::weekday_of("2026-11-29") == 6);  // Sunday
  CHECK(core::weekday_of("2026-11-30") == 0);
  CHECK(core::weekday_of("1970-01-01") == 3);  // Thursday, day 0 of the epoch
  CHECK(core::weekday_of("1969-12-31") == 2);  // Wednesday, before the epoch
  CHECK(core::weekday_of("2000-01-01") == 5);  // Saturday
  CHECK(core::weekday_of("2028-02-29") == 1);  // Tuesday
  CHECK(core::weekday_of("2026-07-01") == 2);  // Wednesday (kSummerNoon)
  CHECK(core::weekday_of("2026-02-30") == -1);
  CHECK(core::weekday_of("") == -1);

  SECTION("agrees with the C library's calendar for every day of two years") {
    test::use_amsterdam_time();
    int mismatches = 0;
    std::string d = "2026-01-01";
    for (int i = 0; i < 730; ++i, d = core::add_days(d, 1)) {
      const core::LocalTime lt = core::to_local(core::from_local(d, 12 * 60));
      if (lt.weekday != core::weekday_of(d) || core::format_date_iso(lt) != d) ++mismatches;
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("days_between: to - from in whole days", "[core][calendar]") {
  CHECK(core::days_between("2026-11-23", "2026-11-23") == 0);
  CHECK(core::days_between("2026-11-23", "2026-11-24") == 1);
  CHECK(core::days_between("2026-11-24", "2026-11-23") == -1);
  CHECK(core::days_between("2026-11-23", "2026-12-07") == 14);
  CHECK(core::days_between("2026-02-28", "2026-03-01") == 1);
  CHECK(core::days_between("2028-02-28", "2028-03-01") == 2);
  CHECK(core::days_between("2026-01-01", "2027-01-01") == 365);
  CHECK(core::days_between("2028-01-01", "2029-01-01") == 366);
  CHECK(core::days_between("1969-12-31", "1970-01-01") == 1);
  // Local dates: a DST change day is still one day.
  CHECK(core::days_between("2026-03-28", "2026-03-30") == 2);
  CHECK(core::days_between("2026-10-24", "2026-10-26") == 2);

  SECTION("the inverse of add_days") {
    int mismatches = 0;
    for (int n : {-800, -366, -365, -31, -1, 0, 1, 2, 28, 29, 59, 365, 366, 1461, 10'000})
      mismatches += core::days_between("2026-11-23", core::add_days("2026-11-23", n)) == n ? 0 : 1;
    CHECK(mismatches == 0);
  }
  SECTION("malformed input gives 0") {
    CHECK(core::days_between("2026-02-30", "2026-11-23") == 0);
    CHECK(core::days_between("2026-11-23", "") == 0);
  }
}

TEST_CASE("from_local: a local minute on a local date in Europe/Amsterdam", "[core][calendar]") {
  test::use_amsterdam_time();

  CHECK(core::from_local("2026-11-23", 9 * 60 + 42) == kMonday0942);  // CET, UTC+1
  CHECK(core::from_local("2026-11-23", 14 * 60) == test::kMonday1400);
  CHECK(core::from_local("2026-07-01", 12 * 60) == kSummerNoon);  // CEST, UTC+2
  CHECK(core::from_local("2026-11-23", 0) == 1'795'388'400'000);  // local midnight
  CHECK(core::from_local("2026-11-23", 12 * 60 + 30) - core::from_local("2026-11-23", 9 * 60) == 210 * 60'000);

  SECTION("the day the clocks go forward (2026-03-29, 02:00 -> 03:00) has 23 hours") {
    const core::TimeMs midnight = core::from_local("2026-03-29", 0);
    CHECK(midnight == 1'774'738'800'000);  // 2026-03-28 23:00 UTC
    CHECK(core::from_local("2026-03-29", 1 * 60 + 59) == midnight + kHour + 59 * 60'000);
    CHECK(core::from_local("2026-03-29", 3 * 60) == midnight + 2 * kHour);  // 01:00 UTC
    CHECK(core::from_local("2026-03-29", 12 * 60 + 30) == midnight + 11 * kHour + 30 * 60'000);
    CHECK(core::from_local("2026-03-30", 0) - midnight == 23 * kHour);
    // The morning dagdeel of that day still ends at 12:30 on the wall clock.
    CHECK(core::to_local(core::from_local("2026-03-29", 12 * 60 + 30)).minute_of_day == 12 * 60 + 30);
  }
  SECTION("the day the clocks go back (2026-10-25, 03:00 -> 02:00) has 25 hours") {
    const core::TimeMs midnight = core::from_local("2026-10-25", 0);
    CHECK(midnight == 1'792'879'200'000);                                    // 2026-10-24 22:00 UTC
    CHECK(core::from_local("2026-10-25", 9 * 60) == midnight + 10 * kHour);  // 08:00 UTC
    CHECK(core::from_local("2026-10-25", 21 * 60 + 30) == midnight + 22 * kHour + 30 * 60'000);
    CHECK(core::from_local("2026-10-26", 0) - midnight == 25 * kHour);
  }
  SECTION("every minute outside the skipped hour round-trips through to_local") {
    int mismatches = 0;
    for (const char* day : {"2026-03-29", "2026-10-25", "2026-11-23", "2026-07-01", "2028-02-29"}) {
      for (int m = 0; m < 24 * 60; ++m) {
        if (std::string(day) == "2026-03-29" && m >= 2 * 60 && m < 3 * 60) continue;  // does not exist
        const core::LocalTime lt = core::to_local(core::from_local(day, m));
        if (lt.minute_of_day != m || core::format_date_iso(lt) != day || lt.second != 0) ++mismatches;
      }
    }
    CHECK(mismatches == 0);
  }
  SECTION("a minute in the skipped hour still lands on that morning") {
    const core::LocalTime lt = core::to_local(core::from_local("2026-03-29", 2 * 60 + 30));
    CHECK(core::format_date_iso(lt) == "2026-03-29");
    CHECK(lt.minute_of_day >= 1 * 60);
    CHECK(lt.minute_of_day < 4 * 60);
  }
  SECTION("a malformed date gives 0") {
    CHECK(core::from_local("2026-02-30", 9 * 60) == 0);
    CHECK(core::from_local("", 9 * 60) == 0);
  }
}

TEST_CASE("from_local: follows the process time zone", "[core][calendar]") {
  {
    test::ScopedEnv tz("TZ", std::string("UTC"));
    ::tzset();
    CHECK(core::from_local("1970-01-02", 0) == 86'400'000);
    CHECK(core::from_local("2026-11-23", 8 * 60 + 42) == kMonday0942);
  }
  {
    test::ScopedEnv tz("TZ", std::string("America/New_York"));
    ::tzset();
    CHECK(core::from_local("2026-11-23", 3 * 60 + 42) == kMonday0942);  // EST, UTC-5
  }
  test::use_amsterdam_time();  // leave the zone the other tests expect
  CHECK(core::from_local("2026-11-23", 9 * 60 + 42) == kMonday0942);
}
