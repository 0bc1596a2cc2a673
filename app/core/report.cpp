// The month overview and the progress report, computed from plain inputs (see report.hpp for
// the definitions a municipality reads the figures by).
#include "core/report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "core/collate.hpp"

namespace meedoen::core {

namespace {

// [SECTION] Helpers

using PartKey = std::tuple<std::string, std::string, int>;  // participant, date, dagdeel

PartKey key_of(const std::string& pid, const std::string& date, Dagdeel d) { return {pid, date, static_cast<int>(d)}; }

bool in_range(const std::string& date, const std::string& from, const std::string& to) {
  return date >= from && date <= to;
}

const Exit* first_exit(const ReportInputs& in, const std::string& pid) {
  const Exit* best = nullptr;
  for (const auto& e : in.exits)
    if (e.participant_id == pid && (!best || e.date < best->date)) best = &e;
  return best;
}

const Activity* activity(const ReportInputs& in, const std::string& id) {
  for (const auto& a : in.programme)
    if (a.id == id) return &a;
  return nullptr;
}

std::string coach_name_of(const ReportInputs& in, const std::string& id) {
  for (const auto& c : in.coaches)
    if (c.id == id) return c.name;
  return id;
}

std::string name_of(const Participant& p) {
  return p.last_name.empty() ? p.first_name : p.first_name + " " + p.last_name;
}

// The ladder movement of one participant in [from, to]: baseline and last, or nulls.
std::pair<const LadderAssessment*, const LadderAssessment*> ladder_span(const ReportInputs& in, const std::string& pid,
                                                                        const std::string& from,
                                                                        const std::string& to) {
  const LadderAssessment* before = nullptr;
  const LadderAssessment* first_in = nullptr;
  const LadderAssessment* last_in = nullptr;
  // Inputs come ordered by (date, at); compare explicitly so the order is not an assumption.
  auto later = [](const LadderAssessment* a, const LadderAssessment& b) {
    return !a || std::tie(b.date, b.at) >= std::tie(a->date, a->at);
  };
  for (const auto& l : in.ladder) {
    if (l.participant_id != pid) continue;
    if (l.date < from) {
      if (later(before, l)) before = &l;
    } else if (l.date <= to) {
      if (!first_in || std::tie(l.date, l.at) < std::tie(first_in->date, first_in->at)) first_in = &l;
      if (later(last_in, l)) last_in = &l;
    }
  }
  return {before ? before : first_in, last_in};
}

void add_outcome(MonthFigures& f, const PartOutcome& o, bool mandatory) {
  switch (o.kind) {
    case PartKind::Present: ++f.present; break;
    case PartKind::Absent:
      ++f.absent;
      ++f.absent_by_reason[static_cast<std::size_t>(o.reason)];
      break;
    case PartKind::NoShow:
      ++f.no_shows;
      if (!mandatory) ++f.no_shows_voluntary;
      break;
  }
}

void add_figures(MonthFigures& to, const MonthFigures& f) {
  to.participants += f.participants;
  to.present += f.present;
  to.absent += f.absent;
  for (std::size_t i = 0; i < to.absent_by_reason.size(); ++i) to.absent_by_reason[i] += f.absent_by_reason[i];
  to.no_shows += f.no_shows;
  to.no_shows_voluntary += f.no_shows_voluntary;
  to.approved_minutes += f.approved_minutes;
  to.waiting_minutes += f.waiting_minutes;
  to.ladder_up += f.ladder_up;
  to.ladder_down += f.ladder_down;
  to.ladder_same += f.ladder_same;
  to.ladder_within_up += f.ladder_within_up;
  to.intake += f.intake;
  to.outflow += f.outflow;
  for (std::size_t i = 0; i < to.outflow_by_reason.size(); ++i) to.outflow_by_reason[i] += f.outflow_by_reason[i];
}

// The ISO weeks of [from, to], each cut to the period.
std::vector<WeekCount> weeks_between(const std::string& from, const std::string& to) {
  std::vector<WeekCount> out;
  for (std::string m = monday_of(from); !m.empty() && m <= to; m = add_days(m, 7))
    out.push_back({iso_week_label(m), m, std::max(m, from), std::min(add_days(m, 6), to), 0, 0});
  return out;
}

WeekCount* week_for(std::vector<WeekCount>& weeks, const std::string& date) {
  for (auto& w : weeks)
    if (in_range(date, w.from, w.to)) return &w;
  return nullptr;
}

}  // namespace

// [SECTION] Calendar helpers

bool valid_month(const std::string& month) {
  return month.size() == 7 && month[4] == '-' && valid_date_iso(month + "-01");
}

std::string month_of(const std::string& iso_date) { return iso_date.size() >= 7 ? iso_date.substr(0, 7) : ""; }

std::string first_day(const std::string& month) { return valid_month(month) ? month + "-01" : ""; }

std::string add_months(const std::string& month, int n) {
  int y = 0, m = 0, d = 0;
  if (!parse_date_iso(first_day(month), y, m, d)) return "";
  int idx = y * 12 + (m - 1) + n;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", idx / 12, idx % 12 + 1);
  return buf;
}

std::string last_day(const std::string& month) {
  const std::string next = first_day(add_months(month, 1));
  return next.empty() ? "" : add_days(next, -1);
}

std::string monday_of(const std::string& iso_date) {
  const int wd = weekday_of(iso_date);
  return wd < 0 ? "" : add_days(iso_date, -wd);
}

std::string iso_week_label(const std::string& iso_date) {
  // The ISO week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
  const std::string thursday = add_days(monday_of(iso_date), 3);
  if (thursday.empty()) return "";
  const std::string jan1 = thursday.substr(0, 4) + "-01-01";
  const int week = days_between(jan1, thursday) / 7 + 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s-W%02d", thursday.substr(0, 4).c_str(), week);
  return buf;
}

bool valid_locale(const std::string& l) {
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (l.size() != 2 && l.size() != 5) return false;
  if (!lower(l[0]) || !lower(l[1])) return false;
  return l.size() == 2 || ((l[2] == '-' || l[2] == '_') && upper(l[3]) && upper(l[4]));
}

ReportRange report_range(const std::string& month) {
  ReportRange r;
  r.month_from = first_day(month);
  r.month_to = last_day(month);
  r.attendance_from = r.month_from;
  r.attendance_to = r.month_to;
  r.hours_from = r.month_from;
  return r;
}

// [SECTION] Outcomes

std::string go_live_date(const std::string& setting, const std::string& first_event_date) {
  if (valid_date_iso(setting)) return setting;
  return valid_date_iso(first_event_date) ? first_event_date : "";
}

std::string expected_from(const Participant& p, const std::string& go_live) {
  return std::max(go_live, p.start_date);  // ISO dates sort as text; "" is no bound
}

bool agreed_on(const Participant& p, const std::string& date, Dagdeel d, const std::string& go_live) {
  if (date < expected_from(p, go_live) || (!p.end_date.empty() && date > p.end_date)) return false;
  const int wd = weekday_of(date);
  return wd >= 0 && (p.agreed_parts & agreed_bit(wd, d)) != 0;
}

std::vector<Dagdeel> expected_parts(const ReportInputs& in, const Participant& p, const std::string& date) {
  std::vector<Dagdeel> out;
  if (const Exit* e = first_exit(in, p.id); e && date >= e->date) return out;  // left: expected nowhere
  if (date < expected_from(p, in.go_live)) return out;  // before go-live or the start: not even a sign-up
  for (Dagdeel d : kDagdelen) {
    bool expected = agreed_on(p, date, d, in.go_live);
    for (const auto& su : in.signups) {
      if (expected) break;
      if (su.participant_id != p.id || su.date != date || !su.placed) continue;
      const Activity* a = activity(in, su.activity_id);
      expected = a && a->dagdeel == d;
    }
    if (expected) out.push_back(d);
  }
  return out;
}

std::vector<PartOutcome> part_outcomes(const ReportInputs& in, const std::string& from, const std::string& to,
                                       TimeMs now) {
  const std::string today = format_date_iso(to_local(now));
  std::map<PartKey, PartOutcome> seen;
  for (const auto& a : in.attendance) {
    if (!in_range(a.date, from, to)) continue;
    seen.emplace(key_of(a.participant_id, a.date, a.dagdeel),
                 PartOutcome{a.participant_id, a.date, a.dagdeel, PartKind::Present});
  }
  for (const auto& a : in.absences) {
    if (a.withdrawn || !in_range(a.date, from, to) || a.date > today) continue;
    // Present after all (reported ill, then came): the attendance is the fact that counts.
    seen.emplace(key_of(a.participant_id, a.date, a.dagdeel),
                 PartOutcome{a.participant_id, a.date, a.dagdeel, PartKind::Absent, a.reason});
  }
  for (const auto& p : in.participants) {
    for (std::string date = from; !date.empty() && date <= to && date <= today; date = add_days(date, 1)) {
      for (Dagdeel d : expected_parts(in, p, date)) {
        // Only a dagdeel that is over: someone may still come this afternoon.
        if (from_local(date, in.dagdelen[static_cast<std::size_t>(d)].end) > now) continue;
        seen.emplace(key_of(p.id, date, d), PartOutcome{p.id, date, d, PartKind::NoShow});
      }
    }
  }
  std::vector<PartOutcome> out;
  out.reserve(seen.size());
  for (auto& [k, o] : seen) out.push_back(std::move(o));
  std::stable_sort(out.begin(), out.end(), [](const PartOutcome& a, const PartOutcome& b) {
    return std::tie(a.date, a.dagdeel) < std::tie(b.date, b.dagdeel);
  });
  return out;
}

// [SECTION] Month overview

namespace {

// The month's figures per coach and per participant, built up one source at a time.
class MonthTally {
 public:
  MonthTally(const ReportInputs& in, const std::string& only_coach, const std::string& from, const std::string& to)
      : m_in(in), m_only_coach(only_coach), m_from(from), m_to(to) {
    for (const auto& p : in.participants) m_people[p.id] = &p;
    if (only_coach.empty())
      for (const auto& c : in.coaches) figures(c.id);
    else figures(only_coach);
  }

