// SQLite implementation of the kiosk store (SQLiteCpp, one connection, statements kept).
#include "storage/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/hlc.hpp"
#include "core/ids.hpp"
#include "core/report.hpp"
#include "storage/database.hpp"
#include "storage/health.hpp"
#include "storage/migrations.hpp"
#include "storage/pin_hash.hpp"
#include "storage/projection.hpp"
#include "storage/rows.hpp"
#include "wire/event_codec.hpp"

namespace meedoen::storage {

namespace fs = std::filesystem;
using core::TimeMs;

// [SECTION] Errors

namespace {

std::string describe(const SQLite::Exception& e) {
  switch (e.getErrorCode()) {
    case SQLITE_FULL: return "the disk is full (" + std::string(e.what()) + ")";
    case SQLITE_READONLY: return "the database is read-only (" + std::string(e.what()) + ")";
    case SQLITE_CANTOPEN: return "the file cannot be opened (" + std::string(e.what()) + ")";
    case SQLITE_IOERR: return "a disk error occurred (" + std::string(e.what()) + ")";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return "the file is damaged or not a Meedoen database (" + std::string(e.what()) + ")";
    default: return e.what();
  }
}

// Runs f and turns SQLite's exceptions into StorageError naming what we were doing.
template <class F>
auto guarded(const char* what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const StorageError&) {
    throw;
  } catch (const SQLite::Exception& e) {
    throw StorageError(std::string(what) + ": " + describe(e));
  }
}

std::string new_uuid(TimeMs now) {
  core::RandomBytes r;
  randombytes_buf(r.data(), r.size());
  return core::make_uuid_v7(now, r);
}

// Participants' data, PIN hashes and the device token: readable by the kiosk's user only. A new
// database is made 0600 before SQLite opens it (its -wal and -shm files take the database file's
// mode); an older one made with the umask's 0644 is tightened. A file we may not chmod (another
// owner, a read-only mount) is left as it is: the start-up health check speaks about that.
void restrict_to_owner(const std::string& path) {
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return;
  }
  for (const std::string& p : {path, path + "-wal", path + "-shm"}) {
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0 && (st.st_mode & 077) != 0) ::chmod(p.c_str(), st.st_mode & 0700);
  }
}

}  // namespace

// [SECTION] Row readers

namespace {

// Mappers for query_rows (storage/rows.hpp) of the rows getColumns cannot build: SQLite has no
// flags or enums, so those columns are converted here. Values in the order of the struct's members.

core::Participant read_participant(SQLite::Statement& st) {
  return {st.getColumn(0),  st.getColumn(1),
          st.getColumn(2),  st.getColumn(3),
          st.getColumn(4),  flag(st, 5),
          st.getColumn(6),  st.getColumn(7),
          flag(st, 8),      flag(st, 9),
          st.getColumn(10), st.getColumn(11),
          st.getColumn(12), static_cast<std::uint32_t>(st.getColumn(13).getInt64())};
}

core::Activity read_activity(SQLite::Statement& st) {
  return {st.getColumn(0), st.getColumn(1), st.getColumn(2), st.getColumn(3), dagdeel_at(st, 4),
          st.getColumn(5), st.getColumn(6), st.getColumn(7), st.getColumn(8), st.getColumn(9),
          flag(st, 10),    flag(st, 11),    st.getColumn(12)};
}

core::SignUp read_signup(SQLite::Statement& st) {
  return {st.getColumn(0), st.getColumn(1), st.getColumn(2), st.getColumn(3),
          flag(st, 4),     st.getColumn(5), flag(st, 6)};
}

core::Absence read_absence(SQLite::Statement& st) {
  return {st.getColumn(0), st.getColumn(1), st.getColumn(2), dagdeel_at(st, 3),
          key_at(st, 4, core::reason_from_key, core::AbsenceReason::Other)};
}

core::HoursStatus hours_status_at(SQLite::Statement& st, int i) {
  const std::string status = st.getColumn(i).getString();
  return status == "approved"   ? core::HoursStatus::Approved
         : status == "rejected" ? core::HoursStatus::Rejected
                                : core::HoursStatus::Waiting;
}

core::HoursEntry read_hours(SQLite::Statement& st) {
  return {st.getColumn(0), st.getColumn(1), st.getColumn(2),        st.getColumn(3),
          st.getColumn(4), st.getColumn(5), hours_status_at(st, 6), st.getColumn(7)};
}

// The ladder's problem areas as stored: one letter an area, in kProblemAreas order.
std::array<core::AreaStatus, 5> areas_at(SQLite::Statement& st, int i) {
  const std::string letters = st.getColumn(i).getString();
  std::array<core::AreaStatus, 5> areas{};
  for (std::size_t k = 0; k < areas.size() && k < letters.size(); ++k)
    areas[k] = letters[k] == 'w'   ? core::AreaStatus::Working
               : letters[k] == 'u' ? core::AreaStatus::UnderControl
                                   : core::AreaStatus::None;
  return areas;
}

core::LadderAssessment read_ladder(SQLite::Statement& st) {
  return {st.getColumn(0), st.getColumn(1),
          st.getColumn(2), key_at(st, 3, core::moment_from_key, core::LadderMoment::Monthly),
          st.getColumn(4), st.getColumn(5),
          areas_at(st, 6), st.getColumn(7),
          st.getColumn(8)};
}

core::CoachNote read_note(SQLite::Statement& st) {
  return {st.getColumn(0), st.getColumn(1), st.getColumn(2), st.getColumn(3),
          flag(st, 4),     st.getColumn(5), st.getColumn(6)};
}

core::Exit read_exit(SQLite::Statement& st) {
  return {st.getColumn(0), st.getColumn(1),
          st.getColumn(2), key_at(st, 3, core::exit_reason_from_key, core::ExitReason::Other),
          st.getColumn(4), st.getColumn(5)};
}

template <class Key, class Value>
std::map<Key, Value> as_map(const std::vector<std::pair<Key, Value>>& rows) {
  return {rows.begin(), rows.end()};
}

}  // namespace

