// Journal events as typed values (their bodies, one per type: core/events.hpp), and the pure
// folds that derive attendance, sign-ups, absences and volunteer hours from them. Kiosks and the
// server run the same folds over the same events in the same order, so derived state is the
// same everywhere (docs/events.md).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/events.hpp"
#include "core/model.hpp"
#include "core/time.hpp"

namespace meedoen::core {

struct Event {
  std::string id;         // UUIDv7
  std::string device_id;  // the kiosk that recorded it
  std::int64_t seq = 0;   // per device: 1, 2, 3, ...
  TimeMs wall = 0;
  std::string hlc;  // hybrid logical clock stamp, sorts as text
  std::string type;
  std::string participant_id;
  EventBody body;
};

// The fold order: (hlc, device_id, id), total and the same on every machine.
bool fold_before(const Event& a, const Event& b);

// [SECTION] Folds: the events must be sorted by fold_before. Each reads the types the table marks
// with its Fold (core/events.hpp) and no others.
std::vector<Attendance> fold_attendance(const std::vector<Event>& events);
// One event of that fold: `rows` are the fold of the subject's events before e (in any order: a
// subject has at most one open attendance, and the others are found by their check-in event), and
// become the fold with e last. A kiosk's tap is last in its subject's fold order (its stamp follows
// the subject's), so it folds the rows the read model holds instead of all the subject's events.
void fold_attendance_step(std::vector<Attendance>& rows, const Event& e);
// capacity 0 = no limit.
std::vector<SignUp> fold_signups(const std::vector<Event>& events, int capacity);
std::vector<Absence> fold_absences(const std::vector<Event>& events);
std::vector<HoursEntry> fold_hours(const std::vector<Event>& events);
// The last-word folds (the programme's activity_saved, a coach's coach_pin_changed, a
// participant's agreements_changed): each event states the whole row, so the last one in fold
// order is what holds. Body is the one type its fold reads; found = false without one.
template <class Body>
struct LastWord {
  bool found = false;
  Body body{};
  std::string event_id, device_id;  // of the last one
};
template <class Body>
LastWord<Body> fold_last(const std::vector<Event>& events);
// The coach's file: every assessment, note and exit as its own row, in fold order.
struct CoachFile {
  std::vector<LadderAssessment> ladder;
  std::vector<CoachNote> notes;
  std::vector<Exit> exits;
};
CoachFile fold_file(const std::vector<Event>& events);
}  // namespace meedoen::core
