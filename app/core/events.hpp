// The event-type table: one struct per journal event type (docs/events.md), and with it, in one
// place, everything about that type: its wire name, the fold that reads it, its subject, its
// validation and a description of its fields. The JSON codec (wire/event_codec), the server's list
// of known types and docs/events.md (checked by tests/wire) all follow this table, so a new type
// is added here and nowhere else. Core knows no JSON: describe() only names fields and how they
// travel, the codec does the rest.
#pragma once
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/model.hpp"
#include "core/time.hpp"

namespace meedoen::core {

// [SECTION] What a table entry is made of

// The fold that reads a type (core/journal.hpp). Each fold handles exactly the types marked for
// it: a type marked for a fold that has no case for it does not compile.
enum class Fold : std::uint8_t {
  None,
  Attendance,
  SignUps,
  Absences,
  Hours,
  Activity,
  File,
  Coach,
  Agreements,
  Language
};

// The fold key of an event (event_subject): attendance/<a>/<b>, signups/<a>/<b>, absences/<a>,
// hours/<a>, file/<a>, activity/<a>, coach/<a>, agreements/<a>, language/<a>; "" for Fold::None.
std::string fold_subject(Fold f, const std::string& a, const std::string& b = "");

// How a field travels when it is not simply required. describe(v, body) calls, in the order a
// decoder reports the first problem:
//   v.field(key, member[, presence])  strings, bools, ints (int: 32-bit counts), TimeMs, enums
//                                      with EnumKeys, and the ladder's areas (an object of area
//                                      key -> status key; an area left out is None)
//   v.hhmm(key, minute_of_day)        a minute of the day as "HH:MM"
enum class Presence : std::uint8_t {
  Required,     // missing is an error
  Optional,     // missing keeps the default (older kiosks did not write it)
  OmitEmpty,    // optional, and left out of the payload when "" (older servers do not expect it)
  WallDefault,  // a time that defaults to the event's wall clock when missing (schema v1)
};

// The wire spelling of an enumeration in payloads, and the word of its "unknown ..." error.
template <class E>
struct EnumKeys;
template <>
struct EnumKeys<Dagdeel> {
  static constexpr const char* kWhat = "dagdeel";
  static const char* key(Dagdeel d) { return dagdeel_key(d); }
  static bool from_key(const std::string& k, Dagdeel& out) { return dagdeel_from_key(k, out); }
};
template <>
struct EnumKeys<AbsenceReason> {
  static constexpr const char* kWhat = "reason";
  static const char* key(AbsenceReason r) { return reason_key(r); }
  static bool from_key(const std::string& k, AbsenceReason& out) { return reason_from_key(k, out); }
};
template <>
struct EnumKeys<LadderMoment> {
  static constexpr const char* kWhat = "moment";
  static const char* key(LadderMoment m) { return moment_key(m); }
  static bool from_key(const std::string& k, LadderMoment& out) { return moment_from_key(k, out); }
};
template <>
struct EnumKeys<ExitReason> {
  static constexpr const char* kWhat = "exit reason";
  static const char* key(ExitReason r) { return exit_reason_key(r); }
  static bool from_key(const std::string& k, ExitReason& out) { return exit_reason_from_key(k, out); }
};

// [SECTION] Limits of what a participant can enter
constexpr int kHoursStepMinutes = 15;
constexpr int kMaxHoursPerEntry = 12 * 60;
constexpr std::size_t kMaxPlaceLength = 120;
constexpr int kMaxLadderRungs = 10;  // a municipality's ladder has at most this many rungs

// The checks validate() is made of; each gives "" when sound, else the reason.
namespace check {
bool valid_utf8(const std::string& s);  // well-formed UTF-8, as a JSON payload must be
std::string date(const std::string& iso);
std::string id(const std::string& s, const char* what);          // 1..64 bytes of UTF-8 without '/'
std::string first(std::initializer_list<std::string> problems);  // the first non-empty one
std::string hours_logged(const std::string& date, const std::string& place, int minutes);
std::string correction_decided(const std::string& correction_event, const std::string& check_in_event,
                               const std::string& date, bool accepted, TimeMs end);
std::string activity_saved(const Activity& a, const std::string& coach_id);
std::string attendance_recorded(const std::string& date, TimeMs start, TimeMs end, const std::string& reason,
                                const std::string& coach_id);
std::string ladder_assessed(const std::string& date, int rung, int progress, const std::string& coach_id);
std::string note_added(const std::string& date, const std::string& text, bool talk, const std::string& coach_id);
// A PIN hash as libsodium's crypto_pwhash_str writes it for argon2id: "$argon2id$v=19$m=...",
// printable ASCII, shorter than its 128-byte buffer. Core cannot verify a hash; this keeps what
// is not one (garbage, another algorithm, a 10 MB string) out of the coaches' rows.
std::string pin_hash(const std::string& hash);
std::string language(const std::string& code);  // one of core::kLanguages
constexpr std::size_t kMaxPinHashLength = 127;

// A participant's agreements: dates "" or ISO with the end not before the start, agreed_parts a
// set of the week's dagdelen, the rhythm and minutes within kMaxTalkEveryDays / kMaxAgreedMinutes.
std::string agreements(const std::string& start_date, const std::string& end_date, std::int64_t agreed_parts,
                       int talk_every_days, int agreed_minutes);
}  // namespace check

// [SECTION] The table: one struct per type (docs/events.md)
// Each has kName (the wire name), kFold, subject(participant), validate() and describe(v, body).
namespace ev {

struct CheckIn {
  std::string date;
  Dagdeel dagdeel = Dagdeel::Morning;
  TimeMs at = 0;

