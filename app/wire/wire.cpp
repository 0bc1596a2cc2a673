// JSON encoding and decoding of the sync protocol. Hot paths (push bodies of 100,000 events)
// are built by hand; everything read from the network is checked field by field.
#include "wire/wire.hpp"

#include "core/events.hpp"

#include <nlohmann/json.hpp>

namespace meedoen::wire {

using nlohmann::json;

// [SECTION] Strings

namespace {

// Length of a valid UTF-8 sequence starting at s[i], 0 when invalid.
std::size_t utf8_len(const std::string& s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
  return n;
}

}  // namespace

void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      ++i;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
    } else if (const std::size_t n = utf8_len(s, i)) {
      out.append(s, i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";  // a byte that is not UTF-8 would make the whole body unreadable
      ++i;
    }
  }
  out += '"';
}

bool json_depth_ok(const std::string& text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;  // the escaped character cannot end the string
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

std::string event_time_problem(const std::string& what, core::TimeMs t) {
  if (t >= kMinEventTimeMs && t < kMaxEventTimeMs) return "";
  return what + " " + std::to_string(t) + " is not a time between 2020-01-01 and 2199-12-31 (UTC)";
}

// [SECTION] Field readers: each names the field it refused.

namespace {

struct Fields {
  const json& j;
  std::string where;
  std::string& error;

  bool fail(const std::string& key, const char* what) const {
    error = where + key + " " + what;
    return false;
  }
  bool text(const char* key, std::string& out, bool required = true, std::size_t max = 4096) const {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return required ? fail(key, "is missing") : true;
    if (!it->is_string()) return fail(key, "must be a string");
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > max) return fail(key, "is too long");
    out = s;
    return true;
  }
  bool integer(const char* key, std::int64_t& out, bool required = true) const {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return required ? fail(key, "is missing") : true;
    if (!it->is_number_integer()) return fail(key, "must be an integer");
    out = it->get<std::int64_t>();
    return true;
  }
  bool integer(const char* key, int& out, bool required = true) const {
    std::int64_t v = out;
    if (!integer(key, v, required)) return false;
    if (v < INT32_MIN || v > INT32_MAX) return fail(key, "is out of range");
    out = static_cast<int>(v);
    return true;
  }
  bool boolean(const char* key, bool& out, bool required = true) const {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return required ? fail(key, "is missing") : true;
    if (!it->is_boolean()) return fail(key, "must be true or false");
    out = it->get<bool>();
    return true;
  }
  const json* array(const char* key, bool required = true) const {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
      if (required) fail(key, "is missing");
      return nullptr;
    }
    if (!it->is_array()) {
      fail(key, "must be a list");
      return nullptr;
    }
    return &*it;
  }
};

bool parse_object(const std::string& body, json& out, std::string& error) {
  if (!json_depth_ok(body)) {
    error = "the body nests arrays and objects more than " + std::to_string(kMaxJsonDepth) + " deep";
    return false;
  }
  out = json::parse(body, nullptr, false);
  if (out.is_discarded()) {
    error = "the body is not valid JSON";
    return false;
  }
  if (!out.is_object()) {
    error = "the body must be a JSON object";
    return false;
  }
  return true;
}

// Whether j's compact text would be longer than limit, counted without writing it (a lower bound:
// strings and keys as they are, 1 byte per other value and separator); stops once over.
bool dumped_size_over(const json& j, std::size_t limit, std::size_t& size) {
  if (j.is_string()) size += j.get_ref<const std::string&>().size() + 2;
  else if (j.is_object())
    for (const auto& [k, v] : j.items()) {
      size += k.size() + 4;
      if (size > limit || dumped_size_over(v, limit, size)) return true;
    }
  else if (j.is_array())
    for (const auto& v : j) {
      ++size;
      if (size > limit || dumped_size_over(v, limit, size)) return true;
    }
  else ++size;
  return size > limit;
}
bool dumped_size_over(const json& j, std::size_t limit) {
  std::size_t size = 0;
  return dumped_size_over(j, limit, size);
}

