// The journal folds (docs/events.md, "Fold rules"): attendance, sign-ups, absences and volunteer
// hours derived from events in fold order, plus the subjects and the validation of bodies.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/hlc.hpp"
#include "core/journal.hpp"

using namespace meedoen;
using namespace meedoen::core;

namespace {

constexpr const char* kToday = "2026-11-23";
constexpr const char* kTomorrow = "2026-11-24";
// Monday 2026-11-23 09:42:00 CET; the folds never look at the time zone.
constexpr TimeMs kT0 = 1'795'423'320'000;
constexpr TimeMs kMin = 60'000;

// Builds events with explicit fold keys: hlc = (wall, counter), and the device and id given.
struct Ev {
  static Event make(const std::string& id, const std::string& device, TimeMs wall, std::uint32_t counter,
                    const std::string& pid, EventBody body) {
    Event e;
    e.id = id;
    e.device_id = device;
    e.wall = wall;
    e.hlc = hlc_to_string(Hlc{wall, counter});
    e.participant_id = pid;
    e.type = event_type(body);
    e.body = std::move(body);
    return e;
  }
};

Event at(const std::string& id, TimeMs wall, const std::string& pid, EventBody body,
         const std::string& device = "kiosk-a", std::uint32_t counter = 0) {
  return Ev::make(id, device, wall, counter, pid, std::move(body));
}

std::vector<Event> sorted(std::vector<Event> v) {
  std::sort(v.begin(), v.end(), fold_before);
  return v;
}

// A readable, complete text of derived rows, so two fold results compare as a whole.
std::string describe(const std::vector<Attendance>& rows) {
  std::ostringstream s;
  for (const auto& a : rows)
    s << a.participant_id << ' ' << a.date << ' ' << dagdeel_key(a.dagdeel) << ' ' << a.check_in << ' ' << a.check_out
      << ' ' << a.check_in_event << ' ' << a.auto_closed << a.answered << ' ' << a.proposed_end << '\n';
  return s.str();
}
std::string describe(const std::vector<SignUp>& rows) {
  std::ostringstream s;
  for (const auto& r : rows)
    s << r.activity_id << ' ' << r.date << ' ' << r.participant_id << ' ' << r.at << ' ' << r.placed << ' '
      << r.waiting_position << ' ' << r.from_waiting_list << '\n';
  return s.str();
}

const SignUp* signup_of(const std::vector<SignUp>& rows, const std::string& pid) {
  for (const auto& r : rows)
    if (r.participant_id == pid) return &r;
  return nullptr;
}

}  // namespace

// [SECTION] Types and fold order

TEST_CASE("event_type: the wire names of docs/events.md", "[core][journal]") {
  CHECK(std::string(event_type(ev::CheckIn{})) == "check_in");
  CHECK(std::string(event_type(ev::CheckOut{})) == "check_out");
  CHECK(std::string(event_type(ev::AutoCheckOut{})) == "auto_check_out");
  CHECK(std::string(event_type(ev::CheckoutConfirmed{})) == "checkout_confirmed");
  CHECK(std::string(event_type(ev::CorrectionRequested{})) == "correction_requested");
  CHECK(std::string(event_type(ev::SignedUp{})) == "signed_up");
  CHECK(std::string(event_type(ev::SignUpCancelled{})) == "sign_up_cancelled");
  CHECK(std::string(event_type(ev::AbsenceReported{})) == "absence_reported");
  CHECK(std::string(event_type(ev::AbsenceWithdrawn{})) == "absence_withdrawn");
  CHECK(std::string(event_type(ev::HoursLogged{})) == "hours_logged");
  CHECK(std::string(event_type(ev::HoursDecided{})) == "hours_decided");
  CHECK(std::string(event_type(ev::Other{})).empty());
}

TEST_CASE("fold_before: (hlc, device_id, id), a strict total order", "[core][journal]") {
  const Event a = at("id-2", kT0, "p", ev::Other{}, "kiosk-a");
  const Event b = at("id-1", kT0, "p", ev::Other{}, "kiosk-b");      // same hlc, later device
  const Event c = at("id-0", kT0, "p", ev::Other{}, "kiosk-b", 1);   // later counter
  const Event d = at("id-3", kT0 + 1, "p", ev::Other{}, "kiosk-a");  // later wall
  const Event a2 = at("id-3", kT0, "p", ev::Other{}, "kiosk-a");     // same hlc and device, later id

  CHECK(fold_before(a, b));  // the device breaks a tie of hlc, whatever the ids
  CHECK_FALSE(fold_before(b, a));
  CHECK(fold_before(b, c));
  CHECK(fold_before(c, d));
  CHECK(fold_before(a, a2));
  CHECK_FALSE(fold_before(a2, a));
  CHECK_FALSE(fold_before(a, a));  // irreflexive
  // The counter's fixed width keeps the text order right past 9.
  CHECK(fold_before(at("x", kT0, "p", ev::Other{}, "k", 9), at("y", kT0, "p", ev::Other{}, "k", 10)));
}

