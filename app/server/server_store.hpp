// meedoen-server's database: centres, kiosks and their tokens, the roster and programme per
// centre, and every event the kiosks pushed, for several centres. One SQLite file (WAL) or one
// PostgreSQL database (server/db), chosen by open()'s URL. All methods are thread-safe, and keep
// nothing between calls that another server process on the same PostgreSQL database could change
// (tokens, revocations, settings are read from the database each time).
#pragma once
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "wire/wire.hpp"

namespace meedoen::server {

// The database failed (disk, corruption): HTTP 503, a message for the operator.
struct ServerError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Bad input from the command line or a file: a message for the person who typed it.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct KioskAuth {
  std::string kiosk_id, centre_id, device_id;
};
struct ReaderAuth {
  std::string reader_id, centre_id;  // centre "" = every centre
};

struct EnrolCode {
  std::string kiosk_id, code;
  core::TimeMs expires = 0;
  std::string name;
};

// One row of a roster import (import-roster FILE.csv); line is the CSV line, for messages.
struct RosterRow {
  int line = 0;
  core::Participant p;
  std::string pin;  // 4 digits or ""
  // The file's columns (docs/roster.md); empty = all of them. A column the file does not have
  // keeps a known participant's current value, so a roster export without the agreement columns
  // does not wipe what coaches set.
  std::set<std::string> columns;
  bool has(const std::string& column) const { return columns.empty() || columns.count(column) > 0; }
};
// The roster columns that are agreements: a file with any of them sets the participant's
// agreements as of the import (the last change wins against coaches' agreements_changed).
inline const std::set<std::string> kAgreementColumns{
    "start_date", "end_date", "agreed_dagdelen", "talk_every", "agreed_hours", "show_agreed_hours", "photo_consent"};

struct KioskInfo {
  std::string kiosk_id, centre_id, name, device_id;
  bool enrolled = false, revoked = false;
  std::int64_t last_seq = 0, events = 0, gaps = 0, seq_reused = 0;
  core::TimeMs last_seen = 0;
};

// An event as the reports read it: e.hlc is its fold_stamp, e.clock_off its flag.
struct StoredEvent {
  wire::WireEvent e;
  std::string centre_id, kiosk_id, date;
  core::TimeMs received = 0;
};

// Test hooks for failure scenarios (meedoen-server serve --fault-...).
struct Faults {
  int fail_after_events = 0;  // the database "fails" after this many inserts in one push (0: never)
  int push_delay_ms = 0;      // sleep inside the push transaction, before commit
};

class ServerStore {
 public:
  // url: sqlite:PATH, postgresql://... (a libpq connection URI) or a plain PATH (SQLite).
  static std::unique_ptr<ServerStore> open(const std::string& url);
  ~ServerStore();

  // [SECTION] Administration (the command line)
  void create_centre(const std::string& id, const std::string& name, core::TimeMs now);
  // replaces: the id of a kiosk of the centre that the new one replaces (new hardware, a lost
  // token): enrolling with the code revokes it and may take over its device id (enrol()).
  EnrolCode enrol_kiosk(const std::string& centre_id, const std::string& name, core::TimeMs now, core::TimeMs valid_ms,
                        const std::string& replaces = "");
  // A one-time code for each name (a roll-out), in the order given; all or nothing.
  std::vector<EnrolCode> enrol_kiosks(const std::string& centre_id, const std::vector<std::string>& names,
                                      core::TimeMs now, core::TimeMs valid_ms, const std::string& replaces = "");
  void revoke_kiosk(const std::string& kiosk_id);
  // Adds a coach or renames and re-PINs one (pin_hash: argon2id, storage/pin_hash). The new PIN
  // counts as of this server time against kiosks' coach_pin_changed events (the last one wins).
  void add_coach(const std::string& centre_id, const core::Coach& c, const std::string& pin_hash, core::TimeMs now);
  // A tombstone (active = 0, no PIN) the kiosks pull: the coach can no longer log in there.
  void remove_coach(const std::string& centre_id, const std::string& coach_id);
  // The active coaches of a centre with their PIN hashes (id, hash), to keep two coaches off one PIN.
  std::vector<std::pair<std::string, std::string>> coach_pins(const std::string& centre_id) const;
  // now > 0: the edit counts as of this server time against kiosks' activity_saved events (the
  // last one wins); 0: any later kiosk edit wins.
  void put_activity(const std::string& centre_id, const core::Activity& a, bool active, core::TimeMs now = 0);
  void set_setting(const std::string& centre_id, const std::string& key, const std::string& value);
  // All or nothing; participants of the centre missing from rows become inactive (tombstones).
  // pin_hash(pin) is given by the caller (argon2id in storage/pin_hash). Returns counts.
  struct ImportCounts {
    int added = 0, updated = 0, deactivated = 0;
  };
  // now > 0: agreements in the file count as of this server time against coaches' changes
  // (agreements_changed; the last one wins); 0: any later coach's change wins.
  ImportCounts import_roster(const std::string& centre_id, const std::vector<RosterRow>& rows,
                             std::string (*pin_hash)(const std::string&), core::TimeMs now = 0);
  // Coaches of the centre whose ids are not in ids (for the import's warnings).
  std::vector<std::string> unknown_coaches(const std::string& centre_id, const std::set<std::string>& ids) const;
  // Bulk participants with one ready hash (benchmarks, tests).
  void put_participants(const std::string& centre_id, const std::vector<core::Participant>& ps,
                        const std::string& pin_hash);
  std::string add_reader(const std::string& name, const std::string& centre_id);  // returns the token
  // A new random card code (new_card_code, unused by any participant) for each of these active
  // participants of the centre that has none; each one's revision moves on, so kiosks pull it.
  // All or nothing; returns participant id -> new code, in the order given.
  std::vector<std::pair<std::string, std::string>> assign_card_codes(const std::string& centre_id,
                                                                     const std::vector<std::string>& participant_ids);
  std::vector<KioskInfo> kiosks(const std::string& centre_id) const;
  bool centre_exists(const std::string& id) const;
  std::vector<std::pair<std::string, std::string>> centres() const;