  static constexpr const char* kName = "check_in";
  static constexpr Fold kFold = Fold::Attendance;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid, date); }
  std::string validate() const { return check::date(date); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("dagdeel", e.dagdeel);
    v.field("at", e.at, Presence::WallDefault);
  }
  bool operator==(const CheckIn&) const = default;
};

struct CheckOut {
  std::string date;
  TimeMs at = 0;

  static constexpr const char* kName = "check_out";
  static constexpr Fold kFold = Fold::Attendance;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid, date); }
  std::string validate() const { return check::date(date); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("at", e.at, Presence::WallDefault);
  }
  bool operator==(const CheckOut&) const = default;
};

struct AutoCheckOut {
  std::string date;
  std::string check_in_event;
  TimeMs at = 0;

  static constexpr const char* kName = "auto_check_out";
  static constexpr Fold kFold = Fold::Attendance;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid, date); }
  std::string validate() const {
    return check::first({check::date(date), check::id(check_in_event, "check_in_event")});
  }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("check_in_event", e.check_in_event);
    v.field("at", e.at);
  }
  bool operator==(const AutoCheckOut&) const = default;
};

struct CheckoutConfirmed {
  std::string date;
  std::string check_in_event;

  static constexpr const char* kName = "checkout_confirmed";
  static constexpr Fold kFold = Fold::Attendance;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid, date); }
  std::string validate() const {
    return check::first({check::date(date), check::id(check_in_event, "check_in_event")});
  }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("check_in_event", e.check_in_event);
  }
  bool operator==(const CheckoutConfirmed&) const = default;
};

struct CorrectionRequested {
  std::string date;
  std::string check_in_event;
  TimeMs proposed_end = 0;

  static constexpr const char* kName = "correction_requested";
  static constexpr Fold kFold = Fold::Attendance;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid, date); }
  std::string validate() const {
    return check::first(
        {check::date(date), proposed_end > 0 ? "" : "bad proposed_end", check::id(check_in_event, "check_in_event")});
  }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("check_in_event", e.check_in_event);
    v.field("proposed_end", e.proposed_end);
  }
  bool operator==(const CorrectionRequested&) const = default;
};

// The participant did not know when they left: the kiosk's end stays until a coach decides.
struct CheckoutUnknown {
  std::string date;
  std::string check_in_event;

  static constexpr const char* kName = "checkout_unknown";
  static constexpr Fold kFold = Fold::Attendance;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid, date); }
  std::string validate() const {
    return check::first({check::date(date), check::id(check_in_event, "check_in_event")});
  }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("check_in_event", e.check_in_event);
  }
  bool operator==(const CheckoutUnknown&) const = default;
};

struct SignedUp {
  std::string activity_id;
  std::string date;

  static constexpr const char* kName = "signed_up";
  static constexpr Fold kFold = Fold::SignUps;
  std::string subject(const std::string&) const { return fold_subject(kFold, activity_id, date); }
  std::string validate() const { return check::first({check::date(date), check::id(activity_id, "activity_id")}); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("activity_id", e.activity_id);
    v.field("date", e.date);
  }
  bool operator==(const SignedUp&) const = default;
};

