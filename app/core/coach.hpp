// Coach mode as a value: who is logged in, the PIN guard with its growing lockout, and what the
// coach's Today screen needs beyond the kiosk's own state. The reducer half lives in coach.cpp;
// the participant reducer (update.cpp) only hands coach actions over, so it stays readable.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/time.hpp"

namespace meedoen::core {

// [SECTION] Limits
constexpr int kCoachPinLength = 4;
constexpr int kCoachMaxWrongPins = 5;            // then coach mode locks
constexpr TimeMs kCoachFirstLock = seconds(30);  // the first lock; each next one doubles
constexpr TimeMs kCoachMaxLock = minutes(15);
constexpr TimeMs kCoachIdle = minutes(2);        // coach mode leaves by itself without a touch
constexpr int kDefaultNotSeenDays = 14;

// Fixed reasons for a coach's decision: a tap, not a text field (short notes come later, on the
// participant page). Keys are what the journal stores.
enum class CoachReason : std::uint8_t { Checked, Seen, Duplicate, Other };
constexpr CoachReason kCoachReasons[] = {CoachReason::Checked, CoachReason::Seen, CoachReason::Duplicate,
                                         CoachReason::Other};
const char* coach_reason_key(CoachReason r);  // "checked", "seen", "duplicate", "other"

struct CoachGuard {
  int wrong = 0;           // wrong PINs in a row since the last lock or success
  int locks = 0;           // locks so far: the next one lasts kCoachFirstLock << locks
  TimeMs locked_until = 0;
};

// Read from the store when a coach logs in and after each decision.
struct CoachData {
  bool loaded = false;
  std::vector<Coach> coaches;             // for the logged-in coach's name
  std::vector<Attendance> today;          // every attendance of today (fresh: decisions change them)
  std::vector<Absence> absences;          // reported for today
  std::vector<HoursEntry> hours_waiting;  // all participants, oldest first
  std::vector<Attendance> unresolved;     // recent auto-closed check-outs nobody settled, and corrections
  std::map<std::string, std::string> last_seen;  // participant -> last date present; absent = never
};

// A decision that waits for its reason.
enum class PendingKind : std::uint8_t { None, HoursReject, CorrectionAccept, CorrectionReject };

struct CoachState {
  bool office = false;     // meedoen-kiosk --coach: the coach PIN pad is home, not the welcome screen
  std::string coach_id;    // "" while nobody is logged in
  std::string pin;         // digits typed so far, never stored
  bool busy = false;       // a PIN check or write is under way
  CoachGuard guard;
  CoachData data;
  int not_seen_days = kDefaultNotSeenDays;
  PendingKind pending = PendingKind::None;
  std::string pending_id;  // hours event or check-in event the pending decision is about
};

// [SECTION] Actions
struct CoachCornerTapped {};
struct CoachPinDigit { char digit; };
struct CoachPinErased {};
struct CoachPinChecked { std::string coach_id; };  // "" = no coach has this PIN
struct CoachDataLoaded { CoachData data; };
struct CoachLeaveTapped {};
struct HoursApproveTapped { std::string hours_event; };
struct HoursRejectTapped { std::string hours_event; };
struct CorrectionAcceptTapped { std::string check_in_event; };
struct CorrectionRejectTapped { std::string check_in_event; };
struct EndConfirmTapped { std::string check_in_event; };  // a forgotten check-out: the recorded end stands
struct CoachReasonTapped { CoachReason reason; };
struct CoachReasonCancelled {};


// [SECTION] Commands
struct VerifyCoachPin { std::string pin; };
struct LoadCoachData { TimeMs now; };

}  // namespace meedoen::core
