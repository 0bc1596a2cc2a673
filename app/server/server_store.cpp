// meedoen-server's store, once for both databases (server/db: SQLite or PostgreSQL): tokens, push
// (idempotent by event id, sequence checks per kiosk) and pull (revision cursors that follow
// commit order). The tables are in store_schema.
#include "server/server_store.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <variant>

#include "core/hlc.hpp"
#include "core/ids.hpp"
#include "core/journal.hpp"
#include "server/db/database.hpp"
#include "server/store_schema.hpp"
#include "wire/event_codec.hpp"

namespace meedoen::server {

using core::TimeMs;
using nlohmann::json;

// [SECTION] Schema

namespace {

// The event types of core's table (core/events.hpp, docs/events.md); anything else is refused with a reason.
const std::set<std::string> kKnownTypes(core::event_types().begin(), core::event_types().end());
// Types whose subject is the centre, not a participant: those core's table folds into an
// activity or a coach.
template <std::size_t... I>
std::set<std::string> centre_wide_types(std::index_sequence<I...>) {
  std::set<std::string> out;
  auto add = [&](auto body) {
    constexpr core::Fold fold = decltype(body)::kFold;
    if (fold == core::Fold::Activity || fold == core::Fold::Coach) out.insert(decltype(body)::kName);
  };
  (add(std::variant_alternative_t<I, core::EventBody>{}), ...);
  return out;
}
const std::set<std::string> kCentreWideTypes = centre_wide_types(std::make_index_sequence<core::kEventTypeCount>{});

std::string hex(const unsigned char* p, std::size_t n) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    s += d[p[i] >> 4];
    s += d[p[i] & 15];
  }
  return s;
}

template <class F>
auto guarded(const char* what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const db::Error& e) {
    throw ServerError(std::string(what) + ": " + e.what());
  }
}

using db::columns;
using db::query_rows;

KioskInfo read_kiosk(const db::Row& st) { return st.as<KioskInfo, 11>(); }

}  // namespace

std::string token_hash(const std::string& token) {
  unsigned char out[crypto_generichash_BYTES];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return hex(out, sizeof out);
}

std::string new_token() {
  unsigned char b[32];
  randombytes_buf(b, sizeof b);
  return hex(b, sizeof b);
}

std::string new_enrol_code() {
  static const char* alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // no 0/O, 1/I
  std::string code;
  for (int i = 0; i < 8; ++i) code += alphabet[randombytes_uniform(32)];
  return code;
}

std::string new_card_code() {
  static constexpr std::string_view alphabet = "BCDEFGHJKNPRSTUVX23456789";
  std::string code;
  for (int i = 0; i < 8; ++i) code += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
  return code;
}

// [SECTION] Impl

struct ServerStore::Impl {
  std::unique_ptr<db::Database> db;
  std::mutex faults_mu;
  Faults faults;

  explicit Impl(const std::string& url) : db(db::open(url, store_schema(db::redacted(url)))) {}

  Faults current_faults() {
    std::lock_guard lock(faults_mu);
    return faults;
  }

  // The next revision. Only inside a write transaction: the counter's row (and on PostgreSQL the
  // writer lock) is held until commit, so revisions are handed out in commit order.
  static std::int64_t next_rev(db::Connection& c) {
    return c.one("UPDATE counter SET value = value + 1 WHERE name = 'rev' RETURNING value");
  }

  static bool centre_exists(db::Connection& c, const std::string& id) {
    return !query_rows(c, "SELECT 1 FROM centres WHERE id = ?", columns<int, 1>, id).empty();
  }
  static void require_centre(db::Connection& c, const std::string& id) {
    if (!centre_exists(c, id)) throw UsageError("there is no centre \"" + id + "\" (create-centre first)");
  }

  static void put_setting(db::Connection& c, const std::string& centre, const std::string& key,
                          const std::string& value) {
    c.run(
        "INSERT INTO settings (centre_id, key, value, rev) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (centre_id, key) DO UPDATE SET value = excluded.value, rev = excluded.rev",
        centre, key, value, next_rev(c));
  }

  // The programme row of an activity_saved event: applied when it is the last in fold order
  // of what this activity has seen (kept in the row's body as saved_key), like the kiosks' fold.
  // A losing event still touches the row's revision, so the kiosk that sent it pulls the winner.
  static void apply_activity_saved(db::Connection& c, const std::string& centre, const wire::WireEvent& e,
                                   const core::ev::ActivitySaved& b) {
    // (hlc, device_id, id) as text: the hlc has a fixed width and device ids are UUIDs.
    const std::string key = e.hlc + "|" + e.device_id + "|" + e.id;
    std::string saved;
    for (const auto& body : query_rows(c, "SELECT body FROM activities WHERE id = ? AND centre_id = ?",
                                       columns<std::string, 1>, b.activity.id, centre)) {
      const json old = json::parse(body, nullptr, false);
      if (old.is_object()) saved = old.value("saved_key", "");
    }
    if (key <= saved) {
      c.run("UPDATE activities SET rev = ? WHERE id = ?", next_rev(c), b.activity.id);
      return;
    }
    write_activity(c, centre, b.activity, b.activity.active, key);
  }

  // A coach's PIN from a kiosk's coach_pin_changed: applied when it is the last in fold order of
  // what this coach has seen (pin_key; the command line's changes count as of the server's clock).
  // A losing change, or one for a removed coach, still touches the row's revision, so the kiosk
  // that sent it pulls the row as it stands.
  static void apply_coach_pin_changed(db::Connection& c, const std::string& centre, const wire::WireEvent& e,
                                      const core::ev::CoachPinChanged& b) {
    const std::string key = e.hlc + "|" + e.device_id + "|" + e.id;
    c.run(
        "UPDATE coaches SET pin_hash = CASE WHEN active = 1 AND pin_key < ?1 THEN ?2 ELSE pin_hash END, "
        "pin_key = CASE WHEN active = 1 AND pin_key < ?1 THEN ?1 ELSE pin_key END, rev = ?3 "
        "WHERE id = ?4 AND centre_id = ?5",
        key, b.pin_hash, next_rev(c), b.coach_id, centre);
  }

  // A coach's agreements_changed: applied to the participant's row when it is the last in fold
  // order of what the row has seen (agreements_key: a coach's event or a roster import), like an
  // activity_saved. Either way the row's revision moves, so every kiosk pulls the winner.
  static void apply_agreements_changed(db::Connection& c, const wire::WireEvent& e,
                                       const core::ev::AgreementsChanged& b) {
    const std::string key = e.hlc + "|" + e.device_id + "|" + e.id;
    if (c.run("UPDATE participants SET start_date = ?1, end_date = ?2, agreed_parts = ?3, "
              "talk_every_days = ?4, agreed_minutes = ?5, show_agreed = ?6, photo_consent = ?7, "
              "agreements_key = ?8, rev = ?9 WHERE id = ?10 AND agreements_key < ?8",
              b.start_date, b.end_date, b.agreed_parts, b.talk_every_days, b.agreed_minutes, b.show_agreed_hours,
              b.photo_consent, key, next_rev(c), e.participant_id) > 0)
      return;
    c.run("UPDATE participants SET rev = ? WHERE id = ?", next_rev(c), e.participant_id);
  }

