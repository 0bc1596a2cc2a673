// Coach-mode view models. Today puts what needs attention first, in the order a coach acts on
// it: who is expected and not here, check-outs and hours to settle, reported absences, and who
// has not been seen for a while; then who is here now, per dagdeel.
#include "ui/coach_views.hpp"

#include <algorithm>
#include <tuple>

#include "ui/view_models.hpp"

namespace meedoen::ui {

namespace {

// [SECTION] Helpers

const char* dagdeel_label_key(core::Dagdeel d) {
  switch (d) {
    case core::Dagdeel::Morning: return "dagdeel.morning";
    case core::Dagdeel::Afternoon: return "dagdeel.afternoon";
    case core::Dagdeel::Evening: return "dagdeel.evening";
  }
  return "dagdeel.morning";
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// Relative to today: "vandaag", "gisteren", else the long date.
std::string date_text(const core::State& s, const std::string& date, const Strings& tr) {
  return lower_first(tab_label(s, core::days_between(core::today_iso(s), date), tr));
}

AttentionItem item_for(const core::State& s, const core::Participant& p, AttentionItem::Kind kind, const Strings& tr) {
  AttentionItem it;
  it.kind = kind;
  it.id = p.id;
  it.who = full_name(p);
  it.mandatory = p.mandatory;
  it.participation = tr.get(p.mandatory ? "coach.mandatory" : "coach.voluntary");
  it.mine = p.coach_id == s.coach.coach_id;
  return it;
}

bool is_here_today(const core::State& s, const std::string& pid) {
  return std::any_of(s.today.begin(), s.today.end(), [&](const core::Attendance& a) { return a.participant_id == pid; });
}

bool reported_absent(const core::State& s, const std::string& pid, core::Dagdeel d) {
  const auto& abs = s.coach.data.absences;
  return std::any_of(abs.begin(), abs.end(), [&](const core::Absence& a) { return a.participant_id == pid && a.dagdeel == d; });
}

// [SECTION] Exceptions

// Signed up (with a place) for an activity today that has begun, and not checked in: a no-show
// or late. Sign-ups for later today are no exception yet.
void not_here(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  const std::string today = core::today_iso(s);
  const int minute = core::to_local(s.now).minute_of_day;
  std::vector<std::string> done;
  for (const auto& a : s.programme) {
    if (!core::occurs_on(a, today) || minute < a.start) continue;
    for (const auto& su : s.signups) {
      if (su.activity_id != a.id || su.date != today || !su.placed) continue;
      if (std::find(done.begin(), done.end(), su.participant_id) != done.end()) continue;
      if (is_here_today(s, su.participant_id) || reported_absent(s, su.participant_id, a.dagdeel)) continue;
      const core::Participant* p = s.roster->find(su.participant_id);
      if (!p) continue;
      done.push_back(p->id);
      AttentionItem it = item_for(s, *p, AttentionItem::Kind::NotHere, tr);
      it.icon = "person";
      it.what = tr.fmt("coach.missed", {{"activity", a.title}, {"time", core::format_hhmm(a.start)}});
      out.push_back(std::move(it));
    }
  }
}

void check_outs(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  for (const auto& a : s.coach.data.unresolved) {
    const core::Participant* p = s.roster->find(a.participant_id);
    if (!p) continue;
    const bool asked = a.proposed_end > 0;
    AttentionItem it = item_for(s, *p, asked ? AttentionItem::Kind::Correction : AttentionItem::Kind::Forgotten, tr);
    it.id = a.check_in_event;
    it.icon = asked ? "schedule" : "check_out";
    if (asked) {
      it.what = tr.fmt("coach.correction", {{"date", date_text(s, a.date, tr)}, {"in", time_of(a.check_in)},
                                            {"end", time_of(a.check_out)}, {"proposed", time_of(a.proposed_end)}});
      it.primary_label = tr.get("coach.accept");
      it.secondary_label = tr.get("coach.reject");
    } else {
      it.what = tr.fmt("coach.forgotten", {{"date", date_text(s, a.date, tr)}, {"in", time_of(a.check_in)},
                                           {"end", time_of(a.check_out)}});
      it.primary_label = tr.get("coach.confirm");
    }
    out.push_back(std::move(it));
  }
}

void hours(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  for (const auto& h : s.coach.data.hours_waiting) {
    const core::Participant* p = s.roster->find(h.participant_id);
    if (!p) continue;
    AttentionItem it = item_for(s, *p, AttentionItem::Kind::Hours, tr);
    it.id = h.event_id;
    it.icon = "hours";
    it.what = tr.fmt("coach.hours", {{"amount", hours_text(h.minutes, tr)}, {"place", h.place},
                                     {"date", date_text(s, h.date, tr)}});
    it.primary_label = tr.get("coach.approve");
    it.secondary_label = tr.get("coach.reject");
    out.push_back(std::move(it));
  }
}

void absences(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  for (const auto& a : s.coach.data.absences) {
    const core::Participant* p = s.roster->find(a.participant_id);
    if (!p) continue;
    AttentionItem it = item_for(s, *p, AttentionItem::Kind::Absent, tr);
    it.icon = "absence";
    it.what = tr.fmt("coach.absent", {{"reason", tr.get(std::string("reason.") + core::reason_key(a.reason))},
                                      {"dagdeel", lower_first(tr.get(dagdeel_label_key(a.dagdeel)))}});
    out.push_back(std::move(it));
  }
}

// Not here today and not seen for at least N days (or never): absence noticed in weeks, not months.
void not_seen(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  const std::string today = core::today_iso(s);
  for (const auto& p : s.roster->all()) {
    if (is_here_today(s, p.id)) continue;
    const auto it_seen = s.coach.data.last_seen.find(p.id);
    const bool never = it_seen == s.coach.data.last_seen.end();
    const int days = never ? 0 : core::days_between(it_seen->second, today);
    if (!never && days < s.coach.not_seen_days) continue;
    AttentionItem it = item_for(s, p, AttentionItem::Kind::NotSeen, tr);
    it.icon = "hourglass";
    it.what = never ? tr.get("coach.never_seen") : tr.fmt("coach.not_seen", {{"days", std::to_string(days)}});
    out.push_back(std::move(it));
  }
}

}  // namespace

// [SECTION] Builders

std::string full_name(const core::Participant& p) {
  return p.last_name.empty() ? p.first_name : p.first_name + " " + p.last_name;
}

CoachPinView make_coach_pin_view(const core::State& s, const Strings& tr) {
  CoachPinView v;
  v.title = tr.get("coach.pin_title");
  v.hint = tr.get("coach.pin_hint");
  v.back_label = tr.get("common.back");
  v.erase_label = tr.get("keyboard.erase");
  v.show_back = !s.coach.office;
  v.locked = core::coach_locked(s);
  if (v.locked) v.locked_text = tr.fmt("coach.locked", {{"seconds", std::to_string(core::coach_lock_seconds_left(s))}});
  v.busy = s.coach.busy;
  v.digits_entered = static_cast<int>(s.coach.pin.size());
  return v;
}

std::string coach_name(const core::State& s) {
  for (const auto& c : s.coach.data.coaches)
    if (c.id == s.coach.coach_id) return c.name;
  return s.coach.coach_id;
}

CoachNav make_coach_nav(const core::State& s, const Strings& tr) {
  CoachNav v;
  const struct {
    core::Screen screen;
    const char* id;
    const char* icon;
    const char* key;
  } tabs[] = {{core::Screen::CoachToday, "tab:today", "today", "coach.tab.today"},
              {core::Screen::CoachPeople, "tab:people", "person", "coach.tab.people"},
              {core::Screen::CoachProgramme, "tab:programme", "activities", "coach.tab.programme"},
              {core::Screen::CoachReports, "tab:reports", "progress", "coach.tab.reports"}};
  // The participant page and the ladder belong to People, the activity editor to Programme.
  core::Screen section = s.screen;
  if (section == core::Screen::CoachPerson || section == core::Screen::CoachLadder) section = core::Screen::CoachPeople;
  if (section == core::Screen::CoachActivityEdit) section = core::Screen::CoachProgramme;
  for (const auto& t : tabs) v.tabs.push_back({t.screen, t.id, t.icon, tr.get(t.key), t.screen == section});
  v.coach_name = coach_name(s);
  v.clock = core::format_hhmm(core::to_local(s.now).minute_of_day);
  if (s.sync.configured) {
    const std::string last = s.sync.last_success > 0 ? time_of(s.sync.last_success) : std::string("-");
    v.sync_line = tr.fmt(s.sync.online ? "coach.sync.online" : "coach.sync.offline", {{"time", last}}) + ", " +
                  (s.sync.unsent == 0 ? tr.get("coach.sync.all_sent")
                                      : tr.fmt("coach.sync.unsent", {{"n", std::to_string(s.sync.unsent)}}));
    if (s.sync.rejected > 0) v.sync_line += ", " + tr.fmt("coach.sync.rejected", {{"n", std::to_string(s.sync.rejected)}});
    if (s.sync.clock_off) v.sync_line += ", " + tr.get("coach.sync.clock_off");
    v.sync_trouble = !s.sync.online || s.sync.rejected > 0 || s.sync.clock_off;
  }
  v.leave_label = tr.get("coach.leave");
  v.busy = s.coach.busy;
  return v;
}

CoachTodayView make_coach_today_view(const core::State& s, const Strings& tr) {
  CoachTodayView v;
  const core::LocalTime lt = core::to_local(s.now);
  v.title = tr.fmt("coach.today", {{"date", long_date(lt, tr)}});
  const CoachNav nav = make_coach_nav(s, tr);
  v.sync_line = nav.sync_line;
  v.sync_trouble = nav.sync_trouble;
  v.coach_name = nav.coach_name;
  v.loaded = s.coach.data.loaded;
  v.busy = s.coach.busy;
  v.loading = tr.get("coach.loading");
  v.all_clear = tr.get("coach.all_clear");

  if (v.loaded) {
    not_here(s, tr, v.items);
    check_outs(s, tr, v.items);
    hours(s, tr, v.items);
    absences(s, tr, v.items);
    not_seen(s, tr, v.items);
  }
  // Within a kind: the coach's own participants first, then mandatory ones (the municipality
  // wants to hear about them in time), then by name. Kinds keep the order they were added in.
  std::stable_sort(v.items.begin(), v.items.end(), [](const AttentionItem& a, const AttentionItem& b) {
    return std::make_tuple(static_cast<int>(a.kind), !a.mine, !a.mandatory) <
           std::make_tuple(static_cast<int>(b.kind), !b.mine, !b.mandatory);
  });
  v.attention_title = tr.fmt("coach.attention", {{"count", std::to_string(v.items.size())}});

  // Who is here now, per dagdeel, by check-in time.
  std::vector<core::Attendance> today = s.today;
  std::sort(today.begin(), today.end(), [](const core::Attendance& a, const core::Attendance& b) { return a.check_in < b.check_in; });
  int present = 0;
  for (core::Dagdeel d : core::kDagdelen) {
    CoachTodayView::HereGroup g;
    for (const auto& a : today) {
      if (a.dagdeel != d) continue;
      const core::Participant* p = s.roster->find(a.participant_id);
      if (!p) continue;
      CoachTodayView::HereLine line;
      line.who = full_name(*p);
      line.since = a.open() ? time_of(a.check_in) : time_of(a.check_in) + " - " + time_of(a.check_out);
      line.mandatory = p->mandatory;
      line.participation = tr.get(p->mandatory ? "coach.mandatory" : "coach.voluntary");
      line.left = !a.open();
      if (a.open()) ++present;
      g.people.push_back(std::move(line));
    }
    if (g.people.empty()) continue;
    g.title = tr.get(dagdeel_label_key(d)) + " (" + std::to_string(g.people.size()) + ")";
    v.here.push_back(std::move(g));
  }
  v.here_title = tr.fmt("coach.here_now", {{"count", std::to_string(present)}});
  v.nobody_here = tr.get("coach.nobody_here");

  if (s.coach.pending != core::PendingKind::None) {
    v.asking_reason = true;
    v.reason_title = tr.get("coach.reason_title");
    v.cancel_label = tr.get("coach.cancel");
    for (const auto& it : v.items)
      if (it.id == s.coach.pending_id) v.reason_subject = it.who + ": " + it.what;
    for (core::CoachReason r : core::kCoachReasons)
      v.reasons.push_back({r, tr.get(std::string("coach.reason.") + core::coach_reason_key(r))});
  }
  return v;
}

}  // namespace meedoen::ui
