// The kiosk's local database: an append-only event journal plus read models derived from it in
// the same transaction. SQLite stays behind this interface; errors leave it as StorageError.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/journal.hpp"
#include "core/model.hpp"
#include "core/roster.hpp"
#include "core/time.hpp"
#include "storage/health.hpp"

namespace meedoen::storage {

struct StorageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The database was written by a newer Meedoen than this binary.
struct SchemaTooNew : StorageError {
  using StorageError::StorageError;
};

// One row of the journal.
struct JournalEntry {
  std::string id;         // UUIDv7
  std::string device_id;  // the kiosk that created it
  std::int64_t seq = 0;   // per-device sequence number, 1, 2, 3, ...
  core::TimeMs wall = 0;  // wall-clock time of the kiosk
  std::string hlc;        // hybrid logical clock stamp
  std::string type;       // "check_in", "check_out", ...
  std::string participant_id;
  std::string payload;  // JSON object
  bool synced = false;
};

// The result of a check-in or check-out: the attendance as it now stands.
struct CheckResult {
  core::Attendance attendance;
  bool new_event = false;  // false when nothing had to be written (already checked in)
};

constexpr int kSchemaVersion = 11;
constexpr int kAutoCheckpointPages = 10'000;  // ~40 MB of WAL at 4 KiB pages

class Store {
 public:
  // Opens or creates the database and migrates it; throws StorageError with a readable message.
  static Store open(const std::string& path);
  // A file SQLite cannot read at all (its header or schema is damaged): an empty database in memory
  // that refuses every write, so the kiosk still starts and shows the coach the damage by name.
  static Store unreadable(const std::string& path, const std::string& detail);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::string& path() const;
  const std::string& device_id() const;
  // What the start-up check found (storage/health): with a fault, every write is refused (the
  // kiosk confirms nothing) and the coach is told what happened and what to do.
  const Health& health() const;
  // After a failed write: a read-only file or a full disk, named (else fault None).
  Health diagnose() const;
  int schema_version() const;

  // [SECTION] Writes: each one durable transaction (synchronous=FULL) before it returns.
  // Appends one event (docs/events.md) and re-derives the read models it touches. Throws
  // StorageError for a malformed body (core::validate) or when the disk refuses.
  JournalEntry record(const std::string& participant_id, const core::EventBody& body, core::TimeMs now);
  // Several events in one transaction: all of them are stored, or none.
  std::vector<JournalEntry> record(const std::string& participant_id, const std::vector<core::EventBody>& bodies,
                                   core::TimeMs now);
  // Events that happened at different times (demo history, imports), in one transaction.
  struct TimedEvent {
    std::string participant_id;
    core::TimeMs at = 0;
    core::EventBody body;
  };
  void record_history(const std::vector<TimedEvent>& events);
  CheckResult check_in(const std::string& participant_id, core::TimeMs at, const std::string& date,
                       core::Dagdeel dagdeel);
  CheckResult check_out(const std::string& participant_id, core::TimeMs at, const std::string& date);
  // Closes every check-in whose dagdeel ended before now with an auto_check_out event at the
  // dagdeel's end (marked "not checked out"); returns the attendances it closed.
  std::vector<core::Attendance> close_forgotten(core::TimeMs now, const core::KioskConfig& cfg);

  // [SECTION] Roster and programme (filled by the demo seed now, by sync later).
  bool has_roster() const;
  void put_participant(const core::Participant& p, const std::string& pin_hash);
  // pin_hash "" keeps the coach's current PIN (a rename from sync must not lock them out).
  void put_coach(const core::Coach& c, const std::string& pin_hash = "");
  void put_activity(const core::Activity& a);
  void put_place(const core::VolunteerPlace& p);
  void put_appointment(const core::Appointment& a);
  void set_setting(const std::string& key, const std::string& value);
  std::string setting(const std::string& key, const std::string& fallback = "") const;
  // The centre's go-live date (core::go_live_date): the "go_live" setting the server sends when it
  // is a date, else the local date of the first event in the journal, else "" (an empty journal).
  std::string go_live() const;
  // Runs fn inside one transaction (for bulk loads); rolls back if fn throws.
  void in_transaction(const std::function<void()>& fn);

