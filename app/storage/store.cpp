// SQLite implementation of the kiosk store (SQLiteCpp, one connection, statements kept).
#include "storage/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sodium.h>
#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/hlc.hpp"
#include "core/ids.hpp"
#include "wire/event_codec.hpp"
#include "storage/migrations.hpp"
#include "storage/projection.hpp"
#include "storage/pin_hash.hpp"
#include "storage/rows.hpp"

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

}  // namespace

// [SECTION] Row readers

namespace {

#define ATTENDANCE_COLUMNS                                                                          \
  "participant_id, date, dagdeel, check_in_ms, COALESCE(check_out_ms, 0), check_in_event, auto_closed, " \
  "answered, COALESCE(proposed_end_ms, 0), by_coach"

core::Attendance read_attendance(SQLite::Statement& st) {
  core::Attendance a;
  a.participant_id = st.getColumn(0).getString();
  a.date = st.getColumn(1).getString();
  core::dagdeel_from_key(st.getColumn(2).getString(), a.dagdeel);
  a.check_in = st.getColumn(3).getInt64();
  a.check_out = st.getColumn(4).getInt64();
  a.check_in_event = st.getColumn(5).getString();
  a.auto_closed = st.getColumn(6).getInt() != 0;
  a.answered = st.getColumn(7).getInt() != 0;
  a.proposed_end = st.getColumn(8).getInt64();
  a.by_coach = st.getColumn(9).getInt() != 0;
  return a;
}

std::vector<core::Attendance> read_attendances(SQLite::Statement& st) {
  std::vector<core::Attendance> out;
  while (st.executeStep()) out.push_back(read_attendance(st));
  return out;
}

}  // namespace

// [SECTION] Impl

struct Store::Impl {
  std::string path;
  SQLite::Database db;
  std::string device_id;

  SQLite::Statement insert_event;
  SQLite::Statement next_seq;
  SQLite::Statement get_meta;
  SQLite::Statement put_meta;
  SQLite::Statement open_attendance;
  SQLite::Statement attendance_by_event;

