// View models of coach mode: the coach PIN pad and Today (exceptions first, then who is here).
// Pure builders over core::State, unit-tested without ImGui (tests/ui/coach_views_test.cpp).
#pragma once
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "core/state.hpp"
#include "ui/i18n.hpp"

namespace meedoen::ui {

struct CoachPinView {
  std::string title, hint, back_label, erase_label, ok_label, locked_text;
  bool can_ok = false;    // a PIN of the old length (core::kCoachOldPinLength) waits for OK
  bool show_back = true;  // not on an office PC: the pad is its home
  bool locked = false;
  bool busy = false;
  int digits_entered = 0;
  int digits_total = core::kCoachPinLength;
  // No coach can log in on this kiosk: instead of a pad no PIN can open, how to add a coach.
  bool no_coaches = false;
  std::string no_coaches_title, no_coaches_text, no_coaches_command;
};

// A coach changes their own PIN: the step says which PIN the pad asks for now.
struct CoachPinChangeView {
  std::string title, step_text, coach_name, cancel_label, erase_label, ok_label, locked_text;
  bool can_ok = false;  // the current PIN, of the old length, waits for OK
  int step = 0;         // 0 old, 1 new, 2 new again (the three dots above the pad)
  bool locked = false;
  bool busy = false;
  int digits_entered = 0;
  int digits_total = core::kCoachPinLength;
};

// One exception on Today, with the action that resolves it.
struct AttentionItem {
  // Storage: the kiosk's own disk (first); ClockOff: events stamped by a wrong clock (last).
  enum class Kind { Storage, NotHere, Correction, Forgotten, Hours, Talk, Absent, EndDate, NotSeen, ClockOff };
  Kind kind = Kind::NotHere;
  std::string id;             // hours event or check-in event the actions name; participant id otherwise
  std::string icon;           // pictogram key
  std::string who;            // full name: coaches see whom it is about
  std::string what;           // the exception in one line
  std::string participation;  // "verplicht" / "vrijwillig": coaches only
  bool mandatory = false;
  bool mine = false;  // the logged-in coach's own participant
  // Buttons: "" = none. Primary resolves (approve, accept, confirm); secondary is the other way.
  std::string primary_label, secondary_label;
  core::Action primary, secondary;  // what each button does
  std::string person_id;            // tapping the name opens their page
};

// A choice that waits over the screen: the reason for a decision, an absence reason, an exit
// reason. Each option carries the action it sends.
struct ChoiceOption {
  std::string id;  // "reason:checked", "choice:sick", ... (replays tap these)
  std::string label;
  core::Action action;
};

// The bar over every coach screen after the PIN: tabs, who is logged in, the clock, the sync
// status and the way out.
struct CoachNav {
  struct Tab {
    core::Screen screen = core::Screen::CoachToday;
    std::string id, icon, label;
    bool active = false;
  };
  std::vector<Tab> tabs;
  std::string coach_name;  // "Marloes Kuipers"
  std::string clock;       // "maandag 23 november  09:42"
  std::string sync_line;   // "Online, laatst 09:41, niets te versturen"; "" when no server is set
  bool sync_trouble = false;
  std::string leave_label;
  bool busy = false;
};

struct CoachTodayView {
  std::string title;       // "Vandaag, maandag 23 november"
  std::string coach_name;  // "Marloes Kuipers"
  std::string sync_line;   // as in CoachNav (kept here for the view-model tests)
  bool sync_trouble = false;
  std::string attention_title, all_clear, loading;
  std::vector<AttentionItem> items;
  struct HereLine {
    std::string who, since, participation;
    bool mandatory = false;
    bool left = false;  // checked out already
  };
  struct HereGroup {
    std::string title;  // "Ochtend (5)"
    std::vector<HereLine> people;
  };
  std::string here_title, nobody_here;
  std::vector<HereGroup> here;
  // A decision waiting for its reason: a row of fixed reasons over the screen.
  bool asking_reason = false;
  std::string reason_title, reason_subject, cancel_label;
  std::vector<ChoiceOption> reasons;
  bool busy = false;
  bool loaded = false;
};

// [SECTION] Participants

struct CoachPeopleView {
  std::string title;  // "Deelnemers (42)"
  std::string mine_label, all_label;
  bool all = false;
  struct Row {
    std::string id, name, participation, coach, last_seen, rung, end;
    bool mandatory = false;
    bool warn = false;  // not seen for a while, or the end date near or past
  };
  std::vector<Row> rows;
  std::string left_title;  // "Uitgestroomd (2)"
  std::vector<Row> left;
  std::string empty_text, loading;
  bool loaded = false;
};

// One day of the attendance strip: up to three dagdelen, each a mark.
enum class Mark { None, Present, PresentByCoach, Absent, NoShow, Future };
struct StripDay {
  std::string label;  // "ma 16"
  std::string date;
  bool today = false;
  std::array<Mark, 3> parts{};     // indexed by dagdeel
  std::array<std::string, 3> tip;  // reason for an absence ("ziek"), "" otherwise
};

struct CoachPersonView {
  std::string participant_id;
  std::string back_label, name, participation, coach_line;
  bool mandatory = false;
  bool left = false;
  std::vector<std::string> facts;  // "Gestart 1 maart 2026", "Loopt tot ...", "Vaste dagdelen: ...", ...
  std::string strip_title, legend_present, legend_coach, legend_absent, legend_no_show;
  std::vector<std::vector<StripDay>> weeks;  // oldest first, Monday..Friday (+ weekend when used)
  std::string strip_hint;                    // "Tik een lege dag om aanwezigheid vast te leggen"
  std::string counts;                        // "Laatste 6 weken: 11 dagdelen aanwezig, 2 afgemeld, 1 niet gekomen"