  // A participant's language_chosen: their row's language when no language_chosen later in fold
  // order is stored already (the event itself is stored before this runs). A roster import with a
  // language column sets the language again, as the municipality's file says. The row's revision
  // moves either way, so every kiosk pulls the winner.
  static void apply_language_chosen(db::Connection& c, const wire::WireEvent& e, const core::ev::LanguageChosen& b) {
    const std::string key = e.hlc + "|" + e.device_id + "|" + e.id;
    const bool later_stored =
        !c.rows(
              "SELECT 1 FROM events WHERE participant_id = ? AND type = ? AND hlc || '|' || device_id || '|' || id > ?",
              e.participant_id, std::string(core::ev::LanguageChosen::kName), key)
             .empty();
    if (later_stored) c.run("UPDATE participants SET rev = ? WHERE id = ?", next_rev(c), e.participant_id);
    else c.run("UPDATE participants SET language = ?, rev = ? WHERE id = ?", b.language, next_rev(c), e.participant_id);
  }

  // The participant as stored (any centre), for an import that keeps the columns a file leaves out.
  static std::optional<core::Participant> stored_participant(db::Connection& c, const std::string& id);

  static void write_activity(db::Connection& c, const std::string& centre, const core::Activity& a, bool active,
                             const std::string& saved_key) {
    const json body{{"title", a.title},
                    {"icon", a.icon},
                    {"weekday", a.weekday},
                    {"date", a.date},
                    {"dagdeel", core::dagdeel_key(a.dagdeel)},
                    {"start", a.start},
                    {"end", a.end},
                    {"place", a.place},
                    {"leader", a.leader},
                    {"capacity", a.capacity},
                    {"volunteer_work", a.volunteer_work},
                    {"saved_key", saved_key}};
    if (c.run("INSERT INTO activities (id, centre_id, body, active, rev) VALUES (?, ?, ?, ?, ?) "
              "ON CONFLICT (id) DO UPDATE SET body = excluded.body, active = excluded.active, "
              "rev = excluded.rev WHERE activities.centre_id = excluded.centre_id",
              a.id, centre, body.dump(-1, ' ', false, json::error_handler_t::replace), active, next_rev(c)) == 0)
      throw UsageError("the activity id \"" + a.id + "\" belongs to another centre");
  }

  static void upsert_participant(db::Connection& c, const std::string& centre, const core::Participant& p,
                                 const std::string& pin_hash, bool keep_pin_if_empty) {
    c.run(
        "INSERT INTO participants (id, centre_id, first_name, last_name, card_code, pin_hash, language, mandatory, "
        "coach_id, active, rev, start_date, end_date, agreed_parts, talk_every_days, agreed_minutes, show_agreed, "
        "photo_consent) VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''), ?6, ?7, ?8, ?9, 1, ?10, ?12, ?13, ?14, ?15, ?16, "
        "?17, ?18) ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, "
        "card_code = excluded.card_code, pin_hash = CASE WHEN ?11 = 1 AND excluded.pin_hash = '' "
        "THEN participants.pin_hash ELSE excluded.pin_hash END, language = excluded.language, "
        "mandatory = excluded.mandatory, coach_id = excluded.coach_id, active = 1, rev = excluded.rev, "
        "start_date = excluded.start_date, end_date = excluded.end_date, agreed_parts = excluded.agreed_parts, "
        "talk_every_days = excluded.talk_every_days, agreed_minutes = excluded.agreed_minutes, "
        "show_agreed = excluded.show_agreed, photo_consent = excluded.photo_consent",
        p.id, centre, p.first_name, p.last_name, p.card_code, pin_hash, p.language, p.mandatory, p.coach_id,
        next_rev(c), keep_pin_if_empty, p.start_date, p.end_date, static_cast<std::int64_t>(p.agreed_parts),
        p.talk_every_days, p.agreed_minutes_per_week, p.show_agreed_hours, p.photo_consent);
  }
};

ServerStore::ServerStore(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}
ServerStore::~ServerStore() = default;

std::unique_ptr<ServerStore> ServerStore::open(const std::string& url) {
  if (sodium_init() < 0) throw ServerError("libsodium could not be initialised");
  try {
    return std::unique_ptr<ServerStore>(new ServerStore(std::make_unique<Impl>(url)));
  } catch (const db::Error& e) {
    throw ServerError(e.what());
  }
}

void ServerStore::set_faults(const Faults& f) {
  std::lock_guard lock(m->faults_mu);
  m->faults = f;
}

// [SECTION] Administration

void ServerStore::create_centre(const std::string& id, const std::string& name, TimeMs now) {
  if (id.empty() || id.size() > 64 || id.find_first_of(" /?&#\"'") != std::string::npos)
    throw UsageError("a centre id is 1-64 characters without spaces or / ? & # quotes, got \"" + id + "\"");
  if (name.empty()) throw UsageError("the centre needs a name");
  guarded("creating a centre", [&] {
    auto conn = m->db->connect();
    db::Transaction tx(*conn, db::Mode::Write);
    if (conn->run("INSERT INTO centres (id, name, created_ms) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING", id, name,
                  now) == 0)
      throw UsageError("the centre \"" + id + "\" exists already");
    Impl::put_setting(*conn, id, "centre_name", name);
    tx.commit();
  });
}

bool ServerStore::centre_exists(const std::string& id) const {
  return guarded("reading centres", [&] { return Impl::centre_exists(*m->db->connect(db::Use::Read), id); });
}

std::vector<std::pair<std::string, std::string>> ServerStore::centres() const {
  return guarded("reading centres", [&] {
    auto conn = m->db->connect(db::Use::Read);
    return query_rows(*conn, "SELECT id, name FROM centres ORDER BY id",
                      columns<std::pair<std::string, std::string>, 2>);
  });
}

EnrolCode ServerStore::enrol_kiosk(const std::string& centre, const std::string& name, TimeMs now, TimeMs valid_ms,
                                   const std::string& replaces) {
  return enrol_kiosks(centre, {name}, now, valid_ms, replaces).front();
}

std::vector<EnrolCode> ServerStore::enrol_kiosks(const std::string& centre, const std::vector<std::string>& names,
                                                 TimeMs now, TimeMs valid_ms, const std::string& replaces) {
  return guarded("enrolling kiosks", [&] {
    auto conn = m->db->connect();
    db::Transaction tx(*conn, db::Mode::Write);
    Impl::require_centre(*conn, centre);
    if (!replaces.empty() && names.size() != 1) throw UsageError("--replace makes one code, for one kiosk");
    if (!replaces.empty() &&
        conn->rows("SELECT 1 FROM kiosks WHERE id = ? AND centre_id = ?", replaces, centre).empty())
      throw UsageError("there is no kiosk \"" + replaces + "\" at the centre \"" + centre + "\" to replace");
    std::vector<EnrolCode> codes;
    for (const auto& name : names) {
      EnrolCode c;
      core::RandomBytes r;
      randombytes_buf(r.data(), r.size());
      c.kiosk_id = core::make_uuid_v7(now, r);
      c.code = new_enrol_code();
      c.expires = now + valid_ms;
      c.name = name.empty() ? "kiosk" : name;
      // 32^8 codes: a clash with a waiting code is rare; the UNIQUE index refuses it, and then
      // the whole batch, so draw again rather than fail a roll-out of hundreds.
      while (!conn->rows("SELECT 1 FROM kiosks WHERE code_hash = ?", token_hash(c.code)).empty())
        c.code = new_enrol_code();
      conn->run(
          "INSERT INTO kiosks (id, centre_id, name, code_hash, code_expires_ms, replaces) VALUES (?, ?, ?, ?, ?, ?)",
          c.kiosk_id, centre, c.name, token_hash(c.code), c.expires, replaces);
      codes.push_back(std::move(c));
    }
    tx.commit();
    return codes;
  });
}

