// JSON codec of event payloads with nlohmann::json; never throws on bad input.
#include "storage/event_codec.hpp"

#include <nlohmann/json.hpp>

#include <climits>
#include <cstdint>

#include "core/overloaded.hpp"

namespace meedoen::storage {

using nlohmann::json;
namespace ev = core::ev;
using core::Overloaded;

namespace {


// Typed field access that reports the first problem instead of throwing.
struct Reader {
  const json& j;
  std::string error;

  std::string str(const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) {
      if (error.empty()) error = std::string("'") + key + "' must be a string";
      return {};
    }
    return it->get<std::string>();
  }
  std::int64_t num(const char* key, std::int64_t fallback, bool required) {
    const auto it = j.find(key);
    if (it == j.end()) {
      if (required && error.empty()) error = std::string("'") + key + "' is missing";
      return fallback;
    }
    // An unsigned number above INT64_MAX would wrap around to a negative time: refuse it.
    if (!it->is_number_integer() ||
        (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))) {
      if (error.empty()) error = std::string("'") + key + "' must be an integer";
      return fallback;
    }
    return it->get<std::int64_t>();
  }
  // A count of minutes: an int, so that 2^32 + 60 is refused rather than read as 60.
  int minutes(const char* key) {
    const std::int64_t v = num(key, 0, true);
    if (v < INT_MIN || v > INT_MAX) {
      if (error.empty()) error = std::string("'") + key + "' is out of range";
      return 0;
    }
    return static_cast<int>(v);
  }
  bool flag(const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_boolean()) {
      if (error.empty()) error = std::string("'") + key + "' must be true or false";
      return false;
    }
    return it->get<bool>();
  }
  core::Dagdeel dagdeel() {
    core::Dagdeel d = core::Dagdeel::Morning;
    const std::string k = str("dagdeel");
    if (error.empty() && !core::dagdeel_from_key(k, d)) error = "unknown dagdeel '" + k.substr(0, 20) + "'";
    return d;
  }
};

}  // namespace

