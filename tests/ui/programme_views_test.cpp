// The Programme tab and the activity editor: view models without ImGui, then the real screens in
// a headless ImGui at 1280x800 and 1920x1080 (targets >= 64 px, everything inside the window,
// taps give the right actions).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/ui_fixtures.hpp"
#include "ui/programme_views.hpp"
#include "ui/screens/screens.hpp"
#include "ui/view_models.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/widgets.hpp"

using namespace meedoen;

namespace {

core::State coach_state(core::Screen screen) {
  test::use_amsterdam_time();
  core::State s = test::centre();
  s.now = test::kMonday0942;
  s.language = "nl";
  s.coach.coach_id = "c-1";
  s.screen = screen;
  s.programme[0].capacity = 10;
  s.programme[0].volunteer_work = true;
  core::Activity off = s.programme[1];
  off.id = "a-oud";
  off.title = "Oude cursus";
  off.active = false;
  s.programme.push_back(off);
  core::Activity once = s.programme[2];
  once.id = "a-feest";
  once.title = "Buurtfeest";
  once.weekday = 2;
  once.date = "2026-11-25";
  s.programme.push_back(once);
  for (const char* p : {"p-ayse", "p-jan"}) {
    core::SignUp su;
    su.activity_id = "a-koken";
    su.date = "2026-11-23";
    su.participant_id = p;
    su.placed = true;
    s.signups.push_back(su);
  }
  return s;
}

const ui::ProgrammeRow* row(const ui::CoachProgrammeView& v, const std::string& id) {
  for (const auto& d : v.days)
    for (const auto& r : d.rows)
      if (r.id == id) return &r;
  for (const auto& r : v.taken_off)
    if (r.id == id) return &r;
  return nullptr;
}

template <class T>
const T* action_of(const ui::Actions& actions) {
  for (const auto& a : actions)
    if (const auto* x = core::get_if<T>(&a)) return x;
  return nullptr;
}

}  // namespace

TEST_CASE("programme view: the week by weekday, what was taken off below", "[ui][programme]") {
  const ui::CoachProgrammeView v =
      ui::make_coach_programme_view(coach_state(core::Screen::CoachProgramme), test::strings());
  CHECK(v.title == "Weekprogramma");
  CHECK(v.new_label == "Nieuwe activiteit");
  REQUIRE(v.days.size() == 3);  // Monday, Tuesday, Wednesday (the one-off)
  CHECK(v.days[0].title == "Maandag");
  REQUIRE(v.days[0].rows.size() == 2);
  CHECK(v.days[0].rows[0].title == "Koffieochtend");  // by start time
  const ui::ProgrammeRow* koken = row(v, "a-koken");
  REQUIRE(koken != nullptr);
  CHECK(koken->time == "13:00 - 15:00");
  CHECK(koken->signed_up == "2 van 10 aangemeld");
  CHECK(koken->badge == "Vrijwilligerswerk");
  CHECK(row(v, "a-koffie")->signed_up == "Open voor iedereen, 0 aangemeld");
  CHECK(row(v, "a-feest")->once == "Eenmalig, woensdag 25 november");
  REQUIRE(v.taken_off.size() == 1);
  CHECK(v.taken_off[0].id == "a-oud");
  CHECK_FALSE(v.taken_off[0].active);
  CHECK(v.taken_off_title == "Van het programma gehaald");
}