TEST_CASE("event_subject: the fold key of every type", "[core][journal]") {
  CHECK(event_subject("p-1", ev::CheckIn{kToday, Dagdeel::Morning, kT0}) == "attendance/p-1/2026-11-23");
  CHECK(event_subject("p-1", ev::CheckOut{kToday, kT0}) == "attendance/p-1/2026-11-23");
  CHECK(event_subject("p-1", ev::AutoCheckOut{kTomorrow, "e-1", kT0}) == "attendance/p-1/2026-11-24");
  CHECK(event_subject("p-1", ev::CheckoutConfirmed{kToday, "e-1"}) == "attendance/p-1/2026-11-23");
  CHECK(event_subject("p-1", ev::CorrectionRequested{kToday, "e-1", kT0}) == "attendance/p-1/2026-11-23");
  // Sign-ups are folded per activity occurrence, for all participants together.
  CHECK(event_subject("p-1", ev::SignedUp{"a-koken", kToday}) == "signups/a-koken/2026-11-23");
  CHECK(event_subject("p-2", ev::SignedUp{"a-koken", kToday}) == "signups/a-koken/2026-11-23");
  CHECK(event_subject("p-1", ev::SignUpCancelled{"a-koken", kToday}) == "signups/a-koken/2026-11-23");
  CHECK(event_subject("p-1", ev::AbsenceReported{kToday, Dagdeel::Evening, AbsenceReason::Sick, ""}) == "absences/p-1");
  CHECK(event_subject("p-1", ev::AbsenceWithdrawn{"e-9"}) == "absences/p-1");
  CHECK(event_subject("p-1", ev::HoursLogged{kToday, "Buurthuis", 60}) == "hours/p-1");
  CHECK(event_subject("p-1", ev::HoursDecided{"e-7", true, 60, "", "c-1"}) == "hours/p-1");
  CHECK(event_subject("p-1", ev::Other{}).empty());
}

// [SECTION] Attendance

TEST_CASE("fold_attendance: a check-in and a check-out are one attendance", "[core][journal]") {
  const auto rows = fold_attendance({
      at("in-1", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}),
      at("out-1", kT0 + 90 * kMin, "p-ayse", ev::CheckOut{kToday, kT0 + 90 * kMin}),
  });
  REQUIRE(rows.size() == 1);
  const Attendance& a = rows[0];
  CHECK(a.participant_id == "p-ayse");
  CHECK(a.date == kToday);
  CHECK(a.dagdeel == Dagdeel::Morning);
  CHECK(a.check_in == kT0);
  CHECK(a.check_out == kT0 + 90 * kMin);
  CHECK(a.check_in_event == "in-1");
  CHECK_FALSE(a.open());
  CHECK_FALSE(a.auto_closed);
  CHECK_FALSE(a.answered);
  CHECK(a.proposed_end == 0);

  SECTION("the times come from the payload, not from the event's wall clock") {
    const auto r = fold_attendance({at("in-1", kT0 + 5, "p", ev::CheckIn{kToday, Dagdeel::Afternoon, kT0}),
                                    at("out-1", kT0 + 9, "p", ev::CheckOut{kToday, kT0 + 7})});
    REQUIRE(r.size() == 1);
    CHECK(r[0].check_in == kT0);
    CHECK(r[0].check_out == kT0 + 7);
    CHECK(r[0].dagdeel == Dagdeel::Afternoon);
  }
}

TEST_CASE("fold_attendance: a check-in while one is open is a duplicate", "[core][journal]") {
  // The same person scanned their card on kiosk A and, a minute later, on kiosk B.
  const auto rows = fold_attendance(sorted({
      at("in-a", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}, "kiosk-a"),
      at("in-b", kT0 + kMin, "p-ayse", ev::CheckIn{kToday, Dagdeel::Afternoon, kT0 + kMin}, "kiosk-b"),
  }));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].check_in_event == "in-a");
  CHECK(rows[0].check_in == kT0);
  CHECK(rows[0].dagdeel == Dagdeel::Morning);
  CHECK(rows[0].open());

  SECTION("but an open check-in of another participant or another date is no duplicate") {
    const auto r = fold_attendance({
        at("in-1", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}),
        at("in-2", kT0 + 1, "p-jan", ev::CheckIn{kToday, Dagdeel::Morning, kT0 + 1}),
        at("in-3", kT0 + 2, "p-ayse", ev::CheckIn{kTomorrow, Dagdeel::Morning, kT0 + 2}),
    });
    CHECK(r.size() == 3);
  }
  SECTION("after a check-out, a check-in is a second visit the same day") {
    const auto r = fold_attendance({
        at("in-1", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}),
        at("out-1", kT0 + 60 * kMin, "p-ayse", ev::CheckOut{kToday, kT0 + 60 * kMin}),
        at("in-2", kT0 + 240 * kMin, "p-ayse", ev::CheckIn{kToday, Dagdeel::Afternoon, kT0 + 240 * kMin}),
        at("out-2", kT0 + 300 * kMin, "p-ayse", ev::CheckOut{kToday, kT0 + 300 * kMin}),
    });
    REQUIRE(r.size() == 2);
    CHECK(r[0].check_in_event == "in-1");
    CHECK(r[0].check_out == kT0 + 60 * kMin);
    CHECK(r[1].check_in_event == "in-2");
    CHECK(r[1].dagdeel == Dagdeel::Afternoon);
    CHECK(r[1].check_out == kT0 + 300 * kMin);
  }
}

