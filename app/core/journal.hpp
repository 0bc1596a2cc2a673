// Journal events as typed values, and the pure folds that derive attendance, sign-ups, absences
// and volunteer hours from them. Kiosks and the server run the same folds over the same events
// in the same order, so derived state is the same everywhere (docs/events.md).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/model.hpp"
#include "core/time.hpp"

namespace meedoen::core {

// [SECTION] Event bodies (one struct per type in docs/events.md)
namespace ev {
struct CheckIn { std::string date; Dagdeel dagdeel = Dagdeel::Morning; TimeMs at = 0; };
struct CheckOut { std::string date; TimeMs at = 0; };
struct AutoCheckOut { std::string date; std::string check_in_event; TimeMs at = 0; };
struct CheckoutConfirmed { std::string date; std::string check_in_event; };
struct CorrectionRequested { std::string date; std::string check_in_event; TimeMs proposed_end = 0; };
struct SignedUp { std::string activity_id; std::string date; };
struct SignUpCancelled { std::string activity_id; std::string date; };
// coach_id is set when a coach reports it for the participant (who phoned in); "" = themselves.
struct AbsenceReported {
  std::string date; Dagdeel dagdeel = Dagdeel::Morning; AbsenceReason reason = AbsenceReason::Other; std::string coach_id;
};
struct AbsenceWithdrawn { std::string absence_event; };
struct HoursLogged { std::string date; std::string place; int minutes = 0; };
struct HoursDecided { std::string hours_event; bool approved = false; int minutes = 0; std::string reason; std::string coach_id; };
// A coach settles a forgotten or disputed check-out: accepted sets the end to `end`; either way
// the attendance counts as answered, so the participant is no longer asked about it.
// correction_event is "" when the coach decides an auto-closed check-out nobody asked about.
struct CorrectionDecided {
  std::string correction_event; std::string check_in_event; std::string date;
  bool accepted = false; TimeMs end = 0; std::string reason; std::string coach_id;
};
// A coach created or changed an activity (centre-wide): the whole activity as it now stands,
// so the last one in fold order is the activity. active = false takes it off the programme.
struct ActivitySaved { Activity activity; std::string coach_id; };
// A coach records that the participant was there although nobody checked them in (a closed
// attendance of that dagdeel); reason says how the coach knows.
struct AttendanceRecorded {
  std::string date; Dagdeel dagdeel = Dagdeel::Morning; TimeMs start = 0; TimeMs end = 0;
  std::string reason; std::string coach_id;
};
// The coach's file on a participant (subject file/<participant>): the participation ladder, short
// notes, and leaving the programme.
struct LadderAssessed {
  std::string date; LadderMoment moment = LadderMoment::Monthly; int rung = 1; int progress = 0;
  std::array<AreaStatus, 5> areas{}; std::string coach_id;
};
struct NoteAdded { std::string date; std::string text; bool talk = false; std::string coach_id; };
struct ParticipantLeft { std::string date; ExitReason reason = ExitReason::Other; std::string coach_id; };
struct Other {};  // a type this version does not fold: kept and synced as it is
}  // namespace ev

using EventBody = std::variant<ev::CheckIn, ev::CheckOut, ev::AutoCheckOut, ev::CheckoutConfirmed,
                               ev::CorrectionRequested, ev::SignedUp, ev::SignUpCancelled,
                               ev::AbsenceReported, ev::AbsenceWithdrawn, ev::HoursLogged,
                               ev::HoursDecided, ev::CorrectionDecided, ev::AttendanceRecorded,
                               ev::LadderAssessed, ev::NoteAdded, ev::ParticipantLeft, ev::ActivitySaved, ev::Other>;

// The wire name of a body's type ("check_in", ...); "" for ev::Other.
const char* event_type(const EventBody& body);

struct Event {
  std::string id;         // UUIDv7
  std::string device_id;  // the kiosk that recorded it
  std::int64_t seq = 0;   // per device: 1, 2, 3, ...
  TimeMs wall = 0;
  std::string hlc;        // hybrid logical clock stamp, sorts as text
  std::string type;
  std::string participant_id;
  EventBody body;
};

// The fold order: (hlc, device_id, id), total and the same on every machine.
bool fold_before(const Event& a, const Event& b);

// The fold key of an event: all events with one subject are folded together, and only they
// change that subject's derived rows. "" for events no fold reads.
//   attendance/<participant>/<date>, signups/<activity>/<date>, absences/<participant>,
//   hours/<participant>, file/<participant>, activity/<activity>
std::string event_subject(const std::string& participant_id, const EventBody& body);

// Checks a body's values (dates, minutes, ids); "" when sound, else the reason.
std::string validate(const EventBody& body);

// [SECTION] Folds: the events must be sorted by fold_before.
std::vector<Attendance> fold_attendance(const std::vector<Event>& events);
// capacity 0 = no limit.
std::vector<SignUp> fold_signups(const std::vector<Event>& events, int capacity);
std::vector<Absence> fold_absences(const std::vector<Event>& events);
std::vector<HoursEntry> fold_hours(const std::vector<Event>& events);
// The activity as its last activity_saved in fold order says; found = false without one.
struct FoldedActivity { bool found = false; Activity activity; std::string event_id; };
FoldedActivity fold_activity(const std::vector<Event>& events);
// The coach's file: every assessment, note and exit as its own row, in fold order.
struct CoachFile {
  std::vector<LadderAssessment> ladder;
  std::vector<CoachNote> notes;
  std::vector<Exit> exits;
};
CoachFile fold_file(const std::vector<Event>& events);

// [SECTION] Limits of what a participant can enter
constexpr int kHoursStepMinutes = 15;
constexpr int kMaxHoursPerEntry = 12 * 60;
constexpr std::size_t kMaxPlaceLength = 120;
constexpr int kMaxLadderRungs = 10;  // a municipality's ladder has at most this many rungs

}  // namespace meedoen::core