  // Whose coach: the roster's; someone no longer on it is found through their exit.
  std::string coach_of(const std::string& pid) const {
    if (auto it = m_people.find(pid); it != m_people.end()) return it->second->coach_id;
    for (const auto& e : m_in.exits)
      if (e.participant_id == pid) return e.coach_id;
    return "";
  }
  bool counted(const std::string& pid) const { return m_only_coach.empty() || coach_of(pid) == m_only_coach; }

  void add_roster() {
    for (const auto& p : m_in.participants) {
      if (!counted(p.id)) continue;
      MonthFigures& f = figures(p.coach_id);
      ++f.participants;
      line(p.id);
      if (in_range(p.start_date, m_from, m_to)) ++f.intake;
    }
  }

  void add_attendance(TimeMs now) {
    for (const auto& o : part_outcomes(m_in, m_from, m_to, now)) {
      if (!counted(o.participant_id)) continue;
      ParticipantMonth& l = line(o.participant_id);
      add_outcome(figures(l.coach_id), o, l.mandatory);
      if (o.kind == PartKind::Present) ++l.present;
      if (o.kind == PartKind::Absent) ++l.absent;
      if (o.kind == PartKind::NoShow) ++l.no_shows;
    }
  }

  void add_hours() {
    for (const auto& h : m_in.hours) {
      if (!in_range(h.date, m_from, m_to) || !counted(h.participant_id)) continue;
      ParticipantMonth& l = line(h.participant_id);
      MonthFigures& f = figures(l.coach_id);
      if (h.status == HoursStatus::Approved) {
        f.approved_minutes += h.approved_minutes;
        l.approved_minutes += h.approved_minutes;
      } else if (h.status == HoursStatus::Waiting) {
        f.waiting_minutes += h.minutes;
      }
    }
  }

