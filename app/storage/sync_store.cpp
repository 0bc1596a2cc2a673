// SQLite side of the kiosk's sync: outbox reads, marking events sent, applying pulled pages.
// Its tables (sync_state, sync_rejected) come with the journal's migrations (version 5).
#include "storage/sync_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "core/hlc.hpp"
#include "storage/database.hpp"
#include "storage/projection.hpp"
#include "storage/rows.hpp"

namespace meedoen::storage {

using core::TimeMs;

namespace {

template <class F>
auto guarded(const char* what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw StorageError(std::string(what) + ": " + e.what());
  }
}

// A second connection to the kiosk database, which the Store has created, switched to WAL and
// migrated. A month's backlog is ~100,000 rows: with SQLite's 2 MB default cache, marking them
// sent turned into one pread per row. Memory-mapped reads and a larger cache keep it in RAM.
DatabaseOptions sync_database(const std::string& path) {
  DatabaseOptions o;
  o.create = false;
  o.wal = false;
  o.cache_kib = 32000;
  o.mmap_bytes = 268435456;
  o.after_pragmas = [path](SQLite::Database& db) {
    if (!db.tableExists("events"))
      throw StorageError("the database " + path + " has no journal yet (open the Store first)");
    if (!db.tableExists("sync_state"))
      throw StorageError("the database " + path + " is not migrated for sync yet (open the Store first)");
  };
  return o;
}

}  // namespace

// [SECTION] Impl

struct SyncStore::Impl {
  SQLite::Database db;
  std::string device_id;

  explicit Impl(const std::string& path) : db(open_database(path, sync_database(path))) {
    device_id = db.execAndGet("SELECT value FROM meta WHERE key = 'device_id'").getString();
  }

  std::string get(const std::string& table, const std::string& key, const std::string& fallback) {
    const auto values = query_rows(db, "SELECT value FROM " + table + " WHERE key = ?", columns<std::string, 1>, key);
    return values.empty() ? fallback : values.front();
  }
  void put(const std::string& table, const std::string& key, const std::string& value) {
    SQLite::Statement st(db, "INSERT INTO " + table +
                                 " (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    SQLite::bind(st, key, value);
    st.exec();
  }

  // Every event of this device up to this seq is marked sent: its outbox starts after it, on the
  // (device_id, seq) key (there is no index of unsent events: it cost every tap a page). A lower
  // bound: sent marks are never taken back, so a stale value only makes a read start earlier.
  std::string through_key() const { return "pushed_through:" + device_id; }
  // A value that does not read as a number counts as 0: from the start, never past an unsent event.
  std::int64_t pushed_through() {
    const std::string text = get("sync_state", through_key(), "0");
    std::int64_t seq = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seq);
    return error == std::errc() && end == text.data() + text.size() && seq > 0 ? seq : 0;
  }
  // Moves it past the events marked sent since; the caller holds a write transaction.
  void advance_pushed_through() {
    const std::int64_t from = pushed_through();
    // Just before the first event still unsent, else this device's last event.
    const std::int64_t through =
        query_rows(
            db,
            "SELECT COALESCE((SELECT seq - 1 FROM events WHERE device_id = ?1 AND seq > ?2 AND synced_at IS NULL "
            "ORDER BY seq LIMIT 1), (SELECT MAX(seq) FROM events WHERE device_id = ?1), 0)",
            columns<std::int64_t, 1>, device_id, from)
            .front();
    if (through > from) put("sync_state", through_key(), std::to_string(through));
  }

  void apply_participants(const std::vector<wire::WireParticipant>& participants, std::set<std::string>& pulled_ids);
  void apply_coaches(const std::vector<wire::WireCoach>& coaches, std::vector<std::string>& warnings);
  void apply_activities(const std::vector<wire::WireActivity>& activities, std::set<std::string>& pulled_ids);
  int apply_events(const std::vector<wire::WireEvent>& events, TimeMs now);
};