void ServerStore::revoke_kiosk(const std::string& kiosk_id) {
  guarded("revoking a kiosk", [&] {
    auto conn = m->db->connect();
    if (conn->run("UPDATE kiosks SET revoked = 1 WHERE id = ?", kiosk_id) == 0)
      throw UsageError("there is no kiosk \"" + kiosk_id + "\"");
  });
}

void ServerStore::add_coach(const std::string& centre, const core::Coach& c, const std::string& pin_hash, TimeMs now) {
  if (c.id.empty() || c.name.empty()) throw UsageError("a coach needs an id and a name");
  if (const std::string why = core::check::id(c.id, "coach id"); !why.empty()) throw UsageError(why);
  if (const std::string why = core::check::pin_hash(pin_hash); !why.empty()) throw UsageError(why);
  guarded("saving a coach", [&] {
    auto conn = m->db->connect();
    db::Transaction tx(*conn, db::Mode::Write);
    Impl::require_centre(*conn, centre);
    // As of the server's clock, like put_activity ("server" sorts after the kiosks' device ids).
    const std::string key = core::hlc_to_string(core::Hlc{now, 0}) + "|server";
    if (conn->run("INSERT INTO coaches (id, centre_id, name, active, rev, pin_hash, pin_key) "
                  "VALUES (?, ?, ?, 1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                  "active = 1, rev = excluded.rev, pin_hash = excluded.pin_hash, pin_key = excluded.pin_key "
                  "WHERE coaches.centre_id = excluded.centre_id",
                  c.id, centre, c.name, Impl::next_rev(*conn), pin_hash, key) == 0)
      throw UsageError("the coach id \"" + c.id + "\" belongs to another centre");
    tx.commit();
  });
}

void ServerStore::remove_coach(const std::string& centre, const std::string& coach_id) {
  guarded("removing a coach", [&] {
    auto conn = m->db->connect();
    db::Transaction tx(*conn, db::Mode::Write);
    Impl::require_centre(*conn, centre);
    // The hash goes too: a removed coach's PIN is no longer handed to anyone.
    if (conn->run("UPDATE coaches SET active = 0, pin_hash = '', rev = ? WHERE id = ? AND centre_id = ?",
                  Impl::next_rev(*conn), coach_id, centre) == 0)
      throw UsageError("there is no coach \"" + coach_id + "\" at the centre \"" + centre + "\"");
    tx.commit();
  });
}

std::vector<std::pair<std::string, std::string>> ServerStore::coach_pins(const std::string& centre) const {
  return guarded("reading coaches", [&] {
    auto conn = m->db->connect(db::Use::Read);
    return query_rows(*conn, "SELECT id, pin_hash FROM coaches WHERE centre_id = ? AND active = 1 ORDER BY id",
                      columns<std::pair<std::string, std::string>, 2>, centre);
  });
}

void ServerStore::put_activity(const std::string& centre, const core::Activity& a, bool active, TimeMs now) {
  guarded("saving an activity", [&] {
    auto conn = m->db->connect();
    db::Transaction tx(*conn, db::Mode::Write);
    Impl::require_centre(*conn, centre);
    // An edit on the command line takes part in "the last one wins" as of the server's clock
    // ("server" sorts after the kiosks' device ids when the stamps are equal).
    const std::string key = now > 0 ? core::hlc_to_string(core::Hlc{now, 0}) + "|server" : std::string();
    Impl::write_activity(*conn, centre, a, active, key);
    tx.commit();
  });
}

void ServerStore::set_setting(const std::string& centre, const std::string& key, const std::string& value) {
  guarded("saving a setting", [&] {
    auto conn = m->db->connect();
    db::Transaction tx(*conn, db::Mode::Write);
    Impl::require_centre(*conn, centre);
    Impl::put_setting(*conn, centre, key, value);
    tx.commit();
  });
}

namespace {

// The row as the file gives it, with a known participant's current values where the file has no column.
core::Participant merged(const RosterRow& r, const core::Participant& now) {
  core::Participant p = r.p;
  if (!r.has("card_code")) p.card_code = now.card_code;
  if (!r.has("language")) p.language = now.language;
  if (!r.has("mandatory")) p.mandatory = now.mandatory;
  if (!r.has("coach_id")) p.coach_id = now.coach_id;
  if (!r.has("start_date")) p.start_date = now.start_date;
  if (!r.has("end_date")) p.end_date = now.end_date;
  if (!r.has("agreed_dagdelen")) p.agreed_parts = now.agreed_parts;
  if (!r.has("talk_every")) p.talk_every_days = now.talk_every_days;
  if (!r.has("agreed_hours")) p.agreed_minutes_per_week = now.agreed_minutes_per_week;
  if (!r.has("show_agreed_hours")) p.show_agreed_hours = now.show_agreed_hours;
  if (!r.has("photo_consent")) p.photo_consent = now.photo_consent;
  return p;
}

bool has_agreements(const RosterRow& r) {
  for (const auto& c : kAgreementColumns)
    if (r.has(c)) return true;
  return false;
}

}  // namespace

ServerStore::ImportCounts ServerStore::import_roster(const std::string& centre, const std::vector<RosterRow>& rows,
                                                     std::string (*pin_hash)(const std::string&), TimeMs now) {
  // Hash outside the lock: argon2id takes a while per PIN.
  std::vector<std::string> hashes;
  hashes.reserve(rows.size());
  for (const auto& r : rows) hashes.push_back(r.pin.empty() ? std::string() : pin_hash(r.pin));
  return guarded("importing the roster", [&] {
    auto conn = m->db->connect();
    db::Transaction tx(*conn, db::Mode::Write);
    Impl::require_centre(*conn, centre);
    ImportCounts n;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      const auto owners =
          query_rows(*conn, "SELECT centre_id FROM participants WHERE id = ?", columns<std::string, 1>, r.p.id);
      const bool exists = !owners.empty();
      if (exists && owners.front() != centre)
        throw UsageError("line " + std::to_string(r.line) + ": participant " + r.p.id + " belongs to another centre");
      seen.insert(r.p.id);
      const auto current = exists ? Impl::stored_participant(*conn, r.p.id) : std::nullopt;
      Impl::upsert_participant(*conn, centre, current ? merged(r, *current) : r.p, hashes[i], true);
      if (now > 0 && has_agreements(r)) {
        // As of the server's clock, like put_activity: a coach's later change wins, an earlier one loses.
        conn->run("UPDATE participants SET agreements_key = ? WHERE id = ?",
                  core::hlc_to_string(core::Hlc{now, 0}) + "|server", r.p.id);
      }
      (exists ? n.updated : n.added)++;
    }
    for (const auto& id : query_rows(*conn, "SELECT id FROM participants WHERE centre_id = ? AND active = 1",
                                     columns<std::string, 1>, centre)) {
      if (seen.count(id)) continue;
      conn->run("UPDATE participants SET active = 0, card_code = NULL, rev = ? WHERE id = ?", Impl::next_rev(*conn),
                id);
      ++n.deactivated;
    }
    // Two rows with one card: refuse (after the upserts, so moved cards between rows are fine).
    const auto dup = query_rows(*conn,
                                "SELECT card_code FROM participants WHERE centre_id = ? AND active = 1 AND "
                                "card_code IS NOT NULL GROUP BY card_code HAVING COUNT(*) > 1 LIMIT 1",
                                columns<std::string, 1>, centre);
    if (!dup.empty()) throw UsageError("the card code " + dup.front() + " is on two participants");
    tx.commit();
    return n;
  });
}