// [SECTION] Impl

// The kiosk's journal: a file written by a newer Meedoen is refused before anything changes it
// (even its journal mode), and the schema is migrated before any statement against it is prepared.
DatabaseOptions kiosk_database() {
  DatabaseOptions o;
  o.wal_autocheckpoint = kAutoCheckpointPages;
  o.before_changes = refuse_newer_schema;
  o.after_pragmas = migrate;
  return o;
}

struct Store::Impl {
  std::string path;
  SQLite::Database db;
  Statements sql;  // the statements of this connection, prepared once (storage/rows.hpp)
  std::string device_id;
  Health health;  // at open (check_at_start); a fault refuses every write

  // The date of the journal's first event, for the go-live date on the coach's Today. Its
  // MIN(wall_ms) walks the whole of events_participant (3 ms for a year), so it is read again only
  // when the journal may have changed since: a commit of another connection (PRAGMA data_version
  // moves) or a change made through this one (sqlite3_total_changes64 moves).
  struct FirstEvent {
    std::int64_t data_version = -1, changes = -1;
    std::string date;
  } first_event;
  const std::string& first_event_date() {
    const std::int64_t version = query_rows(sql, "PRAGMA data_version", columns<std::int64_t, 1>).front();
    const std::int64_t changes = sqlite3_total_changes64(db.getHandle());
    if (version != first_event.data_version || changes != first_event.changes) {
      first_event.date =
          query_rows(sql, "SELECT MIN(wall_ms) FROM events", [](SQLite::Statement& st) {
            return st.getColumn(0).isNull() ? std::string() : core::format_date_iso(core::to_local(st.getColumn(0)));
          }).front();
      first_event.data_version = version;
      first_event.changes = changes;
    }
    return first_event.date;
  }

  explicit Impl(const std::string& p, const DatabaseOptions& o = kiosk_database())
      : path(p), db(open_database(p, o)), sql(db) {}

