// Coach-mode view models without ImGui: the coach PIN pad and Today from a demo-like state.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "ui/coach_views.hpp"
#include "ui/view_models.hpp"
#include "ui_fixtures.hpp"

using namespace meedoen;
using ui::AttentionItem;

namespace {

core::Attendance attendance(const char* pid, core::TimeMs in, core::TimeMs out = 0) {
  core::Attendance a;
  a.participant_id = pid;
  a.date = core::format_date_iso(core::to_local(in));
  a.dagdeel = core::Dagdeel::Morning;
  a.check_in = in;
  a.check_out = out;
  a.check_in_event = std::string("in-") + pid;
  return a;
}

// Monday 09:42 at a small De Cirkel: Marloes is logged in; Ayşe and Ruud are hers.
core::State monday() {
  test::use_amsterdam_time();
  core::State s = test::centre();
  auto people = test::people();
  for (auto& p : people) {
    p.coach_id = p.id == "p-ayse" || p.id == "p-ruud" ? "c-marloes" : "c-erik";
    p.mandatory = p.id != "p-anouk";
  }
  s.roster = std::make_shared<const core::Roster>(people);
  s.now = test::kMonday0942;
  s.last_input = s.now;
  s.screen = core::Screen::CoachToday;
  s.language = "nl";
  s.coach.coach_id = "c-marloes";
  auto& d = s.coach.data;
  d.loaded = true;
  d.coaches = {{"c-marloes", "Marloes Kuipers"}, {"c-erik", "Erik Bos"}};
  const core::TimeMs t0905 = core::from_local("2026-11-23", 9 * 60 + 5);
  s.today = {attendance("p-ruud", t0905), attendance("p-anouk", t0905 + core::minutes(20))};
  // Fatima and Ahmed signed up for the coffee morning (09:30); Fatima is here? No: Ahmed called in.
  s.signups = {{"a-koffie", "2026-11-23", "p-fatima", 0, true, 0, false},
               {"a-koffie", "2026-11-23", "p-ahmed", 0, true, 0, false},
               {"a-koffie", "2026-11-23", "p-ruud", 0, true, 0, false},
               {"a-koken", "2026-11-23", "p-ali", 0, true, 0, false}};  // 13:00: not expected yet
  d.absences = {{"abs-1", "p-ahmed", "2026-11-23", core::Dagdeel::Morning, core::AbsenceReason::Sick, false}};
  core::HoursEntry h;
  h.event_id = "hours-1";
  h.participant_id = "p-ayse";
  h.date = "2026-11-20";
  h.place = "Voedselbank Almere";
  h.minutes = 150;
  d.hours_waiting = {h};
  core::Attendance forgotten = attendance("p-piotr", core::from_local("2026-11-20", 9 * 60 + 31),
                                          core::from_local("2026-11-20", 12 * 60 + 30));
  forgotten.auto_closed = true;
  d.unresolved = {forgotten};
  // Everyone was here recently except Amira (20 days) and Annelies (never).
  for (const auto& p : people) d.last_seen[p.id] = "2026-11-20";
  d.last_seen["p-amira"] = "2026-11-03";
  d.last_seen.erase("p-annelies");
  return s;
}

const AttentionItem* find(const ui::CoachTodayView& v, AttentionItem::Kind kind, const std::string& who) {
  for (const auto& it : v.items)
    if (it.kind == kind && it.who == who) return &it;
  return nullptr;
}

}  // namespace

TEST_CASE("coach views: Today lists the exceptions first, each with its action", "[ui][coach]") {
  const core::State s = monday();
  const ui::Strings tr = test::strings();
  const ui::CoachTodayView v = ui::make_coach_today_view(s, tr);
  CHECK(v.title == "Vandaag, maandag 23 november");
  CHECK(v.coach_name == "Marloes Kuipers");

  // A no-show: signed up for the coffee morning that began at 09:30, not here, not reported.
  const AttentionItem* fatima = find(v, AttentionItem::Kind::NotHere, "Fatima El Amrani");
  REQUIRE(fatima != nullptr);
  CHECK(fatima->what == "Niet gekomen: Koffieochtend (09:30)");
  CHECK(fatima->participation == "verplicht");
  // Reported absent, here already, or expected only this afternoon: not a no-show.
  CHECK(find(v, AttentionItem::Kind::NotHere, "Ahmed Benali") == nullptr);
  CHECK(find(v, AttentionItem::Kind::NotHere, "Ruud van den Berg") == nullptr);
  CHECK(find(v, AttentionItem::Kind::NotHere, "Ali Öztürk") == nullptr);

  const AttentionItem* ahmed = find(v, AttentionItem::Kind::Absent, "Ahmed Benali");
  REQUIRE(ahmed != nullptr);
  CHECK(ahmed->what == "Afgemeld: Ziek, ochtend");

  const AttentionItem* hours = find(v, AttentionItem::Kind::Hours, "Ayşe Yılmaz");
  REQUIRE(hours != nullptr);
  CHECK(hours->id == "hours-1");
  CHECK(hours->what == "2:30 uur bij Voedselbank Almere, vr 20");
  CHECK(hours->primary_label == "Goedkeuren");
  CHECK(hours->secondary_label == "Afwijzen");
  CHECK(hours->mine);

  const AttentionItem* piotr = find(v, AttentionItem::Kind::Forgotten, "Piotr Kowalski");
  REQUIRE(piotr != nullptr);
  CHECK(piotr->id == "in-p-piotr");
  CHECK(piotr->primary_label == "Klopt");
  CHECK(piotr->secondary_label.empty());

  const AttentionItem* amira = find(v, AttentionItem::Kind::NotSeen, "Amira Haddad");
  REQUIRE(amira != nullptr);
  CHECK(amira->what == "20 dagen niet gezien");
  CHECK(find(v, AttentionItem::Kind::NotSeen, "Annelies de Groot") != nullptr);
  CHECK(find(v, AttentionItem::Kind::NotSeen, "Fatima El Amrani") == nullptr);  // seen 3 days ago

  // No-shows come first, not-seen last.
  CHECK(v.items.front().kind == AttentionItem::Kind::NotHere);
  CHECK(v.items.back().kind == AttentionItem::Kind::NotSeen);
  CHECK(v.attention_title == "Aandacht nodig (" + std::to_string(v.items.size()) + ")");
}

