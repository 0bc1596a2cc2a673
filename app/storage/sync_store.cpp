// SQLite side of the kiosk's sync: outbox reads, marking events sent, applying pulled pages.
// Tables of its own are created here (IF NOT EXISTS) so the journal's migrations stay untouched.
#include "storage/sync_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>

#include "core/hlc.hpp"
#include "storage/projection.hpp"
#include "storage/rows.hpp"

namespace meedoen::storage {

using core::TimeMs;

namespace {

constexpr const char* kSyncTables = R"sql(
CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_rejected (event_id TEXT PRIMARY KEY, reason TEXT NOT NULL, at_ms INTEGER NOT NULL);
)sql";

template <class F>
auto guarded(const char* what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw StorageError(std::string(what) + ": " + e.what());
  }
}

}  // namespace

// [SECTION] Impl

struct SyncStore::Impl {
  SQLite::Database db;
  std::string device_id;

  explicit Impl(const std::string& path) : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_FULLMUTEX) {
    db.exec("PRAGMA busy_timeout = 5000");  // the UI's check-ins take the write lock for < 1 ms
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA foreign_keys = ON");
    // A month's backlog is ~100,000 rows: with SQLite's 2 MB default cache, marking them sent
    // turned into one pread per row. Memory-mapped reads and a larger cache keep it in RAM.
    db.exec("PRAGMA cache_size = -32000");
    db.exec("PRAGMA mmap_size = 268435456");
    if (!db.tableExists("events")) throw StorageError("the database " + path + " has no journal yet (open the Store first)");
    db.exec(kSyncTables);
    device_id = db.execAndGet("SELECT value FROM meta WHERE key = 'device_id'").getString();
  }

  std::string get(const std::string& table, const std::string& key, const std::string& fallback) {
    SQLite::Statement st(db, "SELECT value FROM " + table + " WHERE key = ?");
    st.bind(1, key);
    return st.executeStep() ? st.getColumn(0).getString() : fallback;
  }
  void put(const std::string& table, const std::string& key, const std::string& value) {
    SQLite::Statement st(db, "INSERT INTO " + table + " (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, key);
    st.bind(2, value);
    st.exec();
  }
};

SyncStore::SyncStore(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}
SyncStore::SyncStore(SyncStore&&) noexcept = default;
SyncStore& SyncStore::operator=(SyncStore&&) noexcept = default;
SyncStore::~SyncStore() = default;

SyncStore SyncStore::open(const std::string& path) {
  return guarded("opening the database for sync", [&] { return SyncStore(std::make_unique<Impl>(path)); });
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
    SQLite::Statement st(m->db, "SELECT id, seq, wall_ms, hlc, type, COALESCE(participant_id, ''), payload FROM events "
                                "WHERE device_id = ? AND seq > ? AND synced_at IS NULL ORDER BY seq LIMIT ?");
    st.bind(1, m->device_id);
    st.bind(2, after_seq);
    st.bind(3, static_cast<std::int64_t>(max_events));
    std::size_t bytes = 0;
    while (st.executeStep()) {
      wire::WireEvent e;
      e.id = st.getColumn(0).getString();
      e.device_id = m->device_id;
      e.seq = st.getColumn(1).getInt64();
      e.wall_ms = st.getColumn(2).getInt64();
      e.hlc = st.getColumn(3).getString();
      e.type = st.getColumn(4).getString();
      e.participant_id = st.getColumn(5).getString();
      e.payload = st.getColumn(6).getString();
      bytes += 200 + e.payload.size() + e.participant_id.size();
      if (!out.empty() && bytes > max_bytes) break;
      out.push_back(std::move(e));
    }
    return out;
  });
}

std::int64_t SyncStore::unsent_count() const {
  return guarded("counting unsent events", [&] {
    SQLite::Statement st(m->db, "SELECT COUNT(*) FROM events WHERE synced_at IS NULL AND device_id = ?");
    st.bind(1, m->device_id);
    st.executeStep();
    return st.getColumn(0).getInt64();
  });
}

void SyncStore::mark_pushed(const std::vector<wire::PushResult>& results, TimeMs now, std::int64_t first_seq,
                            std::int64_t last_seq) {
  guarded("marking events sent", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    const bool whole_batch = last_seq > 0 && first_seq <= last_seq;
    if (whole_batch) {
      SQLite::Statement range(m->db, "UPDATE events SET synced_at = ? WHERE device_id = ? AND seq BETWEEN ? AND ? "
                                     "AND synced_at IS NULL");
      range.bind(1, now);
      range.bind(2, m->device_id);
      range.bind(3, first_seq);
      range.bind(4, last_seq);
      range.exec();
    }
    SQLite::Statement mark(m->db, "UPDATE events SET synced_at = ? WHERE id = ? AND synced_at IS NULL");
    SQLite::Statement reject(m->db, "INSERT OR REPLACE INTO sync_rejected (event_id, reason, at_ms) VALUES (?, ?, ?)");
    for (const auto& r : results) {
      if (!whole_batch) {
        mark.reset();
        mark.bind(1, now);
        mark.bind(2, r.id);
        mark.exec();
      }
      if (r.status == wire::PushStatus::Rejected) {
        reject.reset();
        reject.bind(1, r.id);
        reject.bind(2, r.reason);
        reject.bind(3, now);
        reject.exec();
      }
    }
    tx.commit();
  });
}

std::vector<std::pair<std::string, std::string>> SyncStore::rejected() const {
  return guarded("reading rejected events", [&] {
    std::vector<std::pair<std::string, std::string>> out;
    SQLite::Statement st(m->db, "SELECT event_id, reason FROM sync_rejected ORDER BY at_ms, event_id");
    while (st.executeStep()) out.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    return out;
  });
}