bool read_event(const json& j, const std::string& where, WireEvent& e, std::string& error) {
  if (!j.is_object()) {
    error = where + " must be an object";
    return false;
  }
  Fields f{j, where + ".", error};
  if (!f.text("id", e.id, true, 64) || !f.text("device_id", e.device_id, true, 64) || !f.integer("seq", e.seq) ||
      !f.integer("wall_ms", e.wall_ms) || !f.text("hlc", e.hlc, true, 64) || !f.text("type", e.type, true, 64) ||
      !f.text("participant_id", e.participant_id, false, 128))
    return false;
  if (!f.boolean("clock_off", e.clock_off, false)) return false;
  auto it = j.find("payload");
  if (it == j.end() || !it->is_object()) return f.fail("payload", "must be an object");
  // Before the dump: a payload whose text alone is over the limit is never written out.
  if (dumped_size_over(*it, kMaxPayloadBytes)) return f.fail("payload", "is too large");
  e.payload = it->dump(-1, ' ', false, json::error_handler_t::replace);
  if (e.payload.size() > kMaxPayloadBytes) return f.fail("payload", "is too large");
  return true;
}

}  // namespace

// [SECTION] Push

const char* push_status_key(PushStatus s) {
  switch (s) {
    case PushStatus::Stored: return "stored";
    case PushStatus::Duplicate: return "duplicate";
    case PushStatus::Rejected: return "rejected";
    case PushStatus::Conflict: return "conflict";
  }
  return "rejected";
}

void append_event_json(std::string& out, const WireEvent& e) {
  out += "{\"id\":";
  append_json_string(out, e.id);
  out += ",\"device_id\":";
  append_json_string(out, e.device_id);
  out += ",\"seq\":" + std::to_string(e.seq) + ",\"wall_ms\":" + std::to_string(e.wall_ms) + ",\"hlc\":";
  append_json_string(out, e.hlc);
  out += ",\"type\":";
  append_json_string(out, e.type);
  out += ",\"participant_id\":";
  append_json_string(out, e.participant_id);
  out += ",\"payload\":";
  // Payloads are written by nlohmann::json on the kiosk or the server; anything else (a hand-
  // edited database) is re-encoded so one odd row cannot make the whole body unreadable.
  if (!e.payload.empty() && e.payload.front() == '{' && json::accept(e.payload)) out += e.payload;
  else out += "{}";
  if (e.clock_off) out += ",\"clock_off\":true";
  out += '}';
}

std::string encode_push_request(const PushRequest& r) {
  std::string out;
  out.reserve(64 + r.events.size() * 320);
  out += "{\"device_id\":";
  append_json_string(out, r.device_id);
  out += ",\"events\":[";
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    if (i) out += ',';
    append_event_json(out, r.events[i]);
  }
  out += "]}";
  return out;
}

bool decode_push_request(const std::string& body, PushRequest& out, std::string& error) {
  json j;
  if (!parse_object(body, j, error)) return false;
  Fields f{j, "", error};
  if (!f.text("device_id", out.device_id, true, 64)) return false;
  const json* events = f.array("events");
  if (!events) return false;
  if (events->size() > kMaxEventsPerPush) {
    error = "events: at most " + std::to_string(kMaxEventsPerPush) + " per request";
    return false;
  }
  out.events.resize(events->size());
  for (std::size_t i = 0; i < events->size(); ++i)
    if (!read_event((*events)[i], "events[" + std::to_string(i) + "]", out.events[i], error)) return false;
  return true;
}

