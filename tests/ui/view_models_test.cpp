// View models built from core::State driven by core::update(), with the real translations.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/ui_fixtures.hpp"
#include "ui/view_models.hpp"

using namespace meedoen;
using core::Screen;
using test::FakeKiosk;
using test::kMonday0942;
using test::local_ms;

namespace {

// Every string a frame view would put on screen, for "is X shown anywhere" checks.
std::vector<std::string> all_texts(const ui::FrameView& v) {
  std::vector<std::string> t;
  const auto& w = v.welcome;
  for (const auto* s :
       {&w.centre_name, &w.clock, &w.date, &w.start_label, &w.start_hint, &w.today_title, &w.no_activities})
    t.push_back(*s);
  for (const auto& a : w.today) t.insert(t.end(), {a.time, a.title, a.place});
  for (const auto& l : w.languages) t.push_back(l.label);
  const auto& s = v.search;
  for (const auto* x :
       {&s.title, &s.hint, &s.query, &s.none_text, &s.scan_hint, &s.back_label, &s.space_label, &s.erase_label})
    t.push_back(*x);
  for (const auto& m : s.matches) t.insert(t.end(), {m.label, m.initials});
  const auto& p = v.pin;
  t.insert(t.end(), {p.title, p.hint, p.back_label, p.erase_label, p.paused_hint});
  const auto& h = v.home;
  t.insert(t.end(), {h.greeting, h.action_label, h.status, h.today_title, h.no_activities, h.done_label});
  for (const auto& a : h.today) t.insert(t.end(), {a.time, a.title, a.place});
  const auto& c = v.confirmation;
  t.insert(t.end(), {c.headline, c.message, c.ok_label});
  t.insert(t.end(), {v.prompt.title, v.prompt.countdown, v.prompt.continue_label, v.notice});
  return t;
}

bool shows(const ui::FrameView& v, const std::string& needle) {
  for (const auto& s : all_texts(v))
    if (s.find(needle) != std::string::npos) return true;
  return false;
}

std::vector<std::string> labels(const ui::SearchView& s) {
  std::vector<std::string> out;
  for (const auto& m : s.matches) out.push_back(m.label);
  return out;
}

// Identified by card at t (Fatima unless told otherwise), on the home screen.
FakeKiosk at_home(core::TimeMs t, const char* card = "C003") {
  FakeKiosk k(test::centre(), t);
  k.touch(core::CardScanned{card});
  return k;
}

// Checks in on the home screen and lets the platform store it; returns the stored attendance.
core::Attendance check_in(FakeKiosk& k) {
  k.touch(core::CheckInTapped{});
  const auto* rc = k.command<core::RecordCheckIn>();
  REQUIRE(rc != nullptr);
  const core::Attendance a = test::stored(*rc);
  k.act(core::AttendanceStored{a, core::Outcome::CheckedIn});
  return a;
}

}  // namespace

