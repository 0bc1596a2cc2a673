// The kiosk's state as a value, the actions that change it and the commands update() asks for.
// update() is pure: it never reads a clock, a file or the network (lager / Elm architecture).
//
// Actions nest by feature, as in lager's todo example: Action holds one feature's variant
// (SessionAction, ParticipantAction, CoachAction, ProgrammeAction, ReportsAction), and that holds a
// leaf such as CheckInTapped. Any leaf converts to Action, so callers write update(s, CheckInTapped{}).
// update() visits the features, each feature's update(State, const XAction&) visits its leaves,
// and neither has a catch-all: an action nobody handles does not compile. To add an action:
//   1. declare its struct next to its feature's other actions;
//   2. add it to that feature's variant (e.g. CoachAction in core/coach.hpp);
//   3. write its handler, on(State&, Commands&, const NewAction&), in the feature's .cpp.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/coach.hpp"
#include "core/journal.hpp"
#include "core/model.hpp"
#include "core/programme.hpp"
#include "core/reports_flow.hpp"
#include "core/roster.hpp"
#include "core/time.hpp"

namespace meedoen::core {

enum class Screen {
  Welcome,
  Search,
  PhotoGrid,
  Pin,  // before identification: nothing personal
  Home,
  Confirmation,  // after identification: only this participant's own data
  CheckoutQuestion,
  CheckoutCorrect,
  Activities,
  Absence,
  Hours,
  Progress,
  Language,  // the participant's language, remembered as their preference (language_chosen)
  // Coach mode (core/coach.hpp): reached by the corner button or --coach. CoachPin must stay
  // the first coach screen (coach_screen() tests the range).
  CoachPin,
  CoachToday,
  CoachPeople,
  CoachPerson,
  CoachLadder,
  CoachAgreements,  // the participant's agreements, edited by their coach
  CoachProgramme,
  CoachActivityEdit,
  CoachReports,
  CoachPinChange  // a coach changes their own PIN: old, new, new again (core/coach.hpp)
};
bool coach_screen(Screen sc);
bool coach_tab(Screen sc);  // a screen the coach-mode tab bar opens

// Short calm messages; the UI maps each to a translated sentence. The first group are hints
// (amber), the second good news (green).
enum class Notice {
  None,
  UnknownCard,
  WrongPin,
  PinPaused,
  StoreFailed,
  AlreadyCheckedIn,
  NotCheckedIn,
  ActivityFull,
  ActivityOver,
  NothingChosen,
  SignedUp,
  OnWaitingList,
  SignUpCancelled,
  CorrectionSent,
  EndConfirmed,
  Exported,      // good news: an export was written (the paths are in State::reports)
  ExportFailed,  // a hint: State::reports.error says why
  PinsDiffer,    // changing a coach PIN: the new PIN typed again was another
  PinTaken,      // changing a coach PIN: another coach has it (coaches log in by PIN alone)
  PinChanged     // good news: the coach's new PIN is stored
};
bool good_news(Notice n);

// What the confirmation screen confirms.
enum class Outcome { CheckedIn, CheckedOut, AbsenceReported, HoursLogged };

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
// A button that a tap turned into its opposite (Ik doe mee -> Toch niet) does not take a tap at
// the same place for this long, so a double tap cannot undo what its first tap did; neither do the
// welcome screen's language buttons right after a visit ended with a tap.
constexpr TimeMs kSettle = 2000;

// What the kiosk loads for the identified participant, and only for them.
struct ParticipantData {
  std::string participant_id;
  std::vector<Attendance> recent;         // the last five weeks, today included
  std::vector<Absence> absences;          // reported from today on
  std::vector<HoursEntry> hours;          // logged since the start of last month
  std::vector<Appointment> appointments;  // from now on
  int approved_minutes_total = 0;         // all volunteer hours approved so far
  int days_present_total = 0;             // all dagdelen ever attended
};

// An absence being chosen: a day (0 = today) and a dagdeel.
struct DayPart {
  int day = 0;
  Dagdeel dagdeel = Dagdeel::Morning;
  auto operator<=>(const DayPart&) const = default;
};

constexpr int kQuestionDays = 14;         // ask about an auto-closed check-out up to two weeks later
constexpr int kDefaultHoursMinutes = 60;  // the hours stepper starts at one hour
constexpr int kHoursDaysBack = 6;         // hours can be logged for today and the six days before

// The sync worker's state as coaches see it (the worker lives in sync/, core only keeps values).
struct SyncInfo {
  bool configured = false;  // a municipal server is set; false = this kiosk works alone
  bool online = false;
  TimeMs last_success = 0;
  std::int64_t unsent = 0;
  std::int64_t rejected = 0;
  bool clock_off = false;
};

struct State {
  KioskConfig config;
  RosterPtr roster = std::make_shared<Roster>();
  std::vector<Activity> programme;
  std::vector<Attendance> today;  // attendances of the current local date, all participants
  std::vector<SignUp> signups;    // today and the coming six days, all participants (places left)
  std::vector<VolunteerPlace> places;
  // The coaches who can open coach mode on this kiosk (with a PIN); unset until the store was
  // read. Empty: the coach PIN pad says how to add one instead of waiting for a PIN.
  std::optional<std::vector<Coach>> coaches;
  bool closing_forgotten = false;  // a CloseForgotten command is under way
  SyncInfo sync;                   // shown to coaches only