std::string encode_push_answer(const PushAnswer& a) {
  json results = json::array();
  for (const auto& r : a.results) {
    json x{{"id", r.id}, {"status", push_status_key(r.status)}};
    if (!r.reason.empty()) x["reason"] = r.reason;
    if (r.clock_off) x["clock_off"] = true;
    results.push_back(std::move(x));
  }
  json j{{"server_time", a.server_time},
         {"last_seq", a.last_seq},
         {"results", std::move(results)},
         {"warnings", a.warnings}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool decode_push_answer(const std::string& body, PushAnswer& out, std::string& error) {
  json j;
  if (!parse_object(body, j, error)) return false;
  Fields f{j, "", error};
  if (!f.integer("server_time", out.server_time) || !f.integer("last_seq", out.last_seq, false)) return false;
  const json* results = f.array("results");
  if (!results) return false;
  for (std::size_t i = 0; i < results->size(); ++i) {
    const json& r = (*results)[i];
    if (!r.is_object()) return f.fail("results", "must hold objects");
    Fields rf{r, "results[" + std::to_string(i) + "].", error};
    PushResult x;
    std::string status;
    if (!rf.text("id", x.id) || !rf.text("status", status) || !rf.text("reason", x.reason, false) ||
        !rf.boolean("clock_off", x.clock_off, false))
      return false;
    if (status == "stored") x.status = PushStatus::Stored;
    else if (status == "duplicate") x.status = PushStatus::Duplicate;
    else if (status == "rejected") x.status = PushStatus::Rejected;
    else if (status == "conflict") x.status = PushStatus::Conflict;
    else return rf.fail("status", "is not stored, duplicate, rejected or conflict");
    out.results.push_back(std::move(x));
  }
  if (const json* w = f.array("warnings", false))
    for (const auto& s : *w)
      if (s.is_string()) out.warnings.push_back(s.get<std::string>());
  return true;
}

// [SECTION] Pull

namespace {

// A participant's agreements (docs/sync-protocol.md): agreed_parts is the bit set of
// core::agreed_bit(weekday, dagdeel).
void append_agreements(std::string& out, const core::Participant& p) {
  out += ",\"start_date\":";
  append_json_string(out, p.start_date);
  out += ",\"end_date\":";
  append_json_string(out, p.end_date);
  out += ",\"agreed_parts\":" + std::to_string(p.agreed_parts);
  out += ",\"talk_every_days\":" + std::to_string(p.talk_every_days);
  out += ",\"agreed_minutes\":" + std::to_string(p.agreed_minutes_per_week);
  out += p.show_agreed_hours ? ",\"show_agreed_hours\":true" : ",\"show_agreed_hours\":false";
  out += p.photo_consent ? ",\"photo_consent\":true" : ",\"photo_consent\":false";
}

// Optional: a server before agreements sends none (the defaults: no agreements).
bool read_agreements(const Fields& f, core::Participant& p) {
  std::int64_t parts = 0;
  if (!f.text("start_date", p.start_date, false, 10) || !f.text("end_date", p.end_date, false, 10) ||
      !f.integer("agreed_parts", parts, false) || !f.integer("talk_every_days", p.talk_every_days, false) ||
      !f.integer("agreed_minutes", p.agreed_minutes_per_week, false) ||
      !f.boolean("show_agreed_hours", p.show_agreed_hours, false) ||
      !f.boolean("photo_consent", p.photo_consent, false))
    return false;
  if (!p.start_date.empty() && !core::valid_date_iso(p.start_date)) return f.fail("start_date", "is not a date");
  if (!p.end_date.empty() && !core::valid_date_iso(p.end_date)) return f.fail("end_date", "is not a date");
  if (parts < 0 || parts >= std::int64_t{core::kAgreedPartsEnd}) return f.fail("agreed_parts", "is out of range");
  p.agreed_parts = static_cast<std::uint32_t>(parts);
  // The rest as an agreements_changed event is checked (end before start, rhythm, minutes).
  if (const std::string why =
          core::check::agreements(p.start_date, p.end_date, parts, p.talk_every_days, p.agreed_minutes_per_week);
      !why.empty()) {
    f.error = f.where + why;  // why starts with the field: "end_date 2026-01-01 is before start_date ..."
    return false;
  }
  return true;
}

}  // namespace

std::string encode_pull_page(const PullPage& p) {
  std::string out;
  out.reserve(256 + p.participants.size() * 256 + p.events.size() * 320);
  json head{{"server_time", p.server_time},
            {"cursor", p.cursor},
            {"more", p.more},
            {"reset", p.reset},
            {"centre", {{"id", p.centre_id}, {"name", p.centre_name}}}};
  json settings = json::object();
  for (const auto& [k, v] : p.settings) settings[k] = v;
  head["settings"] = std::move(settings);
  json coaches = json::array();
  for (const auto& c : p.coaches) {
    json coach{{"id", c.c.id}, {"name", c.c.name}, {"active", c.active}};
    if (!c.pin_hash.empty()) coach["pin_hash"] = c.pin_hash;  // optional: older kiosks ignore it
    coaches.push_back(std::move(coach));
  }
  head["coaches"] = std::move(coaches);
  json acts = json::array();
  for (const auto& w : p.activities) {
    const auto& a = w.a;
    acts.push_back({{"id", a.id},
                    {"title", a.title},
                    {"icon", a.icon},
                    {"weekday", a.weekday},
                    {"dagdeel", core::dagdeel_key(a.dagdeel)},
                    {"start", core::format_hhmm(a.start)},
                    {"end", core::format_hhmm(a.end)},
                    {"place", a.place},
                    {"leader", a.leader},
                    {"capacity", a.capacity},
                    {"volunteer_work", a.volunteer_work},
                    {"active", w.active},
                    {"date", a.date}});
  }
  head["activities"] = std::move(acts);
  out = head.dump(-1, ' ', false, json::error_handler_t::replace);
  out.pop_back();  // the closing brace: participants and events are appended by hand (large)
  out += ",\"participants\":[";
  for (std::size_t i = 0; i < p.participants.size(); ++i) {
    const auto& w = p.participants[i];
    if (i) out += ',';
    out += "{\"id\":";
    append_json_string(out, w.p.id);
    out += ",\"first_name\":";
    append_json_string(out, w.p.first_name);
    out += ",\"last_name\":";
    append_json_string(out, w.p.last_name);
    out += ",\"card_code\":";
    append_json_string(out, w.p.card_code);
    out += ",\"pin_hash\":";
    append_json_string(out, w.pin_hash);
    out += ",\"language\":";
    append_json_string(out, w.p.language);
    out += ",\"mandatory\":";
    out += w.p.mandatory ? "true" : "false";
    out += ",\"coach_id\":";
    append_json_string(out, w.p.coach_id);
    append_agreements(out, w.p);
    out += ",\"active\":";
    out += w.active ? "true}" : "false}";
  }
  out += "],\"events\":[";
  for (std::size_t i = 0; i < p.events.size(); ++i) {
    if (i) out += ',';
    append_event_json(out, p.events[i]);
  }
  out += "]}";
  return out;
}

bool decode_pull_page(const std::string& body, PullPage& out, std::string& error) {
  json j;
  if (!parse_object(body, j, error)) return false;
  Fields f{j, "", error};
  if (!f.integer("server_time", out.server_time) || !f.text("cursor", out.cursor) || !f.boolean("more", out.more) ||
      !f.boolean("reset", out.reset, false))
    return false;
  if (auto it = j.find("centre"); it != j.end() && it->is_object()) {
    Fields cf{*it, "centre.", error};
    if (!cf.text("id", out.centre_id, false) || !cf.text("name", out.centre_name, false)) return false;
  }
  if (auto it = j.find("settings"); it != j.end()) {
    if (!it->is_object()) return f.fail("settings", "must be an object");
    for (const auto& [k, v] : it->items()) {
      if (!v.is_string()) return f.fail("settings." + k, "must be a string");
      out.settings.emplace_back(k, v.get<std::string>());
    }
  }
  if (const json* arr = f.array("participants", false)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const json& x = (*arr)[i];
      if (!x.is_object()) return f.fail("participants", "must hold objects");
      Fields pf{x, "participants[" + std::to_string(i) + "].", error};
      WireParticipant w;
      if (!pf.text("id", w.p.id) || !pf.text("first_name", w.p.first_name) || !pf.text("last_name", w.p.last_name) ||
          !pf.text("card_code", w.p.card_code, false) || !pf.text("pin_hash", w.pin_hash, false) ||
          !pf.text("language", w.p.language, false) || !pf.boolean("mandatory", w.p.mandatory, false) ||
          !pf.text("coach_id", w.p.coach_id, false) || !pf.boolean("active", w.active, false))
        return false;
      // Malformed agreements skip this one row, not the page: a page that always fails would stop
      // this kiosk's sync for good. The row comes again when the server's row is next changed.
      if (!read_agreements(pf, w.p)) {
        out.skipped.push_back("participant " + w.p.id + " skipped: " + error);
        error.clear();
        continue;
      }
      out.participants.push_back(std::move(w));
    }
  } else if (!error.empty()) {
    return false;
  }
  if (const json* arr = f.array("coaches", false)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const json& x = (*arr)[i];
      if (!x.is_object()) return f.fail("coaches", "must hold objects");
      Fields cf{x, "coaches[" + std::to_string(i) + "].", error};
      WireCoach w;
      if (!cf.text("id", w.c.id) || !cf.text("name", w.c.name) || !cf.boolean("active", w.active, false)) return false;
      // Taken as it comes, any size or type (a non-string as its JSON text): whether it is an
      // argon2id hash the kiosk checks per coach, so one bad hash does not refuse the whole page
      // and with it every later change (storage/sync_store).
      if (auto h = x.find("pin_hash"); h != x.end() && !h->is_null())
        w.pin_hash = h->is_string() ? h->get<std::string>() : h->dump();
      out.coaches.push_back(std::move(w));
    }
  } else if (!error.empty()) {
    return false;
  }
  if (const json* arr = f.array("activities", false)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const json& x = (*arr)[i];
      if (!x.is_object()) return f.fail("activities", "must hold objects");
      Fields af{x, "activities[" + std::to_string(i) + "].", error};
      WireActivity w;
      std::string dagdeel, start, end;
      if (!af.text("id", w.a.id) || !af.text("title", w.a.title) || !af.text("icon", w.a.icon, false) ||
          !af.integer("weekday", w.a.weekday) || !af.text("dagdeel", dagdeel) || !af.text("start", start) ||
          !af.text("end", end) || !af.text("place", w.a.place, false) || !af.text("leader", w.a.leader, false) ||
          !af.integer("capacity", w.a.capacity, false) || !af.boolean("volunteer_work", w.a.volunteer_work, false) ||
          !af.boolean("active", w.active, false) || !af.text("date", w.a.date, false))
        return false;
      if (!w.a.date.empty() && (!core::valid_date_iso(w.a.date) || core::weekday_of(w.a.date) != w.a.weekday))
        return af.fail("date", "must be \"\" or a YYYY-MM-DD on the weekday");
      if (!core::dagdeel_from_key(dagdeel, w.a.dagdeel))
        return af.fail("dagdeel", "is not morning, afternoon or evening");
      w.a.start = core::parse_hhmm(start);
      w.a.end = core::parse_hhmm(end);
      if (w.a.start < 0 || w.a.end < 0) return af.fail("start", "and end must be times like 09:30");
      if (w.a.weekday < 0 || w.a.weekday > 6) return af.fail("weekday", "must be 0 (Monday) to 6");
      out.activities.push_back(std::move(w));
    }
  } else if (!error.empty()) {
    return false;
  }
  if (const json* arr = f.array("events", false)) {
    out.events.resize(arr->size());
    for (std::size_t i = 0; i < arr->size(); ++i)
      if (!read_event((*arr)[i], "events[" + std::to_string(i) + "]", out.events[i], error)) return false;
  } else if (!error.empty()) {
    return false;
  }
  return true;
}

