// Subject by subject: load the events in fold order, fold, replace the derived rows.
#include "storage/projection.hpp"

#include <algorithm>
#include <string_view>

#include <SQLiteCpp/Statement.h>

#include "core/hlc.hpp"
#include "storage/rows.hpp"
#include "wire/event_codec.hpp"

namespace meedoen::storage {

namespace {

// "attendance/<participant>/<date>" -> {"attendance", "<participant>", "<date>"}
std::vector<std::string> split(const std::string& subject) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = subject.find('/', start);
    parts.push_back(subject.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

const char* status_key(core::HoursStatus s) {
  switch (s) {
    case core::HoursStatus::Waiting: return "waiting";
    case core::HoursStatus::Approved: return "approved";
    case core::HoursStatus::Rejected: return "rejected";
  }
  return "waiting";
}

// Inserts an attendance row, or updates the one of its check-in event where it differs.
void write_attendance(Statements& sql, const core::Attendance& a) {
  SQLite::Statement& up = sql(
      "INSERT INTO attendance (check_in_event, participant_id, date, dagdeel, check_in_ms, check_out_ms, "
      "auto_closed, answered, proposed_end_ms, by_coach, end_unknown) VALUES (?1, ?2, ?3, ?4, ?5, NULLIF(?6, 0), ?7, "
      "?8, "
      "NULLIF(?9, 0), ?10, ?11) "
      "ON CONFLICT (date, participant_id, check_in_event) DO UPDATE SET dagdeel = excluded.dagdeel, check_in_ms = "
      "excluded.check_in_ms, check_out_ms = excluded.check_out_ms, "
      "auto_closed = excluded.auto_closed, answered = excluded.answered, proposed_end_ms = excluded.proposed_end_ms, "
      "by_coach = excluded.by_coach, end_unknown = excluded.end_unknown "
      "WHERE (dagdeel, check_in_ms, auto_closed, answered) IS NOT "
      "(excluded.dagdeel, excluded.check_in_ms, excluded.auto_closed, excluded.answered) "
      "OR check_out_ms IS NOT excluded.check_out_ms OR proposed_end_ms IS NOT excluded.proposed_end_ms "
      "OR by_coach IS NOT excluded.by_coach OR end_unknown IS NOT excluded.end_unknown");
  SQLite::bind(up, a.check_in_event, a.participant_id, a.date, core::dagdeel_key(a.dagdeel), a.check_in, a.check_out,
               a.auto_closed ? 1 : 0, a.answered ? 1 : 0, a.proposed_end, a.by_coach ? 1 : 0, a.end_unknown ? 1 : 0);
  up.exec();
}

void project_attendance(Statements& sql, const std::string& pid, const std::string& date,
                        const std::vector<core::Event>& events) {
  // Only rows that change are written: a check-in inserts one row, a check-out updates one.
  // Every page written is fsynced before the screen confirms, so this is what a tap costs.
  const auto rows = core::fold_attendance(events);
  SQLite::Statement& existing = sql("SELECT check_in_event FROM attendance WHERE date = ? AND participant_id = ?");
  SQLite::bind(existing, date, pid);
  std::vector<std::string> stale;
  while (existing.executeStep()) {
    const std::string id = existing.getColumn(0).getString();
    if (std::none_of(rows.begin(), rows.end(), [&](const core::Attendance& a) { return a.check_in_event == id; }))
      stale.push_back(id);
  }
  existing.reset();
  if (!stale.empty()) {
    SQLite::Statement& del = sql("DELETE FROM attendance WHERE date = ? AND participant_id = ? AND check_in_event = ?");
    for (const auto& id : stale) {
      del.reset();
      SQLite::bind(del, date, pid, id);
      del.exec();
    }
  }
  for (const auto& a : rows) write_attendance(sql, a);
}

void project_signups(Statements& sql, const std::string& activity, const std::string& date,
                     const std::vector<core::Event>& events) {
  SQLite::Statement& cap = sql("SELECT capacity FROM activities WHERE id = ?");
  cap.bind(1, activity);
  const int capacity = cap.executeStep() ? cap.getColumn(0).getInt() : 0;
  cap.reset();
  SQLite::Statement& del = sql("DELETE FROM signups WHERE activity_id = ? AND date = ?");
  SQLite::bind(del, activity, date);
  del.exec();
  SQLite::Statement& ins =
      sql("INSERT INTO signups (activity_id, date, participant_id, signed_at_ms, placed, waiting_position, "
          "from_waiting_list) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& s : core::fold_signups(events, capacity)) {
    ins.reset();
    SQLite::bind(ins, activity, date, s.participant_id, s.at, s.placed ? 1 : 0, s.waiting_position,
                 s.from_waiting_list ? 1 : 0);
    ins.exec();
  }
}

void project_absences(Statements& sql, const std::string& pid, const std::vector<core::Event>& events) {
  SQLite::Statement& del = sql("DELETE FROM absences WHERE participant_id = ?");
  del.bind(1, pid);
  del.exec();
  SQLite::Statement& ins =
      sql("INSERT INTO absences (event_id, participant_id, date, dagdeel, reason) VALUES (?, ?, ?, ?, ?)");
  for (const auto& a : core::fold_absences(events)) {
    ins.reset();
    SQLite::bind(ins, a.event_id, a.participant_id, a.date, core::dagdeel_key(a.dagdeel), core::reason_key(a.reason));
    ins.exec();
  }
}

void project_hours(Statements& sql, const std::string& pid, const std::vector<core::Event>& events) {
  SQLite::Statement& del = sql("DELETE FROM hours WHERE participant_id = ?");
  del.bind(1, pid);
  del.exec();
  SQLite::Statement& ins =
      sql("INSERT INTO hours (event_id, participant_id, date, place, minutes, approved_minutes, status, logged_at_ms) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& h : core::fold_hours(events)) {
    ins.reset();
    SQLite::bind(ins, h.event_id, h.participant_id, h.date, h.place, h.minutes, h.approved_minutes,
                 status_key(h.status), h.logged_at);
    ins.exec();
  }
}

int activity_capacity(Statements& sql, const std::string& id, bool& found) {
  const auto capacity = query_rows(sql, "SELECT capacity FROM activities WHERE id = ?", columns<int, 1>, id);
  found = !capacity.empty();
  return found ? capacity.front() : 0;
}

// An activity as saved. A new capacity moves places and waiting lists of every date of the
// activity (the sign-up fold reads the capacity).
void write_activity(Statements& sql, const core::Activity& a) {
  bool existed = false;
  const int before = activity_capacity(sql, a.id, existed);
  upsert_activity(sql.db(), a);
  if (!existed || before != a.capacity) reproject_signups(sql, a.id);
}

void write_coach_pin(Statements& sql, const std::string& coach_id, const std::string& pin_hash) {
  SQLite::Statement& st = sql("UPDATE coaches SET pin_hash = ? WHERE id = ?");
  SQLite::bind(st, pin_hash, coach_id);
  st.exec();
}

// The participant row's agreements as a coach's edit states them.
void write_agreements(Statements& sql, const std::string& pid, const core::ev::AgreementsChanged& a) {
  SQLite::Statement& st =
      sql("UPDATE participants SET start_date = ?, end_date = ?, agreed_parts = ?, talk_every_days = ?, "
          "agreed_minutes = ?, show_agreed = ?, photo_consent = ? WHERE id = ?");
  SQLite::bind(st, a.start_date, a.end_date, a.agreed_parts, a.talk_every_days, a.agreed_minutes, a.show_agreed_hours,
               a.photo_consent, pid);
  st.exec();
}

// The participant's preferred language as they chose it on their home screen.
void write_language(Statements& sql, const std::string& pid, const core::ev::LanguageChosen& l) {
  SQLite::Statement& st = sql("UPDATE participants SET language = ? WHERE id = ?");
  SQLite::bind(st, l.language, pid);
  st.exec();
}

// The row of a last-word subject (core::fold_last) as its last event says; no event, no change
// (the row stays as the server or the roster set it). A coach this kiosk does not have (removed
// on the server) gets no row back: the UPDATE finds none.
template <class Body, class Write>
void project_last(const std::vector<core::Event>& events, Write&& write) {
  const core::LastWord<Body> last = core::fold_last<Body>(events);
  if (last.found) write(last.body);
}

// The coach's file: a handful of rows per participant, so delete and insert.
void project_file(Statements& sql, const std::string& pid, const std::vector<core::Event>& events) {
  for (const char* table : {"ladder", "notes", "exits"}) {
    SQLite::Statement& del = sql(std::string("DELETE FROM ") + table + " WHERE participant_id = ?");
    del.bind(1, pid);
    del.exec();
  }
  const core::CoachFile f = core::fold_file(events);
  SQLite::Statement& ladder =
      sql("INSERT INTO ladder (event_id, participant_id, date, moment, rung, progress, areas, coach_id, at_ms) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& a : f.ladder) {
    std::string areas;  // one letter per area in kProblemAreas order: n(one), w(orking), u(nder control)
    for (core::AreaStatus st : a.areas) areas += core::area_status_key(st)[0];
    ladder.reset();
    SQLite::bind(ladder, a.event_id, a.participant_id, a.date, core::moment_key(a.moment), a.rung, a.progress, areas,
                 a.coach_id, a.at);
    ladder.exec();
  }
  SQLite::Statement& notes = sql(
      "INSERT INTO notes (event_id, participant_id, date, text, talk, coach_id, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& n : f.notes) {
    notes.reset();
    SQLite::bind(notes, n.event_id, n.participant_id, n.date, n.text, n.talk ? 1 : 0, n.coach_id, n.at);
    notes.exec();
  }
  SQLite::Statement& exits =
      sql("INSERT INTO exits (event_id, participant_id, date, reason, coach_id, at_ms) VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& x : f.exits) {
    exits.reset();
    SQLite::bind(exits, x.event_id, x.participant_id, x.date, core::exit_reason_key(x.reason), x.coach_id, x.at);
    exits.exec();
  }
}

}  // namespace

void reproject_signups(Statements& sql, const std::string& activity_id) {
  // A range on the subject: "signups/<id>/" up to "signups/<id>0" ('0' follows '/').
  const auto found = query_rows(
      sql, "SELECT DISTINCT subject FROM events WHERE subject >= ? AND subject < ? AND " MEEDOEN_SHARED_SUBJECT,
      columns<std::string, 1>, "signups/" + activity_id + "/", "signups/" + activity_id + "0");
  project(sql, std::set<std::string>(found.begin(), found.end()));
}

void reproject_signups(SQLite::Database& db, const std::string& activity_id) {
  Statements sql(db);
  reproject_signups(sql, activity_id);
}

namespace {

// After pulled rows replaced them: puts back this device's edits of those keys that have not
// reached the server yet, when they are the last word in fold order (a later edit of another
// kiosk already won on the server, and the pulled row says so).
template <class Body, class Write>
void put_back_unsent(Statements& sql, const std::string& device_id, const std::set<std::string>& keys, Write&& write) {
  SQLite::Statement unsent(sql.db(), "SELECT 1 FROM events WHERE subject = ? AND " MEEDOEN_SHARED_SUBJECT
                                     " AND device_id = ? AND synced_at IS NULL LIMIT 1");
  for (const auto& key : keys) {
    const std::string subject = core::fold_subject(Body::kFold, key);
    if (query_rows(unsent, columns<int, 1>, subject, device_id).empty()) continue;
    const core::LastWord<Body> last = core::fold_last<Body>(subject_events(sql, subject));
    if (last.found && last.device_id == device_id) write(key, last.body);
  }
}

}  // namespace

void apply_unsent_activity_edits(SQLite::Database& db, const std::string& device_id, const std::set<std::string>& ids) {
  Statements sql(db);
  put_back_unsent<core::ev::ActivitySaved>(
      sql, device_id, ids,
      [&](const std::string&, const core::ev::ActivitySaved& b) { write_activity(sql, b.activity); });
}

void apply_unsent_coach_pins(SQLite::Database& db, const std::string& device_id, const std::set<std::string>& ids) {
  Statements sql(db);
  put_back_unsent<core::ev::CoachPinChanged>(
      sql, device_id, ids, [&](const std::string& id, const auto& b) { write_coach_pin(sql, id, b.pin_hash); });
}

void apply_unsent_agreement_edits(SQLite::Database& db, const std::string& device_id,
                                  const std::set<std::string>& participant_ids) {
  Statements sql(db);
  put_back_unsent<core::ev::AgreementsChanged>(
      sql, device_id, participant_ids,
      [&](const std::string& pid, const core::ev::AgreementsChanged& b) { write_agreements(sql, pid, b); });
}

void apply_unsent_language_choices(SQLite::Database& db, const std::string& device_id,
                                   const std::set<std::string>& participant_ids) {
  Statements sql(db);
  put_back_unsent<core::ev::LanguageChosen>(
      sql, device_id, participant_ids,
      [&](const std::string& pid, const core::ev::LanguageChosen& b) { write_language(sql, pid, b); });
}

bool insert_event(SQLite::Database& db, const JournalEntry& e) {
  const core::EventBody body = wire::decode_payload(e.type, e.payload, e.wall);
  SQLite::Statement st(
      db,
      "INSERT OR IGNORE INTO events (id, device_id, seq, wall_ms, hlc, type, participant_id, payload, subject) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::bind(st, e.id, e.device_id, e.seq, e.wall, e.hlc, e.type, e.participant_id, e.payload,
               core::event_subject(e.participant_id, body));
  if (st.exec() != 1) return false;
  // The caller moves the hybrid logical clock past it (core::hlc_receive, bounded).
  return true;
}

JournalEntry read_entry(SQLite::Statement& st) {
  JournalEntry e;
  e.id = st.getColumn(0).getString();
  e.device_id = st.getColumn(1).getString();
  e.seq = st.getColumn(2).getInt64();
  e.wall = st.getColumn(3).getInt64();
  e.hlc = st.getColumn(4).getString();
  e.type = st.getColumn(5).getString();
  e.participant_id = st.getColumn(6).getString();
  e.payload = st.getColumn(7).getString();
  e.synced = st.getColumn(8).getInt() != 0;
  return e;
}

// One range of the table's key (date, participant_id, check_in_event).
std::vector<core::Attendance> attendance_rows(Statements& sql, const std::string& pid, const std::string& date) {
  return query_rows(sql, "SELECT " MEEDOEN_ATTENDANCE_COLUMNS " FROM attendance WHERE date = ? AND participant_id = ?",
                    read_attendance, date, pid);
}

core::Attendance read_attendance(SQLite::Statement& st) {
  return {st.getColumn(0), st.getColumn(1), dagdeel_at(st, 2), st.getColumn(3), st.getColumn(4), st.getColumn(5),
          flag(st, 6),     flag(st, 7),     st.getColumn(8),   flag(st, 9),     flag(st, 10)};
}

core::Event decode_entry(const JournalEntry& j) {
  core::Event e;
  e.id = j.id;
  e.device_id = j.device_id;
  e.seq = j.seq;
  e.wall = j.wall;
  e.hlc = j.hlc;
  e.type = j.type;
  e.participant_id = j.participant_id;
  e.body = wire::decode_payload(j.type, j.payload, j.wall);
  return e;
}

namespace {

// Where a subject's events are: an attendance subject ("attendance/<participant>/<date>": the
// check-ins and check-outs, most of the journal and every tap) under its participant in
// events_participant; any other in events_subject (migration 8 -> 9). The participant of an
// attendance subject, or "" for any other.
std::string attendance_participant(const std::string& subject) {
  constexpr std::string_view kPrefix = "attendance/";
  const std::size_t last = subject.rfind('/');
  if (subject.rfind(kPrefix, 0) != 0 || last < kPrefix.size()) return "";
  return subject.substr(kPrefix.size(), last - kPrefix.size());
}

}  // namespace

std::vector<core::Event> subject_events(Statements& sql, const std::string& subject) {
  // In the index's order (the stamp), then in fold order for equal stamps: asking SQLite for the
  // whole fold order made it sort every read in a temporary b-tree (a tenth of a tap's CPU).
  const auto decoded = [](SQLite::Statement& st) { return decode_entry(read_entry(st)); };
  const std::string pid = attendance_participant(subject);
  auto events = !pid.empty() ? query_rows(sql,
                                          "SELECT " MEEDOEN_EVENT_COLUMNS
                                          " FROM events WHERE participant_id = ? AND subject = ? ORDER BY hlc",
                                          decoded, pid, subject)
                             : query_rows(sql,
                                          "SELECT " MEEDOEN_EVENT_COLUMNS
                                          " FROM events WHERE subject = ? AND " MEEDOEN_SHARED_SUBJECT " ORDER BY hlc",
                                          decoded, subject);
  std::sort(events.begin(), events.end(), core::fold_before);
  return events;
}

std::string subject_clock(Statements& sql, const std::string& subject) {
  const std::string pid = attendance_participant(subject);
  if (!pid.empty())
    return query_rows(sql, "SELECT COALESCE(MAX(hlc), '') FROM events WHERE participant_id = ? AND subject = ?",
                      columns<std::string, 1>, pid, subject)
        .front();
  return query_rows(sql, "SELECT COALESCE(MAX(hlc), '') FROM events WHERE subject = ? AND " MEEDOEN_SHARED_SUBJECT,
                    columns<std::string, 1>, subject)
      .front();
}

std::vector<core::Event> subject_events(SQLite::Database& db, const std::string& subject) {
  Statements sql(db);
  return subject_events(sql, subject);
}

void project(Statements& sql, const std::set<std::string>& subjects) {
  for (const std::string& subject : subjects) {
    if (subject.empty()) continue;
    const auto parts = split(subject);
    const auto events = subject_events(sql, subject);
    if (parts[0] == "attendance" && parts.size() == 3) project_attendance(sql, parts[1], parts[2], events);
    else if (parts[0] == "signups" && parts.size() == 3) project_signups(sql, parts[1], parts[2], events);
    else if (parts[0] == "absences" && parts.size() == 2) project_absences(sql, parts[1], events);
    else if (parts[0] == "hours" && parts.size() == 2) project_hours(sql, parts[1], events);
    else if (parts[0] == "activity" && parts.size() == 2)
      project_last<core::ev::ActivitySaved>(events, [&](const auto& b) { write_activity(sql, b.activity); });
    else if (parts[0] == "file" && parts.size() == 2) project_file(sql, parts[1], events);
    else if (parts[0] == "coach" && parts.size() == 2)
      project_last<core::ev::CoachPinChanged>(events,
                                              [&](const auto& b) { write_coach_pin(sql, parts[1], b.pin_hash); });
    else if (parts[0] == "agreements" && parts.size() == 2)
      project_last<core::ev::AgreementsChanged>(events, [&](const auto& b) { write_agreements(sql, parts[1], b); });
    else if (parts[0] == "language" && parts.size() == 2)
      project_last<core::ev::LanguageChosen>(events, [&](const auto& b) { write_language(sql, parts[1], b); });
  }
}

void project_appended(Statements& sql, const std::string& subject, const core::Event& e,
                      const std::string& clock_before, std::vector<core::Attendance>* rows) {
  const auto parts = split(subject);
  if (parts[0] != "attendance" || parts.size() != 3) {
    project(sql, {subject});
    if (rows) rows->clear();
    return;
  }
  // The fold order is the stamp's (then device and id): a later stamp folds last.
  if (!(clock_before < e.hlc)) {
    project(sql, {subject});
    if (rows) *rows = attendance_rows(sql, parts[1], parts[2]);
    return;
  }
  std::vector<core::Attendance> read;
  std::vector<core::Attendance>& now = rows ? *rows : (read = attendance_rows(sql, parts[1], parts[2]));
  const auto before = now;
  core::fold_attendance_step(now, e);
  for (std::size_t i = 0; i < now.size(); ++i)
    if (i >= before.size() || !(now[i] == before[i])) write_attendance(sql, now[i]);
}

void project(SQLite::Database& db, const std::set<std::string>& subjects) {
  Statements sql(db);
  project(sql, subjects);
}

void project_all(SQLite::Database& db) {
  std::set<std::string> subjects;
  // Not the activities, coaches' PINs, agreements nor language preferences: their rows also come
  // from the server (the programme, the coaches, the roster), which already holds every event it
  // has; folding our journal again could undo a newer row from there.
  SQLite::Statement st(db,
                       "SELECT DISTINCT subject FROM events WHERE subject <> '' AND subject NOT LIKE 'activity/%' "
                       "AND subject NOT LIKE 'coach/%' AND subject NOT LIKE 'agreements/%' "
                       "AND subject NOT LIKE 'language/%'");
  while (st.executeStep()) subjects.insert(st.getColumn(0).getString());
  st.reset();
  Statements sql(db);
  project(sql, subjects);
}

}  // namespace meedoen::storage