  TimeMs now = 0;
  TimeMs last_input = 0;
  Screen screen = Screen::Welcome;
  std::string language;  // UI language of this session; "" until the first Tick
  // Read aloud: the speaker button was used in this visit (from then on confirmations are
  // spoken too), and a count of its taps; the platform speaks each new one (platform/speech.hpp).
  struct ReadAloud {
    bool on = false;
    int requests = 0;  // only grows, so a new tap is always a change
  } read_aloud;
  // The person at the kiosk tapped a language during this visit (on the welcome screen, the name
  // search, the PIN pad or home): it holds over their stored preference until the visit ends.
  bool language_chosen = false;
  // What a tap just changed and until when it settles (kSettle): "signup/<activity>/<date>" or
  // "welcome"; the views show that button disabled meanwhile.
  std::string settling;
  TimeMs settled_at = 0;

  std::string query;    // name search text
  std::string pin_for;  // participant on the PIN pad
  std::string pin;      // digits typed so far, never stored
  std::map<std::string, PinGuard> pin_guards;
  // The kiosk's database cannot be trusted (found at start, or when a write failed): nothing is
  // confirmed, every tap is ignored and the coach's screen says what happened and what to do.
  StorageFault storage_fault = StorageFault::None;
  // [security] require_encrypted_storage is on and the database is not on an encrypted disk:
  // what was found (the device), for the coach's Today. "" = nothing to say.
  std::string storage_unprotected;

  std::string participant_id;  // identified participant, "" when nobody is
  ParticipantData me;          // their own data, loaded after identification
  bool busy = false;           // a write or PIN check is under way
  int grid_page = 0;           // photo grid page
  bool pin_from_grid = false;  // the PIN pad was reached from the photo grid

  // Screens after identification
  int day = 0;                         // activities: day shown, 0 = today
  std::vector<DayPart> absence_parts;  // absence: chosen day parts
  std::string hours_place;             // hours: the chosen place ("" = choose one first)
  int hours_day = 0;                   // hours: 0 = today, 1 = yesterday, ...
  int hours_minutes = kDefaultHoursMinutes;
  Attendance question;        // the auto-closed attendance being asked about
  int correction_minute = 0;  // the end time the participant proposes

  Outcome outcome = Outcome::CheckedIn;
  TimeMs outcome_time = 0;
  TimeMs confirmation_until = 0;

  Notice notice = Notice::None;
  TimeMs notice_until = 0;

