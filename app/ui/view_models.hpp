// View models: everything a screen shows, as plain values with all words already translated.
// Built from core::State by pure functions (no ImGui), so they are unit-tested directly.
#pragma once
#include <string>
#include <vector>

#include "core/state.hpp"
#include "ui/i18n.hpp"

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
};

struct WelcomeView {
  std::string centre_name, clock, date;
  bool show_start = true;  // off when the centre turned name search off: cards only
  std::string start_label, start_hint;
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

struct HomeView {
  std::string greeting;
  bool checked_in = false;
  std::string action_label;  // "Inchecken" or "Uitchecken"
  std::string status;        // "Je bent er sinds 09:42"
  std::string today_title, no_activities, done_label;
  std::vector<ActivityLine> today;
  bool busy = false;
};

struct ConfirmationView {
  bool checked_in = true;
  std::string headline;  // "Je bent ingecheckt, 09:42"
  std::string message;   // "Fijn dat je er bent!"
  std::string ok_label;
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
  PromptView prompt;
  std::string notice;  // "" when none
};

// Builds the view of the current screen; tr is switched to the session's language.
FrameView make_frame_view(const core::State& s, Strings& tr);

// Pieces, exposed for tests.
std::string short_name(const core::Participant& p);  // "Fatima E."
std::string long_date(const core::LocalTime& lt, const Strings& tr);
std::vector<ActivityLine> today_lines(const core::State& s);

}  // namespace meedoen::ui