struct SignUpCancelled {
  std::string activity_id;
  std::string date;

  static constexpr const char* kName = "sign_up_cancelled";
  static constexpr Fold kFold = Fold::SignUps;
  std::string subject(const std::string&) const { return fold_subject(kFold, activity_id, date); }
  std::string validate() const { return check::first({check::date(date), check::id(activity_id, "activity_id")}); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("activity_id", e.activity_id);
    v.field("date", e.date);
  }
  bool operator==(const SignUpCancelled&) const = default;
};

// coach_id is set when a coach reports it for the participant (who phoned in); "" = themselves.
struct AbsenceReported {
  std::string date;
  Dagdeel dagdeel = Dagdeel::Morning;
  AbsenceReason reason = AbsenceReason::Other;
  std::string coach_id;

  static constexpr const char* kName = "absence_reported";
  static constexpr Fold kFold = Fold::Absences;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid); }
  std::string validate() const { return check::date(date); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("dagdeel", e.dagdeel);
    v.field("reason", e.reason);
    v.field("coach_id", e.coach_id, Presence::OmitEmpty);
  }
  bool operator==(const AbsenceReported&) const = default;
};

struct AbsenceWithdrawn {
  std::string absence_event;

  static constexpr const char* kName = "absence_withdrawn";
  static constexpr Fold kFold = Fold::Absences;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid); }
  std::string validate() const { return check::id(absence_event, "absence_event"); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("absence_event", e.absence_event);
  }
  bool operator==(const AbsenceWithdrawn&) const = default;
};

struct HoursLogged {
  std::string date;
  std::string place;
  int minutes = 0;

  static constexpr const char* kName = "hours_logged";
  static constexpr Fold kFold = Fold::Hours;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid); }
  std::string validate() const { return check::hours_logged(date, place, minutes); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("place", e.place);
    v.field("minutes", e.minutes);
  }
  bool operator==(const HoursLogged&) const = default;
};

struct HoursDecided {
  std::string hours_event;
  bool approved = false;
  int minutes = 0;
  std::string reason;
  std::string coach_id;

  static constexpr const char* kName = "hours_decided";
  static constexpr Fold kFold = Fold::Hours;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid); }
  std::string validate() const {
    return check::first(
        {minutes < 0 || minutes > kMaxHoursPerEntry ? "bad minutes" : "", check::id(hours_event, "hours_event")});
  }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("hours_event", e.hours_event);
    v.field("approved", e.approved);
    v.field("minutes", e.minutes);
    v.field("reason", e.reason, Presence::Optional);
    v.field("coach_id", e.coach_id, Presence::Optional);
  }
  bool operator==(const HoursDecided&) const = default;
};

// A coach settles a forgotten or disputed check-out: accepted sets the end to `end`; either way
// the attendance counts as answered, so the participant is no longer asked about it.
// correction_event is "" when the coach decides an auto-closed check-out nobody asked about.
struct CorrectionDecided {
  std::string correction_event;
  std::string check_in_event;
  std::string date;
  bool accepted = false;
  TimeMs end = 0;
  std::string reason;
  std::string coach_id;

  static constexpr const char* kName = "correction_decided";
  static constexpr Fold kFold = Fold::Attendance;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid, date); }
  std::string validate() const {
    return check::correction_decided(correction_event, check_in_event, date, accepted, end);
  }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("correction_event", e.correction_event, Presence::Optional);
    v.field("check_in_event", e.check_in_event);
    v.field("date", e.date);
    v.field("accepted", e.accepted);
    v.field("end", e.end);
    v.field("reason", e.reason, Presence::Optional);
    v.field("coach_id", e.coach_id, Presence::Optional);
  }
  bool operator==(const CorrectionDecided&) const = default;
};

// A coach records that the participant was there although nobody checked them in (a closed
// attendance of that dagdeel); reason says how the coach knows.
struct AttendanceRecorded {
  std::string date;
  Dagdeel dagdeel = Dagdeel::Morning;
  TimeMs start = 0;
  TimeMs end = 0;
  std::string reason;
  std::string coach_id;

