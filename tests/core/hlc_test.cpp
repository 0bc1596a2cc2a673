// Hybrid logical clock stamps.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/hlc.hpp"

using namespace meedoen;
using core::Hlc;

TEST_CASE("hlc_next: never goes backwards, even when the clock does", "[core]") {
  const core::TimeMs t = 1'795'423'320'000;

  SECTION("a clock that moved forward restarts the counter") {
    CHECK(core::hlc_next(Hlc{t, 7}, t + 1) == Hlc{t + 1, 0});
    CHECK(core::hlc_next(Hlc{}, t) == Hlc{t, 0});
  }
  SECTION("the same millisecond increments the counter") {
    CHECK(core::hlc_next(Hlc{t, 0}, t) == Hlc{t, 1});
    CHECK(core::hlc_next(Hlc{t, 1}, t) == Hlc{t, 2});
  }
  SECTION("a clock that went backwards keeps the wall time and counts on") {
    const Hlc last{t, 3};
    const Hlc next = core::hlc_next(last, t - 60'000);
    CHECK(next == Hlc{t, 4});
    CHECK(next > last);
  }
  SECTION("a jumpy clock still gives strictly increasing stamps") {
    // Steps back stay within the drift bound (kMaxClockDrift): a larger one resets (below).
    const std::vector<core::TimeMs> clock{t, t + 5, t + 5, t - 1000, t - 999, t + 4, t + 6, t - 100'000, t + 6, t + 7};
    Hlc last;
    int not_increasing = 0;
    for (core::TimeMs now : clock) {
      const Hlc next = core::hlc_next(last, now);
      if (!(next > last)) ++not_increasing;
      CHECK(next.wall >= now);
      last = next;
    }
    CHECK(not_increasing == 0);
    CHECK(last == Hlc{t + 7, 0});
  }
}

TEST_CASE("hlc: a stamp far ahead of the wall clock is never built on", "[core]") {
  const core::TimeMs t = 1'795'423'320'000;      // 2026-11-23
  const core::TimeMs y2099 = 4'084'000'000'000;  // a kiosk once set to 2099
  SECTION("a local clock that was far ahead: the next stamp is the wall clock's, then counts on") {
    const Hlc next = core::hlc_next(Hlc{y2099, 5}, t);
    CHECK(next == Hlc{t, 0});
    CHECK(core::hlc_next(next, t) == Hlc{t, 1});
  }
  SECTION("the bound itself still counts on: a small step back keeps the order") {
    CHECK(core::hlc_next(Hlc{t + core::kMaxClockDrift, 2}, t) == Hlc{t + core::kMaxClockDrift, 3});
    CHECK(core::hlc_next(Hlc{t + core::kMaxClockDrift + 1, 2}, t) == Hlc{t, 0});
  }
  SECTION("the receive rule adopts a newer stamp within the bound, never one far ahead") {
    CHECK(core::hlc_receive(Hlc{t, 0}, Hlc{t + 60'000, 1}, t) == Hlc{t + 60'000, 1});
    CHECK(core::hlc_receive(Hlc{t, 0}, Hlc{y2099, 0}, t) == Hlc{t, 0});
    CHECK(core::hlc_receive(Hlc{t, 4}, Hlc{t - 1, 0}, t) == Hlc{t, 4});
  }
}

TEST_CASE("hlc_to_string / hlc_parse: fixed-width text, round trip and sort order", "[core]") {
  SECTION("the documented format") {
    CHECK(core::hlc_to_string(Hlc{1'763'890'000'000, 0}) == "0001763890000000.0000000000");
    CHECK(core::hlc_to_string(Hlc{1, 42}) == "0000000000000001.0000000042");
    CHECK(core::hlc_to_string(Hlc{1'795'423'320'000, 99'999}).size() == 27);
  }
  SECTION("round trip") {
    for (const Hlc h : {Hlc{0, 0}, Hlc{1, 1}, Hlc{1'795'423'320'000, 0}, Hlc{1'795'423'320'000, 12'345},
                        Hlc{9'999'999'999'999'999, 99'999}}) {
      Hlc back{123, 456};
      INFO(core::hlc_to_string(h));
      REQUIRE(core::hlc_parse(core::hlc_to_string(h), back));
      CHECK(back == h);
    }
  }
  SECTION("text sorts like the stamps") {
    std::vector<Hlc> stamps{{1'795'423'320'000, 2}, {999, 0},  {1'795'423'320'000, 10}, {1'795'423'320'001, 0},
                            {1'795'423'320'000, 9}, {1000, 5}, {1'795'423'320'000, 0},  {1000, 40}};
    std::vector<std::string> texts;
    for (const auto& h : stamps) texts.push_back(core::hlc_to_string(h));
    std::sort(stamps.begin(), stamps.end());
    std::sort(texts.begin(), texts.end());
    for (std::size_t i = 0; i < stamps.size(); ++i) CHECK(texts[i] == core::hlc_to_string(stamps[i]));
  }
  SECTION("malformed text is refused and leaves the output alone") {
    for (const char* bad :
         {"", "abc", "0001763890000000", "0001763890000000.", "000176389000000.00000", "0001763890000000x00000",
          "0001763890000000.00a00", "00017638900000001.00000", "0001763890000000.00000 "}) {
      Hlc out{7, 7};
      INFO("input \"" << bad << "\"");
      CHECK_FALSE(core::hlc_parse(bad, out));
      CHECK(out == Hlc{7, 7});
    }
  }
}

// hlc.hpp promises "fixed-width text that sorts like the stamp", but "%05u" widens past 99999.
TEST_CASE("hlc_to_string: stays fixed-width and sorted for counters above 99999", "[core]") {
  const Hlc a{1'795'423'320'000, 99'999};
  const Hlc b{1'795'423'320'000, 100'000};
  REQUIRE(a < b);
  CHECK(core::hlc_to_string(b).size() == core::hlc_to_string(a).size());
  CHECK(core::hlc_to_string(a) < core::hlc_to_string(b));
}
