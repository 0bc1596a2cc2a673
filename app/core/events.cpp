// The event-type table's shared parts: subjects, the checks validate() is made of, and the
// lookups by body that read each type's table entry.
#include "core/events.hpp"

#include "core/programme.hpp"

namespace meedoen::core {

std::string fold_subject(Fold f, const std::string& a, const std::string& b) {
  switch (f) {
    case Fold::None: return {};
    case Fold::Attendance: return "attendance/" + a + "/" + b;
    case Fold::SignUps: return "signups/" + a + "/" + b;
    case Fold::Absences: return "absences/" + a;
    case Fold::Hours: return "hours/" + a;
    case Fold::Activity: return "activity/" + a;
    case Fold::File: return "file/" + a;
    case Fold::Coach: return "coach/" + a;
    case Fold::Agreements: return "agreements/" + a;
    case Fold::Language: return "language/" + a;
  }
  return {};
}

// [SECTION] Checks

namespace check {

// Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). Payloads are
// JSON, which the encoder can only write as UTF-8: other bytes would be replaced on the way in.
bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the range of the first continuation byte
    if (c < 0x80) n = 0;
    else if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c == 0xE0) n = 2, lo = 0xA0;
    else if (c == 0xED) n = 2, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) n = 2;
    else if (c == 0xF0) n = 3, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) n = 3;
    else if (c == 0xF4) n = 3, hi = 0x8F;
    else return false;
    if (i + n >= s.size()) return false;  // a sequence cut short by the end
    for (std::size_t k = 1; k <= n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return false;
    }
    i += n + 1;
  }
  return true;
}

std::string date(const std::string& d) { return valid_date_iso(d) ? "" : "not a date: '" + d.substr(0, 40) + "'"; }

std::string id(const std::string& s, const char* what) {
  return !s.empty() && s.size() <= 64 && s.find('/') == std::string::npos && valid_utf8(s) ? std::string()
                                                                                           : std::string("bad ") + what;
}

std::string first(std::initializer_list<std::string> problems) {
  for (const std::string& p : problems)
    if (!p.empty()) return p;
  return {};
}

std::string hours_logged(const std::string& d, const std::string& place, int minutes) {
  if (!date(d).empty()) return date(d);
  if (minutes <= 0 || minutes > kMaxHoursPerEntry || minutes % kHoursStepMinutes != 0)
    return "minutes must be a multiple of 15 between 15 and 720";
  if (place.empty() || place.size() > kMaxPlaceLength || !valid_utf8(place)) return "bad place";
  return {};
}

std::string agreements(const std::string& start_date, const std::string& end_date, std::int64_t agreed_parts,
                       int talk_every_days, int agreed_minutes) {
  if (!start_date.empty() && !valid_date_iso(start_date)) return "start_date: " + date(start_date);
  if (!end_date.empty() && !valid_date_iso(end_date)) return "end_date: " + date(end_date);
  if (!start_date.empty() && !end_date.empty() && end_date < start_date)
    return "end_date " + end_date + " is before start_date " + start_date;
  if (agreed_parts < 0 || agreed_parts >= std::int64_t{kAgreedPartsEnd}) return "agreed_parts out of range";
  if (talk_every_days < 0 || talk_every_days > kMaxTalkEveryDays)
    return "talk_every_days must be 0 to " + std::to_string(kMaxTalkEveryDays);
  if (agreed_minutes < 0 || agreed_minutes > kMaxAgreedMinutes)
    return "agreed_minutes must be 0 to " + std::to_string(kMaxAgreedMinutes);
  return {};
}

std::string correction_decided(const std::string& correction_event, const std::string& check_in_event,
                               const std::string& d, bool accepted, TimeMs end) {
  if (!date(d).empty()) return date(d);
  if (!correction_event.empty() && !id(correction_event, "correction_event").empty()) return "bad correction_event";
  if (accepted && end <= 0) return "bad end";
  return id(check_in_event, "check_in_event");
}