  static constexpr const char* kName = "attendance_recorded";
  static constexpr Fold kFold = Fold::Attendance;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid, date); }
  std::string validate() const { return check::attendance_recorded(date, start, end, reason, coach_id); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("dagdeel", e.dagdeel);
    v.field("start", e.start);
    v.field("end", e.end);
    v.field("reason", e.reason);
    v.field("coach_id", e.coach_id);
  }
  bool operator==(const AttendanceRecorded&) const = default;
};

// The coach's file on a participant (subject file/<participant>): the participation ladder, short
// notes, and leaving the programme.
struct LadderAssessed {
  std::string date;
  LadderMoment moment = LadderMoment::Monthly;
  int rung = 1;
  int progress = 0;
  std::array<AreaStatus, 5> areas{};  // indexed like kProblemAreas
  std::string coach_id;

  static constexpr const char* kName = "ladder_assessed";
  static constexpr Fold kFold = Fold::File;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid); }
  std::string validate() const { return check::ladder_assessed(date, rung, progress, coach_id); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("moment", e.moment);
    v.field("rung", e.rung);
    v.field("progress", e.progress);
    v.field("areas", e.areas);
    v.field("coach_id", e.coach_id);
  }
  bool operator==(const LadderAssessed&) const = default;
};

struct NoteAdded {
  std::string date;
  std::string text;
  bool talk = false;
  std::string coach_id;

  static constexpr const char* kName = "note_added";
  static constexpr Fold kFold = Fold::File;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid); }
  std::string validate() const { return check::note_added(date, text, talk, coach_id); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("text", e.text);
    v.field("talk", e.talk, Presence::Optional);
    v.field("coach_id", e.coach_id);
  }
  bool operator==(const NoteAdded&) const = default;
};

struct ParticipantLeft {
  std::string date;
  ExitReason reason = ExitReason::Other;
  std::string coach_id;

  static constexpr const char* kName = "participant_left";
  static constexpr Fold kFold = Fold::File;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid); }
  std::string validate() const { return check::first({check::date(date), check::id(coach_id, "coach_id")}); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("date", e.date);
    v.field("reason", e.reason);
    v.field("coach_id", e.coach_id);
  }
  bool operator==(const ParticipantLeft&) const = default;
};

// A coach created or changed an activity (centre-wide): the whole activity as it now stands,
// so the last one in fold order is the activity. active = false takes it off the programme.
struct ActivitySaved {
  Activity activity;
  std::string coach_id;

  static constexpr const char* kName = "activity_saved";
  static constexpr Fold kFold = Fold::Activity;
  std::string subject(const std::string&) const { return fold_subject(kFold, activity.id); }
  std::string validate() const { return check::activity_saved(activity, coach_id); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    auto& a = e.activity;
    v.field("id", a.id);
    v.field("title", a.title);
    v.field("icon", a.icon);
    v.field("weekday", a.weekday);
    v.field("date", a.date);
    v.field("dagdeel", a.dagdeel);
    v.hhmm("start", a.start);
    v.hhmm("end", a.end);
    v.field("place", a.place);
    v.field("leader", a.leader);
    v.field("capacity", a.capacity);
    v.field("volunteer_work", a.volunteer_work);
    v.field("active", a.active);
    v.field("coach_id", e.coach_id, Presence::Optional);
  }
  bool operator==(const ActivitySaved&) const = default;
};

// A coach chose a new PIN on a kiosk (centre-wide, participant_id ""): the argon2id hash of it,
// never the PIN. The last one in fold order is the coach's PIN, on the server as on every kiosk.
struct CoachPinChanged {
  std::string coach_id;
  std::string pin_hash;

  static constexpr const char* kName = "coach_pin_changed";
  static constexpr Fold kFold = Fold::Coach;
  std::string subject(const std::string&) const { return fold_subject(kFold, coach_id); }
  std::string validate() const { return check::first({check::id(coach_id, "coach_id"), check::pin_hash(pin_hash)}); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("coach_id", e.coach_id);
    v.field("pin_hash", e.pin_hash);
  }
  bool operator==(const CoachPinChanged&) const = default;
};

// A coach changed a participant's agreements (subject agreements/<participant>): all of them as
// they now stand, so the last one in fold order is what holds (on the server against the roster
// import too, which counts as of the server's clock). agreed_parts: bits of core::agreed_bit.
struct AgreementsChanged {
  std::string start_date;  // "" = unknown
  std::string end_date;    // "" = open-ended
  int agreed_parts = 0;
  int talk_every_days = 0;  // 0 = no rhythm
  int agreed_minutes = 0;   // a week; 0 = none
  bool show_agreed_hours = false;
  bool photo_consent = false;
  std::string coach_id;