std::string encode_payload(const core::EventBody& body) {
  const json j = std::visit(Overloaded{
      [](const ev::CheckIn& e) { return json{{"date", e.date}, {"dagdeel", core::dagdeel_key(e.dagdeel)}, {"at", e.at}}; },
      [](const ev::CheckOut& e) { return json{{"date", e.date}, {"at", e.at}}; },
      [](const ev::AutoCheckOut& e) { return json{{"date", e.date}, {"check_in_event", e.check_in_event}, {"at", e.at}}; },
      [](const ev::CheckoutConfirmed& e) { return json{{"date", e.date}, {"check_in_event", e.check_in_event}}; },
      [](const ev::CorrectionRequested& e) {
        return json{{"date", e.date}, {"check_in_event", e.check_in_event}, {"proposed_end", e.proposed_end}};
      },
      [](const ev::SignedUp& e) { return json{{"activity_id", e.activity_id}, {"date", e.date}}; },
      [](const ev::SignUpCancelled& e) { return json{{"activity_id", e.activity_id}, {"date", e.date}}; },
      [](const ev::AbsenceReported& e) {
        json j{{"date", e.date}, {"dagdeel", core::dagdeel_key(e.dagdeel)}, {"reason", core::reason_key(e.reason)}};
        if (!e.coach_id.empty()) j["coach_id"] = e.coach_id;
        return j;
      },
      [](const ev::AbsenceWithdrawn& e) { return json{{"absence_event", e.absence_event}}; },
      [](const ev::HoursLogged& e) { return json{{"date", e.date}, {"place", e.place}, {"minutes", e.minutes}}; },
      [](const ev::HoursDecided& e) {
        return json{{"hours_event", e.hours_event}, {"approved", e.approved}, {"minutes", e.minutes},
                    {"reason", e.reason}, {"coach_id", e.coach_id}};
      },
      [](const ev::CorrectionDecided& e) {
        return json{{"correction_event", e.correction_event}, {"check_in_event", e.check_in_event}, {"date", e.date},
                    {"accepted", e.accepted}, {"end", e.end}, {"reason", e.reason}, {"coach_id", e.coach_id}};
      },
      [](const ev::ActivitySaved& e) {
        const core::Activity& a = e.activity;
        return json{{"id", a.id}, {"title", a.title}, {"icon", a.icon}, {"weekday", a.weekday}, {"date", a.date},
                    {"dagdeel", core::dagdeel_key(a.dagdeel)}, {"start", core::format_hhmm(a.start)},
                    {"end", core::format_hhmm(a.end)},
                    {"place", a.place}, {"leader", a.leader}, {"capacity", a.capacity},
                    {"volunteer_work", a.volunteer_work}, {"active", a.active}, {"coach_id", e.coach_id}};
      },
      [](const ev::AttendanceRecorded& e) {
        return json{{"date", e.date}, {"dagdeel", core::dagdeel_key(e.dagdeel)}, {"start", e.start}, {"end", e.end},
                    {"reason", e.reason}, {"coach_id", e.coach_id}};
      },
      [](const ev::LadderAssessed& e) {
        json areas = json::object();
        for (std::size_t i = 0; i < core::kProblemAreas.size(); ++i)
          areas[core::area_key(core::kProblemAreas[i])] = core::area_status_key(e.areas[i]);
        return json{{"date", e.date}, {"moment", core::moment_key(e.moment)}, {"rung", e.rung},
                    {"progress", e.progress}, {"areas", areas}, {"coach_id", e.coach_id}};
      },
      [](const ev::NoteAdded& e) { return json{{"date", e.date}, {"text", e.text}, {"talk", e.talk}, {"coach_id", e.coach_id}}; },
      [](const ev::ParticipantLeft& e) {
        return json{{"date", e.date}, {"reason", core::exit_reason_key(e.reason)}, {"coach_id", e.coach_id}};
      },
      [](const ev::Other&) { return json::object(); },
  }, body);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

core::EventBody decode_payload(const std::string& type, const std::string& payload, core::TimeMs wall,
                               std::string* error) {
  const json j = json::parse(payload, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    if (error) *error = "the payload is not a JSON object";
    return ev::Other{};
  }
  Reader r{j, {}};
  core::EventBody body = ev::Other{};
  if (type == "check_in") {
    ev::CheckIn e;
    e.date = r.str("date");
    e.dagdeel = r.dagdeel();
    e.at = r.num("at", wall, false);
    body = e;
  } else if (type == "check_out") {
    body = ev::CheckOut{r.str("date"), r.num("at", wall, false)};
  } else if (type == "auto_check_out") {
    ev::AutoCheckOut e;
    e.date = r.str("date");
    e.check_in_event = r.str("check_in_event");
    e.at = r.num("at", 0, true);
    body = e;
  } else if (type == "checkout_confirmed") {
    ev::CheckoutConfirmed e;
    e.date = r.str("date");
    e.check_in_event = r.str("check_in_event");
    body = e;
  } else if (type == "correction_requested") {
    ev::CorrectionRequested e;
    e.date = r.str("date");
    e.check_in_event = r.str("check_in_event");
    e.proposed_end = r.num("proposed_end", 0, true);
    body = e;
  } else if (type == "signed_up") {
    ev::SignedUp e;
    e.activity_id = r.str("activity_id");
    e.date = r.str("date");
    body = e;
  } else if (type == "sign_up_cancelled") {
    ev::SignUpCancelled e;
    e.activity_id = r.str("activity_id");
    e.date = r.str("date");
    body = e;
  } else if (type == "absence_reported") {
    ev::AbsenceReported e;
    e.date = r.str("date");
    e.dagdeel = r.dagdeel();
    const std::string reason = r.str("reason");
    if (r.error.empty() && !core::reason_from_key(reason, e.reason)) r.error = "unknown reason '" + reason.substr(0, 20) + "'";
    if (j.contains("coach_id")) e.coach_id = r.str("coach_id");
    body = e;
  } else if (type == "absence_withdrawn") {
    body = ev::AbsenceWithdrawn{r.str("absence_event")};
  } else if (type == "hours_logged") {
    ev::HoursLogged e;
    e.date = r.str("date");
    e.place = r.str("place");
    e.minutes = r.minutes("minutes");
    body = e;
  } else if (type == "hours_decided") {
    ev::HoursDecided e;
    e.hours_event = r.str("hours_event");
    e.approved = r.flag("approved");
    e.minutes = r.minutes("minutes");
    if (j.contains("reason")) e.reason = r.str("reason");
    if (j.contains("coach_id")) e.coach_id = r.str("coach_id");
    body = e;
  } else if (type == "correction_decided") {
    ev::CorrectionDecided e;
    if (j.contains("correction_event")) e.correction_event = r.str("correction_event");
    e.check_in_event = r.str("check_in_event");
    e.date = r.str("date");
    e.accepted = r.flag("accepted");
    e.end = r.num("end", 0, true);
    if (j.contains("reason")) e.reason = r.str("reason");
    if (j.contains("coach_id")) e.coach_id = r.str("coach_id");
    body = e;
  } else if (type == "activity_saved") {
    ev::ActivitySaved e;
    core::Activity& a = e.activity;
    a.id = r.str("id");
    a.title = r.str("title");
    a.icon = r.str("icon");
    a.weekday = r.minutes("weekday");
    a.date = r.str("date");
    a.dagdeel = r.dagdeel();
    const std::string start = r.str("start"), end = r.str("end");
    a.start = core::parse_hhmm(start);
    a.end = core::parse_hhmm(end);
    if (r.error.empty() && (a.start < 0 || a.end < 0)) r.error = "start and end must be times like 09:30";
    a.place = r.str("place");
    a.leader = r.str("leader");
    a.capacity = r.minutes("capacity");
    a.volunteer_work = r.flag("volunteer_work");
    a.active = r.flag("active");
    if (j.contains("coach_id")) e.coach_id = r.str("coach_id");
    body = e;
  } else if (type == "attendance_recorded") {
    ev::AttendanceRecorded e;
    e.date = r.str("date");
    e.dagdeel = r.dagdeel();
    e.start = r.num("start", 0, true);
    e.end = r.num("end", 0, true);
    e.reason = r.str("reason");
    e.coach_id = r.str("coach_id");
    body = e;
  } else if (type == "ladder_assessed") {
    ev::LadderAssessed e;
    e.date = r.str("date");
    const std::string moment = r.str("moment");
    if (r.error.empty() && !core::moment_from_key(moment, e.moment)) r.error = "unknown moment '" + moment.substr(0, 20) + "'";
    e.rung = r.minutes("rung");
    e.progress = r.minutes("progress");
    // Areas: an object of area -> status; an area left out is "none" (a newer kiosk may know more).
    const auto areas = j.find("areas");
    if (areas != j.end() && !areas->is_object() && r.error.empty()) r.error = "'areas' must be an object";
    if (areas != j.end() && areas->is_object())
      for (std::size_t i = 0; i < core::kProblemAreas.size(); ++i) {
        const auto it = areas->find(core::area_key(core::kProblemAreas[i]));
        if (it == areas->end()) continue;
        if (!it->is_string() || !core::area_status_from_key(it->get<std::string>(), e.areas[i])) {
          if (r.error.empty()) r.error = std::string("bad status of area ") + core::area_key(core::kProblemAreas[i]);
        }
      }
    e.coach_id = r.str("coach_id");
    body = e;
  } else if (type == "note_added") {
    ev::NoteAdded e;
    e.date = r.str("date");
    e.text = r.str("text");
    e.talk = j.contains("talk") ? r.flag("talk") : false;
    e.coach_id = r.str("coach_id");
    body = e;
  } else if (type == "participant_left") {
    ev::ParticipantLeft e;
    e.date = r.str("date");
    const std::string reason = r.str("reason");
    if (r.error.empty() && !core::exit_reason_from_key(reason, e.reason)) r.error = "unknown exit reason '" + reason.substr(0, 20) + "'";
    e.coach_id = r.str("coach_id");
    body = e;
  } else {
    return ev::Other{};  // a newer type: kept and synced, not folded
  }
  if (r.error.empty()) r.error = core::validate(body);
  if (!r.error.empty()) {
    if (error) *error = type + ": " + r.error;
    return ev::Other{};
  }
  return body;
}

}  // namespace meedoen::storage