  explicit Impl(const std::string& p)
      : path(p),
        db(p, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX),
        insert_event(prepare_after_migration(db),
            "INSERT INTO events (id, device_id, seq, wall_ms, hlc, type, participant_id, payload, subject) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        next_seq(db, "SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE device_id = ?"),
        get_meta(db, "SELECT value FROM meta WHERE key = ?"),
        put_meta(db, "INSERT INTO meta (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        open_attendance(db, "SELECT " ATTENDANCE_COLUMNS " FROM attendance "
                            "WHERE participant_id = ? AND date = ? AND check_out_ms IS NULL "
                            "ORDER BY check_in_ms DESC LIMIT 1"),
        attendance_by_event(db, "SELECT " ATTENDANCE_COLUMNS " FROM attendance WHERE check_in_event = ?") {}

  // Pragmas and migrations must run before any statement against the schema is prepared.
  static SQLite::Database& prepare_after_migration(SQLite::Database& d) {
    d.exec("PRAGMA busy_timeout = 5000");
    refuse_newer_schema(d);  // before anything changes the file, even its journal mode
    const std::string mode = d.execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal") throw StorageError("the database could not switch to WAL mode (got " + mode + ")");
    // FULL: a commit is on disk (WAL fsynced) before check_in() returns and the screen confirms.
    d.exec("PRAGMA synchronous = FULL");
    d.exec("PRAGMA wal_autocheckpoint = " + std::to_string(kAutoCheckpointPages));
    d.exec("PRAGMA foreign_keys = ON");
    migrate(d);
    return d;
  }

  std::string meta(const std::string& key, const std::string& fallback) {
    get_meta.reset();
    get_meta.bind(1, key);
    std::string value = get_meta.executeStep() ? get_meta.getColumn(0).getString() : fallback;
    get_meta.reset();  // a statement left mid-step keeps a read snapshot open and blocks checkpoints
    return value;
  }
  void set_meta(const std::string& key, const std::string& value) {
    put_meta.reset();
    put_meta.bind(1, key);
    put_meta.bind(2, value);
    put_meta.exec();
  }

  // Appends one event and re-derives its subject's rows; the caller holds the transaction.
  JournalEntry append(const std::string& participant_id, const core::EventBody& body, TimeMs now) {
    if (participant_id.size() > 64 || participant_id.find('/') != std::string::npos)
      throw StorageError("refusing an event for a malformed participant id");
    // Every folded event but a centre-wide one (the programme) is about someone.
    if (participant_id.empty() && !std::holds_alternative<core::ev::ActivitySaved>(body) &&
        !std::holds_alternative<core::ev::Other>(body))
      throw StorageError(std::string("refusing a ") + core::event_type(body) + " event without a participant");
    if (const std::string why = core::validate(body); !why.empty())
      throw StorageError(std::string("refusing a malformed ") + core::event_type(body) + " event: " + why);
    JournalEntry e;
    e.id = new_uuid(now);
    e.device_id = device_id;
    next_seq.reset();
    next_seq.bind(1, device_id);
    next_seq.executeStep();
    e.seq = next_seq.getColumn(0).getInt64();
    next_seq.reset();
    core::Hlc last;
    core::hlc_parse(meta("hlc", ""), last);
    const core::Hlc stamp = core::hlc_next(last, now);
    e.hlc = core::hlc_to_string(stamp);
    set_meta("hlc", e.hlc);
    e.wall = now;
    e.type = core::event_type(body);
    e.participant_id = participant_id;
    e.payload = wire::encode_payload(body);
    const std::string subject = core::event_subject(participant_id, body);
    insert_event.reset();
    insert_event.bind(1, e.id);
    insert_event.bind(2, e.device_id);
    insert_event.bind(3, e.seq);
    insert_event.bind(4, e.wall);
    insert_event.bind(5, e.hlc);
    insert_event.bind(6, e.type);
    insert_event.bind(7, e.participant_id);
    insert_event.bind(8, e.payload);
    insert_event.bind(9, subject);
    insert_event.exec();
    project(db, {subject});
    return e;
  }

  // The first row of an attendance query (ATTENDANCE_COLUMNS), if any; leaves q reset.
  static bool first_attendance(SQLite::Statement& q, core::Attendance& out) {
    const bool found = q.executeStep();
    if (found) out = read_attendance(q);
    q.reset();
    return found;
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
  try {
    auto impl = std::make_unique<Impl>(path);
    SQLite::Transaction tx(impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    impl->device_id = impl->meta("device_id", "");
    if (impl->device_id.empty()) {
      const TimeMs now = static_cast<TimeMs>(std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::system_clock::now().time_since_epoch()).count());
      impl->device_id = new_uuid(now);
      impl->set_meta("device_id", impl->device_id);
    }
    tx.commit();
    return Store(std::move(impl));
  } catch (const StorageError&) {
    throw;
  } catch (const SQLite::Exception& e) {
    throw StorageError("Cannot open the database " + path + ": " + describe(e));
  }
}

const std::string& Store::path() const { return m->path; }
const std::string& Store::device_id() const { return m->device_id; }
int Store::schema_version() const {
  return guarded("reading the schema version", [&] { return m->db.execAndGet("PRAGMA user_version").getInt(); });
}

// [SECTION] Journal writes

JournalEntry Store::record(const std::string& pid, const core::EventBody& body, TimeMs now) {
  return guarded("recording an event", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    JournalEntry e = m->append(pid, body, now);
    tx.commit();
    return e;
  });
}

std::vector<JournalEntry> Store::record(const std::string& pid, const std::vector<core::EventBody>& bodies,
                                        TimeMs now) {
  return guarded("recording events", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    std::vector<JournalEntry> out;
    for (const auto& b : bodies) out.push_back(m->append(pid, b, now));
    tx.commit();
    return out;
  });
}

void Store::record_history(const std::vector<TimedEvent>& events) {
  guarded("recording history", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    for (const auto& e : events) m->append(e.participant_id, e.body, e.at);
    tx.commit();
  });
}

CheckResult Store::check_in(const std::string& pid, TimeMs at, const std::string& date, core::Dagdeel dagdeel) {
  return guarded("recording a check-in", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    CheckResult r;
    auto& q = m->open_attendance;
    q.reset();
    q.bind(1, pid);
    q.bind(2, date);
    if (Impl::first_attendance(q, r.attendance)) return r;  // already checked in: nothing to write
    const auto e = m->append(pid, core::ev::CheckIn{date, dagdeel, at}, at);
    auto& b = m->attendance_by_event;
    b.reset();
    b.bind(1, e.id);
    if (!Impl::first_attendance(b, r.attendance)) throw StorageError("the check-in was not derived");
    tx.commit();
    r.new_event = true;
    return r;
  });
}