TEST_CASE("view models: welcome shows centre, clock, Dutch date, today's programme and languages", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr = test::strings();
  FakeKiosk k(test::centre(), kMonday0942);
  const ui::FrameView v = ui::make_frame_view(k.state(), tr);
  REQUIRE(v.screen == Screen::Welcome);
  const auto& w = v.welcome;
  CHECK(w.centre_name == "De Cirkel");
  CHECK(w.clock == "09:42");
  CHECK(w.date == "maandag 23 november");
  CHECK(w.start_label == "Start");
  CHECK(w.start_hint == "Tik hier of scan je pas");
  CHECK(w.today_title == "Vandaag");

  // Monday's two activities by start time; Tuesday's garden is not today.
  REQUIRE(w.today.size() == 2);
  CHECK(w.today[0].title == "Koffieochtend");
  CHECK(w.today[0].time == "09:30 - 11:00");
  CHECK(w.today[0].icon == "coffee");
  CHECK(w.today[0].place == "Huiskamer");
  CHECK(w.today[1].title == "Samen koken");
  CHECK(w.today[1].time == "13:00 - 15:00");
  CHECK_FALSE(shows(v, "Moestuin"));

  // Each language button says its own name; the session language is marked.
  REQUIRE(w.languages.size() == 4);  // Dutch, English, Turkish, Polish
  CHECK(w.languages[0].code == "nl");
  CHECK(w.languages[0].label == "Nederlands");
  CHECK(w.languages[0].active);
  CHECK(w.languages[1].code == "en");
  CHECK(w.languages[1].label == "English");
  CHECK_FALSE(w.languages[1].active);
  CHECK(w.languages[2].code == "tr");
  CHECK(w.languages[3].code == "pl");
  CHECK(tr.language() == "nl");  // building the buttons leaves the session language in place

  // Nobody's name is on the welcome screen, not even of people checked in today.
  for (const auto& p : test::people()) {
    INFO(p.first_name << " " << p.last_name);
    CHECK_FALSE(shows(v, p.first_name));
    CHECK_FALSE(shows(v, p.last_name));
  }
  CHECK(v.notice.empty());
  CHECK_FALSE(v.prompt.visible);

  SECTION("the clock follows the ticks") {
    k.tick_at(local_ms(2026, 11, 23, 9, 43, 5));
    CHECK(ui::make_frame_view(k.state(), tr).welcome.clock == "09:43");
  }
  SECTION("English after the language button") {
    k.touch(core::LanguageTapped{"en"});
    const ui::FrameView e = ui::make_frame_view(k.state(), tr);
    CHECK(e.welcome.date == "Monday 23 November");
    CHECK(e.welcome.start_hint == "Tap here or scan your card");
    CHECK(e.welcome.languages[0].label == "Nederlands");
    CHECK_FALSE(e.welcome.languages[0].active);
    CHECK(e.welcome.languages[1].active);
  }
  SECTION("Tuesday shows Tuesday's programme") {
    FakeKiosk tue(test::centre(), local_ms(2026, 11, 24, 9, 0));
    const ui::FrameView t = ui::make_frame_view(tue.state(), tr);
    CHECK(t.welcome.date == "dinsdag 24 november");
    REQUIRE(t.welcome.today.size() == 1);
    CHECK(t.welcome.today[0].title == "Moestuin");
  }
  SECTION("a day without activities says so") {
    FakeKiosk sun(test::centre(), local_ms(2026, 11, 29, 11, 0));
    const ui::FrameView t = ui::make_frame_view(sun.state(), tr);
    CHECK(t.welcome.date == "zondag 29 november");
    CHECK(t.welcome.today.empty());
    CHECK(t.welcome.no_activities == "Vandaag geen activiteiten");
  }
}

TEST_CASE("view models: long dates in Dutch and English", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr = test::strings();
  CHECK(ui::long_date(core::to_local(kMonday0942), tr) == "maandag 23 november");
  CHECK(ui::long_date(core::to_local(local_ms(2026, 1, 1, 12, 0)), tr) == "donderdag 1 januari");
  CHECK(ui::long_date(core::to_local(test::kSummerNoon), tr) == "woensdag 1 juli");
  // Just after midnight local time, still the previous day in UTC.
  CHECK(ui::long_date(core::to_local(local_ms(2026, 3, 1, 0, 30)), tr) == "zondag 1 maart");
  tr.set_language("en");
  CHECK(ui::long_date(core::to_local(kMonday0942), tr) == "Monday 23 November");
}

TEST_CASE("view models: short names are the first name and the surname's initial", "[ui]") {
  CHECK(ui::short_name(test::person("1", "Ayşe", "Yılmaz", "")) == "Ayşe Y.");
  CHECK(ui::short_name(test::person("2", "Ruud", "van den Berg", "")) == "Ruud B.");  // Dutch prefix skipped
  CHECK(ui::short_name(test::person("3", "Fatima", "El Amrani", "")) == "Fatima E.");
  CHECK(ui::short_name(test::person("4", "Ali", "Öztürk", "")) == "Ali Ö.");  // a whole UTF-8 character
  CHECK(ui::short_name(test::person("5", "Kees", "'t Hart", "")) == "Kees H.");
  CHECK(ui::short_name(test::person("6", "Piet", "de  Vries", "")) == "Piet V.");
  CHECK(ui::short_name(test::person("7", "Mo", "", "")) == "Mo");
}