SyncStore::SyncStore(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}
SyncStore::SyncStore(SyncStore&&) noexcept = default;
SyncStore& SyncStore::operator=(SyncStore&&) noexcept = default;
SyncStore::~SyncStore() = default;

SyncStore SyncStore::open(const std::string& path) {
  return guarded("opening the database for sync", [&] {
    auto impl = std::make_unique<Impl>(path);
    // Once per open, so that counting the outbox never walks what a database of an older schema
    // (or a crash between marking and moving) left behind the cursor. Not a reason to refuse the
    // sync when it cannot be written now (busy, read-only): a cursor left behind only makes the
    // outbox's reads start earlier, and the next batch marked sent moves it.
    try {
      SQLite::Transaction tx(impl->db);  // deferred: a write only when the cursor moves
      impl->advance_pushed_through();
      tx.commit();
    } catch (const SQLite::Exception&) {}
    return SyncStore(std::move(impl));
  });
}

const std::string& SyncStore::device_id() const { return m->device_id; }

std::string SyncStore::state(const std::string& key, const std::string& fallback) const {
  return guarded("reading the sync state", [&] { return m->get("sync_state", key, fallback); });
}

void SyncStore::set_state(const std::string& key, const std::string& value) {
  guarded("saving the sync state", [&] { m->put("sync_state", key, value); });
}

// [SECTION] Outbox

std::vector<wire::WireEvent> SyncStore::pending(std::size_t max_events, std::size_t max_bytes,
                                                std::int64_t after_seq) const {
  return guarded("reading unsent events", [&] {
    std::vector<wire::WireEvent> out;
    SQLite::Statement st(m->db,
                         "SELECT id, device_id, seq, wall_ms, hlc, type, COALESCE(participant_id, ''), payload "
                         "FROM events WHERE device_id = ? AND seq > ? AND synced_at IS NULL "
                         "ORDER BY seq LIMIT ?");
    SQLite::bind(st, m->device_id, std::max(after_seq, m->pushed_through()), static_cast<std::int64_t>(max_events));
    std::size_t bytes = 0;
    while (st.executeStep()) {
      auto e = st.getColumns<wire::WireEvent, 8>();
      bytes += 200 + e.payload.size() + e.participant_id.size();
      if (!out.empty() && bytes > max_bytes) break;
      out.push_back(std::move(e));
    }
    return out;
  });
}

std::int64_t SyncStore::unsent_count() const {
  return guarded("counting unsent events", [&] {
    return query_rows(m->db, "SELECT COUNT(*) FROM events WHERE device_id = ? AND seq > ? AND synced_at IS NULL",
                      columns<std::int64_t, 1>, m->device_id, m->pushed_through())
        .front();
  });
}

void SyncStore::mark_pushed(const std::vector<wire::PushResult>& results, TimeMs now, std::int64_t first_seq,
                            std::int64_t last_seq) {
  guarded("marking events sent", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    const bool whole_batch = last_seq > 0 && first_seq <= last_seq;
    if (whole_batch) {
      SQLite::Statement range(m->db,
                              "UPDATE events SET synced_at = ? WHERE device_id = ? AND seq BETWEEN ? AND ? "
                              "AND synced_at IS NULL");
      SQLite::bind(range, now, m->device_id, first_seq, last_seq);
      range.exec();
    }
    SQLite::Statement mark(m->db, "UPDATE events SET synced_at = ? WHERE id = ? AND synced_at IS NULL");
    SQLite::Statement reject(m->db, "INSERT OR REPLACE INTO sync_rejected (event_id, reason, at_ms) VALUES (?, ?, ?)");
    for (const auto& r : results) {
      if (!whole_batch) {
        mark.reset();
        SQLite::bind(mark, now, r.id);
        mark.exec();
      }
      // A conflict (the server holds another event under this id) is kept as a rejected event
      // is: sent, never pushed again, counted and listed with its reason, which says "conflict".
      if (r.status == wire::PushStatus::Rejected || r.status == wire::PushStatus::Conflict) {
        reject.reset();
        SQLite::bind(reject, r.id, r.status == wire::PushStatus::Conflict ? "conflict: " + r.reason : r.reason, now);
        reject.exec();
      }
    }
    m->advance_pushed_through();
    tx.commit();
  });
}

