// The municipality's reports, folded from the stored events.
#include "server/reports.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

#include "core/journal.hpp"
#include "core/time.hpp"
#include "server/report_inputs.hpp"

namespace meedoen::server {

using nlohmann::json;

// [SECTION] Output

std::string to_json(const Table& t) {
  json out = json::array();
  for (const auto& row : t.rows) {
    json o = json::object();
    for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i) o[t.columns[i]] = row[i];
    out.push_back(std::move(o));
  }
  return out.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string to_csv(const Table& t) {
  auto cell = [](const std::string& s) {
    // Quote always; a leading = + - @ is defused so a spreadsheet does not run it as a formula.
    std::string q = "\"";
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) q += '\'';
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string out;
  for (std::size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + t.columns[i];
  out += "\r\n";
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + cell(row[i]);
    out += "\r\n";
  }
  return out;
}

// [SECTION] Helpers

namespace {

std::string local_time(core::TimeMs t) {
  if (t <= 0) return "";
  const core::LocalTime lt = core::to_local(t);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%s:%02d", core::format_date_iso(lt).c_str(),
                core::format_hhmm(lt.minute_of_day).c_str(), lt.second);
  return buf;
}

std::map<std::string, core::Participant> by_id(const ServerStore& s, const std::string& centre) {
  std::map<std::string, core::Participant> out;
  for (auto& p : s.participants(centre, false)) out[p.id] = p;
  return out;
}

}  // namespace

std::string add_days(const std::string& iso, int days) {
  std::tm tm{};
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) return iso;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_mday += days;
  tm.tm_hour = 12;  // noon: no daylight-saving edge moves the date
  tm.tm_isdst = -1;
  std::mktime(&tm);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

// [SECTION] Attendance

namespace {

// The events of a centre as the folds read them, grouped by subject (attendance of one person on
// one date, absences of one person, ...), each group in fold order.
struct Folded {
  std::map<std::string, std::vector<core::Event>> by_subject;
  std::map<std::string, const StoredEvent*> by_id;
};

Folded group(const std::vector<StoredEvent>& events) {
  Folded f;
  f.by_subject = server::by_subject(events);
  for (const auto& s : events) f.by_id[s.e.id] = &s;
  return f;
}

}  // namespace

Table attendance_report(const ServerStore& s, const std::string& centre, const std::string& from,
                        const std::string& to) {
  Table t;
  t.columns = {"centre",   "date",      "dagdeel", "participant_id", "name",        "status",     "reason",
               "check_in", "check_out", "minutes", "kiosk",          "recorded_at", "received_at"};
  const auto people = by_id(s, centre);
  const auto events = s.events(centre, from, to);
  auto name = [&](const std::string& id) {
    auto it = people.find(id);
    return it == people.end() ? std::string() : it->second.first_name + " " + it->second.last_name;
  };
  const Folded f = group(events);
  auto source = [&](const std::string& event_id, std::vector<std::string>& row) {
    auto it = f.by_id.find(event_id);
    const StoredEvent* e = it == f.by_id.end() ? nullptr : it->second;
    row.push_back(e ? e->kiosk_id : "");
    row.push_back(e ? local_time(e->e.wall_ms) : "");
    row.push_back(e ? local_time(e->received) : "");
  };
  for (const auto& [subject, list] : f.by_subject) {
    if (subject.rfind("attendance/", 0) == 0) {
      for (const auto& a : core::fold_attendance(list)) {
        const long minutes = a.check_out > 0 ? static_cast<long>((a.check_out - a.check_in) / 60000) : 0;
        std::vector<std::string> row{centre, a.date, core::dagdeel_key(a.dagdeel), a.participant_id,
                                     name(a.participant_id),
                                     a.open()        ? "present_open"
                                     : a.auto_closed ? "present_not_checked_out"
                                                     : "present",
                                     // The participant said "I don't know" when asked: for the coach.
                                     a.end_unknown && !a.answered ? "end_unknown" : "", local_time(a.check_in),
                                     local_time(a.check_out), std::to_string(minutes)};
        source(a.check_in_event, row);
        t.rows.push_back(std::move(row));
      }
    } else if (subject.rfind("absences/", 0) == 0) {
      for (const auto& a : core::fold_absences(list)) {
        if (a.withdrawn || a.date < from || a.date > to) continue;
        std::vector<std::string> row{centre,
                                     a.date,
                                     core::dagdeel_key(a.dagdeel),
                                     a.participant_id,
                                     name(a.participant_id),
                                     "absent",
                                     core::reason_key(a.reason),
                                     "",
                                     "",
                                     "0"};
        source(a.event_id, row);
        t.rows.push_back(std::move(row));
      }
    } else if (subject.rfind("hours/", 0) == 0) {
      for (const auto& h : core::fold_hours(list)) {
        if (h.date < from || h.date > to) continue;
        const char* status = h.status == core::HoursStatus::Approved   ? "hours_approved"
                             : h.status == core::HoursStatus::Rejected ? "hours_rejected"
                                                                       : "hours_waiting";
        const int minutes = h.status == core::HoursStatus::Approved ? h.approved_minutes : h.minutes;
        std::vector<std::string> row{centre,  h.date, "", h.participant_id,       name(h.participant_id), status,
                                     h.place, "",     "", std::to_string(minutes)};
        source(h.event_id, row);
        t.rows.push_back(std::move(row));
      }
    }
  }
  std::stable_sort(t.rows.begin(), t.rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a[1], a[4], a[7]) < std::tie(b[1], b[4], b[7]);
  });
  return t;
}

// [SECTION] Exceptions

Table exceptions_report(const ServerStore& s, const std::string& centre, const std::string& date, int days) {
  Table t;
  t.columns = {"centre", "date", "kind", "participant_id", "name", "coach_id", "last_seen", "kiosk", "recorded_at"};
  const auto people = s.participants(centre, true);
  const auto today = s.events(centre, date, date);
  // The last check-in of everyone, for "last seen" and for the kiosk and time of each row.
  const auto history = s.events(centre, add_days(date, -366), date);
  std::map<std::string, const StoredEvent*> last_in;
  for (const auto& e : history)
    if (e.e.type == "check_in") last_in[e.e.participant_id] = &e;
  std::map<std::string, bool> accounted;  // checked in or reported absent today
  for (const auto& e : today)
    if (e.e.type == "check_in" || e.e.type == "absence_reported") accounted[e.e.participant_id] = true;
  const std::string cutoff = add_days(date, -days);
  const std::string go_live = centre_go_live(s, centre);
  for (const auto& p : people) {
    const auto it = last_in.find(p.id);
    const StoredEvent* last = it == last_in.end() ? nullptr : it->second;
    const std::string seen = last ? last->date : "";
    auto row = [&](const char* kind) {
      t.rows.push_back({centre, date, kind, p.id, p.first_name + " " + p.last_name, p.coach_id, seen,
                        last ? last->kiosk_id : "", last ? local_time(last->e.wall_ms) : ""});
    };
    // Nobody is missed before the centre went live or before their own start (core::expected_from).
    if (p.mandatory && !accounted.count(p.id) && date >= core::expected_from(p, go_live)) row("mandatory_no_show");
    if (seen.empty() || seen <= cutoff) row("not_seen");
  }
  return t;
}

}  // namespace meedoen::server
