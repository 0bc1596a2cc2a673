// The folds from events to derived state. Each is a walk over events in fold order; none reads
// a clock, so the same events give the same rows on every kiosk and on the server.
#include "core/journal.hpp"
#include "core/overloaded.hpp"
#include "core/programme.hpp"

#include <algorithm>
#include <tuple>

namespace meedoen::core {

namespace {

// Hands each event whose type the table marks for fold F to folder(event, body). A folder is an
// overload set with one case per such type: a type marked for F without a case does not compile,
// so a new type cannot be silently left out of its fold.
template <Fold F, class Folder>
void fold_over(const Event& e, Folder&& folder) {
  std::visit(
      [&](const auto& b) {
        if constexpr (std::decay_t<decltype(b)>::kFold == F) folder(e, b);
      },
      e.body);
}
template <Fold F, class Folder>
void fold_over(const std::vector<Event>& events, Folder&& folder) {
  for (const Event& e : events) fold_over<F>(e, folder);
}

}  // namespace

// [SECTION] Fold order

bool fold_before(const Event& a, const Event& b) {
  return std::tie(a.hlc, a.device_id, a.id) < std::tie(b.hlc, b.device_id, b.id);
}

// [SECTION] Attendance

void fold_attendance_step(std::vector<Attendance>& out, const Event& event) {
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
  fold_over<Fold::Attendance>(
      event, Overloaded{
                 [&](const Event& e, const ev::CheckIn& b) {
                   if (open_on(e.participant_id, b.date)) return;  // a duplicate, e.g. on a second kiosk
                   Attendance a;
                   a.participant_id = e.participant_id;
                   a.date = b.date;
                   a.dagdeel = b.dagdeel;
                   a.check_in = b.at;
                   a.check_in_event = e.id;
                   out.push_back(a);
                 },
                 [&](const Event& e, const ev::CheckOut& b) {
                   if (Attendance* a = open_on(e.participant_id, b.date))
                     a->check_out = std::max(b.at, a->check_in + 1);
                 },
                 [&](const Event&, const ev::AutoCheckOut& b) {
                   Attendance* a = by_check_in(b.check_in_event);
                   if (!a || !a->open()) return;
                   a->check_out = std::max(b.at, a->check_in + 1);
                   a->auto_closed = true;
                 },
                 [&](const Event&, const ev::CheckoutConfirmed& b) {
                   if (Attendance* a = by_check_in(b.check_in_event)) a->answered = true;
                 },
                 [&](const Event&, const ev::CheckoutUnknown& b) {
                   if (Attendance* a = by_check_in(b.check_in_event)) a->end_unknown = true;
                 },
                 [&](const Event&, const ev::CorrectionRequested& b) {
                   if (Attendance* a = by_check_in(b.check_in_event)) {
                     a->answered = true;
                     a->proposed_end = b.proposed_end;
                   }
                 },
                 [&](const Event&, const ev::CorrectionDecided& b) {
                   // Settled by a coach: nothing waits any more, and an accepted end replaces the
                   // recorded one (the events keep both: the history shows what changed and why).
                   Attendance* a = by_check_in(b.check_in_event);
                   if (!a) return;
                   a->answered = true;
                   a->proposed_end = 0;
                   if (b.accepted && b.end > a->check_in && !a->open()) a->check_out = b.end;
                 },
                 [&](const Event& e, const ev::AttendanceRecorded& b) {
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
             });
}

std::vector<Attendance> fold_attendance(const std::vector<Event>& events) {
  std::vector<Attendance> out;
  for (const Event& e : events) fold_attendance_step(out, e);
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
  fold_over<Fold::SignUps>(events, Overloaded{
                                       [&](const Event& e, const ev::SignedUp& b) {
                                         if (find(e.participant_id) != active.end())
                                           return;  // signed up twice: one place
                                         Active a;
                                         a.s.activity_id = b.activity_id;
                                         a.s.date = b.date;
                                         a.s.participant_id = e.participant_id;
                                         a.s.at = e.wall;
                                         a.joined_full = capacity > 0 && static_cast<int>(active.size()) >= capacity;
                                         active.push_back(a);
                                       },
                                       [&](const Event& e, const ev::SignUpCancelled&) {
                                         if (auto it = find(e.participant_id); it != active.end()) active.erase(it);
                                       },
                                   });
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
  fold_over<Fold::Absences>(events,
                            Overloaded{
                                [&](const Event& e, const ev::AbsenceReported& b) {
                                  // One report per dagdeel: a second one (another reason) replaces the first.
                                  for (auto& a : out)
                                    if (!a.withdrawn && a.date == b.date && a.dagdeel == b.dagdeel) a.withdrawn = true;
                                  out.push_back(Absence{e.id, e.participant_id, b.date, b.dagdeel, b.reason, false});
                                },
                                [&](const Event&, const ev::AbsenceWithdrawn& w) {
                                  for (auto& a : out)
                                    if (a.event_id == w.absence_event) a.withdrawn = true;
                                },
                            });
  std::erase_if(out, [](const Absence& a) { return a.withdrawn; });
  return out;
}

// [SECTION] Volunteer hours

std::vector<HoursEntry> fold_hours(const std::vector<Event>& events) {
  std::vector<HoursEntry> out;
  fold_over<Fold::Hours>(events, Overloaded{
                                     [&](const Event& e, const ev::HoursLogged& b) {
                                       HoursEntry h;
                                       h.event_id = e.id;
                                       h.participant_id = e.participant_id;
                                       h.date = b.date;
                                       h.place = b.place;
                                       h.minutes = b.minutes;
                                       h.logged_at = e.wall;
                                       out.push_back(h);
                                     },
                                     [&](const Event&, const ev::HoursDecided& d) {
                                       for (auto& h : out)
                                         if (h.event_id == d.hours_event) {
                                           h.status = d.approved ? HoursStatus::Approved : HoursStatus::Rejected;
                                           h.approved_minutes = d.approved ? d.minutes : 0;
                                         }
                                     },
                                 });
  return out;
}

// [SECTION] Last-word folds: the programme, coaches' PINs, agreements, language preferences

template <class Body>
LastWord<Body> fold_last(const std::vector<Event>& events) {
  LastWord<Body> out;
  fold_over<Body::kFold>(events, [&](const Event& e, const Body& b) { out = {true, b, e.id, e.device_id}; });
  return out;
}
template LastWord<ev::ActivitySaved> fold_last(const std::vector<Event>&);
template LastWord<ev::CoachPinChanged> fold_last(const std::vector<Event>&);
template LastWord<ev::AgreementsChanged> fold_last(const std::vector<Event>&);
template LastWord<ev::LanguageChosen> fold_last(const std::vector<Event>&);

// [SECTION] The coach's file

CoachFile fold_file(const std::vector<Event>& events) {
  CoachFile f;
  fold_over<Fold::File>(
      events, Overloaded{
                  [&](const Event& e, const ev::LadderAssessed& b) {
                    f.ladder.push_back(LadderAssessment{e.id, e.participant_id, b.date, b.moment, b.rung, b.progress,
                                                        b.areas, b.coach_id, e.wall});
                  },
                  [&](const Event& e, const ev::NoteAdded& b) {
                    f.notes.push_back(CoachNote{e.id, e.participant_id, b.date, b.text, b.talk, b.coach_id, e.wall});
                  },
                  [&](const Event& e, const ev::ParticipantLeft& b) {
                    f.exits.push_back(Exit{e.id, e.participant_id, b.date, b.reason, b.coach_id, e.wall});
                  },
              });
  return f;
}

}  // namespace meedoen::core