  std::string meta(const std::string& key, const std::string& fallback) {
    const auto values = query_rows(sql, "SELECT value FROM meta WHERE key = ?", columns<std::string, 1>, key);
    return values.empty() ? fallback : values.front();
  }
  void set_meta(const std::string& key, const std::string& value) {
    SQLite::Statement& put =
        sql("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    SQLite::bind(put, key, value);
    put.exec();
  }

  // The device's hybrid logical clock, the base of its next stamp: the later of the stamp of its
  // last own event (the highest seq) and the base its last pull moved it to (meta "hlc", written by
  // the sync's receive rule only). Until issue 17 every event also wrote its stamp into meta: one
  // b-tree page more fsynced on every tap, for a value the journal holds already. `next_seq` is
  // that event's seq + 1 (the same seek in the (device_id, seq) key).
  core::Hlc clock(std::int64_t& next_seq) {
    core::Hlc last, own;
    core::hlc_parse(meta("hlc", ""), last);
    const auto newest = query_rows(sql, "SELECT seq, hlc FROM events WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
                                   columns<std::pair<std::int64_t, std::string>, 2>, device_id);
    next_seq = newest.empty() ? 1 : newest.front().first + 1;
    if (!newest.empty() && core::hlc_parse(newest.front().second, own) && last < own) last = own;
    return last;
  }

  // Appends one event and re-derives its subject's rows; the caller holds the transaction. For an
  // attendance subject, `rows` (when given) holds its rows as read in this transaction
  // (attendance_rows), and then its rows after the event (project_appended).
  JournalEntry append(const std::string& participant_id, const core::EventBody& body, TimeMs now,
                      std::vector<core::Attendance>* rows = nullptr) {
    // A damaged file would take the event and never push or export it: nothing is confirmed.
    if (health.fault != core::StorageFault::None)
      throw StorageError("refusing to write to a database that cannot be trusted: " + health.detail);
    if (participant_id.size() > 64 || participant_id.find('/') != std::string::npos)
      throw StorageError("refusing an event for a malformed participant id");
    // Every folded event but a centre-wide one (the programme, a coach's PIN) is about someone.
    if (participant_id.empty() && !std::holds_alternative<core::ev::ActivitySaved>(body) &&
        !std::holds_alternative<core::ev::CoachPinChanged>(body) && !std::holds_alternative<core::ev::Other>(body))
      throw StorageError(std::string("refusing a ") + core::event_type(body) + " event without a participant");
    if (const std::string why = core::validate(body); !why.empty())
      throw StorageError(std::string("refusing a malformed ") + core::event_type(body) + " event: " + why);
    JournalEntry e;
    e.id = new_uuid(now);
    e.device_id = device_id;
    core::Hlc last = clock(e.seq);
    const std::string subject = core::event_subject(participant_id, body);
    const std::string subject_stamp = subject_clock(sql, subject);
    core::Hlc seen;
    core::hlc_parse(subject_stamp, seen);
    e.hlc = core::hlc_to_string(core::hlc_after(core::hlc_next(last, now), seen));
    e.wall = now;
    e.type = core::event_type(body);
    e.participant_id = participant_id;
    e.payload = wire::encode_payload(body);
    SQLite::Statement& insert =
        sql("INSERT INTO events (id, device_id, seq, wall_ms, hlc, type, participant_id, payload, subject) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::bind(insert, e.id, e.device_id, e.seq, e.wall, e.hlc, e.type, e.participant_id, e.payload, subject);
    insert.exec();
    project_appended(sql, subject, core::Event{e.id, e.device_id, e.seq, e.wall, e.hlc, e.type, e.participant_id, body},
                     subject_stamp, rows);
    return e;
  }

  // The attendance of this check-in event among a subject's rows (append's), if there.
  static bool row_of(const std::vector<core::Attendance>& rows, const std::string& check_in_event,
                     core::Attendance& out) {
    for (const auto& a : rows)
      if (a.check_in_event == check_in_event) {
        out = a;
        return true;
      }
    return false;
  }

  // The open check-in among a subject's rows (attendance_rows): the latest, if ever two.
  static bool open_in(const std::vector<core::Attendance>& rows, core::Attendance& out) {
    const core::Attendance* open = nullptr;
    for (const auto& a : rows)
      if (a.open() && (!open || a.check_in > open->check_in)) open = &a;
    if (open) out = *open;
    return open != nullptr;
  }
};

// [SECTION] Open

Store::Store(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path) {
  if (path.empty()) throw StorageError("No database path was given.");
  std::error_code ec;
  const fs::path dir = fs::path(path).parent_path();
  if (!dir.empty() && !fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) throw StorageError("Cannot create the folder " + dir.string() + " for the database: " + ec.message());
  }
  if (sodium_init() < 0) throw StorageError("libsodium could not be initialised");
  restrict_to_owner(path);
  try {
    auto impl = std::make_unique<Impl>(path);
    impl->health = check_at_start(impl->db, path);
    if (impl->health.fault != core::StorageFault::None) return Store(std::move(impl));  // no writes
    WriteTransaction tx(impl->sql);
    impl->device_id = impl->meta("device_id", "");
    if (impl->device_id.empty()) {
      const TimeMs now = static_cast<TimeMs>(
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
              .count());
      impl->device_id = new_uuid(now);
      impl->set_meta("device_id", impl->device_id);
    }
    keep_sort_keys(impl->db);  // rows from before version 11, or keys of another ICU
    tx.commit();
    return Store(std::move(impl));
  } catch (const StorageError&) {
    throw;
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_CORRUPT || e.getErrorCode() == SQLITE_NOTADB)
      return Store::unreadable(path, "open: " + describe(e));
    throw StorageError("Cannot open the database " + path + ": " + describe(e));
  }
}