TEST_CASE("view models: search shows at most six matches, first name and initial only", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr = test::strings();
  FakeKiosk k(test::centre(), kMonday0942);
  k.touch(core::StartTapped{});
  REQUIRE(k.state().screen == Screen::Search);

  ui::FrameView v = ui::make_frame_view(k.state(), tr);
  CHECK(v.search.matches.empty());
  CHECK_FALSE(v.search.show_none);  // nothing typed is not "nobody found"
  CHECK(v.search.title == "Wie ben jij?");
  CHECK(v.search.hint == "Tik de eerste letters van je naam");
  CHECK(v.search.back_label == "Terug");
  CHECK(v.search.space_label == "spatie");
  CHECK(v.search.erase_label == "wissen");

  SECTION("seven people match \"A\": six tiles") {
    k.touch(core::SearchTyped{"A"});
    v = ui::make_frame_view(k.state(), tr);
    CHECK(v.search.query == "A");
    CHECK(v.search.matches.size() == core::kMaxSearchMatches);
    CHECK(labels(v.search) ==
          std::vector<std::string>{"Ahmed B.", "Ali Ö.", "Amira H.", "Annelies G.", "Anouk B.", "Ayşe Y."});
    CHECK_FALSE(v.search.show_none);
    for (const auto& p : test::people()) {
      INFO(p.last_name);
      CHECK_FALSE(shows(v, p.last_name));  // surnames never appear in full
    }
    CHECK_FALSE(shows(v, "Piotr"));  // no match, not shown
    CHECK_FALSE(shows(v, "Ruud"));
  }
  SECTION("labels with diacritics and prefixes") {
    k.touch(core::SearchTyped{"Ay"});
    v = ui::make_frame_view(k.state(), tr);
    REQUIRE(v.search.matches.size() == 1);
    CHECK(v.search.matches[0].label == "Ayşe Y.");
    CHECK(v.search.matches[0].initials == "AY");
    CHECK(v.search.matches[0].id == "p-ayse");

    k.touch(core::SearchErased{});
    k.touch(core::SearchErased{});
    k.touch(core::SearchTyped{"berg"});  // the surname finds Ruud too
    v = ui::make_frame_view(k.state(), tr);
    REQUIRE(v.search.matches.size() == 1);
    CHECK(v.search.matches[0].label == "Ruud B.");
    CHECK(v.search.matches[0].initials == "RB");

    k.touch(core::BackTapped{});
    k.touch(core::StartTapped{});
    k.touch(core::SearchTyped{"Fat"});
    v = ui::make_frame_view(k.state(), tr);
    REQUIRE(v.search.matches.size() == 1);
    CHECK(v.search.matches[0].label == "Fatima E.");
    CHECK_FALSE(shows(v, "Amrani"));
  }
  SECTION("accent-insensitive: \"ozt\" finds Öztürk") {
    k.touch(core::SearchTyped{"ozt"});
    v = ui::make_frame_view(k.state(), tr);
    REQUIRE(v.search.matches.size() == 1);
    CHECK(v.search.matches[0].label == "Ali Ö.");
  }
  SECTION("a query without a match shows the none text") {
    k.touch(core::SearchTyped{"Xq"});
    v = ui::make_frame_view(k.state(), tr);
    CHECK(v.search.matches.empty());
    CHECK(v.search.show_none);
    CHECK(v.search.none_text == "Niemand gevonden. Probeer een andere letter.");
    k.touch(core::SearchErased{});  // "X" still finds nobody
    CHECK(ui::make_frame_view(k.state(), tr).search.show_none);
    k.touch(core::SearchErased{});  // empty again: guidance, not "nobody"
    CHECK_FALSE(ui::make_frame_view(k.state(), tr).search.show_none);
  }
}