CheckResult Store::check_out(const std::string& pid, TimeMs at, const std::string& date) {
  return guarded("recording a check-out", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    CheckResult r;
    auto& q = m->open_attendance;
    q.reset();
    q.bind(1, pid);
    q.bind(2, date);
    if (!Impl::first_attendance(q, r.attendance)) throw StorageError("there is no open check-in to close today");
    m->append(pid, core::ev::CheckOut{date, at}, at);
    auto& b = m->attendance_by_event;
    b.reset();
    b.bind(1, r.attendance.check_in_event);
    Impl::first_attendance(b, r.attendance);
    tx.commit();
    r.new_event = true;
    return r;
  });
}

std::vector<core::Attendance> Store::close_forgotten(TimeMs now, const core::KioskConfig& cfg) {
  return guarded("closing forgotten check-outs", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement st(m->db, "SELECT " ATTENDANCE_COLUMNS " FROM attendance WHERE check_out_ms IS NULL");
    std::vector<core::Attendance> closed;
    for (auto& a : read_attendances(st)) {
      const TimeMs end = core::auto_close_time(cfg, a);
      if (end > now) continue;
      m->append(a.participant_id, core::ev::AutoCheckOut{a.date, a.check_in_event, std::max(end, a.check_in + 1)}, now);
      auto& b = m->attendance_by_event;
      b.reset();
      b.bind(1, a.check_in_event);
      Impl::first_attendance(b, a);
      closed.push_back(a);
    }
    tx.commit();
    return closed;
  });
}

// [SECTION] Roster and programme

bool Store::has_roster() const {
  return guarded("reading the roster", [&] { return m->db.execAndGet("SELECT EXISTS (SELECT 1 FROM participants)").getInt() != 0; });
}

void Store::put_participant(const core::Participant& p, const std::string& pin_hash) {
  guarded("saving a participant", [&] {
    SQLite::Statement st(m->db,
        "INSERT INTO participants (id, first_name, last_name, card_code, pin_hash, language, mandatory, coach_id, "
        "agreed_minutes, show_agreed, photo_consent, start_date, end_date, talk_every_days, agreed_parts) "
        "VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, "
        "last_name = excluded.last_name, card_code = excluded.card_code, pin_hash = excluded.pin_hash, "
        "language = excluded.language, mandatory = excluded.mandatory, coach_id = excluded.coach_id, "
        "agreed_minutes = excluded.agreed_minutes, show_agreed = excluded.show_agreed, "
        "photo_consent = excluded.photo_consent, start_date = excluded.start_date, end_date = excluded.end_date, "
        "talk_every_days = excluded.talk_every_days, agreed_parts = excluded.agreed_parts");
    st.bind(1, p.id);
    st.bind(2, p.first_name);
    st.bind(3, p.last_name);
    st.bind(4, p.card_code);
    st.bind(5, pin_hash);
    st.bind(6, p.language);
    st.bind(7, p.mandatory ? 1 : 0);
    st.bind(8, p.coach_id);
    st.bind(9, p.agreed_minutes_per_week);
    st.bind(10, p.show_agreed_hours ? 1 : 0);
    st.bind(11, p.photo_consent ? 1 : 0);
    st.bind(12, p.start_date);
    st.bind(13, p.end_date);
    st.bind(14, p.talk_every_days);
    st.bind(15, static_cast<std::int64_t>(p.agreed_parts));
    st.exec();
  });
}