  static constexpr const char* kName = "agreements_changed";
  static constexpr Fold kFold = Fold::Agreements;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid); }
  std::string validate() const {
    return check::first({check::agreements(start_date, end_date, agreed_parts, talk_every_days, agreed_minutes),
                         check::id(coach_id, "coach_id")});
  }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("start_date", e.start_date);
    v.field("end_date", e.end_date);
    v.field("agreed_parts", e.agreed_parts);
    v.field("talk_every_days", e.talk_every_days);
    v.field("agreed_minutes", e.agreed_minutes);
    v.field("show_agreed_hours", e.show_agreed_hours);
    v.field("photo_consent", e.photo_consent);
    v.field("coach_id", e.coach_id);
  }
  bool operator==(const AgreementsChanged&) const = default;
};
// The event that states p's agreements as they are, and p with an event's agreements.
AgreementsChanged agreements_of(const Participant& p, const std::string& coach_id);
void apply_agreements(Participant& p, const AgreementsChanged& a);

// A participant chose the kiosk's language on their home screen (subject language/<participant>):
// their preference from now on, on every kiosk of the centre. The last one in fold order holds,
// on the kiosk as on the server; a roster import that has a language column sets it again.
struct LanguageChosen {
  std::string language;

  static constexpr const char* kName = "language_chosen";
  static constexpr Fold kFold = Fold::Language;
  std::string subject(const std::string& pid) const { return fold_subject(kFold, pid); }
  std::string validate() const { return check::language(language); }
  template <class V, class Self>
  static void describe(V& v, Self& e) {
    v.field("language", e.language);
  }
  bool operator==(const LanguageChosen&) const = default;
};

// A type this version does not fold: kept and synced as it is (its payload stays in the journal).
struct Other {
  static constexpr const char* kName = "";
  static constexpr Fold kFold = Fold::None;
  std::string subject(const std::string&) const { return {}; }
  std::string validate() const { return {}; }
  template <class V, class Self>
  static void describe(V&, Self&) {}
  bool operator==(const Other&) const = default;
};

}  // namespace ev

// Every type of the table; ev::Other stays last (event_types() leaves it out).
using EventBody =
    std::variant<ev::CheckIn, ev::CheckOut, ev::AutoCheckOut, ev::CheckoutConfirmed, ev::CorrectionRequested,
                 ev::SignedUp, ev::SignUpCancelled, ev::AbsenceReported, ev::AbsenceWithdrawn, ev::HoursLogged,
                 ev::HoursDecided, ev::CorrectionDecided, ev::AttendanceRecorded, ev::LadderAssessed, ev::NoteAdded,
                 ev::ParticipantLeft, ev::ActivitySaved, ev::CoachPinChanged, ev::AgreementsChanged,
                 ev::CheckoutUnknown, ev::LanguageChosen, ev::Other>;
constexpr std::size_t kEventTypeCount = std::variant_size_v<EventBody> - 1;
static_assert(std::is_same_v<std::variant_alternative_t<kEventTypeCount, EventBody>, ev::Other>);

// [SECTION] Read from the table

// The wire names of every known type, in the variant's order.
inline constexpr std::array<const char*, kEventTypeCount> kEventTypes =
    []<std::size_t... I>(std::index_sequence<I...>) {
  return std::array<const char*, kEventTypeCount>{std::variant_alternative_t<I, EventBody>::kName...};
}
(std::make_index_sequence<kEventTypeCount>{});
constexpr const std::array<const char*, kEventTypeCount>& event_types() { return kEventTypes; }

// The wire name of a body's type ("check_in", ...); "" for ev::Other.
const char* event_type(const EventBody& body);

// The fold key of an event: all events with one subject are folded together, and only they
// change that subject's derived rows. "" for events no fold reads.
//   attendance/<participant>/<date>, signups/<activity>/<date>, absences/<participant>,
//   hours/<participant>, file/<participant>, activity/<activity>, coach/<coach>
std::string event_subject(const std::string& participant_id, const EventBody& body);

// Checks a body's values (dates, minutes, ids); "" when sound, else the reason.
std::string validate(const EventBody& body);

}  // namespace meedoen::core
