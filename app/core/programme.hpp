// The centre's programme as coaches edit it: the rules an activity must keep (shared by the
// kiosk's editor, the journal's validate() and the server), the editor's state and actions,
// and the reducer half (programme.cpp) that the top-level update() hands ProgrammeAction to. Pure.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/model.hpp"
#include "core/time.hpp"

namespace meedoen::core {

// [SECTION] Rules of an activity
constexpr std::size_t kMaxActivityTitle = 120;  // characters (code points), after trimming
constexpr std::size_t kMaxActivityText = 120;   // place and leader
constexpr int kMaxActivityCapacity = 500;
constexpr int kActivityTimeStep = 15;      // the editor's time steppers, minutes
constexpr int kLastMinute = 23 * 60 + 59;  // an activity ends by 23:59 (times travel as "HH:MM")

// The pictograms an activity may carry (ui/widgets/icons has a glyph for each).
constexpr std::array<std::string_view, 13> kActivityIcons{"event",    "coffee", "cooking", "garden", "language",
                                                          "computer", "walk",   "craft",   "party",  "bike",
                                                          "music",    "sport",  "shop"};
bool known_activity_icon(std::string_view key);

// The dagdeel a start time belongs to, config-free so kiosks and server agree: before 12:00
// morning, before 18:00 afternoon, else evening.
Dagdeel dagdeel_for_start(int minute_of_day);

enum class ActivityProblem {
  None,
  BadId,
  NoTitle,
  TitleTooLong,
  PlaceTooLong,
  LeaderTooLong,
  BadText,
  BadIcon,
  BadWeekday,
  BadDate,
  DateNotWeekday,
  BadTimes,
  DagdeelMismatch,
  BadCapacity
};
// "no_title", "title_too_long", ...: the key of the editor's message (activity.problem.<key>).
const char* activity_problem_key(ActivityProblem p);
// The first rule the activity breaks, None when it keeps them all.
ActivityProblem check_activity(const Activity& a);
std::size_t utf8_length(const std::string& s);  // code points
std::string trim(const std::string& s);

// True when the activity takes place on that ISO date: on the programme, and weekly on its
// weekday or once on exactly that date.
bool occurs_on(const Activity& a, const std::string& date);

// [SECTION] The editor
enum class TextField { None, Title, Place, Leader };

struct ProgrammeState {
  Activity form;  // the activity being edited (a copy; saved only on Save)
  bool is_new = false;
  TextField field = TextField::None;  // the field the on-screen keyboard types into
  bool confirm_take_off = false;
  bool too_long = false;  // the last typing was refused: the field is full
  std::string error;      // the last save failed (translated by the view); the form is kept
};

namespace prog {
struct NewTapped {};
struct EditTapped {
  std::string activity_id;
};
struct PutBackTapped {
  std::string activity_id;
};  // from "taken off the programme"
struct FieldTapped {
  TextField field;
};
struct Typed {
  std::string text;
};
struct Erased {};
struct KeyboardDone {};
struct IconChosen {
  std::string icon;
};
struct WeeklyChosen {};
struct OnceChosen {};
struct WeekdayChosen {
  int weekday;
};
struct DateStep {
  int days;
};
struct DagdeelChosen {
  Dagdeel dagdeel;
};
struct StartStep {
  int minutes;
};
struct EndStep {
  int minutes;
};
struct CapacityStep {
  int delta;
};
struct VolunteerToggled {};
struct SaveTapped {};
struct TakeOffTapped {};
struct TakeOffConfirmed {};
struct TakeOffCancelled {};
struct CancelTapped {};
// The answer to SaveActivity: the programme and the week's sign-ups as they now stand, or why not.
struct Stored {
  bool ok = false;
  std::string error;     // for the log
  Activity saved;        // as stored (with its new id)
  bool reloaded = true;  // false: stored, but the programme could not be read back
  std::vector<Activity> programme;
  std::vector<SignUp> signups;
};
}  // namespace prog

using ProgrammeAction =
    std::variant<prog::NewTapped, prog::EditTapped, prog::PutBackTapped, prog::FieldTapped, prog::Typed, prog::Erased,
                 prog::KeyboardDone, prog::IconChosen, prog::WeeklyChosen, prog::OnceChosen, prog::WeekdayChosen,
                 prog::DateStep, prog::DagdeelChosen, prog::StartStep, prog::EndStep, prog::CapacityStep,
                 prog::VolunteerToggled, prog::SaveTapped, prog::TakeOffTapped, prog::TakeOffConfirmed,
                 prog::TakeOffCancelled, prog::CancelTapped, prog::Stored>;

// [SECTION] Command
// Appends an activity_saved event in one durable transaction (id "" = a new activity: the
// platform makes a UUIDv7), then answers prog::Stored.
struct SaveActivity {
  Activity activity;
  std::string coach_id;
  TimeMs now = 0;
};

}  // namespace meedoen::core