void ServerStore::put_participants(const std::string& centre, const std::vector<core::Participant>& ps,
                                   const std::string& pin_hash) {
  guarded("saving participants", [&] {
    auto conn = m->db->connect();
    db::Transaction tx(*conn, db::Mode::Write);
    Impl::require_centre(*conn, centre);
    for (const auto& p : ps) Impl::upsert_participant(*conn, centre, p, pin_hash, false);
    tx.commit();
  });
}

std::string ServerStore::add_reader(const std::string& name, const std::string& centre) {
  return guarded("adding a reader", [&] {
    auto conn = m->db->connect();
    if (!centre.empty()) Impl::require_centre(*conn, centre);
    const std::string token = new_token();
    conn->run("INSERT INTO readers (id, name, centre_id, token_hash) VALUES (?, ?, ?, ?)",
              token_hash(token).substr(0, 16), name, centre, token_hash(token));
    return token;
  });
}

std::vector<std::pair<std::string, std::string>> ServerStore::assign_card_codes(const std::string& centre,
                                                                                const std::vector<std::string>& ids) {
  return guarded("assigning card codes", [&] {
    auto conn = m->db->connect();
    db::Transaction tx(*conn, db::Mode::Write);
    Impl::require_centre(*conn, centre);
    std::vector<std::pair<std::string, std::string>> given;
    for (const auto& id : ids) {
      std::string code = new_card_code();
      // 25^8 codes: a clash is rare, but one would let a card check in the wrong person.
      for (int tries = 0; !conn->rows("SELECT 1 FROM participants WHERE card_code = ?", code).empty(); ++tries) {
        if (tries == 20) throw ServerError("no unused card code found");
        code = new_card_code();
      }
      if (conn->run("UPDATE participants SET card_code = ?, rev = ? WHERE id = ? AND centre_id = ? AND "
                    "active = 1 AND COALESCE(card_code, '') = ''",
                    code, Impl::next_rev(*conn), id, centre) == 1)
        given.emplace_back(id, code);
    }
    tx.commit();
    return given;
  });
}

std::vector<KioskInfo> ServerStore::kiosks(const std::string& centre) const {
  return guarded("reading kiosks", [&] {
    auto conn = m->db->connect(db::Use::Read);
    return query_rows(
        *conn,
        "SELECT k.id, k.centre_id, k.name, COALESCE(k.device_id, ''), CASE WHEN k.token_hash IS NULL THEN 0 ELSE 1 "
        "END, "
        "k.revoked, k.last_seq, "
        "(SELECT COUNT(*) FROM events e WHERE e.kiosk_id = k.id), k.gaps, k.seq_reused, COALESCE(k.last_seen_ms, 0) "
        "FROM kiosks k WHERE ?1 = '' OR k.centre_id = ?1 ORDER BY k.centre_id, k.name",
        read_kiosk, centre);
  });
}

// [SECTION] Tokens

std::optional<wire::EnrolAnswer> ServerStore::enrol(const wire::EnrolRequest& r, TimeMs now, std::string& why,
                                                    bool* device_taken) {
  if (device_taken) *device_taken = false;
  if (!core::is_uuid(r.device_id)) {
    why = "device_id must be the kiosk's UUID";
    return std::nullopt;
  }
  return guarded("enrolling", [&]() -> std::optional<wire::EnrolAnswer> {
    auto conn = m->db->connect();
    db::Transaction tx(*conn, db::Mode::Write);
    std::string code;
    for (char ch : r.code)
      if (ch != '-' && ch != ' ') code += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    const auto found = conn->rows(
        "SELECT k.id, k.centre_id, c.name, k.code_expires_ms, CASE WHEN k.token_hash IS NULL THEN 0 ELSE 1 END, "
        "COALESCE(k.device_id, ''), k.replaces FROM kiosks k JOIN centres c ON c.id = k.centre_id "
        "WHERE k.code_hash = ? AND k.revoked = 0",
        token_hash(code));
    if (found.empty()) {
      why = "unknown or already used enrolment code";
      return std::nullopt;
    }
    const db::Row& st = found.front();
    wire::EnrolAnswer a;
    a.kiosk_id = st.text(0);
    a.centre_id = st.text(1);
    a.centre_name = st.text(2);
    if (st.integer(3) < now) {
      why = "the enrolment code has expired; make a new one with meedoen-server enrol-kiosk";
      return std::nullopt;
    }
    // Used already: only the same device may use it again while it is valid (its first answer
    // may have been lost on the way); it then gets a new token and the old one stops working.
    if (st.flag(4) && st.text(5) != r.device_id) {
      why = "unknown or already used enrolment code";
      return std::nullopt;
    }
    // One device id, one live kiosk: another kiosk that holds it keeps it, unless this code was
    // made to replace that kiosk, which then stops (its token with it).
    const std::string replaces = st.text(6);
    for (const auto& [id, name] :
         query_rows(*conn,
                    "SELECT id, name FROM kiosks WHERE device_id = ? AND id <> ? AND revoked = 0 AND "
                    "token_hash IS NOT NULL",
                    columns<std::pair<std::string, std::string>, 2>, r.device_id, a.kiosk_id)) {
      if (id == replaces) continue;
      why = "the device " + r.device_id + " is enrolled already as kiosk \"" + name + "\" (" + id +
            "); to move it here, make a code with meedoen-server enrol-kiosk --replace " + id + ", or revoke-kiosk " +
            id + " first";
      if (device_taken) *device_taken = true;
      return std::nullopt;
    }
    if (!replaces.empty()) conn->run("UPDATE kiosks SET revoked = 1 WHERE id = ?", replaces);
    a.token = new_token();
    a.server_time = now;
    // The device's journal goes on where it was: its seqs continue from its highest one here.
    const std::int64_t device_seq = conn->one(
        "SELECT COALESCE(MAX(last_seq), 0) FROM kiosks WHERE device_id = ? OR id = ?", r.device_id, a.kiosk_id);
    conn->run("UPDATE kiosks SET token_hash = ?, device_id = ?, enrolled_ms = ?, last_seq = ? WHERE id = ?",
              token_hash(a.token), r.device_id, now, device_seq, a.kiosk_id);
    tx.commit();
    return a;
  });
}

std::optional<KioskAuth> ServerStore::kiosk_for_token(const std::string& token, std::string& why) {
  return guarded("checking a token", [&]() -> std::optional<KioskAuth> {
    auto conn = m->db->connect(db::Use::Read);
    // Read from the database on every request, never cached: a kiosk revoked or enrolled again
    // through another server process is refused here at once.
    const auto found =
        conn->rows("SELECT id, centre_id, device_id, revoked FROM kiosks WHERE token_hash = ?", token_hash(token));
    if (found.empty()) {
      why = "unknown device token";
      return std::nullopt;
    }
    if (found.front().flag(3)) {
      why = "token_revoked: this kiosk was revoked; enrol it again";
      return std::nullopt;
    }
    return found.front().as<KioskAuth, 3>();
  });
}