TEST_CASE("fold_attendance: a check-out with nothing open changes nothing", "[core][journal]") {
  CHECK(fold_attendance({at("out-1", kT0, "p-ayse", ev::CheckOut{kToday, kT0})}).empty());

  // A check-out of another date, or of another participant, does not close this one.
  const auto rows = fold_attendance({
      at("in-1", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}),
      at("out-x", kT0 + 1, "p-ayse", ev::CheckOut{kTomorrow, kT0 + 1}),
      at("out-y", kT0 + 2, "p-jan", ev::CheckOut{kToday, kT0 + 2}),
  });
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].open());

  SECTION("a second check-out does not move the end") {
    const auto r = fold_attendance({
        at("in-1", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}),
        at("out-1", kT0 + 10 * kMin, "p-ayse", ev::CheckOut{kToday, kT0 + 10 * kMin}),
        at("out-2", kT0 + 20 * kMin, "p-ayse", ev::CheckOut{kToday, kT0 + 20 * kMin}),
    });
    REQUIRE(r.size() == 1);
    CHECK(r[0].check_out == kT0 + 10 * kMin);
  }
}

TEST_CASE("fold_attendance: a check-out stamped before its check-in still closes it", "[core][journal]") {
  // Kiosk B's clock is two minutes behind kiosk A's; the HLC still orders the check-out last.
  const auto rows = fold_attendance({
      at("in-a", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}, "kiosk-a"),
      at("out-b", kT0, "p-ayse", ev::CheckOut{kToday, kT0 - 2 * kMin}, "kiosk-b", 1),
  });
  REQUIRE(rows.size() == 1);
  CHECK_FALSE(rows[0].open());  // check_out 0 would mean "still here"
  CHECK(rows[0].check_out > rows[0].check_in);
}

TEST_CASE("fold_attendance: check-in on kiosk A and check-out on kiosk B are one attendance", "[core][journal]") {
  const std::vector<Event> events{
      at("in-a", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}, "kiosk-a"),
      at("out-b", kT0 + 120 * kMin, "p-ayse", ev::CheckOut{kToday, kT0 + 120 * kMin}, "kiosk-b"),
  };
  // A receives B's event after its own; B received A's check-in before the person checked out.
  std::vector<Event> on_a = events;
  std::vector<Event> on_b{events[1], events[0]};
  const auto rows_a = fold_attendance(sorted(on_a));
  const auto rows_b = fold_attendance(sorted(on_b));
  REQUIRE(rows_a.size() == 1);
  CHECK(rows_a[0].check_in_event == "in-a");
  CHECK(rows_a[0].check_in == kT0);
  CHECK(rows_a[0].check_out == kT0 + 120 * kMin);
  CHECK(describe(rows_a) == describe(rows_b));
}

TEST_CASE("fold_attendance: auto_check_out closes the attendance it names", "[core][journal]") {
  const TimeMs end = kT0 + 168 * kMin;  // 12:30
  std::vector<Event> events{
      at("in-ayse", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}),
      at("in-jan", kT0 + 1, "p-jan", ev::CheckIn{kToday, Dagdeel::Morning, kT0 + 1}),
      at("auto-ayse", end + 5 * kMin, "p-ayse", ev::AutoCheckOut{kToday, "in-ayse", end}),
  };
  auto rows = fold_attendance(events);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].participant_id == "p-ayse");
  CHECK(rows[0].check_out == end);  // the dagdeel's end, not the time the kiosk noticed
  CHECK(rows[0].auto_closed);
  CHECK(rows[1].participant_id == "p-jan");
  CHECK(rows[1].open());  // not named: untouched
  CHECK_FALSE(rows[1].auto_closed);

  SECTION("a later check-out changes nothing") {
    events.push_back(at("out-ayse", end + 30 * kMin, "p-ayse", ev::CheckOut{kToday, end + 30 * kMin}));
    rows = fold_attendance(events);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].check_out == end);
    CHECK(rows[0].auto_closed);
  }
  SECTION("an attendance closed by a check-out first stays a normal check-out") {
    // Kiosk B closed the attendance automatically before it heard of the check-out on kiosk A.
    events.insert(events.begin() + 2, at("out-ayse", kT0 + 60 * kMin, "p-ayse", ev::CheckOut{kToday, kT0 + 60 * kMin}));
    rows = fold_attendance(events);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].check_out == kT0 + 60 * kMin);
    CHECK_FALSE(rows[0].auto_closed);
  }
  SECTION("an auto_check_out naming a closed visit does not close the next one") {
    events = {
        at("in-1", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}),
        at("out-1", kT0 + 30 * kMin, "p-ayse", ev::CheckOut{kToday, kT0 + 30 * kMin}),
        at("in-2", kT0 + 60 * kMin, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0 + 60 * kMin}),
        at("auto-1", end, "p-ayse", ev::AutoCheckOut{kToday, "in-1", end}),
        at("auto-x", end + 1, "p-ayse", ev::AutoCheckOut{kToday, "no-such-event", end}),
    };
    rows = fold_attendance(events);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].check_out == kT0 + 30 * kMin);
    CHECK_FALSE(rows[0].auto_closed);
    CHECK(rows[1].open());
    CHECK_FALSE(rows[1].auto_closed);
  }
  SECTION("a check-in after the auto-close is a new visit") {
    events.push_back(
        at("in-again", end + 60 * kMin, "p-ayse", ev::CheckIn{kToday, Dagdeel::Afternoon, end + 60 * kMin}));
    rows = fold_attendance(events);
    REQUIRE(rows.size() == 3);
    CHECK(rows[2].check_in_event == "in-again");
    CHECK(rows[2].open());
  }
}

