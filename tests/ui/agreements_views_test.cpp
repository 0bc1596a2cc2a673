// The coach's agreements editor: its view model (dates, the week grid, hours, rhythm, toggles,
// Save greyed out with an end before the start) and the real screen in a headless ImGui at
// 1280x800, 1024x600 (the smallest the kiosk accepts) and 1080x1920 (portrait): every target
// >= 64 px, on screen, none on top of another, and taps give the editor's actions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/ui_fixtures.hpp"
#include "ui/coach_views.hpp"
#include "ui/screens/screens.hpp"
#include "ui/view_models.hpp"
#include "ui/widgets/widgets.hpp"

using namespace meedoen;

namespace {

// Ayşe's agreements open in the editor, as AgreementsOpenTapped leaves them.
core::State editor() {
  test::use_amsterdam_time();
  core::State s = test::centre();
  s.now = s.last_input = test::kMonday0942;
  s.language = "nl";
  s.coach.coach_id = "c-1";
  s.coach.person_id = "p-ayse";
  s.screen = core::Screen::CoachAgreements;
  core::AgreementsForm& f = s.coach.agreements;
  f.start_date = "2026-09-01";
  f.agreed_parts = core::agreed_bit(0, core::Dagdeel::Morning) | core::agreed_bit(2, core::Dagdeel::Afternoon);
  f.agreed_minutes = 270;
  f.talk_every_days = 14;
  f.show_agreed_hours = true;
  return s;
}

template <class T>
const T* action_of(const ui::Actions& actions) {
  for (const auto& a : actions)
    if (const auto* x = core::get_if<T>(&a)) return x;
  return nullptr;
}

bool overlap(const ui::FrameRecord::Target& a, const ui::FrameRecord::Target& b) {
  return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

}  // namespace

TEST_CASE("agreements view: dates, the week grid, hours, rhythm and toggles as the form holds them", "[ui][coach]") {
  core::State s = editor();
  const ui::Strings tr = test::strings();
  ui::CoachAgreementsView v = ui::make_coach_agreements_view(s, tr);
  CHECK(v.name == "Ayşe Yılmaz");
  CHECK(v.start.value == "di 1 sep 2026");
  CHECK(v.end.value == "geen einddatum");
  CHECK_FALSE(v.end.set);
  REQUIRE(v.start.steps.size() == 6);
  CHECK(v.start.steps[0].label == "- maand");
  CHECK(v.start.steps[5].label == "+ maand");
  const auto* step = core::get_if<core::AgreementsDateStepped>(&v.end.steps[3].action);
  REQUIRE(step != nullptr);
  CHECK(step->end);
  CHECK(step->step == core::DateStep::Day);
  CHECK(step->direction == 1);
  REQUIRE(v.grid.size() == 3);
  REQUIRE(v.grid[0].size() == 7);
  REQUIRE(v.day_labels.size() == 7);
  CHECK(v.day_labels[0] == "ma");
  int on = 0;
  for (const auto& row : v.grid)
    on += static_cast<int>(std::count_if(row.begin(), row.end(), [](const auto& o) { return o.active; }));
  CHECK(on == 2);
  CHECK(v.grid[0][0].active);
  CHECK(v.grid[1][2].active);
  CHECK(v.grid[1][2].id == "part:2:afternoon");
  CHECK(v.hours_value == "4:30 uur");
  REQUIRE(v.hours_steps.size() == 4);
  CHECK(core::get_if<core::AgreementsHoursStepped>(&v.hours_steps[1].action)->minutes == -15);
  CHECK(v.rhythm_value == "2 wk");
  CHECK(v.show_hours.active);
  CHECK_FALSE(v.photo.active);
  CHECK(v.warning.empty());
  CHECK(v.can_save);

  s.coach.agreements.end_date = "2026-08-31";
  s.coach.agreements.agreed_minutes = 0;
  s.coach.agreements.talk_every_days = 10;
  v = ui::make_coach_agreements_view(s, tr);
  CHECK(v.warning == "De einddatum ligt vóór de startdatum.");
  CHECK_FALSE(v.can_save);
  CHECK(v.hours_value == "geen");
  CHECK(v.rhythm_value == "10 d");
  s.coach.agreements.end_date.clear();
  s.coach.busy = true;
  CHECK_FALSE(ui::make_coach_agreements_view(s, tr).can_save);
}

TEST_CASE("agreements screen: fits 1280x800, 1024x600 and 1080x1920, taps give the editor's actions", "[ui][coach]") {
  for (ImVec2 size : {ImVec2(1280, 800), ImVec2(1024, 600), ImVec2(1080, 1920)}) {
    INFO("display " << size.x << "x" << size.y);
    test::Headless h(size.x, size.y);
    ui::Strings tr = test::strings();
    core::State s = editor();
    s.coach.agreements.end_date = "2026-08-31";  // the warning line shows too
    const ui::FrameView v = ui::make_frame_view(s, tr);
    h.frames_of(v, 3);
    const auto& rec = ui::frame_record();
    CHECK(rec.min_target_px >= 64.0f);
    REQUIRE(rec.targets.size() >= 1 + 1 + 2 * 7 + 4 + 2 + 21 + 2);
    for (std::size_t i = 0; i < rec.targets.size(); ++i) {
      const auto& t = rec.targets[i];
      INFO(t.id << " [" << t.min.x << "," << t.min.y << " - " << t.max.x << "," << t.max.y << "]");
      CHECK(std::min(t.max.x - t.min.x, t.max.y - t.min.y) >= 64.0f);
      CHECK(t.min.x >= 0);
      CHECK(t.min.y >= 0);
      CHECK(t.max.x <= size.x + 0.5f);
      CHECK(t.max.y <= size.y + 0.5f);
      for (std::size_t j = i + 1; j < rec.targets.size(); ++j) CHECK_FALSE(overlap(t, rec.targets[j]));
    }
    CHECK(rec.shows("De einddatum ligt vóór de startdatum."));
    const auto* save = rec.find_target("agreements:save");
    REQUIRE(save != nullptr);
    CHECK_FALSE(save->enabled);
    auto tap = [&](const char* id) {
      const auto* t = ui::frame_record().find_target(id);
      INFO("tap " << id);
      REQUIRE(t != nullptr);
      return h.tap(v, test::centre_of(*t));
    };
    const ui::Actions on_part = tap("part:4:evening");  // kept: action_of points into it
    const auto* part = action_of<core::AgreementsPartTapped>(on_part);
    REQUIRE(part != nullptr);
    CHECK(part->weekday == 4);
    CHECK(part->dagdeel == core::Dagdeel::Evening);
    CHECK(action_of<core::AgreementsDateStepped>(tap("end:+week")) != nullptr);
    CHECK(action_of<core::AgreementsDateCleared>(tap("start:clear")) != nullptr);
    const ui::Actions on_hours = tap("hours:15");
    REQUIRE(action_of<core::AgreementsHoursStepped>(on_hours) != nullptr);
    CHECK(action_of<core::AgreementsHoursStepped>(on_hours)->minutes == 15);
    const ui::Actions on_rhythm = tap("rhythm:-");
    REQUIRE(action_of<core::AgreementsRhythmStepped>(on_rhythm) != nullptr);
    CHECK(action_of<core::AgreementsRhythmStepped>(on_rhythm)->weeks == -1);
    CHECK(action_of<core::AgreementsPhotoTapped>(tap("toggle:photo")) != nullptr);
    CHECK(action_of<core::BackTapped>(tap("back")) != nullptr);
  }
}

TEST_CASE("agreements screen: the participant page opens the editor", "[ui][coach]") {
  test::Headless h(1280, 800);
  ui::Strings tr = test::strings();
  core::State s = editor();
  s.screen = core::Screen::CoachPerson;
  s.coach.data.loaded = true;
  s.coach.data.person.participant_id = "p-ayse";
  const ui::FrameView v = ui::make_frame_view(s, tr);
  h.frames_of(v, 3);
  const auto* button = ui::frame_record().find_target("Afspraken wijzigen");
  REQUIRE(button != nullptr);
  CHECK(action_of<core::AgreementsOpenTapped>(h.tap(v, test::centre_of(*button))) != nullptr);
}

TEST_CASE("agreements view: the participant's history names the coach who changed the agreements", "[ui][coach]") {
  core::State s = editor();
  s.screen = core::Screen::CoachPerson;
  s.coach.data.loaded = true;
  s.coach.data.coaches = {{"c-1", "Marloes Kuipers"}};
  s.coach.data.person.participant_id = "p-ayse";
  core::Event e;
  e.id = "e-1";
  e.type = core::ev::AgreementsChanged::kName;
  e.participant_id = "p-ayse";
  e.wall = test::kMonday0942;
  e.body = core::ev::AgreementsChanged{"2026-09-01", "", 1, 14, 240, true, false, "c-1"};
  s.coach.data.person.history = {e};
  const ui::CoachPersonView v = ui::make_coach_person_view(s, test::strings());
  REQUIRE(v.history.size() == 1);
  CHECK(v.history[0].find("Marloes Kuipers: afspraken gewijzigd") != std::string::npos);
  CHECK(v.agreements_label == "Afspraken wijzigen");
}