std::optional<ReaderAuth> ServerStore::reader_for_token(const std::string& token) const {
  return guarded("checking a token", [&]() -> std::optional<ReaderAuth> {
    auto conn = m->db->connect(db::Use::Read);
    auto readers = query_rows(*conn, "SELECT id, centre_id FROM readers WHERE token_hash = ?", columns<ReaderAuth, 2>,
                              token_hash(token));
    if (readers.empty()) return std::nullopt;
    return std::move(readers.front());
  });
}

// [SECTION] Push

namespace {

// The events table's flag of an event whose stamp was far ahead of the server's clock when it
// arrived (on the wire: "clock_off": true).
constexpr const char* kClockOffFlag = "clock_ahead";
bool flagged_clock_off(const std::string& flags) { return flags.find(kClockOffFlag) != std::string::npos; }

// The date an event is filed under: its body's own `date` field as the codec read it ("" for a
// type without one). Never searched for in the payload's text: an extra key must not move it.
std::string body_date(const core::EventBody& body) {
  return std::visit(
      [](const auto& b) -> std::string {
        if constexpr (requires { b.date; }) return b.date;
        else return {};
      },
      body);
}

// Why an event cannot be stored, "" when it can; body is its payload as the folds read it, date
// the day it is filed under. participant_known answers for this centre. Every fact comes from a
// parsed field.
template <class Known>
std::string check_event(const wire::WireEvent& e, const KioskAuth& k, core::EventBody& body, std::string& date,
                        Known&& participant_known) {
  date.clear();
  if (!core::is_uuid(e.id)) return "id is not a UUID";
  if (e.device_id != k.device_id) return "device_id " + e.device_id + " is not this kiosk's";
  if (e.seq < 1) return "seq must be 1 or more";
  core::Hlc h;
  if (!core::hlc_parse(e.hlc, h)) return "hlc is malformed";
  if (std::string why = wire::event_time_problem("wall_ms", e.wall_ms); !why.empty()) return why;
  if (std::string why = wire::event_time_problem("hlc", h.wall); !why.empty()) return why;
  if (!kKnownTypes.count(e.type)) return "unknown event type \"" + e.type + "\"";
  // The journal's own reading of the payload (wire/event_codec) and its checks (core::validate):
  // the server accepts exactly what the kiosks' folds can read.
  std::string error;
  body = wire::decode_payload(e.type, e.payload, e.wall_ms, &error);
  if (!error.empty()) return "payload: " + error;
  if (std::string why = core::validate(body); !why.empty()) return "payload: " + why;
  if (std::string why = wire::payload_time_problem(body); !why.empty()) return "payload: " + why;
  if (kCentreWideTypes.count(e.type)) return "";  // an activity's "date" is its one-off day, not when it happened
  date = body_date(body);
  if (e.participant_id.empty()) return "participant_id is missing";
  if (!participant_known(e.participant_id)) return "unknown participant " + e.participant_id + " at this centre";
  return "";
}

// The columns that make an event what it is; a second push of its id must carry the same.
#define EVENT_CONTENT_COLUMNS "centre_id, device_id, seq, wall_ms, hlc, type, participant_id, payload"

// Why a stored event (its EVENT_CONTENT_COLUMNS) is not the one pushed with its id, "" when it is.
std::string content_differs(const db::Row& st, const wire::WireEvent& e, const KioskAuth& k) {
  if (st.text(0) != k.centre_id) return "another centre";
  if (st.text(1) != e.device_id) return "another device";
  const std::pair<const char*, bool> fields[] = {{"seq", st.integer(2) != e.seq},
                                                 {"wall_ms", st.integer(3) != e.wall_ms},
                                                 {"hlc", st.text(4) != e.hlc},
                                                 {"type", st.text(5) != e.type},
                                                 {"participant_id", st.text(6) != e.participant_id},
                                                 {"payload", st.text(7) != e.payload}};
  for (const auto& [name, differs] : fields)
    if (differs) return std::string("another ") + name;
  return "";
}

// One push, inside its write transaction: what every event of the batch needs, and what the
// kiosk's row records at the end (its last seq, gaps and reused seqs).
class PushBatch {
 public:
  // Reserves one revision per event first: the counter's row is then held (with the writer lock
  // on PostgreSQL) until commit, and the kiosk's last seq is read after any push before it committed.
  PushBatch(db::Connection& c, const KioskAuth& k, TimeMs now, std::size_t events) : m_c(c), m_kiosk(k), m_now(now) {
    const auto n = static_cast<std::int64_t>(events);
    m_next_rev =
        static_cast<std::int64_t>(c.one("UPDATE counter SET value = value + ? WHERE name = 'rev' RETURNING value", n)) -
        n + 1;
    const auto seq = query_rows(c, "SELECT last_seq FROM kiosks WHERE id = ?", columns<std::int64_t, 1>, k.kiosk_id);
    if (seq.empty()) throw ServerError("the kiosk " + k.kiosk_id + " is not known");
    m_last_seq = seq.front();
  }

  // A refusal this id had before, if any: the same answer again, whatever the body is now (a
  // rejected id stays rejected). Another kiosk's refused id is a conflict, not its reason.
  std::optional<wire::PushResult> known_refusal(const wire::WireEvent& e) {
    const auto first = query_rows(m_c, "SELECT kiosk_id, reason FROM rejections WHERE id = ?",
                                  columns<std::pair<std::string, std::string>, 2>, e.id);
    if (first.empty()) return std::nullopt;
    if (first.front().first != m_kiosk.kiosk_id)
      return wire::PushResult{e.id, wire::PushStatus::Conflict, "another kiosk's event had this id", false};
    return wire::PushResult{e.id, wire::PushStatus::Rejected, first.front().second, false};
  }

  // Why the event cannot be stored, "" when it can; date is the day it is filed under, body its
  // payload as the folds read it.
  std::string check(const wire::WireEvent& e, std::string& date, core::EventBody& body) {
    std::string why =
        check_event(e, m_kiosk, body, date, [&](const std::string& pid) { return participant_known(pid); });
    if (why.empty() && e.seq > m_last_seq + wire::kMaxSeqAhead)
      why = "seq " + std::to_string(e.seq) + " is more than " + std::to_string(wire::kMaxSeqAhead) +
            " ahead of this kiosk's last seq " + std::to_string(m_last_seq);
    if (!why.empty()) return why;
    if (const auto* saved = std::get_if<core::ev::ActivitySaved>(&body)) {
      const auto& act = saved->activity;
      if (!m_c.rows("SELECT 1 FROM activities WHERE id = ? AND centre_id <> ?", act.id, m_kiosk.centre_id).empty())
        return "activity " + act.id + " belongs to another centre";
    } else if (const auto* pin = std::get_if<core::ev::CoachPinChanged>(&body)) {
      if (m_c.rows("SELECT 1 FROM coaches WHERE id = ? AND centre_id = ?", pin->coach_id, m_kiosk.centre_id).empty())
        return "unknown coach " + pin->coach_id + " at this centre";
    }
    return "";
  }

  // Refuses the event and remembers it, so the same id gets the same answer again. An id the
  // server has stored is answered by what it stored instead (a rejection must never shadow it).
  wire::PushResult refuse(const wire::WireEvent& e, const std::string& why) {
    if (auto known = already_stored(e)) return *known;
    if (core::is_uuid(e.id)) {
      std::string body;
      wire::append_event_json(body, e);
      m_c.run(
          "INSERT INTO rejections (id, kiosk_id, reason, received_ms, body) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT (id) DO NOTHING",
          e.id, m_kiosk.kiosk_id, why, m_now, body);
    }
    return {e.id, wire::PushStatus::Rejected, why, false};
  }