std::vector<std::pair<std::string, std::string>> SyncStore::rejected() const {
  return guarded("reading rejected events", [&] {
    return query_rows(m->db, "SELECT event_id, reason FROM sync_rejected ORDER BY at_ms, event_id",
                      columns<std::pair<std::string, std::string>, 2>);
  });
}

// [SECTION] Pull

void SyncStore::Impl::apply_participants(const std::vector<wire::WireParticipant>& participants,
                                         std::set<std::string>& pulled_ids) {
  // A card that moved to another participant is taken off the old one first (UNIQUE card_code).
  SQLite::Statement free_card(db, "UPDATE participants SET card_code = NULL WHERE card_code = ? AND id <> ?");
  SQLite::Statement person(db, kUpsertParticipant);
  for (const auto& w : participants) {
    if (!w.p.card_code.empty() && w.active) {
      free_card.reset();
      SQLite::bind(free_card, w.p.card_code, w.p.id);
      free_card.exec();
    }
    core::Participant row = w.p;
    if (!w.active) row.card_code.clear();  // a tombstone frees its card
    bind_participant(person, row, w.pin_hash, w.active);
    person.exec();
    pulled_ids.insert(w.p.id);
  }
  keep_sort_keys(db);  // only the names that are new or changed open ICU
}

void SyncStore::Impl::apply_coaches(const std::vector<wire::WireCoach>& coaches, std::vector<std::string>& warnings) {
  // An upsert, not a replace: a row without a hash (an older server) keeps the one this kiosk has.
  SQLite::Statement put(db,
                        "INSERT INTO coaches (id, name, pin_hash) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        "name = excluded.name, pin_hash = CASE WHEN excluded.pin_hash = '' THEN pin_hash "
                        "ELSE excluded.pin_hash END");
  SQLite::Statement remove(db, "DELETE FROM coaches WHERE id = ?");
  for (const auto& w : coaches) {
    if (!w.active) {  // removed on the server: the PIN no longer opens coach mode here
      remove.reset();
      SQLite::bind(remove, w.c.id);
      remove.exec();
      continue;
    }
    std::string hash = w.pin_hash;
    if (const std::string why = core::check::pin_hash(hash); !hash.empty() && !why.empty()) {
      // Not a hash we could ever verify: the coach keeps the PIN they have; the rest applies.
      warnings.push_back("coach " + w.c.id + ": " + why + " (" + std::to_string(hash.size()) +
                         " bytes from the server); the previous PIN stays");
      hash.clear();
    }
    put.reset();
    SQLite::bind(put, w.c.id, w.c.name, hash);
    put.exec();
  }
}

// The server's programme has every activity_saved it received applied (the last in fold
// order wins there too). A tombstone is kept as an inactive row: old sign-ups and hours name
// it. A changed capacity moves places and waiting lists, as a local edit would.
void SyncStore::Impl::apply_activities(const std::vector<wire::WireActivity>& activities,
                                       std::set<std::string>& pulled_ids) {
  SQLite::Statement capacity(db, "SELECT capacity FROM activities WHERE id = ?");
  for (const auto& w : activities) {
    core::Activity a = w.a;
    a.active = w.active;
    const auto before = query_rows(capacity, columns<int, 1>, a.id);
    upsert_activity(db, a);
    if (!before.empty() && before.front() != a.capacity) reproject_signups(db, a.id);
    pulled_ids.insert(a.id);
  }
}