TEST_CASE("view models: PIN pad shows the first name and progress, and the pause", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr = test::strings();
  FakeKiosk k(test::centre(), kMonday0942);
  k.touch(core::StartTapped{});
  k.touch(core::SearchTyped{"Ruud"});
  k.touch(core::ParticipantChosen{"p-ruud"});
  ui::FrameView v = ui::make_frame_view(k.state(), tr);
  REQUIRE(v.screen == Screen::Pin);
  CHECK(v.pin.title == "Hallo Ruud");
  CHECK(v.pin.hint == "Tik je code");
  CHECK(v.pin.digits_entered == 0);
  CHECK(v.pin.digits_total == 4);
  CHECK_FALSE(shows(v, "Berg"));

  k.touch(core::PinDigit{'1'});
  k.touch(core::PinDigit{'2'});
  CHECK(ui::make_frame_view(k.state(), tr).pin.digits_entered == 2);

  for (int attempt = 0; attempt < core::kMaxWrongPins; ++attempt) {
    while (k.state().pin.size() < core::kPinLength) k.touch(core::PinDigit{'9'});
    CHECK(ui::make_frame_view(k.state(), tr).pin.busy);
    k.act(core::PinChecked{"p-ruud", false});
  }
  v = ui::make_frame_view(k.state(), tr);
  CHECK(v.pin.paused);
  // Until when, as a clock time: paused at 09:42 for five minutes (issue 16).
  CHECK(v.pin.paused_hint == "Op pauze tot 09:47. Vraag een coach om hulp");
  CHECK(v.notice == "Je code is even op pauze. Vraag een coach om hulp.");
}

TEST_CASE("view models: home greets by time of day", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr = test::strings();
  struct Case {
    int hour, minute;
    const char* greeting;
  };
  for (const Case& c :
       {Case{9, 42, "Goedemorgen, Fatima"}, Case{11, 59, "Goedemorgen, Fatima"}, Case{12, 0, "Goedemiddag, Fatima"},
        Case{14, 0, "Goedemiddag, Fatima"}, Case{17, 59, "Goedemiddag, Fatima"}, Case{18, 0, "Goedenavond, Fatima"},
        Case{20, 0, "Goedenavond, Fatima"}}) {
    INFO(c.hour << ":" << c.minute);
    FakeKiosk k = at_home(local_ms(2026, 11, 23, c.hour, c.minute));
    const ui::FrameView v = ui::make_frame_view(k.state(), tr);
    REQUIRE(v.screen == Screen::Home);
    CHECK(v.home.greeting == c.greeting);
  }
}

TEST_CASE("view models: home offers check-in, then check-out once stored", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr = test::strings();
  FakeKiosk k = at_home(kMonday0942);
  ui::FrameView v = ui::make_frame_view(k.state(), tr);
  REQUIRE(v.screen == Screen::Home);
  CHECK_FALSE(v.home.checked_in);
  CHECK(v.home.action_label == "Inchecken");
  CHECK(v.home.status == "Tik om in te checken");
  CHECK(v.home.done_label == "Klaar");
  CHECK(v.home.today.size() == 2);
  // Only her own first name: nobody else's, and not her surname.
  for (const auto& p : test::people()) {
    INFO(p.first_name << " " << p.last_name);
    CHECK_FALSE(shows(v, p.last_name));
    if (p.id != "p-fatima") CHECK_FALSE(shows(v, p.first_name));
  }

  // Busy while the write is under way.
  k.touch(core::CheckInTapped{});
  CHECK(ui::make_frame_view(k.state(), tr).home.busy);
  const auto* rc = k.command<core::RecordCheckIn>();
  REQUIRE(rc != nullptr);
  const core::Attendance a = test::stored(*rc);
  k.act(core::AttendanceStored{a, core::Outcome::CheckedIn});

  v = ui::make_frame_view(k.state(), tr);
  REQUIRE(v.screen == Screen::Confirmation);
  CHECK(v.confirmation.checked_in);
  CHECK(v.confirmation.headline == "Je bent ingecheckt, 09:42");
  CHECK(v.confirmation.message == "Fijn dat je er bent!");
  CHECK(v.confirmation.ok_label == "OK");

  // Back at home later (card again): the button now checks out.
  k.tick_at(local_ms(2026, 11, 23, 10, 15));
  k.touch(core::CardScanned{"C003"});
  v = ui::make_frame_view(k.state(), tr);
  REQUIRE(v.screen == Screen::Home);
  CHECK(v.home.checked_in);
  CHECK(v.home.action_label == "Uitchecken");
  CHECK(v.home.status == "Je bent er sinds 09:42");

  k.touch(core::CheckOutTapped{});
  const auto* co = k.command<core::RecordCheckOut>();
  REQUIRE(co != nullptr);
  core::Attendance out = a;
  out.check_out = co->at;
  k.act(core::AttendanceStored{out, core::Outcome::CheckedOut});
  v = ui::make_frame_view(k.state(), tr);
  REQUIRE(v.screen == Screen::Confirmation);
  CHECK_FALSE(v.confirmation.checked_in);
  CHECK(v.confirmation.headline == "Je bent uitgecheckt, 10:15");
  CHECK(v.confirmation.message == "Tot de volgende keer!");
}