std::string activity_saved(const Activity& a, const std::string& coach_id) {
  for (const std::string* t : {&a.id, &a.title, &a.icon, &a.date, &a.place, &a.leader, &coach_id})
    if (!valid_utf8(*t)) return "not UTF-8 text";
  switch (check_activity(a)) {
    case ActivityProblem::None: break;
    case ActivityProblem::BadId: return "bad id";
    case ActivityProblem::NoTitle: return "the title is empty";
    case ActivityProblem::TitleTooLong: return "the title is longer than 120 characters";
    case ActivityProblem::PlaceTooLong: return "the place is longer than 120 characters";
    case ActivityProblem::LeaderTooLong: return "the leader is longer than 120 characters";
    case ActivityProblem::BadText: return "a line break in the title, place or leader";
    case ActivityProblem::BadIcon: return "unknown pictogram '" + a.icon.substr(0, 20) + "'";
    case ActivityProblem::BadWeekday: return "weekday must be 0 (Monday) to 6";
    case ActivityProblem::BadDate: return date(a.date);
    case ActivityProblem::DateNotWeekday: return "the weekday is not the date's";
    case ActivityProblem::BadTimes: return "start must be before end, within the day";
    case ActivityProblem::DagdeelMismatch: return "the dagdeel does not match the start time";
    case ActivityProblem::BadCapacity: return "capacity must be 0 to 500";
  }
  if (coach_id.size() > 64) return "bad coach_id";
  return {};
}

std::string attendance_recorded(const std::string& d, TimeMs start, TimeMs end, const std::string& reason,
                                const std::string& coach_id) {
  if (!date(d).empty()) return date(d);
  if (start <= 0 || end <= start || end - start > minutes(24 * 60)) return "bad start or end";
  if (reason.empty() || reason.size() > 40) return "a reason is needed";
  return id(coach_id, "coach_id");
}

std::string ladder_assessed(const std::string& d, int rung, int progress, const std::string& coach_id) {
  if (!date(d).empty()) return date(d);
  if (rung < 1 || rung > kMaxLadderRungs) return "rung out of range";
  if (progress < 0 || progress > kLadderProgressSteps) return "progress out of range";
  return id(coach_id, "coach_id");
}

std::string note_added(const std::string& d, const std::string& text, bool talk, const std::string& coach_id) {
  if (!date(d).empty()) return date(d);
  if (text.size() > kMaxNoteLength) return "the note is too long";
  if (!valid_utf8(text)) return "the note is not UTF-8";
  if (text.empty() && !talk) return "an empty note";
  return id(coach_id, "coach_id");
}

std::string pin_hash(const std::string& hash) {
  if (hash.size() > kMaxPinHashLength) return "the PIN hash is longer than 127 bytes";
  if (hash.rfind("$argon2id$v=", 0) != 0) return "the PIN hash is not an argon2id hash";
  int dollars = 0;
  for (const char c : hash) {
    const bool base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                        c == '/' || c == '=' || c == ',' || c == '-';
    if (c == '$') ++dollars;
    else if (!base64) return "the PIN hash is not an argon2id hash";
  }
  // $argon2id$v=19$m=...,t=...,p=...$salt$hash
  return dollars == 5 ? "" : "the PIN hash is not an argon2id hash";
}

std::string language(const std::string& code) {
  return known_language(code) ? "" : "language must be one of " + known_languages_text() + ", got \"" + code + "\"";
}

}  // namespace check

// [SECTION] Agreements

namespace ev {

AgreementsChanged agreements_of(const Participant& p, const std::string& coach_id) {
  return {p.start_date,
          p.end_date,
          static_cast<int>(p.agreed_parts),
          p.talk_every_days,
          p.agreed_minutes_per_week,
          p.show_agreed_hours,
          p.photo_consent,
          coach_id};
}

void apply_agreements(Participant& p, const AgreementsChanged& a) {
  p.start_date = a.start_date;
  p.end_date = a.end_date;
  p.agreed_parts = static_cast<std::uint32_t>(a.agreed_parts);
  p.talk_every_days = a.talk_every_days;
  p.agreed_minutes_per_week = a.agreed_minutes;
  p.show_agreed_hours = a.show_agreed_hours;
  p.photo_consent = a.photo_consent;
}

}  // namespace ev

// [SECTION] Lookups by body

const char* event_type(const EventBody& body) {
  return std::visit([](const auto& b) { return std::decay_t<decltype(b)>::kName; }, body);
}

std::string event_subject(const std::string& pid, const EventBody& body) {
  return std::visit([&](const auto& b) { return b.subject(pid); }, body);
}

std::string validate(const EventBody& body) {
  return std::visit([](const auto& b) { return b.validate(); }, body);
}

}  // namespace meedoen::core
