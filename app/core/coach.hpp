// Coach mode as a value: who is logged in, the PIN guard with its growing lockout, and what the
// coach's Today screen needs beyond the kiosk's own state. The reducer half lives in coach.cpp;
// the top-level update() (update.cpp) hands CoachAction over, so each reducer stays readable.
#pragma once
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "core/journal.hpp"
#include "core/model.hpp"
#include "core/time.hpp"

namespace meedoen::core {

enum class Screen;  // core/state.hpp: the coach-mode tabs name a screen

// [SECTION] Limits
// A coach PIN is 6 digits: 10^6 guesses at argon2id's cost, where 4 digits fell offline in
// 4.4 s (docs/security.md). A PIN set before (4 digits, kCoachOldPinLength) is still taken, once
// per login, with the pad's OK key: then the coach chooses a new one before anything else.
constexpr int kCoachPinLength = 6;
constexpr int kCoachOldPinLength = 4;
constexpr int kCoachMaxWrongPins = 5;            // then coach mode locks
constexpr TimeMs kCoachFirstLock = seconds(30);  // the first lock; each next one doubles
constexpr TimeMs kCoachMaxLock = minutes(15);
constexpr TimeMs kCoachIdle = minutes(2);  // coach mode leaves by itself without a touch
constexpr int kDefaultNotSeenDays = 14;
constexpr int kStripWeeks = 6;        // the participant page's attendance strip: six weeks back
constexpr int kEndDateWarnDays = 30;  // Today warns when a programme ends within this many days

// "" when pin can be a new coach PIN (kCoachPinLength digits 0-9), else why not. The server's
// add-coach and the kiosk's PIN change take the same PINs.
std::string check_coach_pin(const std::string& pin);

// Fixed reasons for a coach's decision: a tap, not a text field (short notes come later, on the
// participant page). Keys are what the journal stores.
enum class CoachReason : std::uint8_t { Checked, Seen, Duplicate, Other };
constexpr CoachReason kCoachReasons[] = {CoachReason::Checked, CoachReason::Seen, CoachReason::Duplicate,
                                         CoachReason::Other};
const char* coach_reason_key(CoachReason r);  // "checked", "seen", "duplicate", "other"

struct CoachGuard {
  int wrong = 0;  // wrong PINs in a row since the last lock or success
  int locks = 0;  // locks so far: the next one lasts kCoachFirstLock << locks
  TimeMs locked_until = 0;
};

// One participant's page: loaded with CoachData while their page (or ladder form) is open.
struct PersonData {
  std::string participant_id;
  std::vector<Attendance> attendance;     // the strip's weeks, today included
  std::vector<Absence> absences;          // the strip's weeks and the coming week
  std::vector<HoursEntry> hours;          // all, oldest first
  std::vector<LadderAssessment> ladder;   // all, oldest first
  std::vector<CoachNote> notes;           // newest first
  std::vector<Appointment> appointments;  // from now on
  std::vector<Event> history;             // every event about them, in fold order
};

// Read from the store when a coach logs in and after each decision.
struct CoachData {
  bool loaded = false;
  std::vector<Coach> coaches;                          // for the logged-in coach's name
  std::vector<Attendance> today;                       // every attendance of today (fresh: decisions change them)
  std::vector<Absence> absences;                       // reported for today
  std::vector<HoursEntry> hours_waiting;               // all participants, oldest first
  std::vector<Attendance> unresolved;                  // recent auto-closed check-outs nobody settled, and corrections
  std::map<std::string, std::string> last_seen;        // participant -> last date present; absent = never
  std::map<std::string, std::string> last_talk;        // participant -> date of the last talk
  std::map<std::string, TimeMs> next_talk;             // participant -> the next planned appointment
  std::map<std::string, LadderAssessment> ladder_now;  // participant -> the latest assessment
  std::vector<Exit> exits;                             // everyone who left, oldest first
  std::string go_live;                                 // the centre's go-live date (core::go_live_date)
  std::vector<ClockOffEvent> clock_off;                // received lately, stamped by a clock far off
  PersonData person;                                   // the open page ("" = none)
};

// A decision that waits for its reason: coach reasons for the first five, the participant's
// absence reasons for AbsentByPhone, the fixed exit reasons for Exit.
enum class PendingKind : std::uint8_t {
  None,
  HoursReject,
  CorrectionAccept,
  CorrectionReject,
  WasHere,
  AbsentByPhone,
  Exit,
  PickDagdeel  // a day of the attendance strip was tapped: which dagdeel was the participant here?
};

// The ladder form, prefilled from the latest assessment.
struct LadderForm {
  LadderMoment moment = LadderMoment::Start;
  int rung = 1;
  int progress = 0;
  std::array<AreaStatus, 5> areas{};
};

// Changing one's own PIN (Screen::CoachPinChange): the old PIN first, then the new one twice.
enum class PinChangeStep : std::uint8_t { Old, New, Repeat };

// The agreements editor, prefilled from the participant's row: what Save writes as one
// agreements_changed.
struct AgreementsForm {
  std::string start_date, end_date;  // "" = unknown / open-ended
  std::uint32_t agreed_parts = 0;    // bits of agreed_bit(weekday, dagdeel)
  int talk_every_days = 0;           // 0 = no rhythm
  int agreed_minutes = 0;            // a week
  bool show_agreed_hours = false;
  bool photo_consent = false;
};

struct CoachState {
  bool office = false;   // meedoen-kiosk --coach: the coach PIN pad is home, not the welcome screen
  std::string coach_id;  // "" while nobody is logged in
  std::string pin;       // digits typed so far, never stored
  bool busy = false;     // a PIN check or write is under way
  CoachGuard guard;
  CoachData data;
  int not_seen_days = kDefaultNotSeenDays;
  PendingKind pending = PendingKind::None;
  std::string pending_id;  // hours event or check-in event the pending decision is about
  // WasHere / AbsentByPhone / Exit: about whom, and which dagdeel
  std::string pending_date;
  Dagdeel pending_dagdeel = Dagdeel::Morning;