TEST_CASE("view models: a participant's own language", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr = test::strings();
  FakeKiosk k = at_home(kMonday0942, "C001");  // Ayşe prefers English
  ui::FrameView v = ui::make_frame_view(k.state(), tr);
  REQUIRE(v.screen == Screen::Home);
  CHECK(v.home.greeting == "Good morning, Ayşe");
  CHECK(v.home.action_label == "Check in");
  CHECK(v.home.status == "Tap to check in");
  CHECK(v.home.done_label == "Done");

  check_in(k);
  v = ui::make_frame_view(k.state(), tr);
  CHECK(v.confirmation.headline == "You are checked in, 09:42");

  // The next person starts in the centre's language again.
  k.touch(core::DoneTapped{});
  v = ui::make_frame_view(k.state(), tr);
  REQUIRE(v.screen == Screen::Welcome);
  CHECK(v.welcome.start_hint == "Tik hier of scan je pas");
  CHECK(v.welcome.date == "maandag 23 november");
}

TEST_CASE("view models: the inactivity prompt counts down from 10 after 30 s", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr = test::strings();
  FakeKiosk k = at_home(kMonday0942);

  k.advance(core::seconds(29));
  CHECK_FALSE(ui::make_frame_view(k.state(), tr).prompt.visible);

  k.advance(core::seconds(1));
  ui::FrameView v = ui::make_frame_view(k.state(), tr);
  REQUIRE(v.prompt.visible);
  CHECK(v.screen == Screen::Home);  // drawn above the screen it interrupts
  CHECK(v.prompt.seconds_left == 10);
  CHECK(v.prompt.title == "Ben je er nog?");
  CHECK(v.prompt.countdown == "Over 10 seconden gaan we terug naar het begin");
  CHECK(v.prompt.continue_label == "Ja, ik ben er nog");

  k.advance(core::seconds(9));
  v = ui::make_frame_view(k.state(), tr);
  CHECK(v.prompt.seconds_left == 1);
  CHECK(v.prompt.countdown.find(" 1 ") != std::string::npos);

  SECTION("still here: the prompt goes away") {
    k.touch(core::StillHereTapped{});
    CHECK_FALSE(ui::make_frame_view(k.state(), tr).prompt.visible);
    CHECK(k.state().screen == Screen::Home);
  }
  SECTION("nobody: back to the welcome screen without a prompt") {
    k.advance(core::seconds(1));
    v = ui::make_frame_view(k.state(), tr);
    CHECK(v.screen == Screen::Welcome);
    CHECK_FALSE(v.prompt.visible);
  }
  SECTION("no prompt on the welcome screen") {
    FakeKiosk w(test::centre(), kMonday0942);
    w.advance(core::minutes(5));
    CHECK_FALSE(ui::make_frame_view(w.state(), tr).prompt.visible);
  }
}