  // Duplicate (the same content) or Conflict (what differs) when the id is stored, else nullopt.
  std::optional<wire::PushResult> already_stored(const wire::WireEvent& e) {
    const auto stored = m_c.rows("SELECT " EVENT_CONTENT_COLUMNS " FROM events WHERE id = ?", e.id);
    if (stored.empty()) return std::nullopt;
    const std::string differs = content_differs(stored.front(), e, m_kiosk);
    if (differs.empty()) return wire::PushResult{e.id, wire::PushStatus::Duplicate, "", false};
    return wire::PushResult{e.id, wire::PushStatus::Conflict,
                            "the server has another event with this id (" + differs + "); not stored", false};
  }

  // Whether the event's stamp (its wall clock or its hlc) is further ahead of the server's clock
  // than any kiosk's HLC may run (core::kMaxClockDrift): kept, flagged, and folded on the server
  // as of its arrival (fold_stamp).
  bool clock_off(const wire::WireEvent& e) const {
    core::Hlc h;
    core::hlc_parse(e.hlc, h);
    return std::max(e.wall_ms, h.wall) > m_now + wire::kClockSkewLimit;
  }

  // Stores the event: Stored, or for an id the server has, Duplicate (same content) or Conflict
  // (reason: what differs). Gaps and reused seqs become warnings.
  wire::PushResult store(const wire::WireEvent& e, const std::string& date, std::vector<std::string>& warnings) {
    wire::PushResult res{e.id, wire::PushStatus::Stored, "", clock_off(e)};
    // ON CONFLICT DO NOTHING: an id we have is found by the insert itself (one index probe
    // instead of a lookup and then an insert). It leaves its revision unused.
    if (m_c.run("INSERT INTO events (rev, id, centre_id, kiosk_id, device_id, seq, wall_ms, hlc, type, participant_id, "
                "date, payload, received_ms, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO NOTHING",
                m_next_rev++, e.id, m_kiosk.centre_id, m_kiosk.kiosk_id, e.device_id, e.seq, e.wall_ms, e.hlc, e.type,
                e.participant_id, date, e.payload, m_now, res.clock_off ? kClockOffFlag : "") == 0) {
      if (auto known = already_stored(e)) return *known;
      throw ServerError("event " + e.id + " was neither stored nor found");
    }
    if (e.seq > m_last_seq + 1) {
      warnings.push_back("gap: expected seq " + std::to_string(m_last_seq + 1) + ", got " + std::to_string(e.seq));
      ++m_gaps;
    } else if (e.seq <= m_last_seq &&
               !m_c.rows("SELECT 1 FROM events WHERE device_id = ? AND seq = ? AND id <> ?", e.device_id, e.seq, e.id)
                    .empty()) {
      warnings.push_back("seq_reused: seq " + std::to_string(e.seq) +
                         " was another event (a restored or recreated kiosk database)");
      ++m_reused;
    }
    m_last_seq = std::max(m_last_seq, e.seq);
    ++m_inserted;
    return res;
  }

  int inserted() const { return m_inserted; }

  // Records on the kiosk's row what this batch told; returns the kiosk's last seq.
  std::int64_t finish() {
    m_c.run(
        "UPDATE kiosks SET last_seq = ?, gaps = gaps + ?, seq_reused = seq_reused + ?, last_seen_ms = ? "
        "WHERE id = ?",
        m_last_seq, m_gaps, m_reused, m_now, m_kiosk.kiosk_id);
    return m_last_seq;
  }

 private:
  bool participant_known(const std::string& pid) {  // per batch: one lookup per participant
    auto it = m_roster.find(pid);
    if (it != m_roster.end()) return it->second;
    return m_roster[pid] =
               !m_c.rows("SELECT 1 FROM participants WHERE id = ? AND centre_id = ?", pid, m_kiosk.centre_id).empty();
  }

  db::Connection& m_c;
  const KioskAuth& m_kiosk;
  TimeMs m_now;
  std::unordered_map<std::string, bool> m_roster;  // participant -> of this centre (this batch only)
  std::int64_t m_next_rev = 0, m_last_seq = 0, m_gaps = 0, m_reused = 0;
  int m_inserted = 0;
};

}  // namespace

std::string fold_stamp(const std::string& hlc, bool clock_off, TimeMs received) {
  core::Hlc h;
  if (!clock_off || !core::hlc_parse(hlc, h)) return hlc;
  return core::hlc_to_string(std::min(h, core::Hlc{received, 0}));
}

wire::PushAnswer ServerStore::push(const KioskAuth& k, const wire::PushRequest& r, TimeMs now) {
  const Faults faults = m->current_faults();
  return guarded("storing events", [&] {
    auto conn = m->db->connect();
    wire::PushAnswer a;
    a.server_time = now;
    db::Transaction tx(*conn, db::Mode::Write);
    PushBatch batch(*conn, k, now, r.events.size());
    std::string date;
    for (const auto& e : r.events) {
      core::EventBody body;
      if (auto refused = batch.known_refusal(e)) {
        a.results.push_back(std::move(*refused));
        continue;
      }
      if (const std::string why = batch.check(e, date, body); !why.empty()) {
        a.results.push_back(batch.refuse(e, why));
        continue;
      }
      wire::PushResult res = batch.store(e, date, a.warnings);
      if (res.status == wire::PushStatus::Stored) {
        // The programme, coach and agreement rows compare stamps: a flagged one counts as of its arrival.
        wire::WireEvent folded = e;
        folded.hlc = fold_stamp(e.hlc, res.clock_off, now);
        if (const auto* saved = std::get_if<core::ev::ActivitySaved>(&body))
          Impl::apply_activity_saved(*conn, k.centre_id, folded, *saved);
        else if (const auto* pin = std::get_if<core::ev::CoachPinChanged>(&body))
          Impl::apply_coach_pin_changed(*conn, k.centre_id, folded, *pin);
        else if (const auto* agreed = std::get_if<core::ev::AgreementsChanged>(&body))
          Impl::apply_agreements_changed(*conn, folded, *agreed);
        else if (const auto* lang = std::get_if<core::ev::LanguageChosen>(&body))
          Impl::apply_language_chosen(*conn, folded, *lang);
        if (faults.fail_after_events > 0 && batch.inserted() >= faults.fail_after_events)
          throw ServerError("injected fault: the database failed in the middle of a batch");
      }
      a.results.push_back(std::move(res));
    }
    a.last_seq = batch.finish();
    if (faults.push_delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(faults.push_delay_ms));
    tx.commit();
    return a;
  });
}

// [SECTION] Pull

