// JSON codec of event payloads with nlohmann::json; never throws on bad input. One encoder and
// one decoder walk each type's describe() (core/events.hpp): there is no per-type code here.
#include "wire/event_codec.hpp"

#include "wire/wire.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

namespace meedoen::wire {

using core::Presence;
using nlohmann::json;

namespace {

using Areas = std::array<core::AreaStatus, core::kProblemAreas.size()>;

// Writes the fields describe() names into a JSON object. The object's keys are sorted (json's
// std::map), so the order describe() names them in does not change the bytes.
struct Encoder {
  json& j;

  void field(const char* key, const std::string& v, Presence p = Presence::Required) {
    if (p == Presence::OmitEmpty && v.empty()) return;
    j[key] = v;
  }
  void field(const char* key, bool v, Presence = Presence::Required) { j[key] = v; }
  void field(const char* key, int v, Presence = Presence::Required) { j[key] = v; }
  void field(const char* key, core::TimeMs v, Presence = Presence::Required) { j[key] = v; }
  template <class E>
  requires std::is_enum_v<E>
  void field(const char* key, E v, Presence = Presence::Required) { j[key] = core::EnumKeys<E>::key(v); }
  void field(const char* key, const Areas& areas, Presence = Presence::Required) {
    json o = json::object();
    for (std::size_t i = 0; i < core::kProblemAreas.size(); ++i)
      o[core::area_key(core::kProblemAreas[i])] = core::area_status_key(areas[i]);
    j[key] = o;
  }
  void hhmm(const char* key, int minute_of_day) { j[key] = core::format_hhmm(minute_of_day); }
};

// Reads the fields describe() names, in its order, and keeps the first problem instead of
// throwing. Fields that are not Required may be missing; extra keys are ignored, so newer kiosks
// can add them.
class Decoder {
 public:
  Decoder(const json& j, core::TimeMs wall) : m_j(j), m_wall(wall) {}

  void field(const char* key, std::string& v, Presence p = Presence::Required) {
    flush_times();
    if (skip(key, p)) return;
    v = str(key);
  }
  void field(const char* key, bool& v, Presence p = Presence::Required) {
    flush_times();
    if (skip(key, p)) return;
    const auto it = m_j.find(key);
    if (it == m_j.end() || !it->is_boolean()) return fail(std::string("'") + key + "' must be true or false");
    v = it->get<bool>();
  }
  // A count (minutes, a rung, a weekday): an int, so that 2^32 + 60 is refused rather than read as 60.
  void field(const char* key, int& v, Presence p = Presence::Required) {
    flush_times();
    if (skip(key, p)) return;
    const std::int64_t n = num(key, 0, true);
    if (n < INT_MIN || n > INT_MAX) return fail(std::string("'") + key + "' is out of range");
    v = static_cast<int>(n);
  }
  void field(const char* key, core::TimeMs& v, Presence p = Presence::Required) {
    flush_times();
    if (p == Presence::WallDefault) v = num(key, m_wall, false);
    else if (!skip(key, p)) v = num(key, 0, true);
  }
  template <class E>
  requires std::is_enum_v<E>
  void field(const char* key, E& v, Presence p = Presence::Required) {
    flush_times();
    if (skip(key, p)) return;
    const std::string k = str(key);
    if (m_error.empty() && !core::EnumKeys<E>::from_key(k, v))
      m_error = std::string("unknown ") + core::EnumKeys<E>::kWhat + " '" + k.substr(0, 20) + "'";
  }
  // An object of area -> status; an area left out is None (a newer kiosk may know more areas).
  void field(const char* key, Areas& areas, Presence = Presence::Required) {
    flush_times();
    const auto o = m_j.find(key);
    if (o == m_j.end()) return;
    if (!o->is_object()) return fail(std::string("'") + key + "' must be an object");
    for (std::size_t i = 0; i < core::kProblemAreas.size(); ++i) {
      const char* area = core::area_key(core::kProblemAreas[i]);
      const auto it = o->find(area);
      if (it == o->end()) continue;
      if (!it->is_string() || !core::area_status_from_key(it->get<std::string>(), areas[i]))
        fail(std::string("bad status of area ") + area);
    }
  }
  // Times of day are checked as one rule once the run of them is read (start and end together).
  void hhmm(const char* key, int& minute_of_day) {
    minute_of_day = core::parse_hhmm(str(key));
    if (minute_of_day < 0) m_bad_time = true;
  }

