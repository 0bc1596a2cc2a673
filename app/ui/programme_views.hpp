// View models of the coach's Programme tab and the activity editor. Pure builders over
// core::State with translated words, unit-tested without ImGui (tests/ui/programme_views_test.cpp).
#pragma once
#include <string>
#include <vector>

#include "core/state.hpp"
#include "ui/i18n.hpp"

namespace meedoen::ui {

struct ProgrammeRow {
  std::string id, icon, time, title;
  std::string where;      // "Huiskamer - Marloes"
  std::string signed_up;  // "3 van 10 aangemeld", "Open voor iedereen, 2 aangemeld"
  std::string badge;      // "Vrijwilligerswerk" or ""
  std::string once;       // "Eenmalig, woensdag 25 november" or "" for weekly
  bool active = true;
};

struct CoachProgrammeView {
  std::string title, new_label, empty_text, taken_off_title, put_back_label;
  struct Day {
    std::string title;  // "Maandag"
    std::vector<ProgrammeRow> rows;
  };
  std::vector<Day> days;  // Monday .. Sunday, only days with activities
  std::vector<ProgrammeRow> taken_off;
  std::string error;  // a failed save (put back)
  bool busy = false;
};

struct ActivityEditView {
  std::string title;  // "Nieuwe activiteit" / "Activiteit wijzigen"
  struct Field {
    core::TextField field = core::TextField::None;
    std::string id, label, value;
    bool active = false;  // the keyboard types here
    bool empty = false;   // value is the "tap to type" hint
  };
  std::vector<Field> fields;
  // The keyboard, when a field is active (the schedule controls are under it otherwise).
  bool keyboard = false;
  std::string typed;  // the active field's text (decides capitals)
  std::string space_label, erase_label, done_label, too_long;

  struct Icon {
    std::string key;
    bool selected = false;
  };
  std::vector<Icon> icons;
  std::string weekly_label, once_label;
  bool once = false;
  struct Day {
    int weekday = 0;
    std::string id, label;
    bool selected = false;
  };
  std::vector<Day> weekdays;  // weekly
  std::string date_text;      // once: "woensdag 25 november"
  bool can_date_back = false;
  struct Part {
    core::Dagdeel dagdeel = core::Dagdeel::Morning;
    std::string id, label;
    bool selected = false;
  };
  std::vector<Part> parts;
  std::string start_label, end_label, start_text, end_text;
  bool can_start_earlier = false, can_start_later = false, can_end_earlier = false, can_end_later = false;
  std::string places_label, places_text;
  bool can_places_down = false, can_places_up = false;
  std::string volunteer_label;
  bool volunteer = false;

  std::string save_label, take_off_label, cancel_label;
  bool can_save = false;
  std::string problem;  // why Save is disabled, "" when it is not
  bool can_take_off = false;
  std::string error;  // a failed save: the form is kept
  bool confirming = false;
  std::string confirm_title, confirm_text, confirm_yes, confirm_no;
  bool busy = false;
};

CoachProgrammeView make_coach_programme_view(const core::State& s, const Strings& tr);
ActivityEditView make_activity_edit_view(const core::State& s, const Strings& tr);

}  // namespace meedoen::ui