// Other kiosks' events: inserted once by id, our hybrid logical clock moved past them (the
// receive rule, core/hlc), then the read models of what they touched re-derived.
// Returns how many were new.
int SyncStore::Impl::apply_events(const std::vector<wire::WireEvent>& events, TimeMs now) {
  const std::string clock_before = get("meta", "hlc", "");
  core::Hlc newest;
  core::hlc_parse(clock_before, newest);
  std::set<std::string> subjects;
  SQLite::Statement sent(db, "UPDATE events SET synced_at = ? WHERE id = ?");
  SQLite::Statement flag(db, "INSERT OR IGNORE INTO clock_flags (event_id, by_server, received_ms) VALUES (?, ?, ?)");
  int n = 0;
  for (const auto& e : events) {
    if (e.device_id == device_id) continue;  // never our own (the server does not send them)
    JournalEntry j{e.id, e.device_id, e.seq, e.wall_ms, e.hlc, e.type, e.participant_id, e.payload, true};
    if (!insert_event(db, j)) continue;
    sent.reset();
    SQLite::bind(sent, now, e.id);
    sent.exec();  // never pushed by us
    subjects.insert(core::event_subject(e.participant_id, decode_entry(j).body));
    core::Hlc h;
    if (core::hlc_parse(e.hlc, h)) newest = core::hlc_receive(newest, h, now);
    // Kept either way; a stamp from a clock far off is listed for the coach to check.
    if (e.clock_off || core::clock_far_ahead(e.wall_ms, h, now)) {
      flag.reset();
      SQLite::bind(flag, e.id, e.clock_off ? 1 : 0, now);
      flag.exec();
    }
    ++n;
  }
  if (n > 0) {
    // A stamp far ahead of our clock is kept but never adopted as our base: one kiosk with a
    // clock a year ahead must not drag every kiosk's clock along (SYNC.md, sillsdev/harmony #7).
    put("meta", "hlc", core::hlc_to_string(newest));
    subjects.erase("");
    // Activities of other kiosks arrive as programme rows (above), which the server derived
    // from these same events and perhaps newer ones: folding them here could only go back.
    // Likewise coaches' PINs and other kiosks' agreement edits: the pulled coach and participant
    // rows say them.
    std::erase_if(subjects, [](const std::string& x) {
      return x.rfind("activity/", 0) == 0 || x.rfind("coach/", 0) == 0 || x.rfind("agreements/", 0) == 0 ||
             x.rfind("language/", 0) == 0;
    });
    project(db, subjects);
  }
  return n;
}

PullApplied SyncStore::apply_pull(const wire::PullPage& page, TimeMs now) {
  return guarded("applying changes from the server", [&] {
    PullApplied n;
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    std::set<std::string> pulled_people;
    m->apply_participants(page.participants, pulled_people);
    n.participants = static_cast<int>(page.participants.size());
    m->apply_coaches(page.coaches, n.warnings);
    n.coaches = static_cast<int>(page.coaches.size());
    std::set<std::string> pulled_ids;
    m->apply_activities(page.activities, pulled_ids);
    n.activities = static_cast<int>(page.activities.size());
    // Store::setting() reads these.
    for (const auto& [key, value] : page.settings) m->put("meta", "setting." + key, value);
    n.settings = static_cast<int>(page.settings.size());
    n.events = m->apply_events(page.events, now);
    // Our own edits the server has not seen yet stay: the pulled row predates them (after
    // this page's events, so another kiosk's later edit is seen). (Skipping
    // those ids would also keep them, but would lose a newer edit of another kiosk that the
    // server already holds; re-applying the fold decides by fold order, as the server will.)
    apply_unsent_activity_edits(m->db, m->device_id, pulled_ids);
    std::set<std::string> pulled_coaches;
    for (const auto& w : page.coaches) pulled_coaches.insert(w.c.id);
    apply_unsent_coach_pins(m->db, m->device_id, pulled_coaches);
    apply_unsent_agreement_edits(m->db, m->device_id, pulled_people);
    apply_unsent_language_choices(m->db, m->device_id, pulled_people);
    if (page.reset)
      m->put("sync_state", "cursor_resets", std::to_string(std::stoll(m->get("sync_state", "cursor_resets", "0")) + 1));
    m->put("sync_state", "cursor", page.cursor);
    if (!page.centre_id.empty()) m->put("sync_state", "centre_id", page.centre_id);
    tx.commit();
    return n;
  });
}

}  // namespace meedoen::storage