TEST_CASE("fold_attendance: the participant's answer about an automatic end", "[core][journal]") {
  const TimeMs end = kT0 + 168 * kMin;
  std::vector<Event> events{
      at("in-1", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}),
      at("auto-1", end, "p-ayse", ev::AutoCheckOut{kToday, "in-1", end}),
  };

  SECTION("confirmed: answered, no proposed end") {
    events.push_back(at("conf-1", end + kMin, "p-ayse", ev::CheckoutConfirmed{kToday, "in-1"}));
    const auto rows = fold_attendance(events);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].answered);
    CHECK(rows[0].proposed_end == 0);
    CHECK(rows[0].check_out == end);
    CHECK(rows[0].auto_closed);
  }
  SECTION("a correction is recorded as proposed and changes the end by itself not at all") {
    events.push_back(at("corr-1", end + kMin, "p-ayse", ev::CorrectionRequested{kToday, "in-1", kT0 + 60 * kMin}));
    const auto rows = fold_attendance(events);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].answered);
    CHECK(rows[0].proposed_end == kT0 + 60 * kMin);
    CHECK(rows[0].check_out == end);
    CHECK(rows[0].auto_closed);
  }
  SECTION("an answer naming another check-in leaves this one unanswered") {
    events.push_back(at("conf-x", end + kMin, "p-ayse", ev::CheckoutConfirmed{kToday, "in-other"}));
    events.push_back(at("corr-x", end + 2 * kMin, "p-ayse", ev::CorrectionRequested{kToday, "in-other", kT0}));
    const auto rows = fold_attendance(events);
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows[0].answered);
    CHECK(rows[0].proposed_end == 0);
  }
}

TEST_CASE("fold_attendance: the result does not depend on the order events arrived in", "[core][journal]") {
  // Two kiosks and a day of coming and going, including ties on the HLC that only the device
  // id (or the event id) breaks.
  const TimeMs end = kT0 + 168 * kMin;
  const std::vector<Event> events{
      at("a-01", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0}, "kiosk-a"),
      at("b-01", kT0, "p-ayse", ev::CheckIn{kToday, Dagdeel::Morning, kT0 + 3}, "kiosk-b"),  // same hlc
      at("a-02", kT0 + 1, "p-jan", ev::CheckIn{kToday, Dagdeel::Morning, kT0 + 1}, "kiosk-a"),
      at("b-02", kT0 + 5 * kMin, "p-jan", ev::CheckOut{kToday, kT0 + 5 * kMin}, "kiosk-b"),
      at("a-03", kT0 + 5 * kMin, "p-jan", ev::CheckIn{kToday, Dagdeel::Morning, kT0 + 5 * kMin}, "kiosk-a"),
      at("b-03", kT0 + 6 * kMin, "p-ayse", ev::CheckOut{kToday, kT0 + 6 * kMin}, "kiosk-b"),
      at("a-04", kT0 + 6 * kMin, "p-ayse", ev::CheckOut{kToday, kT0 + 7 * kMin}, "kiosk-a"),
      at("a-05", kT0 + 30 * kMin, "p-fatima", ev::CheckIn{kToday, Dagdeel::Morning, kT0 + 30 * kMin}, "kiosk-a"),
      at("b-05", end, "p-fatima", ev::AutoCheckOut{kToday, "a-05", end}, "kiosk-b"),
      at("a-06", end, "p-jan", ev::AutoCheckOut{kToday, "a-03", end}, "kiosk-a"),
      at("b-06", end + kMin, "p-fatima", ev::CorrectionRequested{kToday, "a-05", kT0 + 90 * kMin}, "kiosk-b"),
      at("a-07", end + 2 * kMin, "p-fatima", ev::CheckOut{kToday, end + 2 * kMin}, "kiosk-a"),
      at("a-08", end + 3 * kMin, "p-jan", ev::CheckoutConfirmed{kToday, "a-03"}, "kiosk-a"),
      at("b-08", end + 60 * kMin, "p-ayse", ev::CheckIn{kToday, Dagdeel::Afternoon, end + 60 * kMin}, "kiosk-b", 0),
      at("a-09", end + 60 * kMin, "p-ayse", ev::CheckIn{kToday, Dagdeel::Afternoon, end + 61 * kMin}, "kiosk-a", 0),
  };
  const std::string canonical = describe(fold_attendance(sorted(events)));

  // The expected outcome, worked out by hand from the fold rules.
  const auto rows = fold_attendance(sorted(events));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].check_in_event == "a-01");     // kiosk-a < kiosk-b on an hlc tie: b-01 is the duplicate
  CHECK(rows[0].check_out == kT0 + 7 * kMin);  // a-04 folds before b-03 on the tie
  CHECK(rows[1].check_in_event == "a-02");
  // a-03 folds before b-02 on the tie, so it is a duplicate of the open a-02, and b-02 closes a-02.
  CHECK(rows[1].check_out == kT0 + 5 * kMin);
  CHECK(rows[2].check_in_event == "a-05");
  CHECK(rows[2].check_out == end);  // a-07 came after the automatic end
  CHECK(rows[2].auto_closed);
  CHECK(rows[2].answered);
  CHECK(rows[2].proposed_end == kT0 + 90 * kMin);
  CHECK(rows[3].check_in_event == "a-09");  // kiosk-a wins the tie with kiosk-b's check-in
  CHECK(rows[3].check_in == end + 61 * kMin);
  CHECK(rows[3].open());

  std::mt19937 rng(20261123);
  for (int round = 0; round < 200; ++round) {
    std::vector<Event> shuffled = events;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    const std::string got = describe(fold_attendance(sorted(shuffled)));
    if (got != canonical) {
      INFO("round " << round);
      CHECK(got == canonical);
      break;
    }
  }
}