  // [SECTION] The API
  // Trades a one-time code for a token; nullopt and why when the code is wrong, used or expired,
  // or (device_taken) when another live kiosk holds the device id and the code does not replace it.
  std::optional<wire::EnrolAnswer> enrol(const wire::EnrolRequest& r, core::TimeMs now, std::string& why,
                                         bool* device_taken = nullptr);
  std::optional<KioskAuth> kiosk_for_token(const std::string& token, std::string& why);
  std::optional<ReaderAuth> reader_for_token(const std::string& token) const;
  wire::PushAnswer push(const KioskAuth& k, const wire::PushRequest& r, core::TimeMs now);
  wire::PullPage pull(const KioskAuth& k, const std::string& cursor, int limit, core::TimeMs now);
  void set_faults(const Faults& f);

  // [SECTION] Reads for the reports
  std::vector<core::Participant> participants(const std::string& centre_id, bool active_only) const;
  // The centre's active coaches by name, and its programme with the activities taken off it (as a
  // kiosk holds them after a pull).
  std::vector<core::Coach> coaches(const std::string& centre_id) const;
  std::vector<core::Activity> programme(const std::string& centre_id) const;
  std::string centre_name(const std::string& centre_id) const;                      // "" when there is no such centre
  std::string setting(const std::string& centre_id, const std::string& key) const;  // "" when not set
  // The local date of the centre's first event (by the kiosk's clock), "" without events.
  std::string first_event_date(const std::string& centre_id) const;
  // Events of a centre whose payload date lies in [from, to] (ISO dates), fold order.
  std::vector<StoredEvent> events(const std::string& centre_id, const std::string& from, const std::string& to) const;
  // The last date each participant of the centre was checked in ("" if never).
  std::vector<std::pair<std::string, std::string>> last_seen(const std::string& centre_id) const;
  std::int64_t event_count(const std::string& centre_id) const;
  std::string integrity_check() const;
  // "" when the database accepts a write now (GET /v1/health), else why not.
  std::string check_writable();

 private:
  struct Impl;
  explicit ServerStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m;
};

// The stamp the server folds an event by: its hlc, or for an event flagged clock_off (its stamp
// was more than core::kMaxClockDrift ahead of the server's clock) the server's clock when it was
// received, if that is earlier: a wrong clock never makes an event win over facts confirmed
// before it arrived (docs/events.md "Clocks").
std::string fold_stamp(const std::string& hlc, bool clock_off, core::TimeMs received);

// BLAKE2b-256 of a token or code, hex: the only form in which the server keeps them.
std::string token_hash(const std::string& token);
// Random hex token (32 bytes) and a short enrolment code (8 characters without look-alikes).
std::string new_token();
std::string new_enrol_code();
// A card code for a printed card: 8 characters that neither look alike (no 0/O, 1/I/L) nor move
// between QWERTY, QWERTZ and AZERTY keyboards (no A, M, Q, W, Y, Z): a card scanner types it as
// a keyboard would, in whatever layout the kiosk has.
std::string new_card_code();

}  // namespace meedoen::server