  // [SECTION] Reads
  core::Roster load_roster() const;
  std::vector<core::Coach> load_coaches() const;
  // The coaches who can open coach mode here: those with a PIN (from the server or the demo).
  std::vector<core::Coach> load_coaches_with_pin() const;
  std::vector<core::Activity> load_programme() const;
  std::vector<core::Attendance> load_attendance(const std::string& date) const;
  std::vector<core::Attendance> load_attendance_of(const std::string& participant_id, const std::string& from,
                                                   const std::string& to) const;
  // Sign-ups of all participants for dates from..to (inclusive), placed first then waiting.
  std::vector<core::SignUp> load_signups(const std::string& from, const std::string& to) const;
  // participant_id "" = everyone.
  std::vector<core::Absence> load_absences(const std::string& participant_id, const std::string& from,
                                           const std::string& to) const;
  std::vector<core::HoursEntry> load_hours(const std::string& participant_id, const std::string& from) const;
  int approved_minutes_total(const std::string& participant_id) const;
  int days_present_total(const std::string& participant_id) const;  // dagdelen attended, all time
  std::vector<core::VolunteerPlace> load_places() const;
  std::vector<core::Appointment> load_appointments(const std::string& participant_id, core::TimeMs from) const;
  // Each participant's next appointment from `from` on, in one query (coach mode's "talk planned").
  std::map<std::string, core::TimeMs> next_appointments(core::TimeMs from) const;
  // The coach's file (coach mode only). participant_id "" = everyone; dates inclusive, oldest first.
  std::vector<core::LadderAssessment> load_ladder(const std::string& participant_id, const std::string& from,
                                                  const std::string& to) const;
  std::vector<core::CoachNote> load_notes(const std::string& participant_id) const;  // newest first
  std::map<std::string, std::string> last_talks() const;  // participant -> date of the last talk
  std::vector<core::Exit> load_exits(const std::string& from, const std::string& to) const;
  // All events about one participant, decoded, in fold order: the history on their page.
  std::vector<core::Event> events_of(const std::string& participant_id) const;
  bool verify_pin(const std::string& participant_id, const std::string& pin) const;
  // The coach whose PIN this is, "" when none (each hash is checked: argon2id, ~10 ms a coach).
  std::string find_coach_by_pin(const std::string& pin) const;
  bool verify_coach_pin(const std::string& coach_id, const std::string& pin) const;
  // Each participant's last date present before `before`: for "not seen for N days".
  std::map<std::string, std::string> last_present(const std::string& before) const;
  // Events stamped by a clock far off (core::ClockOffEvent) received since `since`, newest
  // stamp first: coach mode's Today lists them to be checked.
  std::vector<core::ClockOffEvent> load_clock_off(core::TimeMs since) const;
  std::vector<JournalEntry> journal() const;
  std::int64_t event_count() const;
  std::string integrity_check() const;  // "ok" when the file is sound

  // [SECTION] Lockouts: the PIN guards a restart must not clear (local state, never synced)
  // One durable write; an all-zero guard removes its row.
  void save_lockout(const core::Lockout& l);
  std::vector<core::Lockout> load_lockouts() const;

  // [SECTION] Upkeep
  // Copies the WAL back into the database file without waiting for readers (PASSIVE). The
  // kiosk calls it when idle, so the copy does not land on a participant's tap; SQLite's own
  // auto-checkpoint stays as a backstop at kAutoCheckpointPages.
  void checkpoint();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m;
};

// One JSON object per line: id, type, participant, time (ISO local), hlc, device, seq, synced.
std::string journal_json_line(const JournalEntry& e);

}  // namespace meedoen::storage