// [SECTION] Sign-ups and waiting list

TEST_CASE("fold_signups: the first `capacity` have a place, the rest wait in order", "[core][journal]") {
  std::vector<Event> events;
  const char* people[] = {"p-1", "p-2", "p-3", "p-4", "p-5"};
  for (int i = 0; i < 5; ++i)
    events.push_back(at("s-" + std::to_string(i), kT0 + i * kMin, people[i], ev::SignedUp{"a-koken", kToday}));

  const auto rows = fold_signups(events, 3);
  REQUIRE(rows.size() == 5);
  for (int i = 0; i < 5; ++i) {
    INFO("participant " << people[i]);
    CHECK(rows[static_cast<std::size_t>(i)].participant_id == people[i]);
    CHECK(rows[static_cast<std::size_t>(i)].activity_id == "a-koken");
    CHECK(rows[static_cast<std::size_t>(i)].date == kToday);
    CHECK(rows[static_cast<std::size_t>(i)].at == kT0 + i * kMin);
    CHECK(rows[static_cast<std::size_t>(i)].placed == (i < 3));
    CHECK(rows[static_cast<std::size_t>(i)].waiting_position == (i < 3 ? 0 : i - 2));
    CHECK_FALSE(rows[static_cast<std::size_t>(i)].from_waiting_list);
  }

  SECTION("capacity 0 means no limit") {
    const auto all = fold_signups(events, 0);
    REQUIRE(all.size() == 5);
    for (const auto& s : all) {
      CHECK(s.placed);
      CHECK(s.waiting_position == 0);
      CHECK_FALSE(s.from_waiting_list);
    }
  }
}

TEST_CASE("fold_signups: a cancellation gives the place to the first on the waiting list", "[core][journal]") {
  std::vector<Event> events{
      at("s-1", kT0, "p-1", ev::SignedUp{"a-koken", kToday}),
      at("s-2", kT0 + 1, "p-2", ev::SignedUp{"a-koken", kToday}),
      at("s-3", kT0 + 2, "p-3", ev::SignedUp{"a-koken", kToday}),
      at("s-4", kT0 + 3, "p-4", ev::SignedUp{"a-koken", kToday}),
  };

  SECTION("a placed participant cancels") {
    events.push_back(at("c-1", kT0 + 10, "p-1", ev::SignUpCancelled{"a-koken", kToday}));
    const auto rows = fold_signups(events, 2);
    REQUIRE(rows.size() == 3);
    CHECK(signup_of(rows, "p-1") == nullptr);
    CHECK(signup_of(rows, "p-2")->placed);
    CHECK_FALSE(signup_of(rows, "p-2")->from_waiting_list);
    const SignUp* promoted = signup_of(rows, "p-3");
    CHECK(promoted->placed);
    CHECK(promoted->waiting_position == 0);
    CHECK(promoted->from_waiting_list);
    const SignUp* still = signup_of(rows, "p-4");
    CHECK_FALSE(still->placed);
    CHECK(still->waiting_position == 1);
    CHECK_FALSE(still->from_waiting_list);
  }
  SECTION("someone on the waiting list cancels: nobody is promoted, the list moves up") {
    events.push_back(at("c-3", kT0 + 10, "p-3", ev::SignUpCancelled{"a-koken", kToday}));
    const auto rows = fold_signups(events, 2);
    REQUIRE(rows.size() == 3);
    CHECK_FALSE(signup_of(rows, "p-4")->placed);
    CHECK(signup_of(rows, "p-4")->waiting_position == 1);
    CHECK_FALSE(signup_of(rows, "p-2")->from_waiting_list);
  }
  SECTION("a place freed before someone signs up is a place, not a promotion") {
    std::vector<Event> ev2{
        at("s-1", kT0, "p-1", ev::SignedUp{"a-koken", kToday}),
        at("s-2", kT0 + 1, "p-2", ev::SignedUp{"a-koken", kToday}),
        at("c-1", kT0 + 2, "p-1", ev::SignUpCancelled{"a-koken", kToday}),
        at("s-3", kT0 + 3, "p-3", ev::SignedUp{"a-koken", kToday}),
    };
    const auto rows = fold_signups(ev2, 2);
    REQUIRE(rows.size() == 2);
    CHECK(signup_of(rows, "p-3")->placed);
    CHECK_FALSE(signup_of(rows, "p-3")->from_waiting_list);
  }
  SECTION("a cancellation without a sign-up changes nothing") {
    events.push_back(at("c-9", kT0 + 10, "p-9", ev::SignUpCancelled{"a-koken", kToday}));
    CHECK(describe(fold_signups(events, 2)) ==
          describe(fold_signups(std::vector<Event>(events.begin(), events.end() - 1), 2)));
  }
  SECTION("signing up again after cancelling joins at the end") {
    events.push_back(at("c-1", kT0 + 10, "p-1", ev::SignUpCancelled{"a-koken", kToday}));
    events.push_back(at("s-1b", kT0 + 20, "p-1", ev::SignedUp{"a-koken", kToday}));
    const auto rows = fold_signups(events, 2);
    REQUIRE(rows.size() == 4);
    CHECK(rows.back().participant_id == "p-1");
    CHECK_FALSE(rows.back().placed);
    CHECK(rows.back().waiting_position == 2);
    CHECK(rows.back().at == kT0 + 20);
  }
}