  // Who moved on the ladder this month: up, down, or on the same rung (and within it, up).
  void add_ladder() {
    std::set<std::string> assessed;
    for (const auto& l : m_in.ladder) assessed.insert(l.participant_id);
    for (const auto& pid : assessed) {
      if (!counted(pid)) continue;
      const auto [base, last] = ladder_span(m_in, pid, m_from, m_to);
      if (!base || !last || base == last) continue;
      ParticipantMonth& l = line(pid);
      l.rung_from = base->rung;
      l.progress_from = base->progress;
      l.rung_to = last->rung;
      l.progress_to = last->progress;
      MonthFigures& f = figures(l.coach_id);
      if (last->rung > base->rung) ++f.ladder_up;
      else if (last->rung < base->rung) ++f.ladder_down;
      else {
        ++f.ladder_same;
        if (last->progress > base->progress) ++f.ladder_within_up;
      }
    }
  }

  void add_exits() {
    for (const auto& e : m_in.exits) {
      if (!in_range(e.date, m_from, m_to) || !counted(e.participant_id)) continue;
      MonthFigures& f = figures(line(e.participant_id).coach_id);
      ++f.outflow;
      ++f.outflow_by_reason[static_cast<std::size_t>(e.reason)];
    }
  }

  // The centre's totals, coaches by name (participants without a coach last), participants by coach and name.
  void finish(MonthReport& r) {
    for (auto& [id, f] : m_by_coach) {
      add_figures(r.centre, f);
      r.coaches.push_back(f);
    }
    std::stable_sort(r.coaches.begin(), r.coaches.end(), [](const MonthFigures& a, const MonthFigures& b) {
      if (a.coach_id.empty() != b.coach_id.empty()) return b.coach_id.empty();
      return collate_less(a.coach_name, b.coach_name);
    });
    std::erase_if(r.coaches, [](const MonthFigures& f) {
      return f.coach_id.empty() && f.participants == 0 && f.present == 0 && f.approved_minutes == 0 && f.outflow == 0;
    });
    for (auto& [id, l] : m_lines) r.participants.push_back(std::move(l));
    // By coach in the coaches' order, then by name as people expect it (core/collate).
    std::map<std::string, std::size_t> coach_rank;
    for (std::size_t i = 0; i < r.coaches.size(); ++i) coach_rank[r.coaches[i].coach_id] = i;
    auto rank = [&](const std::string& id) {
      const auto it = coach_rank.find(id);
      return it == coach_rank.end() ? r.coaches.size() : it->second;
    };
    std::stable_sort(r.participants.begin(), r.participants.end(),
                     [&](const ParticipantMonth& a, const ParticipantMonth& b) {
                       const std::size_t ra = rank(a.coach_id), rb = rank(b.coach_id);
                       return ra != rb ? ra < rb : collate_less(a.name, b.name);
                     });
  }