namespace {

bool parse_cursor(const std::string& c, std::int64_t& r, std::int64_t& e) {
  r = e = 0;
  if (c.empty()) return true;
  long long a = 0, b = 0;
  char tail = 0;
  if (std::sscanf(c.c_str(), "r%lld.e%lld%c", &a, &b, &tail) != 2 || a < 0 || b < 0) return false;
  r = a;
  e = b;
  return true;
}

// The columns of a wire::WireEvent, in the order of its members (getColumns<wire::WireEvent, 8>).
#define WIRE_EVENT_COLUMNS "id, device_id, seq, wall_ms, hlc, type, participant_id, payload"
// The columns of the participant rows both kiosks and reports read, in core::Participant's order.
#define PARTICIPANT_COLUMNS                                                                                          \
  "id, first_name, last_name, COALESCE(card_code, ''), language, mandatory, coach_id, agreed_minutes, show_agreed, " \
  "photo_consent, start_date, end_date, talk_every_days, agreed_parts"
constexpr int kParticipantColumns = 14;

core::Participant read_participant(const db::Row& st) {
  core::Participant p;
  p.id = st.text(0);
  p.first_name = st.text(1);
  p.last_name = st.text(2);
  p.card_code = st.text(3);
  p.language = st.text(4);
  p.mandatory = st.flag(5);
  p.coach_id = st.text(6);
  p.agreed_minutes_per_week = static_cast<int>(st.integer(7));
  p.show_agreed_hours = st.flag(8);
  p.photo_consent = st.flag(9);
  p.start_date = st.text(10);
  p.end_date = st.text(11);
  p.talk_every_days = static_cast<int>(st.integer(12));
  p.agreed_parts = static_cast<std::uint32_t>(st.integer(13));
  return p;
}

}  // namespace

std::optional<core::Participant> ServerStore::Impl::stored_participant(db::Connection& c, const std::string& id) {
  auto found = query_rows(c, "SELECT " PARTICIPANT_COLUMNS " FROM participants WHERE id = ?", read_participant, id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

namespace {

wire::WireParticipant read_wire_participant(const db::Row& st) {
  return {read_participant(st), st.text(kParticipantColumns), st.flag(kParticipantColumns + 1)};
}

wire::WireCoach read_wire_coach(const db::Row& st) { return {{st.text(0), st.text(1)}, st.flag(2), st.text(3)}; }

wire::WireActivity read_wire_activity(const db::Row& st) {
  const json b = json::parse(st.text(1), nullptr, false);
  wire::WireActivity w;
  w.a.id = st.text(0);
  w.a.title = b.value("title", "");
  w.a.icon = b.value("icon", "");
  w.a.weekday = b.value("weekday", 0);
  core::dagdeel_from_key(b.value("dagdeel", "morning"), w.a.dagdeel);
  w.a.start = b.value("start", 0);
  w.a.end = b.value("end", 0);
  w.a.place = b.value("place", "");
  w.a.leader = b.value("leader", "");
  w.a.capacity = b.value("capacity", 0);
  w.a.volunteer_work = b.value("volunteer_work", false);
  w.a.date = b.value("date", "");
  w.active = st.flag(2);
  return w;
}

template <class T>
void append(std::vector<T>& to, std::vector<T>&& rows) {
  for (auto& row : rows) to.push_back(std::move(row));
}

// A change of the roster, coaches, programme or settings: its revision, and its key in kind's table.
enum class ChangeKind { Participant, Coach, Activity, Setting };
struct Change {
  std::int64_t rev = 0;
  ChangeKind kind = ChangeKind::Participant;
  std::string key;
};

// What changed after revision r, in revision order, at most limit; more when there was more.
std::vector<Change> changes_after(db::Connection& c, const std::string& centre, std::int64_t r, int limit, bool& more) {
  const std::pair<ChangeKind, const char*> queries[] = {
      {ChangeKind::Participant,
       "SELECT rev, id FROM participants WHERE centre_id = ? AND rev > ? ORDER BY rev LIMIT ?"},
      {ChangeKind::Coach, "SELECT rev, id FROM coaches WHERE centre_id = ? AND rev > ? ORDER BY rev LIMIT ?"},
      {ChangeKind::Activity, "SELECT rev, id FROM activities WHERE centre_id = ? AND rev > ? ORDER BY rev LIMIT ?"},
      {ChangeKind::Setting, "SELECT rev, key FROM settings WHERE centre_id = ? AND rev > ? ORDER BY rev LIMIT ?"}};
  std::vector<Change> changes;
  for (const auto& [kind, sql] : queries)  // one more than fits: then we know there is more
    for (auto& [rev, key] : query_rows(c, sql, columns<std::pair<std::int64_t, std::string>, 2>, centre, r, limit + 1))
      changes.push_back({rev, kind, std::move(key)});
  std::sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.rev < b.rev; });
  more = changes.size() > static_cast<std::size_t>(limit);
  if (more) changes.resize(static_cast<std::size_t>(limit));
  return changes;
}

// Each change as its row is now (one deleted meanwhile is left out).
void add_changes(db::Connection& c, const std::string& centre, const std::vector<Change>& changes,
                 wire::PullPage& page) {
  const char* part = "SELECT " PARTICIPANT_COLUMNS ", pin_hash, active FROM participants WHERE id = ?";
  const char* coach = "SELECT id, name, active, pin_hash FROM coaches WHERE id = ?";
  const char* act = "SELECT id, body, active FROM activities WHERE id = ?";
  const char* set = "SELECT key, value FROM settings WHERE centre_id = ? AND key = ?";
  for (const auto& ch : changes) {
    switch (ch.kind) {
      case ChangeKind::Participant:
        append(page.participants, query_rows(c, part, read_wire_participant, ch.key));
        break;
      case ChangeKind::Coach: append(page.coaches, query_rows(c, coach, read_wire_coach, ch.key)); break;
      case ChangeKind::Activity: append(page.activities, query_rows(c, act, read_wire_activity, ch.key)); break;
      case ChangeKind::Setting:
        append(page.settings, query_rows(c, set, columns<std::pair<std::string, std::string>, 2>, centre, ch.key));
        break;
    }
  }
}

// Events of the centre's other kiosks after event revision e, in commit order, at most budget
// read; more when the budget ran out. Returns the event revision the page reaches.
std::int64_t add_events(db::Connection& c, const KioskAuth& k, std::int64_t e, std::int64_t max_event, int budget,
                        wire::PullPage& page, bool& more) {
  const auto rows = c.rows("SELECT " WIRE_EVENT_COLUMNS
                           ", rev, kiosk_id, flags FROM events WHERE centre_id = ? AND rev > ? ORDER BY rev LIMIT ?",
                           k.centre_id, e, budget);
  std::int64_t new_e = e;
  int n = 0;
  for (const db::Row& st : rows) {
    ++n;
    new_e = st.integer(8);
    if (st.text(9) == k.kiosk_id) continue;  // its own events it has already
    page.events.push_back(st.as<wire::WireEvent, 8>());
    page.events.back().clock_off = flagged_clock_off(st.text(10));
  }
  if (n == budget) more = true;
  else new_e = std::max(new_e, max_event);
  return new_e;
}

}  // namespace