void Store::put_coach(const core::Coach& c, const std::string& pin_hash) {
  guarded("saving a coach", [&] {
    SQLite::Statement st(m->db,
        "INSERT INTO coaches (id, name, pin_hash) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "name = excluded.name, pin_hash = CASE WHEN excluded.pin_hash = '' THEN pin_hash ELSE excluded.pin_hash END");
    st.bind(1, c.id);
    st.bind(2, c.name);
    st.bind(3, pin_hash);
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

void Store::in_transaction(const std::function<void()>& fn) {
  guarded("writing", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    fn();
    tx.commit();
  });
}

// [SECTION] Reads

core::Roster Store::load_roster() const {
  return guarded("reading the roster", [&] {
    std::vector<core::Participant> people;
    SQLite::Statement st(m->db,
        "SELECT id, first_name, last_name, COALESCE(card_code, ''), language, mandatory, coach_id, "
        "agreed_minutes, show_agreed, photo_consent, start_date, end_date, talk_every_days, agreed_parts "
        "FROM participants WHERE active = 1");
    while (st.executeStep()) {
      core::Participant p;
      p.id = st.getColumn(0).getString();
      p.first_name = st.getColumn(1).getString();
      p.last_name = st.getColumn(2).getString();
      p.card_code = st.getColumn(3).getString();
      p.language = st.getColumn(4).getString();
      p.mandatory = st.getColumn(5).getInt() != 0;
      p.coach_id = st.getColumn(6).getString();
      p.agreed_minutes_per_week = st.getColumn(7).getInt();
      p.show_agreed_hours = st.getColumn(8).getInt() != 0;
      p.photo_consent = st.getColumn(9).getInt() != 0;
      p.start_date = st.getColumn(10).getString();
      p.end_date = st.getColumn(11).getString();
      p.talk_every_days = st.getColumn(12).getInt();
      p.agreed_parts = static_cast<std::uint32_t>(st.getColumn(13).getInt64());
      people.push_back(std::move(p));
    }
    return core::Roster(std::move(people));
  });
}

std::vector<core::Coach> Store::load_coaches() const {
  return guarded("reading the coaches", [&] {
    std::vector<core::Coach> out;
    SQLite::Statement st(m->db, "SELECT id, name FROM coaches ORDER BY name");
    while (st.executeStep()) out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString()});
    return out;
  });
}

std::vector<core::Activity> Store::load_programme() const {
  return guarded("reading the programme", [&] {
    std::vector<core::Activity> out;
    SQLite::Statement st(m->db,
        "SELECT id, title, icon, weekday, dagdeel, start_min, end_min, place, leader, capacity, volunteer_work, active, date "
        "FROM activities ORDER BY weekday, start_min, title");
    while (st.executeStep()) {
      core::Activity a;
      a.id = st.getColumn(0).getString();
      a.title = st.getColumn(1).getString();
      a.icon = st.getColumn(2).getString();
      a.weekday = st.getColumn(3).getInt();
      core::dagdeel_from_key(st.getColumn(4).getString(), a.dagdeel);
      a.start = st.getColumn(5).getInt();
      a.end = st.getColumn(6).getInt();
      a.place = st.getColumn(7).getString();
      a.leader = st.getColumn(8).getString();
      a.capacity = st.getColumn(9).getInt();
      a.volunteer_work = st.getColumn(10).getInt() != 0;
      a.active = st.getColumn(11).getInt() != 0;
      a.date = st.getColumn(12).getString();
      out.push_back(std::move(a));
    }
    return out;
  });
}

std::vector<core::Attendance> Store::load_attendance(const std::string& date) const {
  return guarded("reading today's attendance", [&] {
    SQLite::Statement st(m->db, "SELECT " ATTENDANCE_COLUMNS " FROM attendance WHERE date = ? ORDER BY check_in_ms");
    st.bind(1, date);
    return read_attendances(st);
  });
}

std::vector<core::Attendance> Store::load_attendance_of(const std::string& pid, const std::string& from,
                                                        const std::string& to) const {
  return guarded("reading attendance", [&] {
    SQLite::Statement st(m->db, "SELECT " ATTENDANCE_COLUMNS " FROM attendance "
                                "WHERE participant_id = ? AND date BETWEEN ? AND ? ORDER BY check_in_ms");
    st.bind(1, pid);
    st.bind(2, from);
    st.bind(3, to);
    return read_attendances(st);
  });
}

std::vector<core::SignUp> Store::load_signups(const std::string& from, const std::string& to) const {
  return guarded("reading sign-ups", [&] {
    std::vector<core::SignUp> out;
    SQLite::Statement st(m->db,
        "SELECT activity_id, date, participant_id, signed_at_ms, placed, waiting_position, from_waiting_list "
        "FROM signups WHERE date BETWEEN ? AND ? ORDER BY date, activity_id, placed DESC, waiting_position, signed_at_ms");
    st.bind(1, from);
    st.bind(2, to);
    while (st.executeStep()) {
      core::SignUp s;
      s.activity_id = st.getColumn(0).getString();
      s.date = st.getColumn(1).getString();
      s.participant_id = st.getColumn(2).getString();
      s.at = st.getColumn(3).getInt64();
      s.placed = st.getColumn(4).getInt() != 0;
      s.waiting_position = st.getColumn(5).getInt();
      s.from_waiting_list = st.getColumn(6).getInt() != 0;
      out.push_back(std::move(s));
    }
    return out;
  });
}

std::vector<core::Absence> Store::load_absences(const std::string& pid, const std::string& from,
                                                const std::string& to) const {
  return guarded("reading absences", [&] {
    std::vector<core::Absence> out;
    SQLite::Statement st(m->db,
        "SELECT event_id, participant_id, date, dagdeel, reason FROM absences "
        "WHERE (? = '' OR participant_id = ?) AND date BETWEEN ? AND ? "
        "ORDER BY date, CASE dagdeel WHEN 'morning' THEN 0 WHEN 'afternoon' THEN 1 ELSE 2 END");
    st.bind(1, pid);
    st.bind(2, pid);
    st.bind(3, from);
    st.bind(4, to);
    while (st.executeStep()) {
      core::Absence a;
      a.event_id = st.getColumn(0).getString();
      a.participant_id = st.getColumn(1).getString();
      a.date = st.getColumn(2).getString();
      core::dagdeel_from_key(st.getColumn(3).getString(), a.dagdeel);
      core::reason_from_key(st.getColumn(4).getString(), a.reason);
      out.push_back(std::move(a));
    }
    return out;
  });
}

std::vector<core::HoursEntry> Store::load_hours(const std::string& pid, const std::string& from) const {
  return guarded("reading volunteer hours", [&] {
    std::vector<core::HoursEntry> out;
    SQLite::Statement st(m->db,
        "SELECT event_id, participant_id, date, place, minutes, approved_minutes, status, logged_at_ms FROM hours "
        "WHERE (? = '' OR participant_id = ?) AND date >= ? ORDER BY date, logged_at_ms");
    st.bind(1, pid);
    st.bind(2, pid);
    st.bind(3, from);
    while (st.executeStep()) {
      core::HoursEntry h;
      h.event_id = st.getColumn(0).getString();
      h.participant_id = st.getColumn(1).getString();
      h.date = st.getColumn(2).getString();
      h.place = st.getColumn(3).getString();
      h.minutes = st.getColumn(4).getInt();
      h.approved_minutes = st.getColumn(5).getInt();
      const std::string status = st.getColumn(6).getString();
      h.status = status == "approved" ? core::HoursStatus::Approved
                 : status == "rejected" ? core::HoursStatus::Rejected : core::HoursStatus::Waiting;
      h.logged_at = st.getColumn(7).getInt64();
      out.push_back(std::move(h));
    }
    return out;
  });
}

int Store::approved_minutes_total(const std::string& pid) const {
  return guarded("reading volunteer hours", [&] {
    SQLite::Statement st(m->db, "SELECT COALESCE(SUM(approved_minutes), 0) FROM hours WHERE participant_id = ? AND status = 'approved'");
    st.bind(1, pid);
    st.executeStep();
    return st.getColumn(0).getInt();
  });
}

int Store::days_present_total(const std::string& pid) const {
  return guarded("reading attendance", [&] {
    SQLite::Statement st(m->db, "SELECT COUNT(*) FROM attendance WHERE participant_id = ?");
    st.bind(1, pid);
    st.executeStep();
    return st.getColumn(0).getInt();
  });
}

void Store::put_place(const core::VolunteerPlace& p) {
  guarded("saving a volunteer place", [&] {
    SQLite::Statement st(m->db, "INSERT OR REPLACE INTO volunteer_places (id, name, icon) VALUES (?, ?, ?)");
    st.bind(1, p.id);
    st.bind(2, p.name);
    st.bind(3, p.icon);
    st.exec();
  });
}

std::vector<core::VolunteerPlace> Store::load_places() const {
  return guarded("reading volunteer places", [&] {
    std::vector<core::VolunteerPlace> out;
    SQLite::Statement st(m->db, "SELECT id, name, icon FROM volunteer_places ORDER BY name");
    while (st.executeStep())
      out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getString()});
    return out;
  });
}