// [SECTION] Enrol and errors

std::string encode_enrol_request(const EnrolRequest& r) {
  return json{{"code", r.code}, {"device_id", r.device_id}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool decode_enrol_request(const std::string& body, EnrolRequest& out, std::string& error) {
  json j;
  if (!parse_object(body, j, error)) return false;
  Fields f{j, "", error};
  return f.text("code", out.code, true, 64) && f.text("device_id", out.device_id, true, 64);
}

std::string encode_enrol_answer(const EnrolAnswer& a) {
  return json{{"token", a.token},
              {"kiosk_id", a.kiosk_id},
              {"centre_id", a.centre_id},
              {"centre_name", a.centre_name},
              {"server_time", a.server_time}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

bool decode_enrol_answer(const std::string& body, EnrolAnswer& out, std::string& error) {
  json j;
  if (!parse_object(body, j, error)) return false;
  Fields f{j, "", error};
  return f.text("token", out.token) && f.text("kiosk_id", out.kiosk_id) && f.text("centre_id", out.centre_id) &&
         f.text("centre_name", out.centre_name, false) && f.integer("server_time", out.server_time);
}

std::string encode_error(const std::string& code, const std::string& reason, core::TimeMs server_time) {
  return json{{"error", code}, {"reason", reason}, {"server_time", server_time}}.dump(-1, ' ', false,
                                                                                      json::error_handler_t::replace);
}

std::string error_reason(const std::string& body) {
  const json j = json_depth_ok(body) ? json::parse(body, nullptr, false) : json();
  if (j.is_object()) {
    for (const char* key : {"reason", "error"})
      if (auto it = j.find(key); it != j.end() && it->is_string()) return it->get<std::string>();
  }
  return body.substr(0, 200);
}

core::TimeMs server_time_of(const std::string& body) {
  const json j = json_depth_ok(body) ? json::parse(body, nullptr, false) : json();
  if (j.is_object())
    if (auto it = j.find("server_time"); it != j.end() && it->is_number_integer()) return it->get<core::TimeMs>();
  return 0;
}

}  // namespace meedoen::wire