TEST_CASE("fold_signups: signing up twice is one entry in the first place", "[core][journal]") {
  // The same person on two kiosks, or a double tap that reached the journal twice.
  const auto rows = fold_signups(sorted({
                                     at("s-1", kT0, "p-1", ev::SignedUp{"a-koken", kToday}, "kiosk-a"),
                                     at("s-2", kT0 + 1, "p-2", ev::SignedUp{"a-koken", kToday}, "kiosk-a"),
                                     at("s-1b", kT0 + 2, "p-1", ev::SignedUp{"a-koken", kToday}, "kiosk-b"),
                                 }),
                                 1);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].participant_id == "p-1");
  CHECK(rows[0].placed);
  CHECK(rows[0].at == kT0);
  CHECK(rows[1].participant_id == "p-2");
  CHECK(rows[1].waiting_position == 1);
}

TEST_CASE("fold_signups: two offline kiosks gave away the last place", "[core][journal]") {
  // Capacity 2; p-1 has a place. Offline, kiosk A gives the last place to p-2 and kiosk B to
  // p-3. After sync both kiosks (and the server) fold the same events in the same order.
  const Event base = at("s-1", kT0, "p-1", ev::SignedUp{"a-koken", kToday}, "kiosk-a");
  const Event on_a = at("s-2", kT0 + 10 * kMin, "p-2", ev::SignedUp{"a-koken", kToday}, "kiosk-a");
  const Event on_b = at("s-3", kT0 + 10 * kMin + 1, "p-3", ev::SignedUp{"a-koken", kToday}, "kiosk-b");

  // Before sync each kiosk told its participant "you have a place".
  CHECK(signup_of(fold_signups({base, on_a}, 2), "p-2")->placed);
  CHECK(signup_of(fold_signups({base, on_b}, 2), "p-3")->placed);

  const auto merged_a = fold_signups(sorted({base, on_a, on_b}), 2);
  const auto merged_b = fold_signups(sorted({on_b, base, on_a}), 2);
  CHECK(describe(merged_a) == describe(merged_b));
  REQUIRE(merged_a.size() == 3);
  int placed = 0, waiting = 0;
  for (const auto& s : merged_a) (s.placed ? placed : waiting) += 1;
  CHECK(placed == 2);
  CHECK(waiting == 1);
  CHECK(signup_of(merged_a, "p-2")->placed);  // the earlier HLC keeps the place
  CHECK(signup_of(merged_a, "p-3")->waiting_position == 1);
  CHECK_FALSE(signup_of(merged_a, "p-3")->placed);

  SECTION("on an exact HLC tie the device id decides, the same way everywhere") {
    const Event tie_a = at("zz-a", kT0 + 10 * kMin, "p-2", ev::SignedUp{"a-koken", kToday}, "kiosk-a");
    const Event tie_b = at("aa-b", kT0 + 10 * kMin, "p-3", ev::SignedUp{"a-koken", kToday}, "kiosk-b");
    const auto x = fold_signups(sorted({base, tie_b, tie_a}), 2);
    const auto y = fold_signups(sorted({tie_a, tie_b, base}), 2);
    CHECK(describe(x) == describe(y));
    CHECK(signup_of(x, "p-2")->placed);  // kiosk-a < kiosk-b, although "aa-b" < "zz-a"
    CHECK_FALSE(signup_of(x, "p-3")->placed);
  }
  SECTION("when p-1 cancels later, the one on the waiting list is promoted") {
    const Event cancel = at("c-1", kT0 + 60 * kMin, "p-1", ev::SignUpCancelled{"a-koken", kToday}, "kiosk-b");
    const auto after = fold_signups(sorted({cancel, on_b, on_a, base}), 2);
    REQUIRE(after.size() == 2);
    CHECK(signup_of(after, "p-3")->placed);
    CHECK(signup_of(after, "p-3")->from_waiting_list);
  }
}

// [SECTION] Absences