void Store::put_appointment(const core::Appointment& a) {
  guarded("saving an appointment", [&] {
    SQLite::Statement st(m->db,
        "INSERT OR REPLACE INTO appointments (id, participant_id, at_ms, title, icon) VALUES (?, ?, ?, ?, ?)");
    st.bind(1, a.id);
    st.bind(2, a.participant_id);
    st.bind(3, a.at);
    st.bind(4, a.title);
    st.bind(5, a.icon);
    st.exec();
  });
}

std::vector<core::Appointment> Store::load_appointments(const std::string& pid, TimeMs from) const {
  return guarded("reading appointments", [&] {
    std::vector<core::Appointment> out;
    SQLite::Statement st(m->db,
        "SELECT id, participant_id, at_ms, title, icon FROM appointments WHERE participant_id = ? AND at_ms >= ? "
        "ORDER BY at_ms LIMIT 20");
    st.bind(1, pid);
    st.bind(2, from);
    while (st.executeStep())
      out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getInt64(),
                     st.getColumn(3).getString(), st.getColumn(4).getString()});
    return out;
  });
}

// [SECTION] The coach's file

std::vector<core::LadderAssessment> Store::load_ladder(const std::string& pid, const std::string& from,
                                                       const std::string& to) const {
  return guarded("reading ladder assessments", [&] {
    std::vector<core::LadderAssessment> out;
    SQLite::Statement st(m->db,
        "SELECT event_id, participant_id, date, moment, rung, progress, areas, coach_id, at_ms FROM ladder "
        "WHERE (?1 = '' OR participant_id = ?1) AND date BETWEEN ?2 AND ?3 ORDER BY date, at_ms");
    st.bind(1, pid);
    st.bind(2, from);
    st.bind(3, to);
    while (st.executeStep()) {
      core::LadderAssessment a;
      a.event_id = st.getColumn(0).getString();
      a.participant_id = st.getColumn(1).getString();
      a.date = st.getColumn(2).getString();
      core::moment_from_key(st.getColumn(3).getString(), a.moment);
      a.rung = st.getColumn(4).getInt();
      a.progress = st.getColumn(5).getInt();
      const std::string areas = st.getColumn(6).getString();
      for (std::size_t i = 0; i < a.areas.size() && i < areas.size(); ++i)
        a.areas[i] = areas[i] == 'w' ? core::AreaStatus::Working : areas[i] == 'u' ? core::AreaStatus::UnderControl
                                                                                   : core::AreaStatus::None;
      a.coach_id = st.getColumn(7).getString();
      a.at = st.getColumn(8).getInt64();
      out.push_back(std::move(a));
    }
    return out;
  });
}