  std::string person_id;    // the participant whose page is open
  bool people_all = false;  // the list shows everyone, not only the coach's own participants
  LadderForm ladder;
  AgreementsForm agreements;
  bool note_open = false;  // the note editor is over the page
  std::string note;        // the note being typed

  PinChangeStep pin_step = PinChangeStep::Old;
  // Logged in with a PIN of the old length: a new PIN comes before anything else (cancelling
  // the change leaves coach mode).
  bool must_change_pin = false;
  std::string pin_new;  // the new PIN while it is typed again; never stored
  Screen pin_from{};    // the screen the PIN change returns to
};

// [SECTION] Actions
struct CoachCornerTapped {};
struct CoachPinDigit {
  char digit;
};
struct CoachPinErased {};
struct CoachPinOkTapped {};  // the pad's OK key: submits a PIN of the old length (kCoachOldPinLength)
struct CoachPinChecked {
  std::string coach_id;
};  // "" = no coach has this PIN
struct CoachDataLoaded {
  CoachData data;
};
struct CoachLeaveTapped {};
struct HoursApproveTapped {
  std::string hours_event;
};
struct HoursRejectTapped {
  std::string hours_event;
};
struct CorrectionAcceptTapped {
  std::string check_in_event;
};
struct CorrectionRejectTapped {
  std::string check_in_event;
};
struct EndConfirmTapped {
  std::string check_in_event;
};  // a forgotten check-out: the recorded end stands
struct CoachReasonTapped {
  CoachReason reason;
};
struct CoachReasonCancelled {};
struct CoachTabTapped {
  Screen screen;
};  // the coach-mode tabs: Today, People, Programme, Reports

// Participants and their page
struct PersonTapped {
  std::string participant_id;
};
struct PeopleScopeTapped {
  bool all;
};
struct WasHereTapped {
  std::string participant_id;
  std::string date;
  Dagdeel dagdeel;
};
struct AbsentByPhoneTapped {
  std::string participant_id;
  Dagdeel dagdeel;
};  // today
struct TalkHeldTapped {
  std::string participant_id;
};
struct ExitTapped {};  // the open page's participant leaves
struct StripDayTapped {
  std::string date;
};  // a day of the page's attendance strip
struct ChoiceTapped {
  std::string key;
};  // an absence or exit reason (PendingKind)
struct LadderOpenTapped {};
struct LadderMomentTapped {
  LadderMoment moment;
};
struct LadderRungTapped {
  int rung;
};
struct LadderProgressTapped {
  int progress;
};
struct LadderAreaTapped {
  int area;
  AreaStatus status;
};
struct LadderSaveTapped {};
struct NoteOpenTapped {};
struct NoteTyped {
  std::string text;
};
struct NoteErased {};
struct NoteSaveTapped {};
struct NoteCancelTapped {};

// Changing one's own PIN
struct PinChangeTapped {};  // the coach bar's "PIN wijzigen"
struct PinChangeCancelled {};
// The answer to VerifyOwnCoachPin.
struct CoachOwnPinChecked {
  bool ok;
};
// The answer to SaveCoachPin.
struct CoachPinSaved {
  enum class Result : std::uint8_t { Saved, Taken, Failed };
  Result result;
  std::string reason;  // Failed: why (for the log)
};
// The agreements editor (Screen::CoachAgreements); Back leaves it without saving.
struct AgreementsOpenTapped {};
enum class DateStep : std::uint8_t { Day, Week, Month };
struct AgreementsDateStepped {
  bool end = false;  // the end date, else the start date
  DateStep step = DateStep::Day;
  int direction = 1;  // +1 or -1; an empty date starts at today
};
struct AgreementsDateCleared {
  bool end = false;
};
struct AgreementsPartTapped {
  int weekday = 0;  // 0 = Monday
  Dagdeel dagdeel = Dagdeel::Morning;
};
struct AgreementsHoursStepped {
  int minutes = 0;  // +-15 or +-60
};
struct AgreementsRhythmStepped {
  int weeks = 0;  // +1 or -1: the talk rhythm a week longer or shorter; below a week is none
};
struct AgreementsShowHoursTapped {};
struct AgreementsPhotoTapped {};
struct AgreementsSaveTapped {};

// Coach mode's own actions; update(State, const CoachAction&) in coach.cpp handles each one.
using CoachAction =
    std::variant<CoachCornerTapped, CoachPinDigit, CoachPinErased, CoachPinOkTapped, CoachPinChecked, CoachDataLoaded,
                 CoachLeaveTapped, CoachTabTapped, HoursApproveTapped, HoursRejectTapped, CorrectionAcceptTapped,
                 CorrectionRejectTapped, EndConfirmTapped, CoachReasonTapped, CoachReasonCancelled, PersonTapped,
                 PeopleScopeTapped, WasHereTapped, AbsentByPhoneTapped, TalkHeldTapped, ExitTapped, StripDayTapped,
                 ChoiceTapped, LadderOpenTapped, LadderMomentTapped, LadderRungTapped, LadderProgressTapped,
                 LadderAreaTapped, LadderSaveTapped, NoteOpenTapped, NoteTyped, NoteErased, NoteSaveTapped,
                 NoteCancelTapped, PinChangeTapped, PinChangeCancelled, CoachOwnPinChecked, CoachPinSaved,
                 AgreementsOpenTapped, AgreementsDateStepped, AgreementsDateCleared, AgreementsPartTapped,
                 AgreementsHoursStepped, AgreementsRhythmStepped, AgreementsShowHoursTapped, AgreementsPhotoTapped,
                 AgreementsSaveTapped>;

// [SECTION] Commands
struct VerifyCoachPin {
  std::string pin;
};
struct LoadCoachData {
  TimeMs now;
  std::string person_id;
};
// Is this the logged-in coach's own PIN? Answers CoachOwnPinChecked.
struct VerifyOwnCoachPin {
  std::string coach_id;
  std::string pin;
};
// Hashes the new PIN and appends coach_pin_changed with the coach's row in one durable
// transaction, unless another coach has this PIN. Answers CoachPinSaved.
struct SaveCoachPin {
  std::string coach_id;
  std::string pin;
  TimeMs now;
};

}  // namespace meedoen::core