TEST_CASE("fold_absences: one report per dagdeel, the latest one counts", "[core][journal]") {
  std::vector<Event> events{
      at("abs-1", kT0, "p-ayse", ev::AbsenceReported{kTomorrow, Dagdeel::Morning, AbsenceReason::Sick, ""}),
      at("abs-2", kT0 + 1, "p-ayse", ev::AbsenceReported{kTomorrow, Dagdeel::Afternoon, AbsenceReason::Care, ""}),
      at("abs-3", kT0 + 2, "p-ayse", ev::AbsenceReported{kTomorrow, Dagdeel::Morning, AbsenceReason::Medical, ""}),
  };
  auto rows = fold_absences(events);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].event_id == "abs-2");
  CHECK(rows[0].dagdeel == Dagdeel::Afternoon);
  CHECK(rows[0].reason == AbsenceReason::Care);
  CHECK(rows[1].event_id == "abs-3");  // replaced abs-1
  CHECK(rows[1].participant_id == "p-ayse");
  CHECK(rows[1].date == kTomorrow);
  CHECK(rows[1].dagdeel == Dagdeel::Morning);
  CHECK(rows[1].reason == AbsenceReason::Medical);
  for (const auto& a : rows) CHECK_FALSE(a.withdrawn);

  SECTION("the same dagdeel on another date is another absence") {
    events.push_back(
        at("abs-4", kT0 + 3, "p-ayse", ev::AbsenceReported{kToday, Dagdeel::Morning, AbsenceReason::Other, ""}));
    CHECK(fold_absences(events).size() == 3);
  }
  SECTION("a withdrawal removes the absence it names") {
    events.push_back(at("w-3", kT0 + 3, "p-ayse", ev::AbsenceWithdrawn{"abs-3"}));
    rows = fold_absences(events);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].event_id == "abs-2");
  }
  SECTION("withdrawing the replaced report does not remove its replacement") {
    events.push_back(at("w-1", kT0 + 3, "p-ayse", ev::AbsenceWithdrawn{"abs-1"}));
    rows = fold_absences(events);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].event_id == "abs-3");
  }
  SECTION("a withdrawal naming nothing known changes nothing") {
    events.push_back(at("w-x", kT0 + 3, "p-ayse", ev::AbsenceWithdrawn{"abs-unknown"}));
    CHECK(fold_absences(events).size() == 2);
  }
  SECTION("after a withdrawal a new report counts again") {
    events.push_back(at("w-3", kT0 + 3, "p-ayse", ev::AbsenceWithdrawn{"abs-3"}));
    events.push_back(at("abs-5", kT0 + 4, "p-ayse",
                        ev::AbsenceReported{kTomorrow, Dagdeel::Morning, AbsenceReason::Appointment, ""}));
    rows = fold_absences(events);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].event_id == "abs-5");
    CHECK(rows[1].reason == AbsenceReason::Appointment);
  }
}

// [SECTION] Volunteer hours

TEST_CASE("fold_hours: logged hours wait for the coach's decision", "[core][journal]") {
  std::vector<Event> events{
      at("h-1", kT0, "p-ayse", ev::HoursLogged{kToday, "Voedselbank", 120}),
      at("h-2", kT0 + kMin, "p-ayse", ev::HoursLogged{kTomorrow, "Kringloop", 45}),
  };
  auto rows = fold_hours(events);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].event_id == "h-1");
  CHECK(rows[0].participant_id == "p-ayse");
  CHECK(rows[0].date == kToday);
  CHECK(rows[0].place == "Voedselbank");
  CHECK(rows[0].minutes == 120);
  CHECK(rows[0].approved_minutes == 0);
  CHECK(rows[0].status == HoursStatus::Waiting);
  CHECK(rows[0].logged_at == kT0);
  CHECK(rows[1].status == HoursStatus::Waiting);

  SECTION("approved with corrected minutes") {
    events.push_back(at("d-1", kT0 + 60 * kMin, "p-ayse", ev::HoursDecided{"h-1", true, 90, "pauze", "c-1"}));
    rows = fold_hours(events);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].status == HoursStatus::Approved);
    CHECK(rows[0].minutes == 120);  // what the participant logged stays visible
    CHECK(rows[0].approved_minutes == 90);
    CHECK(rows[1].status == HoursStatus::Waiting);  // only the named entry
  }
  SECTION("rejected: nothing approved, whatever minutes the decision carries") {
    events.push_back(at("d-2", kT0 + 60 * kMin, "p-ayse", ev::HoursDecided{"h-2", false, 45, "not there", "c-1"}));
    rows = fold_hours(events);
    CHECK(rows[1].status == HoursStatus::Rejected);
    CHECK(rows[1].approved_minutes == 0);
    CHECK(rows[0].status == HoursStatus::Waiting);
  }
  SECTION("a decision naming an unknown entry changes nothing") {
    events.push_back(at("d-x", kT0 + 60 * kMin, "p-ayse", ev::HoursDecided{"h-unknown", true, 60, "", "c-1"}));
    rows = fold_hours(events);
    for (const auto& h : rows) CHECK(h.status == HoursStatus::Waiting);
  }
}

// [SECTION] Validation