  CoachState coach;               // coach mode, kept apart from the participant's session
  ReportsState reports;           // coach mode's Reports tab and exports (core/reports_flow.hpp)
  ProgrammeState programme_edit;  // coach mode: the activity editor (core/programme.hpp)
};

// [SECTION] Actions
struct Tick {
  TimeMs now;
};
struct Touched {};  // any touch or key: the person is still there
struct StartTapped {};
struct LanguageTapped {
  std::string language;
};
struct CardScanned {
  std::string code;
};
struct SearchTyped {
  std::string text;
};
struct SearchErased {};
struct ParticipantChosen {
  std::string id;
};
struct PinDigit {
  char digit;
};
struct PinErased {};
struct PinChecked {
  std::string participant_id;
  bool ok;
};
struct BackTapped {};
struct CheckInTapped {};
struct CheckOutTapped {};
struct StillHereTapped {};
struct DoneTapped {};
struct MoreTapped {};  // confirmation: "do something else" back to home
struct GridTapped {};  // welcome: identify with the photo grid
struct GridPage {
  int delta;
};
struct OpenTapped {
  Screen screen;
};  // home tiles
struct DayTapped {
  int day;
};
struct SignUpTapped {
  std::string activity_id;
};
struct CancelSignUpTapped {
  std::string activity_id;
};
struct PartToggled {
  DayPart part;
};
struct DayToggled {
  int day;
};  // all dagdelen of a day
struct ReasonTapped {
  AbsenceReason reason;
};
struct PlaceTapped {
  std::string place;
};
struct HoursDayTapped {
  int day;
};
struct MinutesStep {
  int delta;
};  // +15 / -15
struct MinutesChosen {
  int minutes;
};                           // a quick choice: 1, 2, 3 or 4 hours
struct SpeakTapped {};       // the speaker button: read this screen aloud
struct EndUnknownTapped {};  // the check-out question: "I don't know", the coach decides
struct SaveHoursTapped {};
struct EndRightTapped {};  // "yes, that was right"
struct EndWrongTapped {};  // "no, another time"
struct CorrectionStep {
  int delta;
};
struct SaveCorrectionTapped {};
struct AttendanceStored {
  Attendance attendance;
  Outcome outcome;
};
struct StoreFailed {
  std::string reason;
  Notice notice = Notice::StoreFailed;
  StorageFault fault = StorageFault::None;  // a read-only file or a full disk, named (storage/health)
};
struct SyncChanged {
  SyncInfo info;
};

struct DataLoaded {
  RosterPtr roster;
  std::vector<Activity> programme;
  std::vector<Attendance> today;
  std::vector<SignUp> signups;
  std::vector<VolunteerPlace> places;
  std::optional<std::vector<Coach>> coaches;  // State::coaches; unset = not read
};
struct ParticipantLoaded {
  ParticipantData data;
};
// A Record command is durable; the participant's data and the week's sign-ups as they now stand.
struct Recorded {
  std::vector<EventBody> bodies;
  ParticipantData data;
  std::vector<SignUp> signups;
};
struct ForgottenClosed {
  std::vector<Attendance> today;
};

// Time, the store and the platform, and what goes across a participant's and a coach's session.
using SessionAction = std::variant<Tick, Touched, BackTapped, DataLoaded, SyncChanged, ForgottenClosed, StoreFailed>;
// A participant at the kiosk: identification, then their own screens; and the answers to their commands.
using ParticipantAction =
    std::variant<StartTapped, LanguageTapped, CardScanned, SearchTyped, SearchErased, ParticipantChosen, PinDigit,
                 PinErased, PinChecked, CheckInTapped, CheckOutTapped, StillHereTapped, DoneTapped, MoreTapped,
                 GridTapped, GridPage, OpenTapped, DayTapped, SignUpTapped, CancelSignUpTapped, PartToggled, DayToggled,
                 ReasonTapped, PlaceTapped, HoursDayTapped, MinutesStep, MinutesChosen, SaveHoursTapped, EndRightTapped,
                 EndWrongTapped, EndUnknownTapped, CorrectionStep, SpeakTapped, SaveCorrectionTapped, AttendanceStored,
                 ParticipantLoaded, Recorded>;
// CoachAction: core/coach.hpp; ProgrammeAction: core/programme.hpp; ReportsAction: core/reports_flow.hpp.
using FeatureAction = std::variant<SessionAction, ParticipantAction, CoachAction, ProgrammeAction, ReportsAction>;

// [SECTION] The compile-time map leaf -> feature
template <class T, class V>
inline constexpr bool kAlternativeOf = false;
template <class T, class... Ts>
inline constexpr bool kAlternativeOf<T, std::variant<Ts...>> = (std::is_same_v<T, Ts> || ...);

template <class T, class V>
inline constexpr int kFeaturesListing = 0;
template <class T, class... Fs>
inline constexpr int kFeaturesListing<T, std::variant<Fs...>> = (int{kAlternativeOf<T, Fs>} + ...);

// A leaf action: listed in exactly one feature's variant (two would make the map ambiguous).
template <class T>
concept LeafAction = kFeaturesListing<T, FeatureAction>
== 1;

template <class T, class... Fs>
struct FeatureListing {
  using type = void;
};
template <class T, class F, class... Rest>
struct FeatureListing<T, F, Rest...> {
  using type = std::conditional_t<kAlternativeOf<T, F>, F, typename FeatureListing<T, Rest...>::type>;
};
template <class T, class V>
struct FeatureOfVariant;
template <class T, class... Fs>
struct FeatureOfVariant<T, std::variant<Fs...>> : FeatureListing<T, Fs...> {};
template <LeafAction T>
using FeatureOf = typename FeatureOfVariant<T, FeatureAction>::type;  // e.g. FeatureOf<PinDigit> = ParticipantAction

// What update() takes: one feature's action. A leaf converts implicitly (screens push
// CheckInTapped{} into a vector<Action>); a whole feature variant only explicitly, so update()
// can never pass one back to itself by conversion.
struct Action {
  FeatureAction feature;