TEST_CASE("coach views: who is here now, per dagdeel, with check-in times and participation", "[ui][coach]") {
  const ui::CoachTodayView v = ui::make_coach_today_view(monday(), test::strings());
  CHECK(v.here_title == "Nu aanwezig (2)");
  REQUIRE(v.here.size() == 1);
  CHECK(v.here[0].title == "Ochtend (2)");
  REQUIRE(v.here[0].people.size() == 2);
  CHECK(v.here[0].people[0].who == "Ruud van den Berg");
  CHECK(v.here[0].people[0].since == "09:05");
  CHECK(v.here[0].people[0].participation == "verplicht");
  CHECK(v.here[0].people[1].participation == "vrijwillig");
}

TEST_CASE("coach views: a setting of N days decides who counts as not seen", "[ui][coach]") {
  core::State s = monday();
  s.coach.not_seen_days = 30;
  const ui::CoachTodayView v = ui::make_coach_today_view(s, test::strings());
  CHECK(find(v, AttentionItem::Kind::NotSeen, "Amira Haddad") == nullptr);
}

TEST_CASE("coach views: a decision waiting for its reason shows the fixed reasons", "[ui][coach]") {
  core::State s = monday();
  s.coach.pending = core::PendingKind::HoursReject;
  s.coach.pending_id = "hours-1";
  const ui::CoachTodayView v = ui::make_coach_today_view(s, test::strings());
  CHECK(v.asking_reason);
  CHECK(v.reasons.size() == 4);
  CHECK(v.reason_subject.find("Ayşe Yılmaz") != std::string::npos);
}

TEST_CASE("coach views: the PIN pad shows the lock with its seconds, and no back on an office PC", "[ui][coach]") {
  core::State s = monday();
  s.screen = core::Screen::CoachPin;
  s.coach.coach_id.clear();
  s.coach.pin = "12";
  const ui::Strings tr = test::strings();
  ui::CoachPinView v = ui::make_coach_pin_view(s, tr);
  CHECK(v.digits_entered == 2);
  CHECK(v.show_back);
  CHECK_FALSE(v.locked);
  s.coach.guard.locked_until = s.now + core::seconds(30);
  s.coach.office = true;
  v = ui::make_coach_pin_view(s, tr);
  CHECK(v.locked);
  CHECK(v.locked_text == "Te vaak een verkeerde PIN. Probeer het over 30 s opnieuw.");
  CHECK_FALSE(v.show_back);
}

TEST_CASE("coach views: the corner button is on every participant screen, not in coach mode", "[ui][coach]") {
  core::State s = monday();
  ui::Strings tr = test::strings();
  for (core::Screen sc : {core::Screen::Welcome, core::Screen::Pin, core::Screen::Home, core::Screen::Hours}) {
    s.screen = sc;
    CHECK(ui::make_frame_view(s, tr).coach_corner);
  }
  s.screen = core::Screen::CoachToday;
  CHECK_FALSE(ui::make_frame_view(s, tr).coach_corner);
}

TEST_CASE("coach views: Today shows the sync status, and nothing when the kiosk works alone", "[ui][coach]") {
  core::State s = monday();
  CHECK(ui::make_coach_today_view(s, test::strings()).sync_line.empty());  // no server configured

  s.sync.configured = true;
  s.sync.online = true;
  s.sync.last_success = s.now - 60'000;  // 09:41
  ui::CoachTodayView v = ui::make_coach_today_view(s, test::strings());
  CHECK(v.sync_line == "Online, laatst bijgewerkt 09:41, alles verstuurd");
  CHECK_FALSE(v.sync_trouble);

  s.sync.online = false;
  s.sync.unsent = 12;
  s.sync.rejected = 1;
  s.sync.clock_off = true;
  v = ui::make_coach_today_view(s, test::strings());
  CHECK(v.sync_line.find("Offline, laatst bijgewerkt 09:41") == 0);
  CHECK(v.sync_line.find("12 nog te versturen") != std::string::npos);
  CHECK(v.sync_line.find("1 geweigerd door de server") != std::string::npos);
  CHECK(v.sync_line.find("klok van de kiosk") != std::string::npos);
  CHECK(v.sync_trouble);
}