wire::PullPage ServerStore::pull(const KioskAuth& k, const std::string& cursor, int limit, TimeMs now) {
  return guarded("reading changes", [&] {
    auto conn = m->db->connect(db::Use::Read);
    wire::PullPage page;
    page.server_time = now;
    limit = std::clamp(limit, 1, wire::kMaxPullLimit);
    // One read transaction: the page is one consistent snapshot.
    db::Transaction tx(*conn, db::Mode::Read);
    std::int64_t r = 0, e = 0;
    const std::int64_t max_rev = conn->one("SELECT value FROM counter WHERE name = 'rev'");
    const std::int64_t max_event = conn->one("SELECT COALESCE(MAX(rev), 0) FROM events");
    if (!parse_cursor(cursor, r, e) || r > max_rev || e > max_event) {
      page.reset = true;  // not ours, or the server's database was restored: start over once
      r = e = 0;
    }
    const auto names = query_rows(*conn, "SELECT name FROM centres WHERE id = ?", columns<std::string, 1>, k.centre_id);
    if (!names.empty()) page.centre_name = names.front();
    page.centre_id = k.centre_id;
    // Roster, coaches, programme and settings first, then events with what is left of the page.
    bool more = false;
    const std::vector<Change> changes = changes_after(*conn, k.centre_id, r, limit, more);
    const std::int64_t new_r = more ? changes.back().rev : max_rev;
    add_changes(*conn, k.centre_id, changes, page);
    std::int64_t new_e = e;
    const int budget = limit - static_cast<int>(changes.size());
    if (!more && budget > 0) new_e = add_events(*conn, k, e, max_event, budget, page, more);
    else if (budget <= 0) more = true;
    page.more = more;
    page.cursor = "r" + std::to_string(new_r) + ".e" + std::to_string(new_e);
    return page;
  });
}

// [SECTION] Reads for the reports

std::vector<core::Participant> ServerStore::participants(const std::string& centre, bool active_only) const {
  return guarded("reading participants", [&] {
    auto conn = m->db->connect(db::Use::Read);
    return query_rows(*conn,
                      "SELECT " PARTICIPANT_COLUMNS
                      " FROM participants WHERE centre_id = ? "
                      "AND (active = 1 OR ? = 0) ORDER BY last_name, first_name",
                      read_participant, centre, active_only);
  });
}

std::vector<core::Coach> ServerStore::coaches(const std::string& centre) const {
  return guarded("reading coaches", [&] {
    auto conn = m->db->connect(db::Use::Read);
    return query_rows(*conn, "SELECT id, name FROM coaches WHERE centre_id = ? AND active = 1 ORDER BY name",
                      columns<core::Coach, 2>, centre);
  });
}

std::vector<core::Activity> ServerStore::programme(const std::string& centre) const {
  return guarded("reading the programme", [&] {
    auto conn = m->db->connect(db::Use::Read);
    auto rows = query_rows(*conn, "SELECT id, body, active FROM activities WHERE centre_id = ? ORDER BY id",
                           read_wire_activity, centre);
    std::vector<core::Activity> out;
    for (auto& w : rows) {
      w.a.active = w.active;
      out.push_back(std::move(w.a));
    }
    return out;
  });
}

std::vector<std::string> ServerStore::unknown_coaches(const std::string& centre,
                                                      const std::set<std::string>& ids) const {
  return guarded("reading coaches", [&] {
    auto conn = m->db->connect(db::Use::Read);
    std::vector<std::string> out;
    for (const auto& id : ids)
      if (conn->rows("SELECT 1 FROM coaches WHERE id = ? AND centre_id = ? AND active = 1", id, centre).empty())
        out.push_back(id);
    return out;
  });
}

std::string ServerStore::centre_name(const std::string& centre) const {
  return guarded("reading centres", [&] {
    auto conn = m->db->connect(db::Use::Read);
    const auto names = query_rows(*conn, "SELECT name FROM centres WHERE id = ?", columns<std::string, 1>, centre);
    return names.empty() ? std::string() : names.front();
  });
}

std::string ServerStore::setting(const std::string& centre, const std::string& key) const {
  return guarded("reading a setting", [&] {
    auto conn = m->db->connect(db::Use::Read);
    const auto values = query_rows(*conn, "SELECT value FROM settings WHERE centre_id = ? AND key = ?",
                                   columns<std::string, 1>, centre, key);
    return values.empty() ? std::string() : values.front();
  });
}

std::string ServerStore::first_event_date(const std::string& centre) const {
  return guarded("reading events", [&] {
    auto conn = m->db->connect(db::Use::Read);
    const auto first = query_rows(*conn, "SELECT MIN(wall_ms) FROM events WHERE centre_id = ? HAVING COUNT(*) > 0",
                                  columns<std::int64_t, 1>, centre);
    return first.empty() ? std::string() : core::format_date_iso(core::to_local(first.front()));
  });
}

std::vector<StoredEvent> ServerStore::events(const std::string& centre, const std::string& from,
                                             const std::string& to) const {
  return guarded("reading events", [&] {
    auto conn = m->db->connect(db::Use::Read);
    auto events = query_rows(
        *conn,
        "SELECT " WIRE_EVENT_COLUMNS
        ", kiosk_id, date, received_ms, flags FROM events "
        "WHERE centre_id = ? AND date BETWEEN ? AND ? ORDER BY hlc, device_id, id",
        [&](const db::Row& st) {
          StoredEvent s{st.as<wire::WireEvent, 8>(), centre, st.text(8), st.text(9), st.integer(10)};
          // Reports fold by the server's stamp: a flagged event counts as of its arrival.
          s.e.clock_off = flagged_clock_off(st.text(11));
          s.e.hlc = fold_stamp(s.e.hlc, s.e.clock_off, s.received);
          return s;
        },
        centre, from, to);
    std::stable_sort(events.begin(), events.end(), [](const StoredEvent& a, const StoredEvent& b) {
      return std::tie(a.e.hlc, a.e.device_id, a.e.id) < std::tie(b.e.hlc, b.e.device_id, b.e.id);
    });
    return events;
  });
}

std::vector<std::pair<std::string, std::string>> ServerStore::last_seen(const std::string& centre) const {
  return guarded("reading events", [&] {
    auto conn = m->db->connect(db::Use::Read);
    return query_rows(*conn,
                      "SELECT p.id, COALESCE((SELECT MAX(e.date) FROM events e WHERE e.centre_id = p.centre_id "
                      "AND e.participant_id = p.id AND e.type = 'check_in'), '') FROM participants p "
                      "WHERE p.centre_id = ? AND p.active = 1",
                      columns<std::pair<std::string, std::string>, 2>, centre);
  });
}

std::int64_t ServerStore::event_count(const std::string& centre) const {
  return guarded("counting events", [&] {
    auto conn = m->db->connect(db::Use::Read);
    return query_rows(*conn, "SELECT COUNT(*) FROM events WHERE ?1 = '' OR centre_id = ?1", columns<std::int64_t, 1>,
                      centre)
        .front();
  });
}

std::string ServerStore::integrity_check() const {
  return guarded("checking the database", [&] {
    auto conn = m->db->connect(db::Use::Read);
    if (conn->backend() == db::Backend::Sqlite) return conn->one("PRAGMA integrity_check").operator std::string();
    // PostgreSQL checks its own pages as it reads them; here: the database answers and has our schema.
    return schema_version(*conn) == kServerSchema ? std::string("ok") : std::string("schema version differs");
  });
}

// A real write, so a full disk, a read-only mount or a lost lock all show: rewrite the schema
// version with its own value in a committed (fsynced) transaction. Nothing changes but the
// file's change counter.
std::string ServerStore::check_writable() {
  try {
    auto conn = m->db->connect();
    db::Transaction tx(*conn, db::Mode::Write);
    // A real write, committed (and on SQLite fsynced): a full disk or a read-only file fails here.
    conn->run("UPDATE counter SET value = value WHERE name = 'rev'");
    tx.commit();
    return "";
  } catch (const std::exception& e) {
    return std::string("the database does not accept a write: ") + e.what();
  }
}

}  // namespace meedoen::server
