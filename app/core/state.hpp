// The kiosk's state as a value, the actions that change it and the commands update() asks for.
// update() is pure: it never reads a clock, a file or the network (lager / Elm architecture).
#pragma once
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "core/model.hpp"
#include "core/roster.hpp"
#include "core/time.hpp"

namespace meedoen::core {

enum class Screen { Welcome, Search, Pin, Home, Confirmation };

// Short calm messages; the UI maps each to a translated sentence.
enum class Notice { None, UnknownCard, WrongPin, PinPaused, StoreFailed, AlreadyCheckedIn, NotCheckedIn };

enum class Outcome { CheckedIn, CheckedOut };

struct PinGuard {
  int wrong = 0;
  TimeMs paused_until = 0;
};

constexpr int kPinLength = 4;
constexpr int kMaxWrongPins = 3;
constexpr TimeMs kPinPause = minutes(5);
constexpr TimeMs kNoticeDuration = seconds(6);
constexpr std::size_t kMaxSearchMatches = 6;
constexpr std::size_t kMaxQueryLength = 40;

struct State {
  KioskConfig config;
  RosterPtr roster = std::make_shared<Roster>();
  std::vector<Activity> programme;
  std::vector<Attendance> today;  // attendances of the current local date, all participants

  TimeMs now = 0;
  TimeMs last_input = 0;
  Screen screen = Screen::Welcome;
  std::string language;  // UI language of this session; "" until the first Tick

  std::string query;        // name search text
  std::string pin_for;      // participant on the PIN pad
  std::string pin;          // digits typed so far, never stored
  std::map<std::string, PinGuard> pin_guards;

  std::string participant_id;  // identified participant, "" when nobody is
  bool busy = false;           // a write or PIN check is under way

  Outcome outcome = Outcome::CheckedIn;
  TimeMs outcome_time = 0;
  TimeMs confirmation_until = 0;

  Notice notice = Notice::None;
  TimeMs notice_until = 0;
};

// [SECTION] Actions
struct Tick { TimeMs now; };
struct Touched {};          // any touch or key: the person is still there
struct StartTapped {};
struct LanguageTapped { std::string language; };
struct CardScanned { std::string code; };
struct SearchTyped { std::string text; };
struct SearchErased {};
struct ParticipantChosen { std::string id; };
struct PinDigit { char digit; };
struct PinErased {};
struct PinChecked { std::string participant_id; bool ok; };
struct BackTapped {};
struct CheckInTapped {};
struct CheckOutTapped {};
struct StillHereTapped {};
struct DoneTapped {};
struct AttendanceStored { Attendance attendance; Outcome outcome; };
struct StoreFailed { std::string reason; Notice notice = Notice::StoreFailed; };
struct DataLoaded { RosterPtr roster; std::vector<Activity> programme; std::vector<Attendance> today; };

using Action = std::variant<Tick, Touched, StartTapped, LanguageTapped, CardScanned, SearchTyped,
                            SearchErased, ParticipantChosen, PinDigit, PinErased, PinChecked,
                            BackTapped, CheckInTapped, CheckOutTapped, StillHereTapped, DoneTapped,
                            AttendanceStored, StoreFailed, DataLoaded>;

// [SECTION] Commands: side effects described as data, carried out by the platform layer.
struct VerifyPin { std::string participant_id; std::string pin; };
struct RecordCheckIn { std::string participant_id; TimeMs at; std::string date; Dagdeel dagdeel; };
struct RecordCheckOut { std::string participant_id; TimeMs at; std::string date; };
struct LogLine { std::string text; };

using Command = std::variant<VerifyPin, RecordCheckIn, RecordCheckOut, LogLine>;

struct Step {
  State state;
  std::vector<Command> commands;
};

Step update(State s, const Action& a);

// [SECTION] Derived facts, so no state has to keep them in step.
const Participant* current_participant(const State& s);
const Attendance* open_attendance(const State& s, const std::string& participant_id);
bool prompt_visible(const State& s);
int prompt_seconds_left(const State& s);
bool pin_paused(const State& s, const std::string& participant_id);
Notice active_notice(const State& s);
// The next moment a Tick would change what is on screen (clock minute, countdown, timeouts).
TimeMs next_deadline(const State& s);

}  // namespace meedoen::core