 private:
  ParticipantMonth& line(const std::string& pid) {
    ParticipantMonth& l = m_lines[pid];
    if (!l.participant_id.empty()) return l;
    l.participant_id = pid;
    l.coach_id = coach_of(pid);
    if (auto it = m_people.find(pid); it != m_people.end()) {
      l.name = name_of(*it->second);
      l.mandatory = it->second->mandatory;
    } else {
      l.name = pid;
    }
    return l;
  }

  MonthFigures& figures(const std::string& coach) {
    MonthFigures& f = m_by_coach[coach];
    f.coach_id = coach;
    f.coach_name = coach.empty() ? "" : coach_name_of(m_in, coach);
    return f;
  }

  const ReportInputs& m_in;
  const std::string& m_only_coach;
  const std::string m_from, m_to;
  std::map<std::string, const Participant*> m_people;
  std::map<std::string, MonthFigures> m_by_coach;
  std::map<std::string, ParticipantMonth> m_lines;
};

// Charts: dagdelen present and approved hours per week of the month, counted by the table's own
// rules over the same days (so the bars add up to the table), no week that has not begun.
void add_month_charts(MonthReport& r, const MonthTally& tally, const ReportInputs& in, TimeMs now) {
  r.weeks = weeks_between(r.from, r.to);
  std::erase_if(r.weeks, [&](const WeekCount& w) { return w.from > r.as_of; });
  for (const auto& o : part_outcomes(in, r.from, r.to, now))
    if (o.kind == PartKind::Present && tally.counted(o.participant_id))
      if (WeekCount* w = week_for(r.weeks, o.date)) ++w->present;
  for (const auto& h : in.hours) {
    if (h.status != HoursStatus::Approved || !tally.counted(h.participant_id)) continue;
    if (WeekCount* w = week_for(r.weeks, h.date)) w->approved_minutes += h.approved_minutes;
  }
}

}  // namespace

MonthReport month_report(const ReportInputs& in, const std::string& month, TimeMs now, const std::string& only_coach) {
  MonthReport r;
  const ReportRange range = report_range(month);
  r.month = month;
  r.from = range.month_from;
  r.to = range.month_to;
  r.as_of = format_date_iso(to_local(now));
  r.only_coach = only_coach;
  if (r.from.empty()) return r;

  MonthTally tally(in, only_coach, r.from, r.to);
  tally.add_roster();
  tally.add_attendance(now);
  tally.add_hours();
  tally.add_ladder();
  tally.add_exits();
  tally.finish(r);
  add_month_charts(r, tally, in, now);
  return r;
}

// [SECTION] Progress report

std::string progress_from(const std::string& start_date, const std::string& today) {
  // The same day three months back (clamped to that month's length).
  const std::string back = add_months(month_of(today), -kProgressMonths);
  std::string three = today.size() == 10 ? back + today.substr(7) : "";
  if (!valid_date_iso(three)) three = last_day(back);
  return !start_date.empty() && start_date > three && start_date <= today ? start_date : three;
}

ProgressReport progress_report(const ReportInputs& in, const std::string& participant_id, TimeMs now) {
  ProgressReport r;
  const Participant* p = nullptr;
  for (const auto& x : in.participants)
    if (x.id == participant_id) p = &x;
  r.participant_id = participant_id;
  r.date = format_date_iso(to_local(now));
  if (!p) return r;
  r.found = true;
  r.name = name_of(*p);
  r.coach_id = p->coach_id;
  r.coach_name = coach_name_of(in, p->coach_id);
  r.mandatory = p->mandatory;
  r.start_date = p->start_date;
  r.end_date = p->end_date;
  r.agreed_minutes_per_week = p->agreed_minutes_per_week;
  for (int bit = 0; bit < 21; ++bit) r.agreed_parts_per_week += (p->agreed_parts >> bit) & 1u;
  r.from = progress_from(p->start_date, r.date);
  r.to = r.date;

  ReportInputs mine = in;
  mine.participants = {*p};
  std::vector<WeekCount> weeks = weeks_between(r.from, r.to);
  for (const auto& w : weeks) r.weeks.push_back({w.week, w.monday, w.from, w.to, 0, 0, 0});
  for (const auto& o : part_outcomes(mine, r.from, r.to, now)) {
    if (o.participant_id != participant_id) continue;
    auto it = std::find_if(r.weeks.begin(), r.weeks.end(),
                           [&](const ProgressWeek& w) { return in_range(o.date, w.from, w.to); });
    if (it == r.weeks.end()) continue;
    if (o.kind == PartKind::Present) ++it->present, ++r.present;
    if (o.kind == PartKind::Absent) ++it->absent, ++r.absent;
    if (o.kind == PartKind::NoShow) ++it->no_shows, ++r.no_shows;
  }

  for (const auto& h : in.hours) {
    if (h.participant_id != participant_id || h.date > r.to) continue;
    auto it = std::find_if(r.places.begin(), r.places.end(), [&](const PlaceHours& x) { return x.place == h.place; });
    if (it == r.places.end()) it = r.places.insert(r.places.end(), PlaceHours{h.place, 0, 0});
    if (h.status == HoursStatus::Approved) {
      it->approved_minutes += h.approved_minutes;
      r.approved_minutes += h.approved_minutes;
    } else if (h.status == HoursStatus::Waiting) {
      it->waiting_minutes += h.minutes;
    }
  }
  std::sort(r.places.begin(), r.places.end(), [](const PlaceHours& a, const PlaceHours& b) {
    return std::tie(b.approved_minutes, a.place) < std::tie(a.approved_minutes, b.place);
  });

  for (const auto& l : in.ladder)
    if (l.participant_id == participant_id && l.date <= r.to) r.ladder.push_back(l);
  std::stable_sort(r.ladder.begin(), r.ladder.end(), [](const LadderAssessment& a, const LadderAssessment& b) {
    return std::tie(a.date, a.at) < std::tie(b.date, b.at);
  });
  if (!r.ladder.empty()) r.areas = r.ladder.back().areas;
  return r;
}

}  // namespace meedoen::core