std::vector<core::CoachNote> Store::load_notes(const std::string& pid) const {
  return guarded("reading notes", [&] {
    std::vector<core::CoachNote> out;
    SQLite::Statement st(m->db,
        "SELECT event_id, participant_id, date, text, talk, coach_id, at_ms FROM notes WHERE participant_id = ? "
        "ORDER BY at_ms DESC");
    st.bind(1, pid);
    while (st.executeStep())
      out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                     st.getColumn(3).getString(), st.getColumn(4).getInt() != 0, st.getColumn(5).getString(),
                     st.getColumn(6).getInt64()});
    return out;
  });
}

std::map<std::string, std::string> Store::last_talks() const {
  return guarded("reading talks", [&] {
    std::map<std::string, std::string> out;
    SQLite::Statement st(m->db, "SELECT participant_id, MAX(date) FROM notes WHERE talk = 1 GROUP BY participant_id");
    while (st.executeStep()) out[st.getColumn(0).getString()] = st.getColumn(1).getString();
    return out;
  });
}

std::vector<core::Exit> Store::load_exits(const std::string& from, const std::string& to) const {
  return guarded("reading exits", [&] {
    std::vector<core::Exit> out;
    SQLite::Statement st(m->db,
        "SELECT event_id, participant_id, date, reason, coach_id, at_ms FROM exits WHERE date BETWEEN ? AND ? "
        "ORDER BY date, at_ms");
    st.bind(1, from);
    st.bind(2, to);
    while (st.executeStep()) {
      core::Exit x;
      x.event_id = st.getColumn(0).getString();
      x.participant_id = st.getColumn(1).getString();
      x.date = st.getColumn(2).getString();
      core::exit_reason_from_key(st.getColumn(3).getString(), x.reason);
      x.coach_id = st.getColumn(4).getString();
      x.at = st.getColumn(5).getInt64();
      out.push_back(std::move(x));
    }
    return out;
  });
}

