// View models: everything a screen shows, as plain values with all words already translated.
// Built from core::State by pure functions (no ImGui), so they are unit-tested directly.
#pragma once
#include <string>
#include <vector>

#include "core/state.hpp"
#include "ui/coach_views.hpp"
#include "ui/i18n.hpp"
#include "ui/programme_views.hpp"
#include "ui/report_views.hpp"
#include "ui/spoken.hpp"

namespace meedoen::ui {

struct ActivityLine {
  std::string icon;  // pictogram key
  std::string time;  // "09:30 - 11:00"
  std::string title;
  std::string place;
};

struct LanguageButton {
  std::string code;
  std::string label;  // the language's own name: "Nederlands", "English"
  bool active = false;
  bool enabled = true;  // off for a moment after a visit ended with a tap (core::kSettle)
};

// The participant's language screen (opened from home): a tap is this visit's language and their
// preference from now on.
struct LanguageView {
  std::string title, back_label;
  std::vector<LanguageButton> languages;
  bool busy = false;
};

struct WelcomeView {
  std::string centre_name, clock, date;
  bool show_start = true;  // off when the centre turned name search off: cards only
  std::string start_label, start_hint;
  bool show_grid = false;  // the centre offers the photo / initials grid
  std::string grid_label;
  std::string today_title, no_activities;
  std::vector<ActivityLine> today;
  std::vector<LanguageButton> languages;
};

struct SearchView {
  struct Match {
    std::string id;
    std::string label;  // first name + initial of the surname: "Fatima E."
    std::string initials;
  };
  std::string title, hint, query, none_text, back_label, space_label, erase_label;
  std::string scan_hint;  // "" when the centre has no card readers
  std::vector<Match> matches;
  bool show_none = false;
};

struct PinView {
  std::string title, hint, back_label, erase_label, paused_hint;
  int digits_entered = 0;
  int digits_total = core::kPinLength;
  bool paused = false;
  bool busy = false;
};

// A big tile that opens a screen.
struct Tile {
  core::Screen screen = core::Screen::Home;
  std::string id, icon, label;
};

// One line of "my week": an own sign-up or an appointment.
struct AgendaLine {
  std::string icon, when, title, note;
  bool highlight = false;  // good news: a place came free from the waiting list
};

struct HomeView {
  std::string greeting;
  std::vector<Tile> tiles;
  std::string agenda_title, agenda_empty;
  std::vector<AgendaLine> agenda;
  bool checked_in = false;
  std::string action_label;  // "Inchecken" or "Uitchecken"
  std::string status;        // "Je bent er sinds 09:42"
  std::string today_title, no_activities, done_label;
  std::vector<ActivityLine> today;
  std::string language_label;  // the current language's own name, on the button to the language screen
  bool busy = false;
};

struct ConfirmationView {
  core::Outcome outcome = core::Outcome::CheckedIn;
  std::string more_label;  // "" when the only way on is OK (check-in, check-out)
  bool checked_in = true;
  std::string headline;  // "Je bent ingecheckt, 09:42"
  std::string message;   // "Fijn dat je er bent!"
  std::string ok_label;
};

struct GridView {
  struct Face {
    std::string id, initials, label;
  };
  std::string title, back_label, prev_label, next_label, empty_text;
  std::vector<Face> faces;  // this page
  bool has_prev = false, has_next = false;
};

struct CheckoutQuestionView {
  std::string title, question, note, yes_label, no_label, unknown_label;
  std::string time;       // the recorded end, "12:30", under the clock face
  int minute_of_day = 0;  // the same, for the clock's hands
};

struct CheckoutCorrectView {
  std::string title, hint, time, earlier_label, later_label, save_label, back_label;
  int minute_of_day = 0;  // the time being set, for the clock's hands (portrait)
  bool busy = false;
};

struct DayChoice {
  int day = 0;
  std::string label;
  bool active = false;
};

struct ActivitiesView {
  enum class Action { SignUp, Cancel, JoinWaitingList, LeaveWaitingList, None };
  struct Row {
    std::string activity_id, icon, time, title, where, places;
    std::string status;  // "Je doet mee" / "Wachtlijst: nummer 2" / ""
    Action action = Action::SignUp;
    std::string action_label;
    bool mine = false;
    bool settling = false;  // just tapped: its opposite takes no tap for a moment (core::kSettle)
  };
  std::string title, back_label, empty_text;
  std::vector<DayChoice> days;
  std::vector<Row> rows;
  bool busy = false;
};

struct AbsenceView {
  struct Part {
    core::DayPart part;
    std::string label;
    bool chosen = false;
    bool reported = false;  // already reported absent for this dagdeel
  };
  struct DayRow {
    int day = 0;
    std::string label;
    std::vector<Part> parts;  // the dagdelen that are not over yet
  };
  struct Reason {
    core::AbsenceReason reason;
    std::string icon, label;
  };
  std::string title, when_title, why_title, back_label, chosen_text;
  std::vector<DayRow> days;
  std::vector<Reason> reasons;
  bool can_send = false;
  bool busy = false;
};

struct HoursView {
  struct Choice {
    std::string key, label;
    bool active = false;
    std::string short_label;  // days: "za 28" where two columns leave little room
  };
  struct Entry {
    std::string when, place, amount, status;
    bool approved = false;
  };
  std::string title, back_label, place_title, day_title, amount_title, amount, save_label;
  std::string less_label, more_label, no_places;
  std::vector<Choice> places;
  std::vector<Choice> days;   // key = days back: today and the six days before
  std::vector<Choice> quick;  // key = minutes: 1, 2, 3 and 4 hours in one tap
  bool can_save = false, can_less = true, can_more = true, busy = false;
  std::string week_total, month_total, agreed;  // agreed = "" unless the coach shows it
  std::string list_title;
  std::vector<Entry> entries;  // this week
};

struct ProgressView {
  struct Stat {
    std::string icon, value, label;
  };
  struct Milestone {
    std::string icon, label;
  };
  std::string title, back_label, milestones_title, none_yet, agreed;
  std::vector<Stat> stats;
  std::vector<Milestone> milestones;  // reached ones only: recognition, not deficits
  std::string next;                   // the next milestone, said kindly; "" when none
};

// The kiosk's database cannot be trusted (core::StorageFault): instead of every screen, what
// happened and what the coach should do. No buttons: nothing can be confirmed.
struct StorageFaultView {
  bool visible = false;
  std::string title, what, todo, participants;
};

struct PromptView {
  bool visible = false;
  std::string title, countdown, continue_label;
  int seconds_left = 0;
};

struct FrameView {
  core::Screen screen = core::Screen::Welcome;
  WelcomeView welcome;
  SearchView search;
  PinView pin;
  HomeView home;
  ConfirmationView confirmation;
  GridView grid;
  CheckoutQuestionView question;
  CheckoutCorrectView correct;
  ActivitiesView activities;
  AbsenceView absence;
  HoursView hours;
  ProgressView progress;
  LanguageView language;
  PromptView prompt;
  StorageFaultView storage_fault;
  CoachPinView coach_pin;
  CoachPinChangeView coach_pin_change;
  CoachNav coach_nav;  // on every coach screen after the PIN
  CoachTodayView coach_today;
  CoachPeopleView coach_people;
  CoachPersonView coach_person;
  CoachLadderView coach_ladder;
  CoachAgreementsView coach_agreements;
  ReportsView reports;
  CoachProgrammeView coach_programme;
  ActivityEditView activity_edit;
  bool coach_corner = true;  // the discreet button into coach mode (not on coach screens)
  std::string notice;        // "" when none
  bool notice_good = false;  // good news (green) rather than a hint (amber)
  Spoken spoken;             // what the speaker button reads (empty on coach screens)
  bool speaker = false;      // the speaker button shows: the platform can read spoken's language
};

// One button per language the kiosk offers, each in its own language (tr switches for a moment).
std::vector<LanguageButton> language_buttons(const core::State& s, Strings& tr);

// Builds the view of the current screen; tr is switched to the session's language.
FrameView make_frame_view(const core::State& s, Strings& tr);

// Pieces, exposed for tests.
std::string short_name(const core::Participant& p);  // "Fatima E."
std::string long_date(const core::LocalTime& lt, const Strings& tr);
std::vector<ActivityLine> today_lines(const core::State& s);
std::string first_char(const std::string& s);
std::string surname_initial(const std::string& last);
std::string time_of(core::TimeMs t);                                      // "09:42"
std::string hours_text(int minutes, const Strings& tr);                   // "1:30 uur"
std::string day_label(const core::State& s, int day, const Strings& tr);  // "Vandaag", "Morgen", "woensdag 25 november"
std::string tab_label(const core::State& s, int day, const Strings& tr);  // "Vandaag", "Morgen", "wo 25"
// Participants shown in the photo grid: those who consented, by first name.
std::vector<const core::Participant*> grid_people(const core::State& s);
constexpr std::size_t kGridPageSize = 12;

// Builders of the screens after identification (participant_views.cpp).
HomeView make_home_view(const core::State& s, const Strings& tr);
ActivitiesView make_activities_view(const core::State& s, const Strings& tr);
AbsenceView make_absence_view(const core::State& s, const Strings& tr);
HoursView make_hours_view(const core::State& s, const Strings& tr);
ProgressView make_progress_view(const core::State& s, const Strings& tr);
CheckoutQuestionView make_question_view(const core::State& s, const Strings& tr);
CheckoutCorrectView make_correct_view(const core::State& s, const Strings& tr);

}  // namespace meedoen::ui