  Action() = default;  // Tick{0}, as the flat variant was
  template <LeafAction T>
  Action(T leaf) : feature(std::in_place_type<FeatureOf<T>>, std::in_place_type<T>, std::move(leaf)) {}
  template <class F>
  requires kAlternativeOf<F, FeatureAction>
  explicit Action(F f) : feature(std::move(f)) {}
};

// The leaf inside an action, like std::get_if / std::holds_alternative on the flat variant.
template <LeafAction T>
const T* get_if(const Action* a) {
  const auto* f = a ? std::get_if<FeatureOf<T>>(&a->feature) : nullptr;
  return f ? std::get_if<T>(f) : nullptr;
}
template <LeafAction T>
bool holds_alternative(const Action& a) {
  return get_if<T>(&a) != nullptr;
}

// [SECTION] Commands: side effects described as data, carried out by the platform layer.
struct VerifyPin {
  std::string participant_id;
  std::string pin;
};
struct RecordCheckIn {
  std::string participant_id;
  TimeMs at;
  std::string date;
  Dagdeel dagdeel;
};
struct RecordCheckOut {
  std::string participant_id;
  TimeMs at;
  std::string date;
};
struct LogLine {
  std::string text;
};
struct LoadParticipant {
  std::string participant_id;
  TimeMs now;
};
// Appends the events in one durable transaction, then answers Recorded (or StoreFailed).
struct Record {
  std::string participant_id;
  std::vector<EventBody> bodies;
  TimeMs now;
};
// Closes check-ins left open after their dagdeel ended; answers ForgottenClosed.
struct CloseForgotten {
  TimeMs now;
};

// A coach's decision: appends one event, then answers CoachDataLoaded with fresh data.
// person_id: the open page, reloaded with it.
struct RecordCoach {
  std::string participant_id;
  EventBody body;
  TimeMs now;
  std::string person_id;
};

// A PIN guard changed (a wrong PIN, a lock, a pause, or cleared by a right PIN): stored durably,
// carried out before the screen shows the change.
struct SaveLockout {
  Lockout lockout;
};

using Command = std::variant<VerifyPin, RecordCheckIn, RecordCheckOut, LogLine, LoadParticipant, Record, CloseForgotten,
                             VerifyCoachPin, LoadCoachData, RecordCoach, LoadMonthReport, ExportMonth, ExportProgress,
                             PrintCard, SaveActivity, VerifyOwnCoachPin, SaveCoachPin, SaveLockout>;

struct Step {
  State state;
  std::vector<Command> commands;
};

using Commands = std::vector<Command>;

// [SECTION] The reducers: one visit over the features, each feature's update visits its leaves.
Step update(State s, const Action& a);
Step update(State s, const SessionAction& a);      // update.cpp
Step update(State s, const ParticipantAction& a);  // update.cpp
Step update(State s, const CoachAction& a);        // coach.cpp
Step update(State s, const ProgrammeAction& a);    // programme.cpp
Step update(State s, const ReportsAction& a);      // reports_flow.cpp
// A bare leaf, update(s, CheckInTapped{}): wrapped into its feature (this exact match keeps the
// call from being ambiguous between Action and the leaf's feature variant).
template <LeafAction T>
Step update(State s, const T& a) {
  return update(std::move(s), Action(a));
}

// [SECTION] Coach mode (coach.cpp): helpers the other reducers share.
void coach_tick(State& s, std::vector<Command>& out);
// The kiosk's coaches were read again (a pull): a logged-in coach who is no longer one of them
// (removed on the server) leaves coach mode.
void coaches_reloaded(State& s, std::vector<Command>& out);
void leave_coach(State& s);  // forgets the coach, the PIN and pending decisions
bool coach_locked(const State& s);
// Left the programme (a participant_left event): coach mode lists them apart, Today leaves them out.
bool has_left(const State& s, const std::string& participant_id);
// Expected today in this dagdeel: agreed dagdelen within the programme's dates, or a placed
// sign-up for an activity of that dagdeel.
bool expected(const State& s, const Participant& p, Dagdeel d);
// Days since the last talk (or the start) when a talk is due and none is planned; -1 otherwise.
int talk_due_days(const State& s, const Participant& p);
int coach_lock_seconds_left(const State& s);
// The Reports tab (reports_flow.cpp): the coach's tab bar opens it.
void reports_opened(State& s, std::vector<Command>& out);  // the tab was opened: load the figures

// [SECTION] Derived facts, so no state has to keep them in step.
std::size_t last_char_size(const std::string& s);  // bytes of the last UTF-8 character
const Participant* current_participant(const State& s);
const Attendance* open_attendance(const State& s, const std::string& participant_id);
bool prompt_visible(const State& s);
int prompt_seconds_left(const State& s);
bool pin_paused(const State& s, const std::string& participant_id);
// [SECTION] Lockouts kept across a restart (update.cpp)
// The stored guards put back into a fresh state (Session, at start).
void restore_lockouts(State& s, const std::vector<Lockout>& stored);
// A guard as the store keeps it: the coach's (participant_id "") or a participant's.
Lockout coach_lockout(const State& s);
Lockout participant_lockout(const State& s, const std::string& participant_id);
// True while what a tap just changed (State::settling, e.g. "signup/<activity>/<date>") settles.
bool settling(const State& s, const std::string& what);
Notice active_notice(const State& s);
std::string today_iso(const State& s);
std::string day_iso(const State& s, int day);  // today + day
// The participant's own sign-up for an activity on a date, if any.
const SignUp* own_signup(const State& s, const std::string& activity_id, const std::string& date);
int places_taken(const State& s, const std::string& activity_id, const std::string& date);
// True when the activity on that date has already ended.
bool activity_over(const State& s, const Activity& a, const std::string& date);
// The places a participant can log hours for: the centre's places, then volunteer activities.
std::vector<std::string> hours_places(const State& s);
// Days back the hours screen offers: today and the six days before (Saturday's hours on a Monday).
int hours_days_back(const State& s);
// The quick choices of the hours screen, in minutes.
inline constexpr int kHoursQuickChoices[] = {60, 120, 180, 240};
// The dagdelen of a day that can still be reported absent (not yet over).
std::vector<Dagdeel> open_parts(const State& s, int day);
// The next moment a Tick would change what is on screen (clock minute, countdown, timeouts).
TimeMs next_deadline(const State& s);

}  // namespace meedoen::core
