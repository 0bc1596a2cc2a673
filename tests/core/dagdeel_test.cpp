// Dagdelen: keys and which one a check-in belongs to.
#include <catch2/catch.hpp>

#include "core/model.hpp"
#include "core/time.hpp"

using namespace meedoen;
using core::Dagdeel;

TEST_CASE("dagdeel_at: running, else next, else last dagdeel of the day", "[core]") {
  const core::KioskConfig cfg;  // 09:00-12:30, 13:00-17:00, 18:00-21:30
  auto at = [&](const char* hhmm) { return core::dagdeel_at(cfg, core::parse_hhmm(hhmm)); };

  SECTION("before the first dagdeel: the morning is next") {
    CHECK(at("00:00") == Dagdeel::Morning);
    CHECK(at("07:15") == Dagdeel::Morning);
    CHECK(at("08:59") == Dagdeel::Morning);
  }
  SECTION("within a dagdeel: start inclusive, end exclusive") {
    CHECK(at("09:00") == Dagdeel::Morning);
    CHECK(at("12:29") == Dagdeel::Morning);
    CHECK(at("13:00") == Dagdeel::Afternoon);
    CHECK(at("16:59") == Dagdeel::Afternoon);
    CHECK(at("18:00") == Dagdeel::Evening);
    CHECK(at("21:29") == Dagdeel::Evening);
  }
  SECTION("between dagdelen: the next one") {
    CHECK(at("12:30") == Dagdeel::Afternoon);
    CHECK(at("12:45") == Dagdeel::Afternoon);
    CHECK(at("17:00") == Dagdeel::Evening);
    CHECK(at("17:59") == Dagdeel::Evening);
  }
  SECTION("after the last dagdeel: the last one") {
    CHECK(at("21:30") == Dagdeel::Evening);
    CHECK(at("23:59") == Dagdeel::Evening);
  }
  SECTION("a centre with its own times") {
    core::KioskConfig own;
    own.dagdelen = {{{8 * 60, 11 * 60}, {11 * 60, 15 * 60}, {19 * 60, 20 * 60}}};
    CHECK(core::dagdeel_at(own, 10 * 60 + 59) == Dagdeel::Morning);
    CHECK(core::dagdeel_at(own, 11 * 60) == Dagdeel::Afternoon);
    CHECK(core::dagdeel_at(own, 15 * 60) == Dagdeel::Evening);
    CHECK(core::dagdeel_at(own, 20 * 60) == Dagdeel::Evening);
  }
}

TEST_CASE("dagdeel_key / dagdeel_from_key: round trip, unknown keys refused", "[core]") {
  for (Dagdeel d : core::kDagdelen) {
    Dagdeel back = d == Dagdeel::Morning ? Dagdeel::Evening : Dagdeel::Morning;
    REQUIRE(core::dagdeel_from_key(core::dagdeel_key(d), back));
    CHECK(back == d);
  }
  CHECK(std::string(core::dagdeel_key(Dagdeel::Morning)) == "morning");
  CHECK(std::string(core::dagdeel_key(Dagdeel::Afternoon)) == "afternoon");
  CHECK(std::string(core::dagdeel_key(Dagdeel::Evening)) == "evening");

  Dagdeel out = Dagdeel::Afternoon;
  CHECK_FALSE(core::dagdeel_from_key("Morning", out));
  CHECK_FALSE(core::dagdeel_from_key("", out));
  CHECK_FALSE(core::dagdeel_from_key("night", out));
  CHECK(out == Dagdeel::Afternoon);
}