TEST_CASE("validate: dates must be real calendar dates", "[core][journal]") {
  CHECK(validate(ev::CheckIn{kToday, Dagdeel::Morning, kT0}).empty());
  CHECK(validate(ev::CheckIn{"2028-02-29", Dagdeel::Morning, kT0}).empty());  // a leap day

  for (const char* bad : {"2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-11-31", "2026-11-00",
                          "2026-1-23", "26-11-23", "2026/11/23", "2026-11-23 ", "", "tomorrow", "2026-11-2x"}) {
    INFO("date '" << bad << "'");
    CHECK_FALSE(validate(ev::CheckIn{bad, Dagdeel::Morning, kT0}).empty());
    CHECK_FALSE(validate(ev::CheckOut{bad, kT0}).empty());
    CHECK_FALSE(validate(ev::AutoCheckOut{bad, "e-1", kT0}).empty());
    CHECK_FALSE(validate(ev::CheckoutConfirmed{bad, "e-1"}).empty());
    CHECK_FALSE(validate(ev::CorrectionRequested{bad, "e-1", kT0}).empty());
    CHECK_FALSE(validate(ev::SignedUp{"a-koken", bad}).empty());
    CHECK_FALSE(validate(ev::SignUpCancelled{"a-koken", bad}).empty());
    CHECK_FALSE(validate(ev::AbsenceReported{bad, Dagdeel::Morning, AbsenceReason::Sick, ""}).empty());
    CHECK_FALSE(validate(ev::HoursLogged{bad, "Voedselbank", 60}).empty());
  }
  CHECK_THAT(validate(ev::CheckIn{"2026-02-30", Dagdeel::Morning, kT0}), Catch::Contains("2026-02-30"));
  // A long bad date is quoted, not copied whole.
  CHECK(validate(ev::CheckIn{std::string(10'000, '9'), Dagdeel::Morning, kT0}).size() < 100);
}

TEST_CASE("validate: volunteer minutes in steps of 15 up to 12 hours", "[core][journal]") {
  for (int ok : {15, 30, 45, 60, 135, 705, 720}) {
    INFO(ok << " minutes");
    CHECK(validate(ev::HoursLogged{kToday, "Voedselbank", ok}).empty());
  }
  for (int bad : {0, -15, 1, 10, 14, 16, 50, 721, 735, 1440}) {
    INFO(bad << " minutes");
    CHECK_FALSE(validate(ev::HoursLogged{kToday, "Voedselbank", bad}).empty());
  }
  // The coach may approve 0 (and rejections carry 0), but not more than an entry may hold.
  CHECK(validate(ev::HoursDecided{"h-1", false, 0, "", "c-1"}).empty());
  CHECK(validate(ev::HoursDecided{"h-1", true, 720, "", "c-1"}).empty());
  CHECK_FALSE(validate(ev::HoursDecided{"h-1", true, 721, "", "c-1"}).empty());
  CHECK_FALSE(validate(ev::HoursDecided{"h-1", true, -15, "", "c-1"}).empty());
}

TEST_CASE("validate: places and ids", "[core][journal]") {
  CHECK_FALSE(validate(ev::HoursLogged{kToday, "", 60}).empty());
  CHECK(validate(ev::HoursLogged{kToday, std::string(kMaxPlaceLength, 'x'), 60}).empty());
  CHECK_FALSE(validate(ev::HoursLogged{kToday, std::string(kMaxPlaceLength + 1, 'x'), 60}).empty());
  CHECK_FALSE(validate(ev::HoursLogged{kToday, std::string(10'000, 'x'), 60}).empty());

  // Ids end up in subjects ("signups/<activity>/<date>") and references between events.
  CHECK(validate(ev::SignedUp{"a-koken", kToday}).empty());
  CHECK_FALSE(validate(ev::SignedUp{"a/koken", kToday}).empty());
  CHECK_FALSE(validate(ev::SignedUp{"", kToday}).empty());
  CHECK_FALSE(validate(ev::SignedUp{std::string(65, 'a'), kToday}).empty());
  CHECK(validate(ev::SignedUp{std::string(64, 'a'), kToday}).empty());
  CHECK_FALSE(validate(ev::SignUpCancelled{"a/koken", kToday}).empty());
  CHECK_FALSE(validate(ev::AutoCheckOut{kToday, "e/1", kT0}).empty());
  CHECK_FALSE(validate(ev::AutoCheckOut{kToday, "", kT0}).empty());
  CHECK_FALSE(validate(ev::CheckoutConfirmed{kToday, "e/1"}).empty());
  CHECK_FALSE(validate(ev::CorrectionRequested{kToday, "e/1", kT0}).empty());
  CHECK_FALSE(validate(ev::AbsenceWithdrawn{"abs/1"}).empty());
  CHECK_FALSE(validate(ev::AbsenceWithdrawn{""}).empty());
  CHECK_FALSE(validate(ev::HoursDecided{"h/1", true, 60, "", "c-1"}).empty());
  CHECK(validate(ev::AbsenceWithdrawn{"abs-1"}).empty());

  // A correction must propose an actual time.
  CHECK(validate(ev::CorrectionRequested{kToday, "e-1", kT0}).empty());
  CHECK_FALSE(validate(ev::CorrectionRequested{kToday, "e-1", 0}).empty());
  CHECK_FALSE(validate(ev::CorrectionRequested{kToday, "e-1", -1}).empty());

  CHECK(validate(ev::Other{}).empty());
}

TEST_CASE("validate: text must be UTF-8, as the JSON payload is", "[core][journal]") {
  CHECK(validate(ev::HoursLogged{kToday,
                                 "Caf\xC3\xA9 \xC3\x87"
                                 "a\xC4\x9Fr\xC4\xB1",
                                 60})
            .empty());
  CHECK(validate(ev::HoursLogged{kToday, "\xF0\x9F\x8D\xB2 Soepkeuken", 60}).empty());  // 4-byte sequence
  for (const char* bad : {"Caf\xE9", "\xFF", "a\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                          "\x80"
                          "abc"}) {
    INFO("place bytes of '" << bad << "'");
    CHECK_FALSE(validate(ev::HoursLogged{kToday, bad, 60}).empty());
  }
  CHECK_FALSE(validate(ev::SignedUp{"a-\xE9", kToday}).empty());
  CHECK_FALSE(validate(ev::AbsenceWithdrawn{"abs-\xFF"}).empty());
  CHECK_FALSE(validate(ev::AutoCheckOut{kToday, "e\xC3", kT0}).empty());
}
