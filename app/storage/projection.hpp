// Read models from the journal: after events are appended (locally or pulled from other kiosks),
// the rows of each touched subject are re-derived by the folds of core/journal.hpp. Internal to
// storage (it speaks SQLiteCpp); every connection that writes events uses it, so there is one
// way from events to rows.
#pragma once
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <set>
#include <string>
#include <vector>

#include "core/journal.hpp"
#include "storage/rows.hpp"
#include "storage/store.hpp"

namespace meedoen::storage {

// Inserts one event with its subject; false when an event with this id is already stored
// (idempotent: the same event arriving twice is stored once). The caller holds a transaction.
bool insert_event(SQLite::Database& db, const JournalEntry& e);

// Re-derives the read-model rows of these subjects from all their events. The caller holds a
// transaction. Subjects with no fold ("") are skipped. With the connection's kept statements
// (storage/rows.hpp) on a write path that runs often; else the statements live for this call.
void project(Statements& sql, const std::set<std::string>& subjects);
void project(SQLite::Database& db, const std::set<std::string>& subjects);

// Re-derives the sign-ups of every date of an activity (after its capacity changed).
void reproject_signups(Statements& sql, const std::string& activity_id);
void reproject_signups(SQLite::Database& db, const std::string& activity_id);
// After a pulled programme replaced activity rows: puts back this device's edits of those
// activities that have not reached the server yet, when they are the last in fold order.
void apply_unsent_activity_edits(SQLite::Database& db, const std::string& device_id, const std::set<std::string>& ids);
// After pulled coach rows replaced PIN hashes: puts back this device's PIN changes of those
// coaches that have not reached the server yet, when they are the last in fold order.
void apply_unsent_coach_pins(SQLite::Database& db, const std::string& device_id, const std::set<std::string>& ids);
// After pulled participant rows replaced their agreements: puts back this device's agreement
// edits the server has not seen yet, when they are the last in fold order.
void apply_unsent_agreement_edits(SQLite::Database& db, const std::string& device_id,
                                  const std::set<std::string>& participant_ids);
// After pulled participant rows replaced their language: puts back this device's unsent
// language_chosen when it is the last in fold order.
void apply_unsent_language_choices(SQLite::Database& db, const std::string& device_id,
                                   const std::set<std::string>& participant_ids);
// Re-derives every subject (after a migration, or when capacities of activities changed).
void project_all(SQLite::Database& db);

// Columns and reader of a journal row, shared by every query that returns whole events.
#define MEEDOEN_EVENT_COLUMNS \
  "id, device_id, seq, wall_ms, hlc, type, COALESCE(participant_id, ''), payload, synced_at IS NOT NULL"
JournalEntry read_entry(SQLite::Statement& st);
core::Event decode_entry(const JournalEntry& e);

// Columns and reader of an attendance row (the read model of check-ins and check-outs).
#define MEEDOEN_ATTENDANCE_COLUMNS                                                                       \
  "participant_id, date, dagdeel, check_in_ms, COALESCE(check_out_ms, 0), check_in_event, auto_closed, " \
  "answered, COALESCE(proposed_end_ms, 0), by_coach, end_unknown"
core::Attendance read_attendance(SQLite::Statement& st);

// The attendance rows of one subject (a participant on a date), as the table holds them.
std::vector<core::Attendance> attendance_rows(Statements& sql, const std::string& pid, const std::string& date);

// After `e` was inserted, a new event of this kiosk: the rows of its subject with it. `clock_before`
// is the subject's latest stamp before it (subject_clock). When e folds after every other event of
// an attendance subject (its stamp is later, as a kiosk stamps its own events), it is folded onto the
// rows the table holds (core::fold_attendance_step): no event of the subject is read or decoded,
// and only the row it changes or adds is written; else the subject is projected whole (project()).
// `rows`, when given, are the attendance subject's rows as read in this transaction (attendance_rows,
// not read again) and become its rows after e. The caller holds a transaction.
void project_appended(Statements& sql, const std::string& subject, const core::Event& e,
                      const std::string& clock_before, std::vector<core::Attendance>* rows);

// The events of one subject in fold order, decoded.
std::vector<core::Event> subject_events(Statements& sql, const std::string& subject);
std::vector<core::Event> subject_events(SQLite::Database& db, const std::string& subject);
// The latest stamp of a subject's events ("" when it has none): a new event of it folds after it.
std::string subject_clock(Statements& sql, const std::string& subject);

// The terms that let a query by subject use the partial index events_subject (migration 8 -> 9):
// every subject but an attendance one, whose events are found under their participant.
#define MEEDOEN_SHARED_SUBJECT "subject <> '' AND subject NOT GLOB 'attendance/*'"

}  // namespace meedoen::storage
