// The folds from events to derived state. Each is a walk over events in fold order; none reads
// a clock, so the same events give the same rows on every kiosk and on the server.
#include "core/journal.hpp"
#include "core/overloaded.hpp"
#include "core/programme.hpp"

#include <algorithm>
#include <tuple>

namespace meedoen::core {

namespace {

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

}  // namespace

// [SECTION] Types and subjects

const char* event_type(const EventBody& body) {
  return std::visit(Overloaded{
      [](const ev::CheckIn&) { return "check_in"; },
      [](const ev::CheckOut&) { return "check_out"; },
      [](const ev::AutoCheckOut&) { return "auto_check_out"; },
      [](const ev::CheckoutConfirmed&) { return "checkout_confirmed"; },
      [](const ev::CorrectionRequested&) { return "correction_requested"; },
      [](const ev::SignedUp&) { return "signed_up"; },
      [](const ev::SignUpCancelled&) { return "sign_up_cancelled"; },
      [](const ev::AbsenceReported&) { return "absence_reported"; },
      [](const ev::AbsenceWithdrawn&) { return "absence_withdrawn"; },
      [](const ev::HoursLogged&) { return "hours_logged"; },
      [](const ev::HoursDecided&) { return "hours_decided"; },
      [](const ev::CorrectionDecided&) { return "correction_decided"; },
      [](const ev::ActivitySaved&) { return "activity_saved"; },
      [](const ev::AttendanceRecorded&) { return "attendance_recorded"; },
      [](const ev::LadderAssessed&) { return "ladder_assessed"; },
      [](const ev::NoteAdded&) { return "note_added"; },
      [](const ev::ParticipantLeft&) { return "participant_left"; },
      [](const ev::Other&) { return ""; },
  }, body);
}

bool fold_before(const Event& a, const Event& b) {
  return std::tie(a.hlc, a.device_id, a.id) < std::tie(b.hlc, b.device_id, b.id);
}

std::string event_subject(const std::string& pid, const EventBody& body) {
  auto attendance = [&](const std::string& date) { return "attendance/" + pid + "/" + date; };
  return std::visit(Overloaded{
      [&](const ev::CheckIn& e) { return attendance(e.date); },
      [&](const ev::CheckOut& e) { return attendance(e.date); },
      [&](const ev::AutoCheckOut& e) { return attendance(e.date); },
      [&](const ev::CheckoutConfirmed& e) { return attendance(e.date); },
      [&](const ev::CorrectionRequested& e) { return attendance(e.date); },
      [&](const ev::SignedUp& e) { return "signups/" + e.activity_id + "/" + e.date; },
      [&](const ev::SignUpCancelled& e) { return "signups/" + e.activity_id + "/" + e.date; },
      [&](const ev::AbsenceReported&) { return "absences/" + pid; },
      [&](const ev::AbsenceWithdrawn&) { return "absences/" + pid; },
      [&](const ev::HoursLogged&) { return "hours/" + pid; },
      [&](const ev::HoursDecided&) { return "hours/" + pid; },
      [&](const ev::CorrectionDecided& e) { return attendance(e.date); },
      [&](const ev::ActivitySaved& e) { return "activity/" + e.activity.id; },
      [&](const ev::AttendanceRecorded& e) { return attendance(e.date); },
      [&](const ev::LadderAssessed&) { return "file/" + pid; },
      [&](const ev::NoteAdded&) { return "file/" + pid; },
      [&](const ev::ParticipantLeft&) { return "file/" + pid; },
      [&](const ev::Other&) { return std::string(); },
  }, body);
}

std::string validate(const EventBody& body) {
  auto date = [](const std::string& d) { return valid_date_iso(d) ? "" : "not a date: '" + d.substr(0, 40) + "'"; };
  auto id = [](const std::string& s, const char* what) {
    return !s.empty() && s.size() <= 64 && s.find('/') == std::string::npos && valid_utf8(s)
               ? std::string()
               : std::string("bad ") + what;
  };
  return std::visit(Overloaded{
      [&](const ev::CheckIn& e) { return date(e.date); },
      [&](const ev::CheckOut& e) { return date(e.date); },
      [&](const ev::AutoCheckOut& e) { return !date(e.date).empty() ? date(e.date) : id(e.check_in_event, "check_in_event"); },
      [&](const ev::CheckoutConfirmed& e) { return !date(e.date).empty() ? date(e.date) : id(e.check_in_event, "check_in_event"); },
      [&](const ev::CorrectionRequested& e) {
        if (!date(e.date).empty()) return date(e.date);
        return e.proposed_end > 0 ? id(e.check_in_event, "check_in_event") : std::string("bad proposed_end");
      },
      [&](const ev::SignedUp& e) { return !date(e.date).empty() ? date(e.date) : id(e.activity_id, "activity_id"); },
      [&](const ev::SignUpCancelled& e) { return !date(e.date).empty() ? date(e.date) : id(e.activity_id, "activity_id"); },
      [&](const ev::AbsenceReported& e) { return date(e.date); },
      [&](const ev::AbsenceWithdrawn& e) { return id(e.absence_event, "absence_event"); },
      [&](const ev::HoursLogged& e) {
        if (!date(e.date).empty()) return date(e.date);
        if (e.minutes <= 0 || e.minutes > kMaxHoursPerEntry || e.minutes % kHoursStepMinutes != 0)
          return std::string("minutes must be a multiple of 15 between 15 and 720");
        if (e.place.empty() || e.place.size() > kMaxPlaceLength || !valid_utf8(e.place)) return std::string("bad place");
        return std::string();
      },
      [&](const ev::HoursDecided& e) {
        if (e.minutes < 0 || e.minutes > kMaxHoursPerEntry) return std::string("bad minutes");
        return id(e.hours_event, "hours_event");
      },
      [&](const ev::CorrectionDecided& e) {
        if (!date(e.date).empty()) return date(e.date);
        if (!e.correction_event.empty() && !id(e.correction_event, "correction_event").empty())
          return std::string("bad correction_event");
        if (e.accepted && e.end <= 0) return std::string("bad end");
        return id(e.check_in_event, "check_in_event");
      },
      [&](const ev::ActivitySaved& e) {
        const Activity& a = e.activity;
        for (const std::string* t : {&a.id, &a.title, &a.icon, &a.date, &a.place, &a.leader, &e.coach_id})
          if (!valid_utf8(*t)) return std::string("not UTF-8 text");
        switch (check_activity(a)) {
          case ActivityProblem::None: break;
          case ActivityProblem::BadId: return std::string("bad id");
          case ActivityProblem::NoTitle: return std::string("the title is empty");
          case ActivityProblem::TitleTooLong: return std::string("the title is longer than 120 characters");
          case ActivityProblem::PlaceTooLong: return std::string("the place is longer than 120 characters");
          case ActivityProblem::LeaderTooLong: return std::string("the leader is longer than 120 characters");
          case ActivityProblem::BadText: return std::string("a line break in the title, place or leader");
          case ActivityProblem::BadIcon: return "unknown pictogram '" + a.icon.substr(0, 20) + "'";
          case ActivityProblem::BadWeekday: return std::string("weekday must be 0 (Monday) to 6");
          case ActivityProblem::BadDate: return date(a.date);
          case ActivityProblem::DateNotWeekday: return std::string("the weekday is not the date's");
          case ActivityProblem::BadTimes: return std::string("start must be before end, within the day");
          case ActivityProblem::DagdeelMismatch: return std::string("the dagdeel does not match the start time");
          case ActivityProblem::BadCapacity: return std::string("capacity must be 0 to 500");
        }
        if (e.coach_id.size() > 64) return std::string("bad coach_id");
        return std::string();
      },
      [&](const ev::AttendanceRecorded& e) {
        if (!date(e.date).empty()) return date(e.date);
        if (e.start <= 0 || e.end <= e.start || e.end - e.start > minutes(24 * 60)) return std::string("bad start or end");
        if (e.reason.empty() || e.reason.size() > 40) return std::string("a reason is needed");
        return id(e.coach_id, "coach_id");
      },
      [&](const ev::LadderAssessed& e) {
        if (!date(e.date).empty()) return date(e.date);
        if (e.rung < 1 || e.rung > kMaxLadderRungs) return std::string("rung out of range");
        if (e.progress < 0 || e.progress > kLadderProgressSteps) return std::string("progress out of range");
        return id(e.coach_id, "coach_id");
      },
      [&](const ev::NoteAdded& e) {
        if (!date(e.date).empty()) return date(e.date);
        if (e.text.size() > kMaxNoteLength) return std::string("the note is too long");
        if (!valid_utf8(e.text)) return std::string("the note is not UTF-8");
        if (e.text.empty() && !e.talk) return std::string("an empty note");
        return id(e.coach_id, "coach_id");
      },
      [&](const ev::ParticipantLeft& e) { return !date(e.date).empty() ? date(e.date) : id(e.coach_id, "coach_id"); },
      [&](const ev::Other&) { return std::string(); },
  }, body);
}

// [SECTION] Attendance

std::vector<Attendance> fold_attendance(const std::vector<Event>& events) {
  std::vector<Attendance> out;
  auto open_on = [&](const std::string& pid, const std::string& date) -> Attendance* {
    for (auto& a : out)
      if (a.participant_id == pid && a.date == date && a.open()) return &a;
    return nullptr;
  };
  auto by_check_in = [&](const std::string& id) -> Attendance* {
    for (auto& a : out)
      if (a.check_in_event == id) return &a;
    return nullptr;
  };
  for (const Event& e : events) {
    std::visit(Overloaded{
        [&](const ev::CheckIn& b) {
          if (open_on(e.participant_id, b.date)) return;  // a duplicate, e.g. on a second kiosk
          Attendance a;
          a.participant_id = e.participant_id;
          a.date = b.date;
          a.dagdeel = b.dagdeel;
          a.check_in = b.at;
          a.check_in_event = e.id;
          out.push_back(a);
        },
        [&](const ev::CheckOut& b) {
          if (Attendance* a = open_on(e.participant_id, b.date)) a->check_out = std::max(b.at, a->check_in + 1);
        },
        [&](const ev::AutoCheckOut& b) {
          Attendance* a = by_check_in(b.check_in_event);
          if (!a || !a->open()) return;
          a->check_out = std::max(b.at, a->check_in + 1);
          a->auto_closed = true;
        },
        [&](const ev::CheckoutConfirmed& b) {
          if (Attendance* a = by_check_in(b.check_in_event)) a->answered = true;
        },
        [&](const ev::CorrectionRequested& b) {
          if (Attendance* a = by_check_in(b.check_in_event)) {
            a->answered = true;
            a->proposed_end = b.proposed_end;
          }
        },
        [&](const ev::CorrectionDecided& b) {
          // Settled by a coach: nothing waits any more, and an accepted end replaces the
          // recorded one (the events keep both: the history shows what changed and why).
          Attendance* a = by_check_in(b.check_in_event);
          if (!a) return;
          a->answered = true;
          a->proposed_end = 0;
          if (b.accepted && b.end > a->check_in && !a->open()) a->check_out = b.end;
        },
        [&](const ev::AttendanceRecorded& b) {
          // Only where nothing was recorded for that dagdeel: a coach cannot double an attendance.
          for (const auto& a : out)
            if (a.participant_id == e.participant_id && a.date == b.date && a.dagdeel == b.dagdeel) return;
          Attendance a;
          a.participant_id = e.participant_id;
          a.date = b.date;
          a.dagdeel = b.dagdeel;
          a.check_in = b.start;
          a.check_out = b.end;
          a.check_in_event = e.id;
          a.answered = true;
          a.by_coach = true;
          out.push_back(a);
        },
        [](const auto&) {},
    }, e.body);
  }
  return out;
}

// [SECTION] Sign-ups and waiting list

std::vector<SignUp> fold_signups(const std::vector<Event>& events, int capacity) {
  struct Active {
    SignUp s;
    bool joined_full = false;
  };
  std::vector<Active> active;
  auto find = [&](const std::string& pid) {
    return std::find_if(active.begin(), active.end(), [&](const Active& a) { return a.s.participant_id == pid; });
  };
  for (const Event& e : events) {
    if (const auto* b = std::get_if<ev::SignedUp>(&e.body)) {
      if (find(e.participant_id) != active.end()) continue;  // signed up twice: one place
      Active a;
      a.s.activity_id = b->activity_id;
      a.s.date = b->date;
      a.s.participant_id = e.participant_id;
      a.s.at = e.wall;
      a.joined_full = capacity > 0 && static_cast<int>(active.size()) >= capacity;
      active.push_back(a);
    } else if (std::holds_alternative<ev::SignUpCancelled>(e.body)) {
      if (auto it = find(e.participant_id); it != active.end()) active.erase(it);
    }
  }
  std::vector<SignUp> out;
  out.reserve(active.size());
  for (std::size_t i = 0; i < active.size(); ++i) {
    SignUp s = active[i].s;
    s.placed = capacity <= 0 || static_cast<int>(i) < capacity;
    s.waiting_position = s.placed ? 0 : static_cast<int>(i) - capacity + 1;
    s.from_waiting_list = s.placed && active[i].joined_full;
    out.push_back(s);
  }
  return out;
}

// [SECTION] Absences

std::vector<Absence> fold_absences(const std::vector<Event>& events) {
  std::vector<Absence> out;
  for (const Event& e : events) {
    if (const auto* b = std::get_if<ev::AbsenceReported>(&e.body)) {
      // One report per dagdeel: a second one (another reason) replaces the first.
      for (auto& a : out)
        if (!a.withdrawn && a.date == b->date && a.dagdeel == b->dagdeel) a.withdrawn = true;
      out.push_back(Absence{e.id, e.participant_id, b->date, b->dagdeel, b->reason, false});
    } else if (const auto* w = std::get_if<ev::AbsenceWithdrawn>(&e.body)) {
      for (auto& a : out)
        if (a.event_id == w->absence_event) a.withdrawn = true;
    }
  }
  std::erase_if(out, [](const Absence& a) { return a.withdrawn; });
  return out;
}

// [SECTION] Volunteer hours

std::vector<HoursEntry> fold_hours(const std::vector<Event>& events) {
  std::vector<HoursEntry> out;
  for (const Event& e : events) {
    if (const auto* b = std::get_if<ev::HoursLogged>(&e.body)) {
      HoursEntry h;
      h.event_id = e.id;
      h.participant_id = e.participant_id;
      h.date = b->date;
      h.place = b->place;
      h.minutes = b->minutes;
      h.logged_at = e.wall;
      out.push_back(h);
    } else if (const auto* d = std::get_if<ev::HoursDecided>(&e.body)) {
      for (auto& h : out)
        if (h.event_id == d->hours_event) {
          h.status = d->approved ? HoursStatus::Approved : HoursStatus::Rejected;
          h.approved_minutes = d->approved ? d->minutes : 0;
        }
    }
  }
  return out;
}

// [SECTION] Programme

FoldedActivity fold_activity(const std::vector<Event>& events) {
  FoldedActivity out;
  for (const Event& e : events)
    if (const auto* b = std::get_if<ev::ActivitySaved>(&e.body)) {
      out.found = true;
      out.activity = b->activity;
      out.event_id = e.id;
    }
  return out;
}

// [SECTION] The coach's file

CoachFile fold_file(const std::vector<Event>& events) {
  CoachFile f;
  for (const Event& e : events) {
    std::visit(Overloaded{
        [&](const ev::LadderAssessed& b) {
          f.ladder.push_back(LadderAssessment{e.id, e.participant_id, b.date, b.moment, b.rung, b.progress, b.areas,
                                              b.coach_id, e.wall});
        },
        [&](const ev::NoteAdded& b) {
          f.notes.push_back(CoachNote{e.id, e.participant_id, b.date, b.text, b.talk, b.coach_id, e.wall});
        },
        [&](const ev::ParticipantLeft& b) {
          f.exits.push_back(Exit{e.id, e.participant_id, b.date, b.reason, b.coach_id, e.wall});
        },
        [](const auto&) {},
    }, e.body);
  }
  return f;
}

}  // namespace meedoen::core
