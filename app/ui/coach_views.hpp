// View models of coach mode: the coach PIN pad and Today (exceptions first, then who is here).
// Pure builders over core::State, unit-tested without ImGui (tests/ui/coach_views_test.cpp).
#pragma once
#include <string>
#include <vector>

#include "core/state.hpp"
#include "ui/i18n.hpp"

namespace meedoen::ui {

struct CoachPinView {
  std::string title, hint, back_label, erase_label, locked_text;
  bool show_back = true;  // not on an office PC: the pad is its home
  bool locked = false;
  bool busy = false;
  int digits_entered = 0;
  int digits_total = core::kCoachPinLength;
};

// One exception on Today, with the action that resolves it.
struct AttentionItem {
  enum class Kind { NotHere, Correction, Forgotten, Hours, Absent, NotSeen };
  Kind kind = Kind::NotHere;
  std::string id;    // hours event or check-in event the actions name; participant id otherwise
  std::string icon;  // pictogram key
  std::string who;   // full name: coaches see whom it is about
  std::string what;  // the exception in one line
  std::string participation;  // "verplicht" / "vrijwillig": coaches only
  bool mandatory = false;
  bool mine = false;  // the logged-in coach's own participant
  // Buttons: "" = none. Primary resolves (approve, accept, confirm); secondary is the other way.
  std::string primary_label, secondary_label;
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
  std::string clock;
  std::string sync_line;  // "Online, laatst 09:41, niets te versturen"; "" when no server is set
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
  struct Reason {
    core::CoachReason reason;
    std::string label;
  };
  std::vector<Reason> reasons;
  bool busy = false;
  bool loaded = false;
};

CoachPinView make_coach_pin_view(const core::State& s, const Strings& tr);
CoachNav make_coach_nav(const core::State& s, const Strings& tr);
std::string coach_name(const core::State& s);  // the logged-in coach's name
CoachTodayView make_coach_today_view(const core::State& s, const Strings& tr);
std::string full_name(const core::Participant& p);  // "Ruud van den Berg"

}  // namespace meedoen::ui
