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
  // Pulls: the server found its stamp more than core::kMaxClockDrift ahead of its own clock (a
  // kiosk whose clock was wrong). Kept, and shown to the coach to check. Sent only when true.
  bool clock_off = false;
};

// [SECTION] Push
enum class PushStatus { Stored, Duplicate, Rejected };
const char* push_status_key(PushStatus s);

struct PushResult {
  std::string id;
  PushStatus status = PushStatus::Stored;
  std::string reason;  // for Rejected
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

// JSON string escaping for hand-built bodies (invalid UTF-8 becomes U+FFFD).
void append_json_string(std::string& out, const std::string& s);

}  // namespace meedoen::wire