TEST_CASE("view models: notices are calm sentences that go away", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr = test::strings();
  FakeKiosk k(test::centre(), kMonday0942);
  k.touch(core::CardScanned{"NOPE-123"});
  ui::FrameView v = ui::make_frame_view(k.state(), tr);
  CHECK(v.screen == Screen::Welcome);
  CHECK(v.notice == "Deze pas kennen we niet. Vraag een coach om hulp.");
  k.advance(core::seconds(5));
  CHECK_FALSE(ui::make_frame_view(k.state(), tr).notice.empty());
  k.advance(core::seconds(1));
  CHECK(ui::make_frame_view(k.state(), tr).notice.empty());

  SECTION("in the participant's language") {
    FakeKiosk a = at_home(kMonday0942, "C001");
    check_in(a);
    a.touch(core::CardScanned{"C001"});
    a.touch(core::CheckInTapped{});
    v = ui::make_frame_view(a.state(), tr);
    CHECK(v.notice == "You were already checked in.");
  }
  SECTION("a failed write") {
    FakeKiosk f = at_home(kMonday0942);
    f.touch(core::CheckInTapped{});
    f.act(core::StoreFailed{"disk full"});
    v = ui::make_frame_view(f.state(), tr);
    CHECK(v.notice == "Dat lukte niet. Probeer het nog eens of vraag een coach.");
    CHECK_FALSE(shows(v, "disk full"));  // technical reasons go to the log, not the screen
  }
}

// prompt.countdown has one form for every number, so the last second reads "Over 1 seconden"
// ("In 1 seconds"): wrong Dutch and English on the screen people read most anxiously.
TEST_CASE("view models: the countdown sentence is singular at one second", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr = test::strings();
  FakeKiosk k = at_home(kMonday0942);
  k.advance(core::seconds(39));
  ui::FrameView v = ui::make_frame_view(k.state(), tr);
  REQUIRE(v.prompt.seconds_left == 1);
  CHECK(v.prompt.countdown == "Over 1 seconde gaan we terug naar het begin");
  k.touch(core::OpenTapped{core::Screen::Language});  // home changes the language on a screen of its own
  k.touch(core::LanguageTapped{"en"});
  k.advance(core::seconds(39));
  v = ui::make_frame_view(k.state(), tr);
  REQUIRE(v.prompt.seconds_left == 1);
  CHECK(v.prompt.countdown == "In 1 second we go back to the start");
}

TEST_CASE("view models: welcome and search follow the centre's identification settings", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr = test::strings();
  SECTION("cards only: no Start button, a hint to scan") {
    core::State s = test::centre();
    s.config.identification.name_search = false;
    FakeKiosk k(std::move(s), kMonday0942);
    const ui::FrameView v = ui::make_frame_view(k.state(), tr);
    CHECK_FALSE(v.welcome.show_start);
    CHECK(v.welcome.start_hint == "Scan je pas om te beginnen");
  }
  SECTION("no card readers: Start, and no word about cards on the search screen") {
    core::State s = test::centre();
    s.config.identification.card = false;
    FakeKiosk k(std::move(s), kMonday0942);
    ui::FrameView v = ui::make_frame_view(k.state(), tr);
    CHECK(v.welcome.show_start);
    CHECK(v.welcome.start_hint == "Tik hier om te beginnen");
    k.touch(core::StartTapped{});
    v = ui::make_frame_view(k.state(), tr);
    REQUIRE(v.screen == Screen::Search);
    CHECK(v.search.scan_hint.empty());
  }
}

TEST_CASE("view models: home's week joins a day's dagdelen with the language's own comma", "[ui]") {
  test::use_amsterdam_time();
  ui::Strings tr;
  tr.load(test::assets_dir() + "/i18n", {"nl", "ar", "ti"});
  core::State s = at_home(kMonday0942).state();
  const auto absent = [&s](core::Dagdeel d) {
    return core::Absence{"abs", s.participant_id, "2026-11-26", d, core::AbsenceReason::Sick, false};
  };
  s.me.absences = {absent(core::Dagdeel::Morning), absent(core::Dagdeel::Afternoon)};
  for (const auto& [language, comma] : {std::pair{"nl", ", "}, {"ar", "\u060C "}, {"ti", "\u1363 "}}) {
    INFO(language);
    s.language = language;
    tr.set_language(language);  // as make_frame_view does
    const ui::HomeView h = ui::make_home_view(s, tr);
    const auto line =
        std::find_if(h.agenda.begin(), h.agenda.end(), [](const ui::AgendaLine& l) { return l.icon == "absence"; });
    REQUIRE(line != h.agenda.end());
    CHECK(line->when.find(comma) != std::string::npos);
    if (std::string(language) != "nl") CHECK(line->when.find(", ") == std::string::npos);
  }
}