  // The first problem, "" when every field was sound.
  const std::string& finish() {
    flush_times();
    return m_error;
  }

 private:
  void fail(std::string why) {
    if (m_error.empty()) m_error = std::move(why);
  }
  bool skip(const char* key, Presence p) const { return p != Presence::Required && !m_j.contains(key); }
  void flush_times() {
    if (m_bad_time) fail("start and end must be times like 09:30");
    m_bad_time = false;
  }
  std::string str(const char* key) {
    const auto it = m_j.find(key);
    if (it == m_j.end() || !it->is_string()) {
      fail(std::string("'") + key + "' must be a string");
      return {};
    }
    return it->get<std::string>();
  }
  std::int64_t num(const char* key, std::int64_t fallback, bool required) {
    const auto it = m_j.find(key);
    if (it == m_j.end()) {
      if (required) fail(std::string("'") + key + "' is missing");
      return fallback;
    }
    // An unsigned number above INT64_MAX would wrap around to a negative time: refuse it.
    if (!it->is_number_integer() ||
        (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))) {
      fail(std::string("'") + key + "' must be an integer");
      return fallback;
    }
    return it->get<std::int64_t>();
  }

  const json& m_j;
  core::TimeMs m_wall;
  std::string m_error;
  bool m_bad_time = false;
};

// Visits the times describe() names and keeps the first one out of range; other fields pass.
struct TimeRange {
  std::string problem;

  void field(const char* key, core::TimeMs v, Presence = Presence::Required) {
    if (problem.empty() && v != 0) problem = event_time_problem(std::string("'") + key + "'", v);
  }
  template <class T>
  void field(const char*, const T&, Presence = Presence::Required) {}
  void hhmm(const char*, int) {}
};

// The decoder of every known type, found by its wire name.
using BodyReader = core::EventBody (*)(Decoder&);

template <class Body>
core::EventBody read_body(Decoder& d) {
  Body b;
  Body::describe(d, b);
  return b;
}

template <std::size_t I>
using Alternative = std::variant_alternative_t<I, core::EventBody>;

template <std::size_t... I>
constexpr auto make_readers(std::index_sequence<I...>) {
  return std::array<std::pair<std::string_view, BodyReader>, sizeof...(I)>{
      {{Alternative<I>::kName, &read_body<Alternative<I>>}...}};
}
constexpr auto kReaders = make_readers(std::make_index_sequence<core::kEventTypeCount>{});

}  // namespace

std::string encode_payload(const core::EventBody& body) {
  json j = json::object();
  Encoder enc{j};
  std::visit([&](const auto& b) { std::decay_t<decltype(b)>::describe(enc, b); }, body);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

core::EventBody decode_payload(const std::string& type, const std::string& payload, core::TimeMs wall,
                               std::string* error) {
  // A payload from a hand-edited database is never parsed deeper than a body from the network.
  const json j = json_depth_ok(payload) ? json::parse(payload, nullptr, false) : json();
  if (j.is_discarded() || !j.is_object()) {
    if (error) *error = "the payload is not a JSON object";
    return core::ev::Other{};
  }
  const auto reader = std::find_if(kReaders.begin(), kReaders.end(), [&](const auto& r) { return r.first == type; });
  if (reader == kReaders.end()) return core::ev::Other{};  // a newer type: kept and synced, not folded
  Decoder d(j, wall);
  core::EventBody body = reader->second(d);
  std::string why = d.finish();
  if (why.empty()) why = core::validate(body);
  if (!why.empty()) {
    if (error) *error = type + ": " + why;
    return core::ev::Other{};
  }
  return body;
}

std::string payload_time_problem(const core::EventBody& body) {
  TimeRange range;
  std::visit([&](const auto& b) { std::decay_t<decltype(b)>::describe(range, b); }, body);
  return range.problem;
}

}  // namespace meedoen::wire