TEST_CASE("activity editor view: Save waits with a reason, every pictogram has a glyph", "[ui][programme]") {
  core::State s = coach_state(core::Screen::CoachActivityEdit);
  s.programme_edit.is_new = true;
  s.programme_edit.form.icon = "event";
  s.programme_edit.form.start = 9 * 60;
  s.programme_edit.form.end = 12 * 60;
  s.programme_edit.field = core::TextField::Title;
  const ui::Strings tr = test::strings();
  ui::ActivityEditView v = ui::make_activity_edit_view(s, tr);
  CHECK(v.title == "Nieuwe activiteit");
  CHECK_FALSE(v.can_save);
  CHECK(v.problem == "Geef de activiteit een naam.");
  CHECK(v.keyboard);
  CHECK_FALSE(v.can_take_off);  // a new one is not on the programme yet
  REQUIRE(v.fields.size() == 3);
  CHECK(v.fields[0].active);
  CHECK(v.fields[1].value == "Tik om te typen");
  CHECK(v.icons.size() == core::kActivityIcons.size());
  for (const auto& ic : v.icons) CHECK(std::string(ui::icons::utf8(ic.key)) != "");
  for (auto key : core::kActivityIcons)
    if (key != "event") CHECK(std::string(ui::icons::utf8(key)) != ui::icons::utf8("event"));  // a glyph of its own
  s.programme_edit.form.title = "Breien";
  v = ui::make_activity_edit_view(s, tr);
  CHECK(v.can_save);
  CHECK(v.problem.empty());
  CHECK(v.start_text == "09:00");
  CHECK(v.places_text == "Open");
  s.programme_edit.too_long = true;
  CHECK(ui::make_activity_edit_view(s, tr).too_long == "Dit veld is vol: hoogstens 120 tekens.");
  s.programme_edit.form.title = std::string(10'000, 'x');
  v = ui::make_activity_edit_view(s, tr);
  CHECK_FALSE(v.can_save);
  CHECK(v.problem == "De naam is te lang: hoogstens 120 tekens.");
  s.programme_edit.error = "store_failed";
  CHECK(ui::make_activity_edit_view(s, tr).error.find("Opslaan is niet gelukt") == 0);
}

TEST_CASE("programme screens: fit, targets >= 64 px, taps give actions", "[ui][programme]") {
  for (ImVec2 size : {ImVec2(1280, 800), ImVec2(1920, 1080)}) {
    test::Headless h(size.x, size.y);
    ui::Strings tr = test::strings();
    core::State s = coach_state(core::Screen::CoachProgramme);
    ui::FrameView v = ui::make_frame_view(s, tr);
    h.frames_of(v, 3);
    const auto& rec = ui::frame_record();
    CHECK(rec.min_target_px >= 64.0f);
    for (const auto& t : rec.targets) {
      CHECK(t.max.x <= size.x + 0.5f);
      CHECK(t.max.y <= size.y + 0.5f);
    }
    const auto* koken = rec.find_target("Samen koken");
    REQUIRE(koken != nullptr);
    auto actions = h.tap(v, test::centre_of(*koken));
    REQUIRE(action_of<core::prog::EditTapped>(actions) != nullptr);
    CHECK(action_of<core::prog::EditTapped>(actions)->activity_id == "a-koken");
    const auto* fresh = ui::frame_record().find_target("Nieuwe activiteit");
    REQUIRE(fresh != nullptr);
    CHECK(action_of<core::prog::NewTapped>(h.tap(v, test::centre_of(*fresh))) != nullptr);

    // The editor, with the keyboard and with the schedule controls.
    for (auto field : {core::TextField::Title, core::TextField::None}) {
      core::State e = coach_state(core::Screen::CoachActivityEdit);
      e.programme_edit.form = e.programme[0];
      e.programme_edit.field = field;
      v = ui::make_frame_view(e, tr);
      h.frames_of(v, 3);
      const auto& r = ui::frame_record();
      CHECK(r.min_target_px >= 64.0f);
      for (const auto& t : r.targets) {
        INFO(t.id << " at " << t.max.x << "," << t.max.y);
        CHECK(t.max.x <= size.x + 0.5f);
        CHECK(t.max.y <= size.y + 0.5f);
      }
      CHECK(r.find_target("Opslaan") != nullptr);
      if (field == core::TextField::Title) {
        REQUIRE(r.find_target("key:A") != nullptr);
        CHECK(action_of<core::prog::Typed>(h.tap(v, test::centre_of(*ui::frame_record().find_target("key:A")))) !=
              nullptr);
      } else {
        REQUIRE(r.find_target("Van programma halen") != nullptr);
        REQUIRE(r.find_target("weekday:3") != nullptr);
        const auto* thu = ui::frame_record().find_target("weekday:3");
        const ui::Actions tapped = h.tap(v, test::centre_of(*thu));
        const auto* chosen = action_of<core::prog::WeekdayChosen>(tapped);
        REQUIRE(chosen != nullptr);
        CHECK(chosen->weekday == 3);
      }
    }
  }
}
