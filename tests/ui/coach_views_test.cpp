// Coach-mode view models without ImGui: the coach PIN pad and Today from a demo-like state.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/state.hpp"
#include "support/coach_fixtures.hpp"
#include "support/fake_clock.hpp"
#include "support/ui_fixtures.hpp"
#include "ui/coach_views.hpp"
#include "ui/view_models.hpp"

using namespace meedoen;
using ui::AttentionItem;

namespace {

using test::attendance;
core::State monday() { return test::coach_monday(); }

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

// A person on Today for several things (an end date passed, not seen for weeks, absent twice):
// each item its own id, as its buttons' ids are made of it (they stood twice on one screen).
TEST_CASE("coach views: every item on Today has an id of its own", "[ui][coach]") {
  core::State s = test::coach_monday_with_end_dates();
  s.now = core::from_local("2027-09-29", 9 * 60 + 42);
  s.coach.data.absences.push_back(
      {"abs-2", "p-ahmed", "2027-09-29", core::Dagdeel::Afternoon, core::AbsenceReason::Sick, false});
  s.coach.data.absences[0].date = "2027-09-29";
  const ui::CoachTodayView v = ui::make_coach_today_view(s, test::strings());
  CHECK(find(v, AttentionItem::Kind::EndDate, "Fatima El Amrani") != nullptr);
  CHECK(find(v, AttentionItem::Kind::NotSeen, "Fatima El Amrani") != nullptr);
  std::set<std::string> ids;
  for (const AttentionItem& it : v.items) CHECK(ids.insert(it.id).second);
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
  // A no-break space keeps the figure with its unit when the line wraps.
  CHECK(v.locked_text == "Te vaak een verkeerde PIN. Probeer het over 30\u00a0s opnieuw.");
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

// [SECTION] Today: who is expected, talks, end dates, and who left

namespace {

// The roster with one participant changed by f.
template <class F>
void change(core::State& s, const std::string& id, F f) {
  std::vector<core::Participant> people = s.roster->all();
  bool found = false;
  for (auto& p : people)
    if (p.id == id) {
      f(p);
      found = true;
    }
  REQUIRE(found);
  s.roster = std::make_shared<const core::Roster>(people);
}

const AttentionItem* find_for(const ui::CoachTodayView& v, AttentionItem::Kind kind, const std::string& pid) {
  for (const auto& it : v.items)
    if (it.kind == kind && it.person_id == pid) return &it;
  return nullptr;
}

// Amira is expected on Monday mornings.
core::State amira_expected(core::TimeMs now) {
  core::State s = monday();
  s.now = now;
  s.last_input = now;
  change(s, "p-amira", [](core::Participant& p) { p.agreed_parts = core::agreed_bit(0, core::Dagdeel::Morning); });
  return s;
}

// A decision about Amira's morning today, waiting over Today.
void ask_about_amira(core::State& s, core::PendingKind kind) {
  s.coach.pending = kind;
  s.coach.pending_id = "p-amira";
  s.coach.pending_date = "2026-11-23";
  s.coach.pending_dagdeel = core::Dagdeel::Morning;
}

}  // namespace

TEST_CASE("coach views: an agreed participant not here is late while the dagdeel runs, a no-show after",
          "[ui][coach]") {
  const ui::Strings tr = test::strings();
  SECTION("during the morning: not in yet, with both one-tap answers") {
    const ui::CoachTodayView v = ui::make_coach_today_view(amira_expected(test::kMonday0942), tr);
    const AttentionItem* it = find_for(v, AttentionItem::Kind::NotHere, "p-amira");
    REQUIRE(it != nullptr);
    CHECK(it->what == "Ochtend: nog niet binnen");
    CHECK(it->who == "Amira Haddad");
    CHECK(it->id == "p-amira:morning");
    CHECK(it->primary_label == "Afgemeld");
    CHECK(it->secondary_label == "Was er wel");
    const auto* phoned = core::get_if<core::AbsentByPhoneTapped>(&it->primary);
    REQUIRE(phoned != nullptr);
    CHECK(phoned->participant_id == "p-amira");
    CHECK(phoned->dagdeel == core::Dagdeel::Morning);
    const auto* here = core::get_if<core::WasHereTapped>(&it->secondary);
    REQUIRE(here != nullptr);
    CHECK(here->participant_id == "p-amira");
    CHECK(here->date == "2026-11-23");
    CHECK(here->dagdeel == core::Dagdeel::Morning);
  }
  SECTION("after the morning ended: did not come") {
    const ui::CoachTodayView v = ui::make_coach_today_view(amira_expected(test::kMonday1245), tr);
    const AttentionItem* it = find_for(v, AttentionItem::Kind::NotHere, "p-amira");
    REQUIRE(it != nullptr);
    CHECK(it->what == "Ochtend: niet gekomen");
  }
  SECTION("before the morning begins: nothing yet") {
    const ui::CoachTodayView v = ui::make_coach_today_view(amira_expected(test::local_ms(2026, 11, 23, 8, 30)), tr);
    CHECK(find_for(v, AttentionItem::Kind::NotHere, "p-amira") == nullptr);
  }
  SECTION("here in another dagdeel does not excuse the morning") {
    core::State s = amira_expected(test::kMonday1400);
    core::Attendance a = attendance("p-amira", test::local_ms(2026, 11, 23, 13, 5));
    a.dagdeel = core::Dagdeel::Afternoon;
    s.today.push_back(a);
    const ui::CoachTodayView v = ui::make_coach_today_view(s, tr);
    const AttentionItem* it = find_for(v, AttentionItem::Kind::NotHere, "p-amira");
    REQUIRE(it != nullptr);
    CHECK(it->what == "Ochtend: niet gekomen");
  }
}

TEST_CASE("coach views: no 'not here' for who called in or checked in that dagdeel", "[ui][coach]") {
  const ui::Strings tr = test::strings();
  SECTION("reported absent for the morning") {
    core::State s = amira_expected(test::kMonday1245);
    s.coach.data.absences.push_back(
        {"abs-2", "p-amira", "2026-11-23", core::Dagdeel::Morning, core::AbsenceReason::Care, false});
    const ui::CoachTodayView v = ui::make_coach_today_view(s, tr);
    CHECK(find_for(v, AttentionItem::Kind::NotHere, "p-amira") == nullptr);
    CHECK(find_for(v, AttentionItem::Kind::Absent, "p-amira") != nullptr);
  }
  SECTION("checked in this morning, and out again") {
    core::State s = amira_expected(test::kMonday1245);
    s.today.push_back(attendance("p-amira", test::local_ms(2026, 11, 23, 9, 50), test::local_ms(2026, 11, 23, 11, 0)));
    CHECK(find_for(ui::make_coach_today_view(s, tr), AttentionItem::Kind::NotHere, "p-amira") == nullptr);
  }
  SECTION("the afternoon's absence does not excuse the morning") {
    core::State s = amira_expected(test::kMonday0942);
    s.coach.data.absences.push_back(
        {"abs-2", "p-amira", "2026-11-23", core::Dagdeel::Afternoon, core::AbsenceReason::Care, false});
    CHECK(find_for(ui::make_coach_today_view(s, tr), AttentionItem::Kind::NotHere, "p-amira") != nullptr);
  }
}

TEST_CASE("coach views: a due talk shows only for the logged-in coach's own participants", "[ui][coach]") {
  core::State s = monday();
  for (const char* id : {"p-ayse", "p-fatima"})  // Ayşe is Marloes's, Fatima is Erik's
    change(s, id, [](core::Participant& p) {
      p.talk_every_days = 14;
      p.start_date = "2026-06-01";
    });
  s.coach.data.last_talk["p-ayse"] = "2026-11-01";
  s.coach.data.last_talk["p-fatima"] = "2026-11-01";
  const ui::Strings tr = test::strings();
  ui::CoachTodayView v = ui::make_coach_today_view(s, tr);
  const AttentionItem* ayse = find_for(v, AttentionItem::Kind::Talk, "p-ayse");
  REQUIRE(ayse != nullptr);
  CHECK(ayse->what == "Gesprek: 22 dagen geleden (elke 14 dagen)");
  CHECK(ayse->mine);
  CHECK(ayse->primary_label == "Gesprek gehad");
  const auto* held = core::get_if<core::TalkHeldTapped>(&ayse->primary);
  REQUIRE(held != nullptr);
  CHECK(held->participant_id == "p-ayse");
  const auto* open = core::get_if<core::PersonTapped>(&ayse->secondary);
  REQUIRE(open != nullptr);
  CHECK(open->participant_id == "p-ayse");
  CHECK(find_for(v, AttentionItem::Kind::Talk, "p-fatima") == nullptr);
  CHECK(std::count_if(v.items.begin(), v.items.end(),
                      [](const AttentionItem& i) { return i.kind == AttentionItem::Kind::Talk; }) == 1);

  // Erik sees Fatima's, not Ayşe's.
  s.coach.coach_id = "c-erik";
  v = ui::make_coach_today_view(s, tr);
  CHECK(find_for(v, AttentionItem::Kind::Talk, "p-fatima") != nullptr);
  CHECK(find_for(v, AttentionItem::Kind::Talk, "p-ayse") == nullptr);

  // A talk planned: nothing to remind.
  s.coach.coach_id = "c-marloes";
  s.coach.data.next_talk["p-ayse"] = s.now + core::minutes(3 * 24 * 60);
  CHECK(find_for(ui::make_coach_today_view(s, tr), AttentionItem::Kind::Talk, "p-ayse") == nullptr);
}

TEST_CASE("coach views: end dates passed or within 30 days, none further out", "[ui][coach]") {
  core::State s = monday();
  change(s, "p-ayse", [](core::Participant& p) { p.end_date = "2026-11-20"; });    // passed
  change(s, "p-ruud", [](core::Participant& p) { p.end_date = "2026-12-23"; });    // in 30 days
  change(s, "p-fatima", [](core::Participant& p) { p.end_date = "2026-12-24"; });  // in 31 days
  change(s, "p-anouk", [](core::Participant& p) { p.end_date = "2026-11-23"; });   // today
  const ui::CoachTodayView v = ui::make_coach_today_view(s, test::strings());
  const AttentionItem* ayse = find_for(v, AttentionItem::Kind::EndDate, "p-ayse");
  REQUIRE(ayse != nullptr);
  CHECK(ayse->what == "Programma afgelopen op 20 nov");
  const auto* open = core::get_if<core::PersonTapped>(&ayse->primary);
  REQUIRE(open != nullptr);
  CHECK(open->participant_id == "p-ayse");
  const AttentionItem* ruud = find_for(v, AttentionItem::Kind::EndDate, "p-ruud");
  REQUIRE(ruud != nullptr);
  CHECK(ruud->what == "Programma loopt af op 23 dec (nog 30 dagen)");
  const AttentionItem* anouk = find_for(v, AttentionItem::Kind::EndDate, "p-anouk");
  REQUIRE(anouk != nullptr);
  CHECK(anouk->what == "Programma loopt af op 23 nov (nog 0 dagen)");
  CHECK(find_for(v, AttentionItem::Kind::EndDate, "p-fatima") == nullptr);
  CHECK(find_for(v, AttentionItem::Kind::EndDate, "p-ali") == nullptr);  // open-ended
}

TEST_CASE("coach views: someone who left the programme is on no line of Today", "[ui][coach]") {
  core::State s = monday();
  change(s, "p-annelies", [](core::Participant& p) {
    p.coach_id = "c-marloes";
    p.agreed_parts = core::agreed_bit(0, core::Dagdeel::Morning);
    p.talk_every_days = 7;
    p.start_date = "2026-09-01";
    p.end_date = "2026-11-20";
  });
  s.signups.push_back({"a-koffie", "2026-11-23", "p-annelies", 0, true, 0, false});
  const ui::Strings tr = test::strings();
  auto lines_about = [&](const ui::CoachTodayView& v) {
    return std::count_if(v.items.begin(), v.items.end(),
                         [](const AttentionItem& i) { return i.person_id == "p-annelies"; });
  };
  // Still in the programme: late, a talk due, the end date passed, never seen.
  ui::CoachTodayView v = ui::make_coach_today_view(s, tr);
  CHECK(find_for(v, AttentionItem::Kind::NotHere, "p-annelies") != nullptr);
  CHECK(find_for(v, AttentionItem::Kind::Talk, "p-annelies") != nullptr);
  CHECK(find_for(v, AttentionItem::Kind::EndDate, "p-annelies") != nullptr);
  CHECK(find_for(v, AttentionItem::Kind::NotSeen, "p-annelies") != nullptr);
  CHECK(lines_about(v) == 4);

  s.coach.data.exits = {{"ev-exit", "p-annelies", "2026-11-20", core::ExitReason::Moved, "c-marloes", 0}};
  v = ui::make_coach_today_view(s, tr);
  CHECK(lines_about(v) == 0);
  // The others are untouched.
  CHECK(find(v, AttentionItem::Kind::NotHere, "Fatima El Amrani") != nullptr);
  CHECK(find(v, AttentionItem::Kind::NotSeen, "Amira Haddad") != nullptr);
}

TEST_CASE("coach views: 'called in' asks one of the five absence reasons", "[ui][coach]") {
  core::State s = amira_expected(test::kMonday0942);
  ask_about_amira(s, core::PendingKind::AbsentByPhone);
  const ui::CoachTodayView v = ui::make_coach_today_view(s, test::strings());
  CHECK(v.asking_reason);
  CHECK(v.reason_title == "Afgemeld: waarom?");
  // The dagdeel and day the absence is for, not another line about Amira (not seen for 20 days).
  REQUIRE(find_for(v, AttentionItem::Kind::NotSeen, "p-amira") != nullptr);
  CHECK(v.reason_subject == "Amira Haddad, ochtend vandaag");
  REQUIRE(v.reasons.size() == core::kAbsenceReasons.size());
  REQUIRE(v.reasons.size() == 5);
  for (std::size_t i = 0; i < v.reasons.size(); ++i) {
    const std::string key = core::reason_key(core::kAbsenceReasons[i]);
    CHECK(v.reasons[i].id == "choice:" + key);
    CHECK_FALSE(v.reasons[i].label.empty());
    const auto* choice = core::get_if<core::ChoiceTapped>(&v.reasons[i].action);
    REQUIRE(choice != nullptr);
    CHECK(choice->key == key);
  }
  CHECK(v.reasons[0].label == "Ziek");
}

TEST_CASE("coach views: 'was here' names the dagdeel and day it records, with the coach's reasons", "[ui][coach]") {
  core::State s = amira_expected(test::kMonday1245);
  ask_about_amira(s, core::PendingKind::WasHere);
  const ui::CoachTodayView v = ui::make_coach_today_view(s, test::strings());
  CHECK(v.reason_title == "Waarom?");
  CHECK(v.reason_subject == "Amira Haddad, ochtend vandaag");
  REQUIRE(v.reasons.size() == 4);
  CHECK(v.reasons[0].id == "reason:checked");
  CHECK(core::get_if<core::CoachReasonTapped>(&v.reasons[0].action) != nullptr);
}

TEST_CASE("coach views: the exit asks one of the nine exit reasons", "[ui][coach]") {
  core::State s = monday();
  s.screen = core::Screen::CoachPerson;
  s.coach.person_id = "p-ayse";
  s.coach.data.person.participant_id = "p-ayse";
  s.coach.pending = core::PendingKind::Exit;
  s.coach.pending_id = "p-ayse";
  s.coach.pending_date = "2026-11-23";
  const ui::Strings tr = test::strings();
  const ui::CoachPersonView v = ui::make_coach_person_view(s, tr);
  CHECK(v.asking);
  CHECK(v.choice_title == "Uitstroom: waarheen?");
  CHECK(v.choice_subject == "Ayşe Yılmaz");
  REQUIRE(v.choices.size() == 9);
  for (std::size_t i = 0; i < v.choices.size(); ++i) {
    const std::string key = core::exit_reason_key(core::kExitReasons[i]);
    CHECK(v.choices[i].id == "choice:" + key);
    const auto* choice = core::get_if<core::ChoiceTapped>(&v.choices[i].action);
    REQUIRE(choice != nullptr);
    CHECK(choice->key == key);
    core::ExitReason back;
    CHECK(core::exit_reason_from_key(choice->key, back));
  }
  CHECK(v.choices[2].label == "Vrijwilligerswerk");
  // The same nine on Today.
  s.screen = core::Screen::CoachToday;
  CHECK(ui::make_coach_today_view(s, tr).reasons.size() == 9);
}

TEST_CASE("coach views: a strip day offers the dagdelen with nothing recorded that have begun", "[ui][coach]") {
  core::State s = monday();
  s.screen = core::Screen::CoachPerson;
  s.coach.person_id = "p-ayse";
  s.coach.data.person.participant_id = "p-ayse";
  core::Attendance a = attendance("p-ayse", test::local_ms(2026, 11, 20, 9, 10), test::local_ms(2026, 11, 20, 12, 0));
  s.coach.data.person.attendance = {a};
  s.coach.pending = core::PendingKind::PickDagdeel;
  s.coach.pending_id = "p-ayse";
  s.coach.pending_date = "2026-11-20";
  const ui::Strings tr = test::strings();
  ui::CoachPersonView v = ui::make_coach_person_view(s, tr);
  CHECK(v.choice_title == "Welk dagdeel was er iemand?");
  REQUIRE(v.choices.size() == 2);  // the morning is recorded already
  const auto* afternoon = core::get_if<core::WasHereTapped>(&v.choices[0].action);
  REQUIRE(afternoon != nullptr);
  CHECK(afternoon->participant_id == "p-ayse");
  CHECK(afternoon->date == "2026-11-20");
  CHECK(afternoon->dagdeel == core::Dagdeel::Afternoon);
  CHECK(v.choices[0].label == "Middag: was er wel");
  // Today at 09:42 only the morning has begun.
  s.coach.pending_date = "2026-11-23";
  v = ui::make_coach_person_view(s, tr);
  REQUIRE(v.choices.size() == 1);
  CHECK(v.choices[0].id == "choice:morning");
}

// [SECTION] People

namespace {

std::vector<std::string> names(const std::vector<ui::CoachPeopleView::Row>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.name);
  return out;
}

const ui::CoachPeopleView::Row* row(const ui::CoachPeopleView& v, const std::string& id) {
  for (const auto& r : v.rows)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("coach views: the list shows the coach's own participants, or everyone", "[ui][coach]") {
  core::State s = monday();
  s.screen = core::Screen::CoachPeople;
  const ui::Strings tr = test::strings();
  ui::CoachPeopleView v = ui::make_coach_people_view(s, tr);
  CHECK_FALSE(v.all);
  CHECK(v.mine_label == "Mijn deelnemers");
  CHECK(v.all_label == "Iedereen");
  CHECK(names(v.rows) == std::vector<std::string>{"Ayşe Yılmaz", "Ruud van den Berg"});
  CHECK(v.title == "Deelnemers (2)");
  CHECK(v.rows[0].coach == "Marloes");  // the first name is enough

  s.coach.people_all = true;
  v = ui::make_coach_people_view(s, tr);
  CHECK(v.all);
  CHECK(v.rows.size() == 9);
  CHECK(v.title == "Deelnemers (9)");
  CHECK(std::is_sorted(v.rows.begin(), v.rows.end(), [](const auto& a, const auto& b) { return a.name < b.name; }));
  CHECK(v.left.empty());
}

TEST_CASE("coach views: who left is listed apart, with the date and the reason", "[ui][coach]") {
  core::State s = monday();
  s.screen = core::Screen::CoachPeople;
  s.coach.people_all = true;
  s.coach.data.exits = {{"ev-exit", "p-piotr", "2026-11-02", core::ExitReason::VolunteerWork, "c-erik", 0}};
  const ui::Strings tr = test::strings();
  ui::CoachPeopleView v = ui::make_coach_people_view(s, tr);
  CHECK(v.rows.size() == 8);
  CHECK(row(v, "p-piotr") == nullptr);
  REQUIRE(v.left.size() == 1);
  CHECK(v.left[0].id == "p-piotr");
  CHECK(v.left[0].name == "Piotr Kowalski");
  CHECK(v.left[0].last_seen.find("2 nov") != std::string::npos);
  CHECK(v.left[0].last_seen.find("vrijwilligerswerk") != std::string::npos);
  CHECK_FALSE(v.left[0].warn);
  CHECK(v.title == "Deelnemers (8)");
  CHECK(v.left_title == "Uitgestroomd (1)");
  // Piotr is Erik's: not among Marloes's own.
  s.coach.people_all = false;
  v = ui::make_coach_people_view(s, tr);
  CHECK(v.left.empty());
}

TEST_CASE("coach views: the list warns about who was not seen for the set number of days", "[ui][coach]") {
  core::State s = monday();
  s.screen = core::Screen::CoachPeople;
  s.coach.people_all = true;
  const ui::Strings tr = test::strings();
  auto warned = [&](int days, const char* id) {
    s.coach.not_seen_days = days;
    const ui::CoachPeopleView v = ui::make_coach_people_view(s, tr);
    const auto* r = row(v, id);
    REQUIRE(r != nullptr);
    return r->warn;
  };
  // Amira was last seen 20 days ago.
  CHECK(warned(14, "p-amira"));
  CHECK(warned(20, "p-amira"));
  CHECK_FALSE(warned(21, "p-amira"));
  CHECK(warned(3, "p-fatima"));  // seen 3 days ago, 3 days set: warned
  CHECK_FALSE(warned(4, "p-fatima"));
  CHECK(warned(365, "p-annelies"));  // never seen
  CHECK_FALSE(warned(1, "p-ruud"));  // here today
  const ui::CoachPeopleView v = ui::make_coach_people_view(s, tr);
  CHECK(row(v, "p-ruud")->last_seen == "Nu hier");
}

// [SECTION] A participant's page

namespace {

core::HoursEntry hours_entry(const char* id, const char* place, int minutes, int approved, core::HoursStatus st) {
  core::HoursEntry h;
  h.event_id = id;
  h.participant_id = "p-ayse";
  h.date = "2026-11-10";
  h.place = place;
  h.minutes = minutes;
  h.approved_minutes = approved;
  h.status = st;
  return h;
}

core::Event event(const char* id, core::TimeMs wall, core::EventBody body) {
  core::Event e;
  e.id = id;
  e.wall = wall;
  e.participant_id = "p-ayse";
  e.body = std::move(body);
  return e;
}

// Ayşe's page: agreed Monday and Wednesday mornings since 2 November.
core::State ayse_page() {
  core::State s = monday();
  s.screen = core::Screen::CoachPerson;
  change(s, "p-ayse", [](core::Participant& p) {
    p.start_date = "2026-11-02";
    p.agreed_parts = core::agreed_bit(0, core::Dagdeel::Morning) | core::agreed_bit(2, core::Dagdeel::Morning);
  });
  s.coach.person_id = "p-ayse";
  core::PersonData& d = s.coach.data.person;
  d.participant_id = "p-ayse";
  auto at = [](int month, int day, int hour, core::Dagdeel dd) {
    core::Attendance a =
        attendance("p-ayse", test::local_ms(2026, month, day, hour, 5), test::local_ms(2026, month, day, hour + 2, 0));
    a.dagdeel = dd;
    return a;
  };
  d.attendance = {at(11, 2, 9, core::Dagdeel::Morning), at(11, 16, 9, core::Dagdeel::Morning),
                  at(11, 17, 13, core::Dagdeel::Afternoon)};
  d.attendance.back().by_coach = true;
  d.absences = {{"abs-9", "p-ayse", "2026-11-09", core::Dagdeel::Morning, core::AbsenceReason::Sick, false}};
  return s;
}

}  // namespace

TEST_CASE("coach views: the page's strip marks six weeks of attendance", "[ui][coach]") {
  const core::State s = ayse_page();
  const ui::CoachPersonView v = ui::make_coach_person_view(s, test::strings());
  CHECK(v.loaded);
  CHECK(v.name == "Ayşe Yılmaz");
  REQUIRE(v.weeks.size() == static_cast<std::size_t>(core::kStripWeeks));
  for (const auto& w : v.weeks) CHECK(w.size() == 5);  // no weekend attendance: Monday to Friday
  CHECK(v.weeks[0][0].date == "2026-10-19");
  CHECK(v.weeks[0][0].label == "ma 19");
  CHECK(v.weeks[5][4].date == "2026-11-27");
  CHECK(v.weeks[5][0].today);
  CHECK_FALSE(v.weeks[4][0].today);
  using ui::Mark;
  constexpr auto M = static_cast<std::size_t>(core::Dagdeel::Morning);
  constexpr auto A = static_cast<std::size_t>(core::Dagdeel::Afternoon);
  CHECK(v.weeks[0][0].parts[M] == Mark::None);     // agreed, but before the start date
  CHECK(v.weeks[1][2].parts[M] == Mark::None);     // Wednesday 28 October: before the start too
  CHECK(v.weeks[2][0].parts[M] == Mark::Present);  // 2 November
  CHECK(v.weeks[2][2].parts[M] == Mark::NoShow);   // 4 November: agreed, nobody came
  CHECK(v.weeks[3][0].parts[M] == Mark::Absent);   // 9 November: called in sick
  CHECK(v.weeks[3][0].tip[M] == "ziek");
  CHECK(v.weeks[3][2].parts[M] == Mark::NoShow);
  CHECK(v.weeks[4][0].parts[M] == Mark::Present);
  CHECK(v.weeks[4][1].parts[A] == Mark::PresentByCoach);  // recorded by a coach
  CHECK(v.weeks[4][1].parts[M] == Mark::None);            // Tuesday morning: not agreed
  CHECK(v.weeks[4][2].parts[M] == Mark::NoShow);
  CHECK(v.weeks[5][0].parts[M] == Mark::Future);  // this morning runs until 12:30
  CHECK(v.weeks[5][2].parts[M] == Mark::Future);  // Wednesday to come
  CHECK(v.counts == "3 dagdelen aanwezig, 1 afgemeld, 3 niet gekomen");
}

TEST_CASE("coach views: the strip is not red before the centre's go-live date", "[ui][coach]") {
  core::State s = ayse_page();
  s.coach.data.go_live = "2026-11-10";
  const ui::CoachPersonView v = ui::make_coach_person_view(s, test::strings());
  using ui::Mark;
  constexpr auto M = static_cast<std::size_t>(core::Dagdeel::Morning);
  CHECK(v.weeks[2][0].parts[M] == Mark::Present);  // 2 November: what happened still shows
  CHECK(v.weeks[2][2].parts[M] == Mark::None);     // 4 November: agreed, but before go-live
  CHECK(v.weeks[3][2].parts[M] == Mark::NoShow);   // 11 November: live
  CHECK(v.counts == "3 dagdelen aanwezig, 1 afgemeld, 2 niet gekomen");
}

TEST_CASE("coach views: the strip shows weekends when there was weekend attendance", "[ui][coach]") {
  core::State s = ayse_page();
  core::Attendance sat = attendance("p-ayse", test::local_ms(2026, 11, 21, 10, 0), test::local_ms(2026, 11, 21, 12, 0));
  s.coach.data.person.attendance.push_back(sat);
  const ui::CoachPersonView v = ui::make_coach_person_view(s, test::strings());
  REQUIRE(v.weeks.size() == static_cast<std::size_t>(core::kStripWeeks));
  for (const auto& w : v.weeks) CHECK(w.size() == 7);
  CHECK(v.weeks[4][5].date == "2026-11-21");
  CHECK(v.weeks[4][5].label == "za 21");
  CHECK(v.weeks[4][5].parts[0] == ui::Mark::Present);
  CHECK(v.weeks[4][6].date == "2026-11-22");
  CHECK(v.counts == "4 dagdelen aanwezig, 1 afgemeld, 3 niet gekomen");
}

TEST_CASE("coach views: the strip's no-shows end once the morning is over, and at the exit", "[ui][coach]") {
  core::State s = ayse_page();
  s.now = test::kMonday1245;
  ui::CoachPersonView v = ui::make_coach_person_view(s, test::strings());
  CHECK(v.weeks[5][0].parts[0] == ui::Mark::NoShow);
  CHECK(v.counts == "3 dagdelen aanwezig, 1 afgemeld, 4 niet gekomen");
  // Left on 11 November: nothing is expected after that.
  s.coach.data.exits = {{"ev-exit", "p-ayse", "2026-11-11", core::ExitReason::Work, "c-marloes", 0}};
  v = ui::make_coach_person_view(s, test::strings());
  CHECK(v.left);
  // Not the day itself either, as in the month overview (core::expected_parts): one rule everywhere.
  CHECK(v.weeks[3][2].parts[0] == ui::Mark::None);
  CHECK(v.weeks[3][0].parts[0] == ui::Mark::Absent);
  CHECK(v.weeks[4][2].parts[0] == ui::Mark::None);
  CHECK(v.weeks[5][0].parts[0] == ui::Mark::None);
  CHECK(v.weeks[4][0].parts[0] == ui::Mark::Present);  // what happened still shows
}

TEST_CASE("coach views: the page's ladder, its history and the hours per place", "[ui][coach]") {
  core::State s = ayse_page();
  core::PersonData& d = s.coach.data.person;
  core::LadderAssessment last = test::assessment("p-ayse", "2026-11-02", 3, 2);
  last.areas[1] = core::AreaStatus::Working;
  d.ladder = {test::assessment("p-ayse", "2026-09-01", 2, 0), test::assessment("p-ayse", "2026-10-01", 2, 4), last};
  d.hours = {hours_entry("h1", "Voedselbank", 90, 60, core::HoursStatus::Approved),
             hours_entry("h2", "Kringloop", 45, 45, core::HoursStatus::Approved),
             hours_entry("h3", "Voedselbank", 30, 30, core::HoursStatus::Approved),
             hours_entry("h4", "Kringloop", 120, 0, core::HoursStatus::Rejected),
             hours_entry("h5", "Voedselbank", 60, 0, core::HoursStatus::Waiting)};
  const ui::Strings tr = test::strings();
  const ui::CoachPersonView v = ui::make_coach_person_view(s, tr);

  CHECK(v.rungs == 6);
  CHECK(v.ladder_now == "3 Deelname aan georganiseerde activiteiten");
  CHECK(v.ladder_progress_value == 2);
  CHECK(v.ladder_date == "2 nov, Marloes Kuipers");
  REQUIRE(v.areas.size() == 1);
  CHECK(v.areas[0].first == tr.get("area.financial"));
  CHECK(v.areas[0].second == tr.get("area_status.working"));
  REQUIRE(v.ladder_history.size() == 3);
  CHECK(v.ladder_history[0].date == "1 sep");
  CHECK(v.ladder_history[1].date == "1 okt");
  CHECK(v.ladder_history[2].date == "2 nov");
  CHECK(v.ladder_history[0].value == Approx(2.0));
  // Within its rung: the top of rung 2 stays below rung 3.
  CHECK(v.ladder_history[1].value > 2.0f);
  CHECK(v.ladder_history[1].value < 3.0f);
  CHECK(v.ladder_history[2].value > 3.0f);
  CHECK(v.ladder_history[2].value < 4.0f);
  CHECK(v.ladder_history[1].value > v.ladder_history[2].value - 1.0f);

  // Approved minutes per place, in the order first seen; rejected and waiting hours not counted.
  REQUIRE(v.hours_per_place.size() == 2);
  CHECK(v.hours_per_place[0] == std::make_pair(std::string("Voedselbank"), ui::hours_text(90, tr)));
  CHECK(v.hours_per_place[0].second == "1:30 uur");
  CHECK(v.hours_per_place[1] == std::make_pair(std::string("Kringloop"), ui::hours_text(45, tr)));
  REQUIRE(v.waiting.size() == 1);
  CHECK(v.waiting[0].id == "h5");
  REQUIRE(core::get_if<core::HoursApproveTapped>(&v.waiting[0].primary) != nullptr);
  CHECK(core::get_if<core::HoursApproveTapped>(&v.waiting[0].primary)->hours_event == "h5");
}

TEST_CASE("coach views: no ladder yet, and no hours", "[ui][coach]") {
  const ui::CoachPersonView v = ui::make_coach_person_view(ayse_page(), test::strings());
  CHECK(v.ladder_now.empty());
  CHECK(v.ladder_history.empty());
  CHECK_FALSE(v.no_ladder.empty());
  CHECK(v.hours_per_place.empty());
  CHECK(v.waiting.empty());
}

TEST_CASE("coach views: the page's history names who changed what, and why, newest first", "[ui][coach]") {
  core::State s = ayse_page();
  auto& h = s.coach.data.person.history;
  h = {
      event("e1", test::local_ms(2026, 11, 20, 15, 10), core::ev::HoursLogged{"2026-11-20", "Voedselbank", 150}),
      event("e2", test::local_ms(2026, 11, 23, 9, 30), core::ev::HoursDecided{"e1", true, 150, "checked", "c-marloes"}),
      event("e3", test::local_ms(2026, 11, 23, 9, 35),
            core::ev::AttendanceRecorded{"2026-11-17", core::Dagdeel::Afternoon, 1, 2, "seen", "c-erik"}),
      event("e4", test::local_ms(2026, 11, 23, 9, 40),
            core::ev::HoursDecided{"e9", false, 60, "duplicate", "c-marloes"})};
  const ui::CoachPersonView v = ui::make_coach_person_view(s, test::strings());
  REQUIRE(v.history.size() == 4);
  CHECK(v.history[0].find("23 nov 09:40") == 0);
  CHECK(v.history[0].find("Marloes Kuipers") != std::string::npos);
  CHECK(v.history[1] == "23 nov 09:35  Erik Bos: aanwezig middag 17 nov vastgelegd (zelf gezien)");
  CHECK(v.history[2] == "23 nov 09:30  Marloes Kuipers: uren goedgekeurd, 2:30 uur (nagevraagd)");
  CHECK(v.history[3] == "20 nov 15:10  Zelf: 2:30 uur bij Voedselbank ingevuld");
}

// A batch recorded at once (the demo's seed, a synced day) folds grouped by event type: the page
// still reads as a timeline (issue 16).
TEST_CASE("coach views: the history is newest first even when the fold order groups by type", "[ui][coach]") {
  core::State s = ayse_page();
  s.coach.data.person.history = {
      event("h1", test::local_ms(2026, 11, 16, 10, 0), core::ev::HoursLogged{"2026-11-16", "Voedselbank", 60}),
      event("h2", test::local_ms(2026, 11, 20, 10, 0), core::ev::HoursLogged{"2026-11-20", "Kringloop", 90}),
      event("a1", test::local_ms(2026, 11, 18, 9, 0),
            core::ev::AttendanceRecorded{"2026-11-18", core::Dagdeel::Morning, 1, 2, "seen", "c-erik"}),
      event("a2", test::local_ms(2026, 11, 23, 9, 0),
            core::ev::AttendanceRecorded{"2026-11-23", core::Dagdeel::Morning, 1, 2, "seen", "c-erik"})};
  const ui::CoachPersonView v = ui::make_coach_person_view(s, test::strings());
  REQUIRE(v.history.size() == 4);
  CHECK(v.history[0].rfind("23 nov 09:00", 0) == 0);
  CHECK(v.history[1].rfind("20 nov 10:00", 0) == 0);
  CHECK(v.history[2].rfind("18 nov 09:00", 0) == 0);
  CHECK(v.history[3].rfind("16 nov 10:00", 0) == 0);
}

TEST_CASE("coach views: the note editor counts and only saves a note with text", "[ui][coach]") {
  core::State s = ayse_page();
  s.coach.note_open = true;
  s.coach.note = "   ";
  const ui::Strings tr = test::strings();
  ui::CoachPersonView v = ui::make_coach_person_view(s, tr);
  CHECK(v.note_open);
  CHECK_FALSE(v.can_save_note);
  CHECK(v.note_count == "3 / " + std::to_string(core::kMaxNoteLength));
  s.coach.note = " Belt terug";
  v = ui::make_coach_person_view(s, tr);
  CHECK(v.can_save_note);
  CHECK(v.note_text == " Belt terug");
  s.coach.busy = true;
  CHECK_FALSE(ui::make_coach_person_view(s, tr).can_save_note);
}

// [SECTION] The ladder form and the tab bar

TEST_CASE("coach views: the ladder form has one active option per group, rungs from the config", "[ui][coach]") {
  core::State s = ayse_page();
  s.screen = core::Screen::CoachLadder;
  s.config.ladder_rungs = {"Thuis", "Buiten de deur", "Werk"};
  s.coach.ladder.moment = core::LadderMoment::Monthly;
  s.coach.ladder.rung = 2;
  s.coach.ladder.progress = 3;
  s.coach.ladder.areas[0] = core::AreaStatus::Working;
  s.coach.ladder.areas[3] = core::AreaStatus::UnderControl;
  const ui::CoachLadderView v = ui::make_coach_ladder_view(s, test::strings());
  CHECK(v.name == "Ayşe Yılmaz");
  auto active = [](const std::vector<ui::CoachLadderView::Option>& options) {
    return std::count_if(options.begin(), options.end(), [](const auto& o) { return o.active; });
  };
  auto active_id = [](const std::vector<ui::CoachLadderView::Option>& options) {
    for (const auto& o : options)
      if (o.active) return o.id;
    return std::string();
  };
  REQUIRE(v.moments.size() == 3);
  CHECK(active(v.moments) == 1);
  CHECK(active_id(v.moments) == "moment:monthly");

  REQUIRE(v.rungs.size() == 3);
  CHECK(v.rungs[0].label == "1 Thuis");
  CHECK(v.rungs[1].label == "2 Buiten de deur");
  CHECK(v.rungs[2].label == "3 Werk");
  CHECK(active(v.rungs) == 1);
  CHECK(active_id(v.rungs) == "rung:2");
  for (std::size_t i = 0; i < v.rungs.size(); ++i) {
    const auto* tap = core::get_if<core::LadderRungTapped>(&v.rungs[i].action);
    REQUIRE(tap != nullptr);
    CHECK(tap->rung == static_cast<int>(i) + 1);
  }

  REQUIRE(v.progress.size() == static_cast<std::size_t>(core::kLadderProgressSteps + 1));
  CHECK(active(v.progress) == 1);
  CHECK(active_id(v.progress) == "progress:3");

  REQUIRE(v.areas.size() == core::kProblemAreas.size());
  for (const auto& a : v.areas) {
    REQUIRE(a.states.size() == 3);
    CHECK(active(a.states) == 1);
  }
  CHECK(active_id(v.areas[0].states) == "area:psychological:working");
  CHECK(active_id(v.areas[1].states) == "area:financial:none");
  CHECK(active_id(v.areas[3].states) == "area:addiction:under_control");
  const auto* tap = core::get_if<core::LadderAreaTapped>(&v.areas[4].states[2].action);
  REQUIRE(tap != nullptr);
  CHECK(tap->area == 4);
  CHECK(tap->status == core::AreaStatus::UnderControl);
}

TEST_CASE("coach views: the page and the ladder form belong to the People tab", "[ui][coach]") {
  core::State s = ayse_page();
  const ui::Strings tr = test::strings();
  for (core::Screen sc : {core::Screen::CoachPeople, core::Screen::CoachPerson, core::Screen::CoachLadder}) {
    s.screen = sc;
    const ui::CoachNav nav = ui::make_coach_nav(s, tr);
    REQUIRE(nav.tabs.size() == 4);
    CHECK(std::count_if(nav.tabs.begin(), nav.tabs.end(), [](const auto& t) { return t.active; }) == 1);
    CHECK(nav.tabs[1].active);
    CHECK(nav.tabs[1].screen == core::Screen::CoachPeople);
    CHECK(nav.coach_name == "Marloes Kuipers");
  }
  s.screen = core::Screen::CoachToday;
  CHECK(ui::make_coach_nav(s, tr).tabs[0].active);
}

TEST_CASE("coach views: the page prints a card, or says why there is no card code", "[ui][coach][cards]") {
  core::State s = monday();
  s.screen = core::Screen::CoachPerson;
  s.coach.person_id = "p-ayse";
  s.coach.data.person.participant_id = "p-ayse";
  const ui::Strings tr = test::strings();
  ui::CoachPersonView v = ui::make_coach_person_view(s, tr);
  CHECK(v.show_card);
  CHECK(v.can_print_card);
  CHECK(v.card_label == "Kaart afdrukken");
  CHECK(v.card_note.find("voornaam") != std::string::npos);

  auto people = test::people();
  people[0].card_code.clear();
  s.roster = std::make_shared<const core::Roster>(people);
  v = ui::make_coach_person_view(s, tr);
  CHECK(v.show_card);
  CHECK_FALSE(v.can_print_card);
  CHECK(v.card_label == "Geen kaartcode");
  CHECK(v.card_note.find("deelnemerslijst") != std::string::npos);
}

TEST_CASE("coach views: a kiosk without coaches says how to add one, in every language", "[ui][coach]") {
  core::State s = monday();
  s.screen = core::Screen::CoachPin;
  s.coach.coach_id.clear();
  ui::Strings tr = test::strings();
  CHECK_FALSE(ui::make_coach_pin_view(s, tr).no_coaches);  // not read yet: the pad as always
  s.coaches = std::vector<core::Coach>{{"c-marloes", "Marloes Kuipers"}};
  CHECK_FALSE(ui::make_coach_pin_view(s, tr).no_coaches);
  s.coaches = std::vector<core::Coach>{};
  ui::CoachPinView v = ui::make_coach_pin_view(s, tr);
  CHECK(v.no_coaches);
  CHECK(v.no_coaches_title == "Nog geen coaches op deze kiosk");
  CHECK(v.no_coaches_text.find("koppel") != std::string::npos);  // no server: link the kiosk first
  CHECK(v.no_coaches_command.find("meedoen-server add-coach --centre") == 0);
  s.sync.configured = true;
  v = ui::make_coach_pin_view(s, tr);
  CHECK(v.no_coaches_text.find("synchroniseert de kiosk vanzelf") != std::string::npos);
  std::set<std::string> titles;
  tr.load(test::assets_dir() + "/i18n", {"nl", "en", "tr", "pl"});
  for (const char* lang : {"nl", "en", "tr", "pl"}) {
    tr.set_language(lang);
    v = ui::make_coach_pin_view(s, tr);
    INFO(lang);
    CHECK(v.no_coaches_title.find("no_coaches") == std::string::npos);  // translated, not the key
    titles.insert(v.no_coaches_title);
    CHECK(v.no_coaches_command.find("meedoen-server add-coach") == 0);  // the command is the command
  }
  CHECK(titles.size() == 4);
}

TEST_CASE("coach views: changing the PIN asks for the old one, the new one, then the new one again", "[ui][coach]") {
  core::State s = monday();
  s.screen = core::Screen::CoachPinChange;
  const ui::Strings tr = test::strings();
  ui::CoachPinChangeView v = ui::make_coach_pin_change_view(s, tr);
  CHECK(v.title == "PIN wijzigen");
  CHECK(v.step_text == "Typ je huidige PIN.");
  CHECK(v.coach_name == "Marloes Kuipers");
  s.coach.pin_step = core::PinChangeStep::New;
  s.coach.pin = "13";
  v = ui::make_coach_pin_change_view(s, tr);
  CHECK(v.step_text == "Kies een nieuwe PIN van 6 cijfers.");
  CHECK(v.digits_entered == 2);
  s.coach.pin_step = core::PinChangeStep::Repeat;
  CHECK(ui::make_coach_pin_change_view(s, tr).step_text == "Typ de nieuwe PIN nog een keer.");
  s.coach.guard.locked_until = s.now + core::seconds(30);
  CHECK(ui::make_coach_pin_change_view(s, tr).locked);
}

TEST_CASE("coach views: Today names an unencrypted disk first and lists events from a wrong clock last",
          "[ui][coach][security]") {
  core::State s = monday();
  const ui::Strings tr = test::strings();
  s.storage_unprotected = "sda2";
  const core::TimeMs in_2099 = core::from_local("2099-11-23", 9 * 60);
  s.coach.data.clock_off = {{"e-far", "p-ayse", "check_in", "kiosk-b", in_2099, s.now, true},
                            {"e-prog", "", "activity_saved", "kiosk-b", in_2099, s.now, false}};
  const ui::CoachTodayView v = ui::make_coach_today_view(s, tr);
  REQUIRE(v.items.size() >= 3);
  CHECK(v.items.front().kind == AttentionItem::Kind::Storage);
  CHECK(v.items.front().who == "Deze kiosk");
  CHECK(v.items.front().what.find("sda2") != std::string::npos);
  CHECK(v.items.front().what.find("zonder versleuteling") != std::string::npos);

  const AttentionItem* ayse = find(v, AttentionItem::Kind::ClockOff, "Ayşe Yılmaz");
  REQUIRE(ayse != nullptr);
  CHECK(ayse->what == "Inchecken, gestempeld op 23 nov 2099 09:00: de klok van een kiosk stond verkeerd. Klopt het?");
  CHECK(ayse->primary_label == "Openen");  // her page, to check it
  const AttentionItem* programme = find(v, AttentionItem::Kind::ClockOff, "Programma");
  REQUIRE(programme != nullptr);
  CHECK(programme->what.rfind("Een wijziging, gestempeld op 23 nov 2099", 0) == 0);
  CHECK(v.items.back().kind == AttentionItem::Kind::ClockOff);

  // In English too (tr, pl: the catalogue test checks every key is in each).
  ui::Strings en = test::strings();
  en.set_language("en");
  CHECK(ui::make_coach_today_view(s, en).items.front().what.find("without encryption (sda2)") != std::string::npos);
}