std::vector<core::Event> Store::events_of(const std::string& pid) const {
  return guarded("reading the journal", [&] {
    std::vector<core::Event> out;
    SQLite::Statement st(m->db, "SELECT " MEEDOEN_EVENT_COLUMNS " FROM events WHERE participant_id = ? ORDER BY hlc, device_id, id");
    st.bind(1, pid);
    while (st.executeStep()) out.push_back(decode_entry(read_entry(st)));
    return out;
  });
}

std::map<std::string, TimeMs> Store::next_appointments(TimeMs from) const {
  return guarded("reading appointments", [&] {
    std::map<std::string, TimeMs> out;
    SQLite::Statement st(m->db, "SELECT participant_id, MIN(at_ms) FROM appointments WHERE at_ms >= ? GROUP BY participant_id");
    st.bind(1, from);
    while (st.executeStep()) out[st.getColumn(0).getString()] = st.getColumn(1).getInt64();
    return out;
  });
}

bool Store::verify_pin(const std::string& pid, const std::string& pin) const {
  const std::string hash = guarded("reading a PIN", [&] {
    SQLite::Statement st(m->db, "SELECT pin_hash FROM participants WHERE id = ? AND active = 1");
    st.bind(1, pid);
    return st.executeStep() ? st.getColumn(0).getString() : std::string();
  });
  return verify_pin_hash(hash, pin);
}

std::string Store::find_coach_by_pin(const std::string& pin) const {
  std::vector<std::pair<std::string, std::string>> coaches;
  guarded("reading the coaches' PINs", [&] {
    SQLite::Statement st(m->db, "SELECT id, pin_hash FROM coaches WHERE pin_hash <> '' ORDER BY id");
    while (st.executeStep()) coaches.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
  });
  for (const auto& [id, hash] : coaches)
    if (verify_pin_hash(hash, pin)) return id;
  return "";
}

std::map<std::string, std::string> Store::last_present(const std::string& before) const {
  return guarded("reading the last attendances", [&] {
    std::map<std::string, std::string> out;
    SQLite::Statement st(m->db, "SELECT participant_id, MAX(date) FROM attendance WHERE date < ? GROUP BY participant_id");
    st.bind(1, before);
    while (st.executeStep()) out[st.getColumn(0).getString()] = st.getColumn(1).getString();
    return out;
  });
}

std::vector<JournalEntry> Store::journal() const {
  return guarded("reading the journal", [&] {
    std::vector<JournalEntry> out;
    SQLite::Statement st(m->db, "SELECT " MEEDOEN_EVENT_COLUMNS " FROM events ORDER BY hlc, device_id, seq");
    while (st.executeStep()) out.push_back(read_entry(st));
    return out;
  });
}

std::int64_t Store::event_count() const {
  return guarded("counting events", [&] { return m->db.execAndGet("SELECT COUNT(*) FROM events").getInt64(); });
}

std::string Store::integrity_check() const {
  return guarded("checking the database", [&] { return m->db.execAndGet("PRAGMA integrity_check").getString(); });
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
  nlohmann::json j{{"id", e.id},     {"type", e.type}, {"participant", e.participant_id},
                   {"time", time},   {"wall_ms", e.wall}, {"hlc", e.hlc},
                   {"device", e.device_id}, {"seq", e.seq}, {"synced", e.synced}};
  auto payload = nlohmann::json::parse(e.payload, nullptr, false);
  j["payload"] = payload.is_discarded() ? nlohmann::json(e.payload) : std::move(payload);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace meedoen::storage