  std::string ladder_title, ladder_now, ladder_progress, ladder_date;
  int ladder_steps = core::kLadderProgressSteps;
  int ladder_progress_value = 0;
  std::vector<std::pair<std::string, std::string>> areas;  // area label, status label
  struct Point {
    std::string date;  // "mrt"
    float value = 0;   // rung + progress / (steps + 1): a full rung stays below the next one
  };
  std::vector<Point> ladder_history;
  int rungs = 6;
  std::string no_ladder;

  std::string hours_title;
  std::vector<std::pair<std::string, std::string>> hours_per_place;  // place, "12:30 uur"
  std::string waiting_title;
  std::vector<AttentionItem> waiting;  // hours waiting, with approve / reject
  std::string signups_title;
  std::vector<std::string> signups;  // "di 24 nov 09:30 Buurtmoestuin"
  std::string notes_title;
  struct NoteLine {
    std::string when, who, text;
  };
  std::vector<NoteLine> notes;
  std::string history_title;
  std::vector<std::string>
      history;  // newest first: "23 nov 09:50 Marloes Kuipers: uren goedgekeurd, 2:30 uur (gecontroleerd)"

  // Buttons
  std::string agreements_label;  // under the facts: opens the agreements editor
  std::string ladder_label, note_label, talk_label, report_label, exit_label;
  // The card to print (not for someone who left): what is on it, or why there is none.
  bool show_card = false;
  bool can_print_card = false;  // a card code is on the roster
  std::string card_title, card_label, card_note;
  // The note editor
  bool note_open = false;
  std::string note_title, note_text, note_count, save_label, cancel_label, space_label, erase_label;
  bool can_save_note = false;

  bool asking = false;  // a choice over the page
  std::string choice_title, choice_subject;
  std::vector<ChoiceOption> choices;
  bool busy = false;
  bool loaded = false;
  std::string loading;
};

struct CoachLadderView {
  std::string back_label, title, name;
  std::string moment_title, rung_title, progress_title, areas_title, save_label;
  struct Option {
    std::string id, label;
    bool active = false;
    core::Action action;
  };
  std::vector<Option> moments;
  std::vector<Option> rungs;     // "1 Geïsoleerd", ...
  std::vector<Option> progress;  // 0 .. 4
  struct Area {
    std::string label;
    std::vector<Option> states;  // none / working / under control
  };
  std::vector<Area> areas;
  bool busy = false;
};

// The agreements editor: every control a big tap target (dates with steppers, a week grid of
// dagdelen, hours in quarter-hour steps, the talk rhythm, two toggles).
struct CoachAgreementsView {
  std::string back_label, title, name, save_label;
  bool can_save = false;  // not while busy or with an end before the start
  bool busy = false;
  using Option = CoachLadderView::Option;
  struct DateField {
    std::string title, value;  // "Startdatum", "ma 1 sep 2026" or "onbekend"
    bool set = false;
    std::vector<Option> steps;  // - month, - week, - day, + day, + week, + month
    Option clear;
  };
  DateField start, end;
  std::string warning;  // "De einddatum ligt vóór de startdatum." or ""
  std::string parts_title;
  std::vector<std::string> day_labels;      // ma .. zo
  std::vector<std::string> dagdeel_labels;  // Ochtend, Middag, Avond
  std::vector<std::vector<Option>> grid;    // [dagdeel][weekday]
  std::string hours_title, hours_value;     // "4:30 uur" or "geen"
  std::vector<Option> hours_steps;          // -1 h, -15 m, +15 m, +1 h
  std::string rhythm_title, rhythm_value;   // "Gesprek met de coach, elke", "2 wk" or "geen"
  std::vector<Option> rhythm_steps;         // - 1 wk, + 1 wk
  Option show_hours, photo;                 // toggles: active = on
};

CoachPinView make_coach_pin_view(const core::State& s, const Strings& tr);
CoachPinChangeView make_coach_pin_change_view(const core::State& s, const Strings& tr);
CoachNav make_coach_nav(const core::State& s, const Strings& tr);
CoachPeopleView make_coach_people_view(const core::State& s, const Strings& tr);
CoachPersonView make_coach_person_view(const core::State& s, const Strings& tr);
CoachLadderView make_coach_ladder_view(const core::State& s, const Strings& tr);
CoachAgreementsView make_coach_agreements_view(const core::State& s, const Strings& tr);
std::string coach_name(const core::State& s);  // the logged-in coach's name
CoachTodayView make_coach_today_view(const core::State& s, const Strings& tr);
std::string full_name(const core::Participant& p);  // "Ruud van den Berg"

}  // namespace meedoen::ui