Store Store::unreadable(const std::string& path, const std::string& detail) {
  DatabaseOptions in_memory = kiosk_database();
  in_memory.wal = false;
  auto impl = std::make_unique<Impl>(":memory:", in_memory);
  impl->path = path;
  impl->health = Health{core::StorageFault::Damaged, detail, 0, true};
  return Store(std::move(impl));
}

const std::string& Store::path() const { return m->path; }
const Health& Store::health() const { return m->health; }
Health Store::diagnose() const { return storage::diagnose(m->db, m->path); }
const std::string& Store::device_id() const { return m->device_id; }
int Store::schema_version() const {
  return guarded("reading the schema version", [&] { return m->db.execAndGet("PRAGMA user_version").getInt(); });
}

// [SECTION] Journal writes

JournalEntry Store::record(const std::string& pid, const core::EventBody& body, TimeMs now) {
  return guarded("recording an event", [&] {
    WriteTransaction tx(m->sql);
    JournalEntry e = m->append(pid, body, now);
    tx.commit();
    return e;
  });
}

std::vector<JournalEntry> Store::record(const std::string& pid, const std::vector<core::EventBody>& bodies,
                                        TimeMs now) {
  return guarded("recording events", [&] {
    WriteTransaction tx(m->sql);
    std::vector<JournalEntry> out;
    for (const auto& b : bodies) out.push_back(m->append(pid, b, now));
    tx.commit();
    return out;
  });
}

void Store::record_history(const std::vector<TimedEvent>& events) {
  guarded("recording history", [&] {
    WriteTransaction tx(m->sql);
    for (const auto& e : events) m->append(e.participant_id, e.body, e.at);
    tx.commit();
  });
}

CheckResult Store::check_in(const std::string& pid, TimeMs at, const std::string& date, core::Dagdeel dagdeel) {
  return guarded("recording a check-in", [&] {
    WriteTransaction tx(m->sql);
    CheckResult r;
    auto rows = attendance_rows(m->sql, pid, date);
    if (Impl::open_in(rows, r.attendance)) return r;  // already in: nothing to write
    const auto e = m->append(pid, core::ev::CheckIn{date, dagdeel, at}, at, &rows);
    if (!Impl::row_of(rows, e.id, r.attendance)) throw StorageError("the check-in was not derived");
    tx.commit();
    r.new_event = true;
    return r;
  });
}

CheckResult Store::check_out(const std::string& pid, TimeMs at, const std::string& date) {
  return guarded("recording a check-out", [&] {
    WriteTransaction tx(m->sql);
    CheckResult r;
    auto rows = attendance_rows(m->sql, pid, date);
    if (!Impl::open_in(rows, r.attendance)) throw StorageError("there is no open check-in to close today");
    m->append(pid, core::ev::CheckOut{date, at}, at, &rows);
    Impl::row_of(rows, r.attendance.check_in_event, r.attendance);
    tx.commit();
    r.new_event = true;
    return r;
  });
}

