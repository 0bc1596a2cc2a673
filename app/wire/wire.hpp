// The sync protocol's wire format (docs/sync-protocol.md): JSON in and out for the kiosk's sync
// worker and for meedoen-server, so both sides read and write exactly the same shapes.
// Decoders never throw: bad input gives false and a reason naming the field.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/hlc.hpp"
#include "core/model.hpp"
#include "core/time.hpp"

namespace meedoen::wire {

// [SECTION] Limits (the server enforces them; the kiosk stays below them)
constexpr std::size_t kMaxEventsPerPush = 1000;  // server limit per request
constexpr std::size_t kPushBatchEvents =
    1000;  // what the kiosk sends (the byte cap usually binds first for large payloads)
constexpr std::size_t kPushBatchBytes = 1 << 20;    // what the kiosk sends
constexpr std::size_t kMaxBodyBytes = 4 << 20;      // server limit per body (413 above)
constexpr std::size_t kMaxPayloadBytes = 16 << 10;  // one event's payload
constexpr int kMaxPullLimit = 5000;
constexpr int kDefaultPullLimit = 1000;
constexpr core::TimeMs kClockSkewLimit = core::kMaxClockDrift;  // 2 minutes, the HLC's bound
// Arrays and objects inside each other at most this deep in any JSON body read from the network
// (a push is 4 deep, a ladder payload 5): deeper is refused before it is parsed, so no recursion
// (dump, compare, destroy) ever meets a 75,000-level tree.
constexpr int kMaxJsonDepth = 32;
// The times an event may carry (wall_ms, its hlc, and every time in its payload), as ms since the
// epoch: 2020-01-01 to 2199-12-31 UTC. Outside, no clock was right: the event is rejected. Inside
// but ahead of the server, it is kept and flagged (clock_off, docs/events.md "Clocks").
constexpr core::TimeMs kMinEventTimeMs = 1577836800000;  // 2020-01-01T00:00:00Z
constexpr core::TimeMs kMaxEventTimeMs = 7258118400000;  // 2200-01-01T00:00:00Z
// "" when t lies in that range, else why, naming what ("wall_ms", "'at'") and the value.
std::string event_time_problem(const std::string& what, core::TimeMs t);
// How far an event's seq may be ahead of the highest seq the server has of its kiosk: years of
// events. Beyond it the seq cannot be the kiosk's journal (2^63-1 would end all gap counting).
constexpr std::int64_t kMaxSeqAhead = 1'000'000;

// One journal event as it travels (docs/events.md "Envelope").
struct WireEvent {
  std::string id;
  std::string device_id;
  std::int64_t seq = 0;
  core::TimeMs wall_ms = 0;
  std::string hlc;
  std::string type;
  std::string participant_id;
  std::string payload;  // a JSON object, as text
  // Pull only: the server flagged the event's stamp as far ahead of its own clock when it arrived
  // ("clock_off": true; docs/events.md "Clocks"). Never sent on push: the server decides it.
  bool clock_off = false;
};

// [SECTION] Push
// Conflict: the server has another event with this id (other content, or another centre's); it
// stored nothing and the kiosk keeps its event marked as refused, as a rejected one.
enum class PushStatus { Stored, Duplicate, Rejected, Conflict };
const char* push_status_key(PushStatus s);

struct PushResult {
  std::string id;
  PushStatus status = PushStatus::Stored;
  std::string reason;      // for Rejected and Conflict
  bool clock_off = false;  // Stored: flagged, its stamp was far ahead of the server's clock
};

struct PushRequest {
  std::string device_id;
  std::vector<WireEvent> events;
};

struct PushAnswer {
  core::TimeMs server_time = 0;
  std::int64_t last_seq = 0;
  std::vector<PushResult> results;
  std::vector<std::string> warnings;
};

// Appends one event's JSON to out (fast path: the payload is inserted as it is stored).
void append_event_json(std::string& out, const WireEvent& e);
std::string encode_push_request(const PushRequest& r);
bool decode_push_request(const std::string& body, PushRequest& out, std::string& error);
std::string encode_push_answer(const PushAnswer& a);
bool decode_push_answer(const std::string& body, PushAnswer& out, std::string& error);

// [SECTION] Pull
struct WireParticipant {
  core::Participant p;
  std::string pin_hash;
  bool active = true;  // false: a tombstone
};
struct WireCoach {
  core::Coach c;
  bool active = true;
  // The argon2id hash of the coach's PIN; "" = none sent (a server before coach PINs, or a coach
  // added without one): the kiosk keeps the hash it has.
  std::string pin_hash;
};
struct WireActivity {
  core::Activity a;
  bool active = true;
};

struct PullPage {
  core::TimeMs server_time = 0;
  std::string cursor;
  bool more = false;
  bool reset = false;  // the server did not know the cursor and started from the beginning
  std::string centre_id, centre_name;
  std::vector<WireParticipant> participants;
  std::vector<WireCoach> coaches;
  std::vector<WireActivity> activities;
  std::vector<std::pair<std::string, std::string>> settings;
  std::vector<WireEvent> events;
  // Decoding only: participant rows left out because their agreements were malformed, one line
  // each naming the participant and the field (the sync worker logs them).
  std::vector<std::string> skipped;
  bool empty() const {
    return participants.empty() && coaches.empty() && activities.empty() && settings.empty() && events.empty();
  }
};

std::string encode_pull_page(const PullPage& p);
bool decode_pull_page(const std::string& body, PullPage& out, std::string& error);

// [SECTION] Enrol and errors
struct EnrolRequest {
  std::string code;
  std::string device_id;
};
struct EnrolAnswer {
  std::string token, kiosk_id, centre_id, centre_name;
  core::TimeMs server_time = 0;
};
std::string encode_enrol_request(const EnrolRequest& r);
bool decode_enrol_request(const std::string& body, EnrolRequest& out, std::string& error);
std::string encode_enrol_answer(const EnrolAnswer& a);
bool decode_enrol_answer(const std::string& body, EnrolAnswer& out, std::string& error);

// {"error": code, "reason": reason, "server_time": t}
std::string encode_error(const std::string& code, const std::string& reason, core::TimeMs server_time);
// Reads "reason" (else "error") of an error body; the body itself when it is not JSON.
std::string error_reason(const std::string& body);
// Reads "server_time" from any answer; 0 when absent.
core::TimeMs server_time_of(const std::string& body);

// Whether text nests arrays and objects at most max_depth deep (a scan of the bytes, strings
// skipped; nothing is parsed): the guard before any JSON from outside is parsed.
bool json_depth_ok(const std::string& text, int max_depth = kMaxJsonDepth);

// JSON string escaping for hand-built bodies (invalid UTF-8 becomes U+FFFD).
void append_json_string(std::string& out, const std::string& s);

}  // namespace meedoen::wire