// [SECTION] Pull

PullApplied SyncStore::apply_pull(const wire::PullPage& page, TimeMs now) {
  return guarded("applying changes from the server", [&] {
    PullApplied n;
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    // A card that moved to another participant is taken off the old one first (UNIQUE card_code).
    SQLite::Statement free_card(m->db, "UPDATE participants SET card_code = NULL WHERE card_code = ? AND id <> ?");
    SQLite::Statement person(m->db,
        "INSERT INTO participants (id, first_name, last_name, card_code, pin_hash, language, mandatory, coach_id, active) "
        "VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, "
        "last_name = excluded.last_name, card_code = excluded.card_code, pin_hash = excluded.pin_hash, "
        "language = excluded.language, mandatory = excluded.mandatory, coach_id = excluded.coach_id, active = excluded.active");
    for (const auto& w : page.participants) {
      if (!w.p.card_code.empty() && w.active) {
        free_card.reset();
        free_card.bind(1, w.p.card_code);
        free_card.bind(2, w.p.id);
        free_card.exec();
      }
      person.reset();
      person.bind(1, w.p.id);
      person.bind(2, w.p.first_name);
      person.bind(3, w.p.last_name);
      person.bind(4, w.active ? w.p.card_code : std::string());
      person.bind(5, w.pin_hash);
      person.bind(6, w.p.language);
      person.bind(7, w.p.mandatory ? 1 : 0);
      person.bind(8, w.p.coach_id);
      person.bind(9, w.active ? 1 : 0);
      person.exec();
      ++n.participants;
    }
    for (const auto& w : page.coaches) {
      // An upsert, not a replace: the coach's PIN hash is set on this kiosk and must survive.
      SQLite::Statement st(m->db, w.active ? "INSERT INTO coaches (id, name) VALUES (?, ?) "
                                             "ON CONFLICT (id) DO UPDATE SET name = excluded.name"
                                           : "DELETE FROM coaches WHERE id = ?");
      st.bind(1, w.c.id);
      if (w.active) st.bind(2, w.c.name);
      st.exec();
      ++n.coaches;
    }
    // The server's programme has every activity_saved it received applied (the last in fold
    // order wins there too). A tombstone is kept as an inactive row: old sign-ups and hours name
    // it. A changed capacity moves places and waiting lists, as a local edit would.
    SQLite::Statement capacity(m->db, "SELECT capacity FROM activities WHERE id = ?");
    std::set<std::string> pulled_ids;
    for (const auto& w : page.activities) {
      core::Activity a = w.a;
      a.active = w.active;
      capacity.reset();
      capacity.bind(1, a.id);
      const bool existed = capacity.executeStep();
      const int before = existed ? capacity.getColumn(0).getInt() : 0;
      capacity.reset();
      upsert_activity(m->db, a);
      if (existed && before != a.capacity) reproject_signups(m->db, a.id);
      pulled_ids.insert(a.id);
      ++n.activities;
    }
    for (const auto& [key, value] : page.settings) {
      m->put("meta", "setting." + key, value);  // Store::setting() reads these
      ++n.settings;
    }
    // Other kiosks' events: inserted once by id (the journal's own insert, which also moves our
    // hybrid logical clock past them), then the read models of what they touched re-derived.
    const std::string clock_before = m->get("meta", "hlc", "");
    core::Hlc newest;
    core::hlc_parse(clock_before, newest);
    std::set<std::string> subjects;
    SQLite::Statement sent(m->db, "UPDATE events SET synced_at = ? WHERE id = ?");
    for (const auto& e : page.events) {
      if (e.device_id == m->device_id) continue;  // never our own (the server does not send them)
      JournalEntry j{e.id, e.device_id, e.seq, e.wall_ms, e.hlc, e.type, e.participant_id, e.payload, true};
      if (!insert_event(m->db, j)) continue;
      sent.reset();
      sent.bind(1, now);
      sent.bind(2, e.id);
      sent.exec();  // never pushed by us
      subjects.insert(core::event_subject(e.participant_id, decode_entry(j).body));
      core::Hlc h;
      if (core::hlc_parse(e.hlc, h) && h.wall <= now + wire::kClockSkewLimit && newest < h) newest = h;
      ++n.events;
    }
    if (n.events > 0) {
      // A stamp far ahead of our clock is kept but never adopted as our base: one kiosk with a
      // clock a year ahead must not drag every kiosk's clock along (SYNC.md, sillsdev/harmony #7).
      m->put("meta", "hlc", core::hlc_to_string(newest));
      subjects.erase("");
      // Activities of other kiosks arrive as programme rows (above), which the server derived
      // from these same events and perhaps newer ones: folding them here could only go back.
      std::erase_if(subjects, [](const std::string& x) { return x.rfind("activity/", 0) == 0; });
      project(m->db, subjects);
    }
    // Our own edits the server has not seen yet stay: the pulled row predates them (after
    // this page's events, so another kiosk's later edit is seen). (Skipping
    // those ids would also keep them, but would lose a newer edit of another kiosk that the
    // server already holds; re-applying the fold decides by fold order, as the server will.)
    apply_unsent_activity_edits(m->db, m->device_id, pulled_ids);
    if (page.reset) m->put("sync_state", "cursor_resets", std::to_string(std::stoll(m->get("sync_state", "cursor_resets", "0")) + 1));
    m->put("sync_state", "cursor", page.cursor);
    if (!page.centre_id.empty()) m->put("sync_state", "centre_id", page.centre_id);
    tx.commit();
    return n;
  });
}

}  // namespace meedoen::storage