std::vector<core::Attendance> Store::close_forgotten(TimeMs now, const core::KioskConfig& cfg) {
  return guarded("closing forgotten check-outs", [&] {
    WriteTransaction tx(m->sql);
    std::vector<core::Attendance> closed;
    for (auto& a :
         query_rows(m->sql, "SELECT " MEEDOEN_ATTENDANCE_COLUMNS " FROM attendance WHERE check_out_ms IS NULL",
                    read_attendance)) {
      const TimeMs end = core::auto_close_time(cfg, a);
      if (end > now) continue;
      auto rows = attendance_rows(m->sql, a.participant_id, a.date);
      m->append(a.participant_id, core::ev::AutoCheckOut{a.date, a.check_in_event, std::max(end, a.check_in + 1)}, now,
                &rows);
      Impl::row_of(rows, a.check_in_event, a);
      closed.push_back(a);
    }
    tx.commit();
    return closed;
  });
}

// [SECTION] Roster and programme

bool Store::has_roster() const {
  return guarded("reading the roster",
                 [&] { return m->db.execAndGet("SELECT EXISTS (SELECT 1 FROM participants)").getInt() != 0; });
}

void Store::put_participant(const core::Participant& p, const std::string& pin_hash) {
  guarded("saving a participant", [&] {
    SQLite::Statement st(m->db, kUpsertParticipant);
    bind_participant(st, p, pin_hash, true);
    st.exec();
    keep_sort_keys(m->db);
  });
}

void Store::put_coach(const core::Coach& c, const std::string& pin_hash) {
  guarded("saving a coach", [&] {
    SQLite::Statement st(
        m->db,
        "INSERT INTO coaches (id, name, pin_hash) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "name = excluded.name, pin_hash = CASE WHEN excluded.pin_hash = '' THEN pin_hash ELSE excluded.pin_hash END");
    SQLite::bind(st, c.id, c.name, pin_hash);
    st.exec();
  });
}

void Store::put_activity(const core::Activity& a) {
  guarded("saving an activity", [&] { upsert_activity(m->db, a); });
}

void Store::set_setting(const std::string& key, const std::string& value) {
  guarded("saving a setting", [&] { m->set_meta("setting." + key, value); });
}

std::string Store::setting(const std::string& key, const std::string& fallback) const {
  return guarded("reading a setting", [&] { return m->meta("setting." + key, fallback); });
}

std::string Store::go_live() const {
  return guarded("reading the go-live date",
                 [&] { return core::go_live_date(m->meta("setting.go_live", ""), m->first_event_date()); });
}

void Store::in_transaction(const std::function<void()>& fn) {
  guarded("writing", [&] {
    WriteTransaction tx(m->sql);
    fn();
    tx.commit();
  });
}

// [SECTION] Reads

core::Roster Store::load_roster() const {
  return guarded("reading the roster", [&] {
    // Sorted by the kept keys (core/roster), unless another ICU made them: then the roster makes its own.
    const bool keys = sort_keys_current(m->db);
    std::vector<core::Participant> people;
    std::vector<std::string> sort_keys;
    query_rows(m->sql,
               "SELECT id, first_name, last_name, COALESCE(card_code, ''), language, mandatory, coach_id, "
               "agreed_minutes, show_agreed, photo_consent, start_date, end_date, talk_every_days, agreed_parts, "
               "COALESCE(sort_key, '') FROM participants WHERE active = 1",
               [&](SQLite::Statement& st) {
                 people.push_back(read_participant(st));
                 sort_keys.push_back(keys ? st.getColumn(14).getString() : std::string());
                 return 0;
               });
    return core::Roster(std::move(people), std::move(sort_keys));
  });
}

std::vector<core::Coach> Store::load_coaches() const {
  return guarded("reading the coaches", [&] {
    return query_rows(m->sql, "SELECT id, name FROM coaches ORDER BY name", columns<core::Coach, 2>);
  });
}

std::vector<core::Coach> Store::load_coaches_with_pin() const {
  return guarded("reading the coaches", [&] {
    return query_rows(m->sql, "SELECT id, name FROM coaches WHERE pin_hash <> '' ORDER BY name",
                      columns<core::Coach, 2>);
  });
}

std::vector<core::Activity> Store::load_programme() const {
  return guarded("reading the programme", [&] {
    return query_rows(m->sql,
                      "SELECT id, title, icon, weekday, dagdeel, start_min, end_min, place, leader, capacity, "
                      "volunteer_work, active, date "
                      "FROM activities ORDER BY weekday, start_min, title",
                      read_activity);
  });
}

std::vector<core::Attendance> Store::load_attendance(const std::string& date) const {
  return guarded("reading today's attendance", [&] {
    return query_rows(m->sql,
                      "SELECT " MEEDOEN_ATTENDANCE_COLUMNS " FROM attendance WHERE date = ? ORDER BY check_in_ms",
                      read_attendance, date);
  });
}

std::vector<core::Attendance> Store::load_attendance_of(const std::string& pid, const std::string& from,
                                                        const std::string& to) const {
  return guarded("reading attendance", [&] {
    return query_rows(m->sql,
                      "SELECT " MEEDOEN_ATTENDANCE_COLUMNS
                      " FROM attendance "
                      "WHERE participant_id = ? AND date BETWEEN ? AND ? ORDER BY check_in_ms",
                      read_attendance, pid, from, to);
  });
}

std::vector<core::SignUp> Store::load_signups(const std::string& from, const std::string& to) const {
  return guarded("reading sign-ups", [&] {
    return query_rows(
        m->sql,
        "SELECT activity_id, date, participant_id, signed_at_ms, placed, waiting_position, from_waiting_list "
        "FROM signups WHERE date BETWEEN ? AND ? "
        "ORDER BY date, activity_id, placed DESC, waiting_position, signed_at_ms",
        read_signup, from, to);
  });
}

std::vector<core::Absence> Store::load_absences(const std::string& pid, const std::string& from,
                                                const std::string& to) const {
  return guarded("reading absences", [&] {
    return query_rows(m->sql,
                      "SELECT event_id, participant_id, date, dagdeel, reason FROM absences "
                      "WHERE (?1 = '' OR participant_id = ?1) AND date BETWEEN ?2 AND ?3 "
                      "ORDER BY date, CASE dagdeel WHEN 'morning' THEN 0 WHEN 'afternoon' THEN 1 ELSE 2 END",
                      read_absence, pid, from, to);
  });
}

std::vector<core::HoursEntry> Store::load_hours(const std::string& pid, const std::string& from) const {
  return guarded("reading volunteer hours", [&] {
    return query_rows(
        m->sql,
        "SELECT event_id, participant_id, date, place, minutes, approved_minutes, status, logged_at_ms FROM hours "
        "WHERE (?1 = '' OR participant_id = ?1) AND date >= ?2 ORDER BY date, logged_at_ms",
        read_hours, pid, from);
  });
}

int Store::approved_minutes_total(const std::string& pid) const {
  return guarded("reading volunteer hours", [&] {
    return query_rows(m->sql,
                      "SELECT COALESCE(SUM(approved_minutes), 0) FROM hours WHERE participant_id = ? "
                      "AND status = 'approved'",
                      columns<int, 1>, pid)
        .front();
  });
}

int Store::days_present_total(const std::string& pid) const {
  return guarded("reading attendance", [&] {
    return query_rows(m->sql, "SELECT COUNT(*) FROM attendance WHERE participant_id = ?", columns<int, 1>, pid).front();
  });
}

void Store::put_place(const core::VolunteerPlace& p) {
  guarded("saving a volunteer place", [&] {
    SQLite::Statement st(m->db, "INSERT OR REPLACE INTO volunteer_places (id, name, icon) VALUES (?, ?, ?)");
    SQLite::bind(st, p.id, p.name, p.icon);
    st.exec();
  });
}

std::vector<core::VolunteerPlace> Store::load_places() const {
  return guarded("reading volunteer places", [&] {
    return query_rows(m->sql, "SELECT id, name, icon FROM volunteer_places ORDER BY name",
                      columns<core::VolunteerPlace, 3>);
  });
}

void Store::put_appointment(const core::Appointment& a) {
  guarded("saving an appointment", [&] {
    SQLite::Statement st(
        m->db, "INSERT OR REPLACE INTO appointments (id, participant_id, at_ms, title, icon) VALUES (?, ?, ?, ?, ?)");
    SQLite::bind(st, a.id, a.participant_id, a.at, a.title, a.icon);
    st.exec();
  });
}

std::vector<core::Appointment> Store::load_appointments(const std::string& pid, TimeMs from) const {
  return guarded("reading appointments", [&] {
    return query_rows(
        m->sql,
        "SELECT id, participant_id, at_ms, title, icon FROM appointments WHERE participant_id = ? AND at_ms >= ? "
        "ORDER BY at_ms LIMIT 20",
        columns<core::Appointment, 5>, pid, from);
  });
}

// [SECTION] The coach's file

std::vector<core::LadderAssessment> Store::load_ladder(const std::string& pid, const std::string& from,
                                                       const std::string& to) const {
  return guarded("reading ladder assessments", [&] {
    return query_rows(
        m->sql,
        "SELECT event_id, participant_id, date, moment, rung, progress, areas, coach_id, at_ms FROM ladder "
        "WHERE (?1 = '' OR participant_id = ?1) AND date BETWEEN ?2 AND ?3 ORDER BY date, at_ms",
        read_ladder, pid, from, to);
  });
}

std::vector<core::CoachNote> Store::load_notes(const std::string& pid) const {
  return guarded("reading notes", [&] {
    return query_rows(
        m->sql,
        "SELECT event_id, participant_id, date, text, talk, coach_id, at_ms FROM notes WHERE participant_id = ? "
        "ORDER BY at_ms DESC",
        read_note, pid);
  });
}

std::map<std::string, std::string> Store::last_talks() const {
  return guarded("reading talks", [&] {
    return as_map(query_rows(m->sql,
                             "SELECT participant_id, MAX(date) FROM notes WHERE talk = 1 "
                             "GROUP BY participant_id",
                             columns<std::pair<std::string, std::string>, 2>));
  });
}

std::vector<core::Exit> Store::load_exits(const std::string& from, const std::string& to) const {
  return guarded("reading exits", [&] {
    return query_rows(
        m->sql,
        "SELECT event_id, participant_id, date, reason, coach_id, at_ms FROM exits WHERE date BETWEEN ? AND ? "
        "ORDER BY date, at_ms",
        read_exit, from, to);
  });
}

std::vector<core::Event> Store::events_of(const std::string& pid) const {
  return guarded("reading the journal", [&] {
    return query_rows(
        m->sql,
        "SELECT " MEEDOEN_EVENT_COLUMNS
        " FROM events WHERE participant_id = ? "
        "ORDER BY hlc, device_id, id",
        [](SQLite::Statement& st) { return decode_entry(read_entry(st)); }, pid);
  });
}

std::map<std::string, TimeMs> Store::next_appointments(TimeMs from) const {
  return guarded("reading appointments", [&] {
    return as_map(query_rows(m->sql,
                             "SELECT participant_id, MIN(at_ms) FROM appointments WHERE at_ms >= ? "
                             "GROUP BY participant_id",
                             columns<std::pair<std::string, TimeMs>, 2>, from));
  });
}

bool Store::verify_pin(const std::string& pid, const std::string& pin) const {
  const auto hash = guarded("reading a PIN", [&] {
    return query_rows(m->sql, "SELECT pin_hash FROM participants WHERE id = ? AND active = 1", columns<std::string, 1>,
                      pid);
  });
  return verify_pin_hash(hash.empty() ? std::string() : hash.front(), pin);
}

std::string Store::find_coach_by_pin(const std::string& pin) const {
  const auto coaches = guarded("reading the coaches' PINs", [&] {
    return query_rows(m->sql, "SELECT id, pin_hash FROM coaches WHERE pin_hash <> '' ORDER BY id",
                      columns<std::pair<std::string, std::string>, 2>);
  });
  for (const auto& [id, hash] : coaches)
    if (verify_pin_hash(hash, pin)) return id;
  return "";
}

bool Store::verify_coach_pin(const std::string& coach_id, const std::string& pin) const {
  const auto hash = guarded("reading a coach's PIN", [&] {
    return query_rows(m->sql, "SELECT pin_hash FROM coaches WHERE id = ?", columns<std::string, 1>, coach_id);
  });
  return !hash.empty() && verify_pin_hash(hash.front(), pin);
}

std::map<std::string, std::string> Store::last_present(const std::string& before) const {
  return guarded("reading the last attendances", [&] {
    // One seek per participant in attendance_by_participant (from one participant to the next,
    // then the last date before `before`) instead of a GROUP BY that reads every attendance ever.
    return as_map(query_rows(m->sql,
                             "WITH RECURSIVE p(id) AS (SELECT MIN(participant_id) FROM attendance UNION ALL "
                             "SELECT (SELECT MIN(participant_id) FROM attendance WHERE participant_id > p.id) "
                             "FROM p WHERE p.id IS NOT NULL) "
                             "SELECT id, last FROM (SELECT id, (SELECT MAX(date) FROM attendance "
                             "WHERE participant_id = p.id AND date < ?1) AS last FROM p WHERE id IS NOT NULL) "
                             "WHERE last IS NOT NULL",
                             columns<std::pair<std::string, std::string>, 2>, before));
  });
}

std::vector<core::ClockOffEvent> Store::load_clock_off(TimeMs since) const {
  return guarded("reading events stamped by a wrong clock", [&] {
    return query_rows(
        m->sql,
        "SELECT f.event_id, COALESCE(e.participant_id, ''), e.type, e.device_id, e.wall_ms, "
        "f.received_ms, f.by_server FROM clock_flags f JOIN events e ON e.id = f.event_id "
        "WHERE f.received_ms >= ? ORDER BY e.hlc DESC LIMIT 100",
        [](SQLite::Statement& st) {
          return core::ClockOffEvent{st.getColumn(0), st.getColumn(1), st.getColumn(2), st.getColumn(3),
                                     st.getColumn(4), st.getColumn(5), flag(st, 6)};
        },
        since);
  });
}

std::vector<JournalEntry> Store::journal() const {
  return guarded("reading the journal", [&] {
    return query_rows(m->sql, "SELECT " MEEDOEN_EVENT_COLUMNS " FROM events ORDER BY hlc, device_id, seq", read_entry);
  });
}

std::int64_t Store::event_count() const {
  return guarded("counting events", [&] { return m->db.execAndGet("SELECT COUNT(*) FROM events").getInt64(); });
}

std::string Store::integrity_check() const {
  return guarded("checking the database", [&] { return m->db.execAndGet("PRAGMA integrity_check").getString(); });
}

// [SECTION] Lockouts

void Store::save_lockout(const core::Lockout& l) {
  guarded("storing a PIN lockout", [&] {
    if (l == core::Lockout{l.participant_id}) {
      SQLite::Statement del(m->db, "DELETE FROM lockouts WHERE participant_id = ?");
      SQLite::bind(del, l.participant_id);
      del.exec();
      return;
    }
    SQLite::Statement put(m->db,
                          "INSERT INTO lockouts (participant_id, wrong, locks, until_ms) VALUES (?, ?, ?, ?) "
                          "ON CONFLICT (participant_id) DO UPDATE SET wrong = excluded.wrong, "
                          "locks = excluded.locks, until_ms = excluded.until_ms");
    SQLite::bind(put, l.participant_id, l.wrong, l.locks, l.until);
    put.exec();
  });
}

std::vector<core::Lockout> Store::load_lockouts() const {
  return guarded("reading PIN lockouts", [&] {
    return query_rows(m->sql, "SELECT participant_id, wrong, locks, until_ms FROM lockouts ORDER BY participant_id",
                      columns<core::Lockout, 4>);
  });
}

void Store::checkpoint() {
  guarded("checkpointing the journal", [&] { m->db.exec("PRAGMA wal_checkpoint(PASSIVE)"); });
}

// [SECTION] JSON lines

std::string journal_json_line(const JournalEntry& e) {
  const core::LocalTime lt = core::to_local(e.wall);
  char time[32];
  std::snprintf(time, sizeof time, "%sT%s:%02d", core::format_date_iso(lt).c_str(),
                core::format_hhmm(lt.minute_of_day).c_str(), lt.second);
  nlohmann::json j{{"id", e.id},        {"type", e.type}, {"participant", e.participant_id}, {"time", time},
                   {"wall_ms", e.wall}, {"hlc", e.hlc},   {"device", e.device_id},           {"seq", e.seq},
                   {"synced", e.synced}};
  auto payload = nlohmann::json::parse(e.payload, nullptr, false);
  j["payload"] = payload.is_discarded() ? nlohmann::json(e.payload) : std::move(payload);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace meedoen::storage
