// Coach-mode view models. Today puts what needs attention first, in the order a coach acts on
// it: who is expected and not here, check-outs and hours to settle, reported absences, and who
// has not been seen for a while; then who is here now, per dagdeel.
#include "ui/coach_views.hpp"

#include <algorithm>
#include <tuple>

#include "core/collate.hpp"
#include "core/overloaded.hpp"
#include "core/report.hpp"

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

// "23 nov": a date in a list, short.
std::string short_date(const std::string& iso, const Strings& tr) {
  const core::LocalTime lt = core::to_local(core::from_local(iso, 12 * 60));
  std::string month = tr.get("month." + std::to_string(lt.month));
  std::size_t cut = 0;  // three letters, counted in UTF-8 characters
  for (int n = 0; n < 3 && cut < month.size(); ++n) {
    ++cut;
    while (cut < month.size() && (static_cast<unsigned char>(month[cut]) & 0xC0) == 0x80) ++cut;
  }
  return std::to_string(lt.day) + " " + month.substr(0, cut);
}

// Relative to today: "vandaag", "gisteren", else the long date.
std::string date_text(const core::State& s, const std::string& date, const Strings& tr) {
  return lower_first(tab_label(s, core::days_between(core::today_iso(s), date), tr));
}

AttentionItem item_for(const core::State& s, const core::Participant& p, AttentionItem::Kind kind, const Strings& tr) {
  AttentionItem it;
  it.kind = kind;
  // Made unique by each kind (a person can be on Today for an end date and for not being seen: the
  // buttons' ids, "open:" + id, stood twice on one screen).
  it.id = p.id;
  it.who = full_name(p);
  it.mandatory = p.mandatory;
  it.participation = tr.get(p.mandatory ? "coach.mandatory" : "coach.voluntary");
  it.mine = p.coach_id == s.coach.coach_id;
  it.person_id = p.id;
  return it;
}

bool here_in(const core::State& s, const std::string& pid, core::Dagdeel d) {
  return std::any_of(s.today.begin(), s.today.end(),
                     [&](const core::Attendance& a) { return a.participant_id == pid && a.dagdeel == d; });
}

bool is_here_today(const core::State& s, const std::string& pid) {
  return std::any_of(s.today.begin(), s.today.end(),
                     [&](const core::Attendance& a) { return a.participant_id == pid; });
}

bool reported_absent(const core::State& s, const std::string& pid, core::Dagdeel d) {
  const auto& abs = s.coach.data.absences;
  return std::any_of(abs.begin(), abs.end(),
                     [&](const core::Absence& a) { return a.participant_id == pid && a.dagdeel == d; });
}

// [SECTION] Exceptions

// Expected in a dagdeel that has begun (agreed dagdelen, or a placed sign-up for an activity
// that has begun) and not here in it, not reported absent: late, or a no-show once it is over.
// One tap resolves it: they phoned in (an absence with its reason), or they were here after all.
void not_here(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  const std::string today = core::today_iso(s);
  const int minute = core::to_local(s.now).minute_of_day;
  for (const auto& p : s.roster->all()) {
    for (core::Dagdeel d : core::kDagdelen) {
      const core::DagdeelTimes& times = s.config.dagdelen[static_cast<std::size_t>(d)];
      if (minute < times.start || !core::expected(s, p, d)) continue;
      if (here_in(s, p.id, d) || reported_absent(s, p.id, d)) continue;
      // The activity they signed up for, if that is why they are expected.
      const core::Activity* activity = nullptr;
      for (const auto& su : s.signups)
        if (su.participant_id == p.id && su.date == today && su.placed)
          for (const auto& a : s.programme)
            if (a.id == su.activity_id && a.active && a.dagdeel == d && a.start <= minute) activity = &a;
      const bool agreed = core::agreed_on(p, today, d, s.coach.data.go_live);
      if (!activity && !agreed) continue;  // signed up for something later in the dagdeel
      AttentionItem it = item_for(s, p, AttentionItem::Kind::NotHere, tr);
      it.icon = "person";
      const std::string part = tr.get(dagdeel_label_key(d));
      if (activity)
        it.what = tr.fmt("coach.missed", {{"activity", activity->title}, {"time", core::format_hhmm(activity->start)}});
      else it.what = tr.fmt(minute < times.end ? "coach.expected" : "coach.no_show", {{"dagdeel", part}});
      it.primary_label = tr.get("coach.phoned");
      it.primary = core::AbsentByPhoneTapped{p.id, d};
      it.secondary_label = tr.get("coach.was_here");
      it.secondary = core::WasHereTapped{p.id, today, d};
      it.id = p.id + ":" + core::dagdeel_key(d);
      out.push_back(std::move(it));
      break;  // one line per participant: the earliest dagdeel
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
      it.what = tr.fmt("coach.correction", {{"date", date_text(s, a.date, tr)},
                                            {"in", time_of(a.check_in)},
                                            {"end", time_of(a.check_out)},
                                            {"proposed", time_of(a.proposed_end)}});
      it.primary_label = tr.get("coach.accept");
      it.primary = core::CorrectionAcceptTapped{a.check_in_event};
      it.secondary_label = tr.get("coach.reject");
      it.secondary = core::CorrectionRejectTapped{a.check_in_event};
    } else {
      // "I don't know" from the participant: the coach decides the end, nobody asks them again.
      it.what =
          tr.fmt(a.end_unknown ? "coach.end_unknown" : "coach.forgotten",
                 {{"date", date_text(s, a.date, tr)}, {"in", time_of(a.check_in)}, {"end", time_of(a.check_out)}});
      it.primary_label = tr.get("coach.confirm");
      it.primary = core::EndConfirmTapped{a.check_in_event};
    }
    out.push_back(std::move(it));
  }
}

AttentionItem hours_item(const core::State& s, const core::Participant& p, const core::HoursEntry& h,
                         const Strings& tr) {
  AttentionItem it = item_for(s, p, AttentionItem::Kind::Hours, tr);
  it.id = h.event_id;
  it.icon = "hours";
  it.what = tr.fmt("coach.hours",
                   {{"amount", hours_text(h.minutes, tr)}, {"place", h.place}, {"date", date_text(s, h.date, tr)}});
  it.primary_label = tr.get("coach.approve");
  it.primary = core::HoursApproveTapped{h.event_id};
  it.secondary_label = tr.get("coach.reject");
  it.secondary = core::HoursRejectTapped{h.event_id};
  return it;
}

void hours(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  for (const auto& h : s.coach.data.hours_waiting) {
    const core::Participant* p = s.roster->find(h.participant_id);
    if (!p) continue;
    out.push_back(hours_item(s, *p, h, tr));
  }
}

void absences(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  for (const auto& a : s.coach.data.absences) {
    const core::Participant* p = s.roster->find(a.participant_id);
    if (!p) continue;
    AttentionItem it = item_for(s, *p, AttentionItem::Kind::Absent, tr);
    it.id = a.event_id;  // a person absent for two dagdelen has two items
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
    if (is_here_today(s, p.id) || core::has_left(s, p.id)) continue;
    const auto it_seen = s.coach.data.last_seen.find(p.id);
    const bool never = it_seen == s.coach.data.last_seen.end();
    const int days = never ? 0 : core::days_between(it_seen->second, today);
    if (!never && days < s.coach.not_seen_days) continue;
    AttentionItem it = item_for(s, p, AttentionItem::Kind::NotSeen, tr);
    it.id = p.id + ":not-seen";
    it.icon = "hourglass";
    it.what = never ? tr.get("coach.never_seen") : tr.fmt("coach.not_seen", {{"days", std::to_string(days)}});
    it.primary_label = tr.get("coach.open");
    it.primary = core::PersonTapped{p.id};
    out.push_back(std::move(it));
  }
}

// The logged-in coach's own participants whose talk is due and not yet planned.
void talks(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  for (const auto& p : s.roster->all()) {
    if (p.coach_id != s.coach.coach_id) continue;
    const int days = core::talk_due_days(s, p);
    if (days < 0) continue;
    AttentionItem it = item_for(s, p, AttentionItem::Kind::Talk, tr);
    it.id = p.id + ":talk";
    it.icon = "talk";
    it.what = tr.fmt("coach.talk_due", {{"days", std::to_string(days)}, {"every", std::to_string(p.talk_every_days)}});
    it.primary_label = tr.get("coach.talk_held");
    it.primary = core::TalkHeldTapped{p.id};
    it.secondary_label = tr.get("coach.open");
    it.secondary = core::PersonTapped{p.id};
    out.push_back(std::move(it));
  }
}

// Programme end dates passed, or within kEndDateWarnDays.
void end_dates(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  const std::string today = core::today_iso(s);
  for (const auto& p : s.roster->all()) {
    if (p.end_date.empty() || core::has_left(s, p.id)) continue;
    const int left = core::days_between(today, p.end_date);
    if (left > core::kEndDateWarnDays) continue;
    AttentionItem it = item_for(s, p, AttentionItem::Kind::EndDate, tr);
    it.id = p.id + ":end";
    it.icon = "schedule";
    const std::string when = short_date(p.end_date, tr);
    it.what = left < 0 ? tr.fmt("coach.end_passed", {{"date", when}})
                       : tr.fmt("coach.end_soon", {{"date", when}, {"days", std::to_string(left)}});
    it.primary_label = tr.get("coach.open");
    it.primary = core::PersonTapped{p.id};
    out.push_back(std::move(it));
  }
}

// The kiosk's database is not on an encrypted disk while the settings ask for one: named first,
// for the coach to pass on (it is the administrator's to fix, docs/deploy.md).
void storage_at_rest(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  if (s.storage_unprotected.empty()) return;
  AttentionItem it;
  it.kind = AttentionItem::Kind::Storage;
  it.icon = "lock";
  it.who = tr.get("coach.storage.who");
  it.what = tr.fmt("coach.storage.unencrypted", {{"device", s.storage_unprotected}});
  out.push_back(std::move(it));
}

// What an event stamped by a wrong clock was, in a word or two.
std::string clock_off_what(const std::string& type, const Strings& tr) {
  for (const char* known : {"check_in", "check_out", "hours_logged", "absence_reported", "signed_up"})
    if (type == known) return tr.get(std::string("coach.clock_off.") + known);
  return tr.get("coach.clock_off.other");
}

// Events of other kiosks stamped by a clock far off: kept, and listed so a coach can check them.
void clock_off(const core::State& s, const Strings& tr, std::vector<AttentionItem>& out) {
  for (const auto& e : s.coach.data.clock_off) {
    const core::Participant* p = e.participant_id.empty() ? nullptr : s.roster->find(e.participant_id);
    AttentionItem it = p ? item_for(s, *p, AttentionItem::Kind::ClockOff, tr) : AttentionItem{};
    it.kind = AttentionItem::Kind::ClockOff;
    if (!p) it.who = e.participant_id.empty() ? tr.get("coach.clock_off.nobody") : e.participant_id;
    it.id = e.event_id;
    it.icon = "schedule";
    const core::LocalTime lt = core::to_local(e.wall);
    const std::string when = short_date(core::format_date_iso(lt), tr) + " " + std::to_string(lt.year) + " " +
                             core::format_hhmm(lt.minute_of_day);
    it.what = tr.fmt("coach.clock_off", {{"what", clock_off_what(e.type, tr)}, {"when", when}});
    if (p) {
      it.primary_label = tr.get("coach.open");
      it.primary = core::PersonTapped{p->id};
    }
    out.push_back(std::move(it));
  }
}

// The options of the choice waiting over the screen: coach reasons, absence reasons or exit reasons.
std::vector<ChoiceOption> choice_options(const core::State& s, const Strings& tr) {
  std::vector<ChoiceOption> out;
  switch (s.coach.pending) {
    case core::PendingKind::None: break;
    case core::PendingKind::AbsentByPhone:
      for (core::AbsenceReason r : core::kAbsenceReasons)
        out.push_back({std::string("choice:") + core::reason_key(r),
                       tr.get(std::string("reason.") + core::reason_key(r)), core::ChoiceTapped{core::reason_key(r)}});
      break;
    case core::PendingKind::PickDagdeel: {
      // The dagdelen of that day with nothing recorded yet, and already begun.
      const auto& person = s.coach.data.person;
      const int minute = core::to_local(s.now).minute_of_day;
      for (core::Dagdeel d : core::kDagdelen) {
        const bool here =
            std::any_of(person.attendance.begin(), person.attendance.end(),
                        [&](const core::Attendance& a) { return a.date == s.coach.pending_date && a.dagdeel == d; });
        const bool begun =
            s.coach.pending_date < core::today_iso(s) || minute >= s.config.dagdelen[static_cast<std::size_t>(d)].start;
        if (here || !begun) continue;
        out.push_back({std::string("choice:") + core::dagdeel_key(d),
                       tr.fmt("coach.was_here_in", {{"dagdeel", tr.get(dagdeel_label_key(d))}}),
                       core::WasHereTapped{s.coach.pending_id, s.coach.pending_date, d}});
      }
      break;
    }
    case core::PendingKind::Exit:
      for (core::ExitReason r : core::kExitReasons)
        out.push_back({std::string("choice:") + core::exit_reason_key(r),
                       tr.get(std::string("exit.") + core::exit_reason_key(r)),
                       core::ChoiceTapped{core::exit_reason_key(r)}});
      break;
    default:
      for (core::CoachReason r : core::kCoachReasons)
        out.push_back({std::string("reason:") + core::coach_reason_key(r),
                       tr.get(std::string("coach.reason.") + core::coach_reason_key(r)), core::CoachReasonTapped{r}});
  }
  return out;
}

// Whom a waiting choice is about, for its title line: "Fatima El Amrani, ochtend 23 nov".
std::string pending_subject(const core::State& s, const Strings& tr) {
  const core::CoachState& c = s.coach;
  const core::Participant* p = s.roster->find(c.pending_id);
  if (!p) return {};
  if (c.pending == core::PendingKind::Exit) return full_name(*p);
  if (c.pending == core::PendingKind::PickDagdeel) return full_name(*p) + ", " + date_text(s, c.pending_date, tr);
  return full_name(*p) + ", " + lower_first(tr.get(dagdeel_label_key(c.pending_dagdeel))) + " " +
         date_text(s, c.pending_date, tr);
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
  v.ok_label = tr.get("common.ok");
  v.show_back = !s.coach.office;
  v.locked = core::coach_locked(s);
  if (v.locked) v.locked_text = tr.fmt("coach.locked", {{"seconds", std::to_string(core::coach_lock_seconds_left(s))}});
  v.busy = s.coach.busy;
  v.digits_entered = static_cast<int>(s.coach.pin.size());
  v.can_ok = v.digits_entered == core::kCoachOldPinLength;
  v.no_coaches = s.coaches && s.coaches->empty();
  if (v.no_coaches) {
    v.no_coaches_title = tr.get("coach.no_coaches_title");
    v.no_coaches_text = tr.get(s.sync.configured ? "coach.no_coaches" : "coach.no_coaches_standalone");
    v.no_coaches_command = tr.get("coach.no_coaches_command");
  }
  return v;
}

CoachPinChangeView make_coach_pin_change_view(const core::State& s, const Strings& tr) {
  CoachPinChangeView v;
  v.title = tr.get("coach.pin_change");
  v.step = static_cast<int>(s.coach.pin_step);
  static constexpr const char* kSteps[] = {"coach.pin_change.old", "coach.pin_change.new", "coach.pin_change.repeat"};
  v.step_text =
      tr.get(s.coach.must_change_pin && s.coach.pin_step == core::PinChangeStep::New ? "coach.pin_change.too_short"
                                                                                     : kSteps[v.step]);
  v.coach_name = coach_name(s);
  v.cancel_label = tr.get(s.coach.must_change_pin ? "coach.leave" : "coach.cancel");
  v.erase_label = tr.get("keyboard.erase");
  v.ok_label = tr.get("common.ok");
  v.locked = core::coach_locked(s);
  if (v.locked) v.locked_text = tr.fmt("coach.locked", {{"seconds", std::to_string(core::coach_lock_seconds_left(s))}});
  v.busy = s.coach.busy;
  v.digits_entered = static_cast<int>(s.coach.pin.size());
  v.can_ok = s.coach.pin_step == core::PinChangeStep::Old && v.digits_entered == core::kCoachOldPinLength;
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
              {core::Screen::CoachPeople, "tab:people", "people", "coach.tab.people"},
              {core::Screen::CoachProgramme, "tab:programme", "activities", "coach.tab.programme"},
              {core::Screen::CoachReports, "tab:reports", "progress", "coach.tab.reports"}};
  // The participant page and the ladder belong to People, the activity editor to Programme.
  core::Screen section = s.screen;
  if (section == core::Screen::CoachPerson || section == core::Screen::CoachLadder ||
      section == core::Screen::CoachAgreements)
    section = core::Screen::CoachPeople;
  if (section == core::Screen::CoachActivityEdit) section = core::Screen::CoachProgramme;
  for (const auto& t : tabs) v.tabs.push_back({t.screen, t.id, t.icon, tr.get(t.key), t.screen == section});
  v.coach_name = coach_name(s);
  v.clock = long_date(core::to_local(s.now), tr) + "  " + core::format_hhmm(core::to_local(s.now).minute_of_day);
  if (s.sync.configured) {
    const std::string last = s.sync.last_success > 0 ? time_of(s.sync.last_success) : std::string("-");
    v.sync_line = tr.fmt(s.sync.online ? "coach.sync.online" : "coach.sync.offline", {{"time", last}}) + ", " +
                  (s.sync.unsent == 0 ? tr.get("coach.sync.all_sent")
                                      : tr.fmt("coach.sync.unsent", {{"n", std::to_string(s.sync.unsent)}}));
    if (s.sync.rejected > 0)
      v.sync_line += ", " + tr.fmt("coach.sync.rejected", {{"n", std::to_string(s.sync.rejected)}});
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

  storage_at_rest(s, tr, v.items);
  if (v.loaded) {
    not_here(s, tr, v.items);
    check_outs(s, tr, v.items);
    hours(s, tr, v.items);
    talks(s, tr, v.items);
    absences(s, tr, v.items);
    end_dates(s, tr, v.items);
    not_seen(s, tr, v.items);
    clock_off(s, tr, v.items);
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
  std::sort(today.begin(), today.end(),
            [](const core::Attendance& a, const core::Attendance& b) { return a.check_in < b.check_in; });
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
    // Hours and check-outs: the line the decision is about. Otherwise pending_id is a participant,
    // whose other lines (not seen, talk due, ...) say nothing about the dagdeel being decided.
    const core::PendingKind k = s.coach.pending;
    if (k == core::PendingKind::HoursReject || k == core::PendingKind::CorrectionAccept ||
        k == core::PendingKind::CorrectionReject)
      for (const auto& it : v.items)
        if (it.id == s.coach.pending_id) v.reason_subject = it.who + ": " + it.what;
    if (v.reason_subject.empty()) v.reason_subject = pending_subject(s, tr);
    v.reasons = choice_options(s, tr);
    if (s.coach.pending == core::PendingKind::AbsentByPhone) v.reason_title = tr.get("coach.phoned_title");
  }
  return v;
}

// [SECTION] Participants

namespace {

std::string rung_label(const core::State& s, int rung) {
  const auto& rungs = s.config.ladder_rungs;
  if (rung < 1 || rung > static_cast<int>(rungs.size())) return std::to_string(rung);
  return std::to_string(rung) + " " + rungs[static_cast<std::size_t>(rung - 1)];
}

std::string coach_name_of(const core::State& s, const std::string& id) {
  for (const auto& c : s.coach.data.coaches)
    if (c.id == id) return c.name;
  return id;
}

std::string agreed_text(const core::Participant& p, const Strings& tr) {
  std::string out;
  for (int wd = 0; wd < 7; ++wd)
    for (core::Dagdeel d : core::kDagdelen)
      if (p.agreed_parts & core::agreed_bit(wd, d)) {
        if (!out.empty()) out += ", ";
        out += tr.get("dayshort." + std::to_string(wd)) + " " + lower_first(tr.get(dagdeel_label_key(d)));
      }
  return out;
}

const core::Exit* exit_of(const core::State& s, const std::string& pid) {
  for (const auto& x : s.coach.data.exits)
    if (x.participant_id == pid) return &x;
  return nullptr;
}

}  // namespace

CoachPeopleView make_coach_people_view(const core::State& s, const Strings& tr) {
  CoachPeopleView v;
  v.all = s.coach.people_all;
  v.mine_label = tr.get("coach.people.mine");
  v.all_label = tr.get("coach.people.all");
  v.loaded = s.coach.data.loaded;
  v.loading = tr.get("coach.loading");
  v.empty_text = tr.get("coach.people.none");
  const std::string today = core::today_iso(s);
  std::vector<const core::Participant*> people;
  for (const auto& p : s.roster->all())
    if (v.all || p.coach_id == s.coach.coach_id) people.push_back(&p);
  std::stable_sort(people.begin(), people.end(), [](const core::Participant* a, const core::Participant* b) {
    const int first = core::collate(a->first_name, b->first_name);  // "Łucja" with the L's (core/collate)
    return first != 0 ? first < 0 : core::collate_less(a->last_name, b->last_name);
  });
  for (const core::Participant* p : people) {
    CoachPeopleView::Row r;
    r.id = p->id;
    r.name = full_name(*p);
    r.mandatory = p->mandatory;
    r.participation = tr.get(p->mandatory ? "coach.mandatory" : "coach.voluntary");
    r.coach = coach_name_of(s, p->coach_id);
    r.coach = r.coach.substr(0, r.coach.find(' '));  // the first name is enough in a list
    const auto seen = s.coach.data.last_seen.find(p->id);
    if (is_here_today(s, p->id)) {
      r.last_seen = tr.get("coach.people.here");
    } else if (seen == s.coach.data.last_seen.end()) {
      r.last_seen = tr.get("coach.never_seen");
      r.warn = true;
    } else {
      const int days = core::days_between(seen->second, today);
      r.last_seen = tr.fmt("coach.people.seen", {{"date", date_text(s, seen->second, tr)}});
      r.warn = days >= s.coach.not_seen_days;
    }
    const auto ladder = s.coach.data.ladder_now.find(p->id);
    r.rung = ladder == s.coach.data.ladder_now.end()
                 ? "-"
                 : tr.fmt("coach.people.rung", {{"rung", std::to_string(ladder->second.rung)}});
    if (!p->end_date.empty()) {
      r.end = tr.fmt("coach.people.until",
                     {{"date", short_date(p->end_date, tr) + (p->end_date.substr(0, 4) == today.substr(0, 4)
                                                                  ? std::string()
                                                                  : " " + p->end_date.substr(0, 4))}});
      if (core::days_between(today, p->end_date) <= core::kEndDateWarnDays) r.warn = true;
    }
    if (const core::Exit* x = exit_of(s, p->id)) {
      r.warn = false;
      r.last_seen = tr.fmt("coach.people.left_on", {{"date", short_date(x->date, tr)}}) + ", " +
                    lower_first(tr.get(std::string("exit.") + core::exit_reason_key(x->reason)));
      v.left.push_back(std::move(r));
    } else {
      v.rows.push_back(std::move(r));
    }
  }
  v.title = tr.fmt("coach.people.title", {{"count", std::to_string(v.rows.size())}});
  v.left_title = tr.fmt("coach.people.left", {{"count", std::to_string(v.left.size())}});
  return v;
}

namespace {

// [SECTION] The participant's page, one builder per section

std::string exit_reason_text(core::ExitReason reason, const Strings& tr) {
  return lower_first(tr.get(std::string("exit.") + core::exit_reason_key(reason)));
}

// Dates, agreements, talks and the next appointment.
std::vector<std::string> person_facts(const core::State& s, const core::Participant& p, const core::Exit* gone,
                                      const Strings& tr) {
  const core::CoachState& c = s.coach;
  const core::PersonData& d = c.data.person;
  const std::string today = core::today_iso(s);
  std::vector<std::string> facts;
  if (gone)
    facts.push_back(tr.fmt("coach.person.left",
                           {{"date", short_date(gone->date, tr)}, {"reason", exit_reason_text(gone->reason, tr)}}));
  if (!p.start_date.empty())
    facts.push_back(
        tr.fmt("coach.person.started", {{"date", short_date(p.start_date, tr) + " " + p.start_date.substr(0, 4)}}));
  if (!p.end_date.empty()) {
    const int left = core::days_between(today, p.end_date);
    facts.push_back(
        tr.fmt(left < 0 ? "coach.person.ended" : "coach.person.ends",
               {{"date", short_date(p.end_date, tr) + " " + p.end_date.substr(0, 4)}, {"days", std::to_string(left)}}));
  }
  const std::string agreed = agreed_text(p, tr);
  if (!agreed.empty()) facts.push_back(tr.fmt("coach.person.agreed", {{"parts", agreed}}));
  if (p.agreed_minutes_per_week > 0)
    facts.push_back(tr.fmt("coach.person.agreed_hours", {{"amount", hours_text(p.agreed_minutes_per_week, tr)}}));
  if (p.talk_every_days > 0) {
    const auto last = c.data.last_talk.find(p.id);
    const std::string last_text = last == c.data.last_talk.end() ? std::string("-") : short_date(last->second, tr);
    facts.push_back(
        tr.fmt("coach.person.talks", {{"weeks", std::to_string((p.talk_every_days + 3) / 7)}, {"last", last_text}}));
  }
  if (!d.appointments.empty()) {
    const core::TimeMs at = d.appointments.front().at;
    facts.push_back(tr.fmt("coach.person.next",
                           {{"when", short_date(core::format_date_iso(core::to_local(at)), tr) + " " + time_of(at)},
                            {"title", d.appointments.front().title}}));
  }
  return facts;
}

// Dagdelen present, absent and no-show up to today, counted under the strip.
struct StripCounts {
  int present = 0, absent = 0, no_show = 0;
};

// One day of the strip: what happened in each dagdeel, or what was agreed and did not happen.
StripDay strip_day(const core::State& s, const core::Participant& p, const core::Exit* gone, const std::string& date,
                   int wd, StripCounts& counts, const Strings& tr) {
  const core::PersonData& d = s.coach.data.person;
  const std::string today = core::today_iso(s);
  const core::LocalTime lt = core::to_local(s.now);
  StripDay day;
  day.date = date;
  day.today = day.date == today;
  day.label = tr.get("dayshort." + std::to_string(wd)) + " " +
              std::to_string(core::to_local(core::from_local(day.date, 720)).day);
  for (core::Dagdeel dd : core::kDagdelen) {
    const auto i = static_cast<std::size_t>(dd);
    const core::DagdeelTimes& t = s.config.dagdelen[i];
    const bool over = day.date < today || (day.date == today && lt.minute_of_day >= t.end);
    // The reports' rule (core::agreed_on): nothing before go-live or the start date, none from the exit on.
    const bool agreed_part = (!gone || day.date < gone->date) && core::agreed_on(p, day.date, dd, s.coach.data.go_live);
    Mark m = Mark::None;
    for (const auto& a : d.attendance)
      if (a.date == day.date && a.dagdeel == dd) m = a.by_coach ? Mark::PresentByCoach : Mark::Present;
    if (m == Mark::None)
      for (const auto& a : d.absences)
        if (a.date == day.date && a.dagdeel == dd) {
          m = Mark::Absent;
          day.tip[i] = lower_first(tr.get(std::string("reason.") + core::reason_key(a.reason)));
        }
    if (m == Mark::None && agreed_part) m = over ? Mark::NoShow : Mark::Future;
    if (day.date <= today) {
      counts.present += m == Mark::Present || m == Mark::PresentByCoach;
      counts.absent += m == Mark::Absent;
      counts.no_show += m == Mark::NoShow;
    }
    day.parts[i] = m;
  }
  return day;
}

// The attendance strip: kStripWeeks weeks up to this one, Monday to Friday (weekends when used).
void add_attendance_strip(CoachPersonView& v, const core::State& s, const core::Participant& p, const core::Exit* gone,
                          const Strings& tr) {
  const core::PersonData& d = s.coach.data.person;
  v.strip_title = tr.get("coach.person.attendance");
  v.legend_present = tr.get("coach.person.present");
  v.legend_coach = tr.get("coach.person.by_coach");
  v.legend_absent = tr.get("coach.person.absent");
  v.legend_no_show = tr.get("coach.person.no_show");
  v.strip_hint = tr.get("coach.person.strip_hint");
  const core::LocalTime lt = core::to_local(s.now);
  const std::string monday = core::add_days(core::today_iso(s), -lt.weekday - 7 * (core::kStripWeeks - 1));
  bool weekend = false;
  for (const auto& a : d.attendance) weekend = weekend || core::weekday_of(a.date) >= 5;
  StripCounts counts;
  for (int w = 0; w < core::kStripWeeks; ++w) {
    std::vector<StripDay> week;
    for (int wd = 0; wd < (weekend ? 7 : 5); ++wd)
      week.push_back(strip_day(s, p, gone, core::add_days(monday, w * 7 + wd), wd, counts, tr));
    v.weeks.push_back(std::move(week));
  }
  v.counts = tr.fmt("coach.person.counts", {{"weeks", std::to_string(core::kStripWeeks)},
                                            {"present", std::to_string(counts.present)},
                                            {"absent", std::to_string(counts.absent)},
                                            {"no_show", std::to_string(counts.no_show)}});
}

// Where the participant stands now, the problem areas being worked on, and the way there.
void add_ladder(CoachPersonView& v, const core::State& s, const Strings& tr) {
  const core::PersonData& d = s.coach.data.person;
  v.ladder_title = tr.get("coach.person.ladder");
  v.rungs = static_cast<int>(s.config.ladder_rungs.size());
  v.no_ladder = tr.get("coach.person.no_ladder");
  if (d.ladder.empty()) return;
  const core::LadderAssessment& now = d.ladder.back();
  v.ladder_now = rung_label(s, now.rung);
  v.ladder_progress_value = now.progress;
  v.ladder_progress = tr.fmt("coach.person.progress",
                             {{"n", std::to_string(now.progress)}, {"of", std::to_string(core::kLadderProgressSteps)}});
  v.ladder_date =
      tr.fmt("coach.person.assessed", {{"date", short_date(now.date, tr)}, {"who", coach_name_of(s, now.coach_id)}});
  for (std::size_t i = 0; i < core::kProblemAreas.size(); ++i)
    if (now.areas[i] != core::AreaStatus::None)
      v.areas.emplace_back(tr.get(std::string("area.") + core::area_key(core::kProblemAreas[i])),
                           tr.get(std::string("area_status.") + core::area_status_key(now.areas[i])));
  for (const auto& a : d.ladder)
    v.ladder_history.push_back(
        {short_date(a.date, tr),
         static_cast<float>(a.rung) + static_cast<float>(a.progress) / (core::kLadderProgressSteps + 1)});
}

// Hours per place (approved), and what waits.
void add_hours(CoachPersonView& v, const core::State& s, const core::Participant& p, const Strings& tr) {
  v.hours_title = tr.get("coach.person.hours");
  v.waiting_title = tr.get("coach.person.hours_waiting");
  std::vector<std::pair<std::string, int>> per_place;
  for (const auto& h : s.coach.data.person.hours) {
    if (h.status == core::HoursStatus::Waiting) {
      v.waiting.push_back(hours_item(s, p, h, tr));
      continue;
    }
    if (h.status != core::HoursStatus::Approved) continue;
    auto it = std::find_if(per_place.begin(), per_place.end(), [&](const auto& x) { return x.first == h.place; });
    if (it == per_place.end()) per_place.emplace_back(h.place, h.approved_minutes);
    else it->second += h.approved_minutes;
  }
  for (const auto& [place, minutes] : per_place) v.hours_per_place.emplace_back(place, hours_text(minutes, tr));
}

// Sign-ups of the coming week.
std::vector<std::string> signup_lines(const core::State& s, const core::Participant& p, const Strings& tr) {
  std::vector<std::string> out;
  for (const auto& su : s.signups) {
    if (su.participant_id != p.id) continue;
    const std::string waiting =
        su.placed ? std::string()
                  : "  (" + tr.fmt("coach.person.waiting", {{"n", std::to_string(su.waiting_position)}}) + ")";
    for (const auto& a : s.programme)
      if (a.id == su.activity_id)
        out.push_back(date_text(s, su.date, tr) + " " + core::format_hhmm(a.start) + "  " + a.title + waiting);
  }
  return out;
}

// One event of the history as "who: what (why)"; "" for events the page does not show.
std::string history_line(const core::State& s, const core::Event& e, const Strings& tr) {
  auto by = [&](const std::string& coach) {
    return coach.empty() ? tr.get("coach.history.self") : coach_name_of(s, coach);
  };
  auto why = [&](const std::string& reason) {
    return reason.empty() ? std::string() : " (" + lower_first(tr.get("coach.reason." + reason)) + ")";
  };
  auto dagdeel = [&](core::Dagdeel d) { return lower_first(tr.get(dagdeel_label_key(d))); };
  std::string line;
  std::visit(
      core::Overloaded{
          [&](const core::ev::HoursLogged& b) {
            line = tr.fmt("coach.history.hours_logged", {{"amount", hours_text(b.minutes, tr)}, {"place", b.place}});
            line = by("") + ": " + line;
          },
          [&](const core::ev::HoursDecided& b) {
            line = by(b.coach_id) + ": " +
                   tr.fmt(b.approved ? "coach.history.hours_approved" : "coach.history.hours_rejected",
                          {{"amount", hours_text(b.minutes, tr)}}) +
                   why(b.reason);
          },
          [&](const core::ev::CorrectionRequested& b) {
            line = by("") + ": " + tr.fmt("coach.history.correction_asked", {{"end", time_of(b.proposed_end)}});
          },
          [&](const core::ev::CheckoutUnknown& b) {
            line = by("") + ": " + tr.fmt("coach.history.end_unknown", {{"date", short_date(b.date, tr)}});
          },
          [&](const core::ev::CorrectionDecided& b) {
            line = by(b.coach_id) + ": " +
                   (b.accepted ? tr.fmt("coach.history.correction_accepted", {{"end", time_of(b.end)}})
                               : tr.get("coach.history.end_kept")) +
                   why(b.reason);
          },
          [&](const core::ev::AutoCheckOut& b) {
            line = tr.fmt("coach.history.auto_closed", {{"date", short_date(b.date, tr)}});
          },
          [&](const core::ev::AttendanceRecorded& b) {
            line =
                by(b.coach_id) + ": " +
                tr.fmt("coach.history.was_here", {{"dagdeel", dagdeel(b.dagdeel)}, {"date", short_date(b.date, tr)}}) +
                why(b.reason);
          },
          [&](const core::ev::AbsenceReported& b) {
            line = by(b.coach_id) + ": " +
                   tr.fmt("coach.history.absent",
                          {{"dagdeel", dagdeel(b.dagdeel)},
                           {"date", short_date(b.date, tr)},
                           {"reason", lower_first(tr.get(std::string("reason.") + core::reason_key(b.reason)))}});
          },
          [&](const core::ev::LadderAssessed& b) {
            line = by(b.coach_id) + ": " +
                   tr.fmt("coach.history.ladder",
                          {{"rung", std::to_string(b.rung)},
                           {"progress", std::to_string(b.progress)},
                           {"moment", lower_first(tr.get(std::string("moment.") + core::moment_key(b.moment)))}});
          },
          [&](const core::ev::NoteAdded& b) {
            line = by(b.coach_id) + ": " + tr.get(b.talk ? "coach.history.talk" : "coach.history.note");
          },
          [&](const core::ev::ParticipantLeft& b) {
            line = by(b.coach_id) + ": " + tr.fmt("coach.history.left", {{"reason", exit_reason_text(b.reason, tr)}});
          },
          [&](const core::ev::AgreementsChanged& b) {
            line = by(b.coach_id) + ": " + tr.get("coach.history.agreements");
          },
          [&](const core::ev::LanguageChosen& b) {
            line = tr.fmt("coach.history.language", {{"language", b.language}});
          },
          // Shown elsewhere on the page (the strip, sign-ups) or not about the participant: no line.
          // Listed one by one, so a new event type must choose here.
          [](const core::ev::CheckIn&) {},
          [](const core::ev::CheckOut&) {},
          [](const core::ev::CheckoutConfirmed&) {},
          [](const core::ev::SignedUp&) {},
          [](const core::ev::SignUpCancelled&) {},
          [](const core::ev::AbsenceWithdrawn&) {},
          [](const core::ev::ActivitySaved&) {},
          [](const core::ev::CoachPinChanged&) {},
          [](const core::ev::Other&) {},
      },
      e.body);
  return line;
}

// Notes newest first, then the history: what changed, who, when, why; newest first.
void add_notes_and_history(CoachPersonView& v, const core::State& s, const Strings& tr) {
  const core::PersonData& d = s.coach.data.person;
  v.notes_title = tr.get("coach.person.notes");
  for (const auto& n : d.notes)
    v.notes.push_back({short_date(n.date, tr), coach_name_of(s, n.coach_id),
                       n.talk && n.text.empty() ? tr.get("coach.person.talk_note") : n.text});
  v.history_title = tr.get("coach.person.history");
  // Newest first by when it happened: the fold order groups a batch recorded at once (an import,
  // a synced day) by event type, and a coach reads a history as a timeline.
  std::vector<const core::Event*> by_time;
  by_time.reserve(d.history.size());
  for (auto it = d.history.rbegin(); it != d.history.rend(); ++it) by_time.push_back(&*it);
  std::stable_sort(by_time.begin(), by_time.end(),
                   [](const core::Event* a, const core::Event* b) { return a->wall > b->wall; });
  for (const core::Event* ep : by_time) {
    if (v.history.size() >= 80) break;
    const core::Event& e = *ep;
    const std::string when = short_date(core::format_date_iso(core::to_local(e.wall)), tr) + " " + time_of(e.wall);
    const std::string line = history_line(s, e, tr);
    if (!line.empty()) v.history.push_back(when + "  " + line);
  }
}

// The buttons under the page, the note being written and the question being asked.
void add_actions(CoachPersonView& v, const core::State& s, const core::Participant& p, const Strings& tr) {
  const core::CoachState& c = s.coach;
  v.ladder_label = tr.get("coach.person.ladder_button");
  v.agreements_label = tr.get("coach.person.agreements_button");
  v.note_label = tr.get("coach.person.note_button");
  v.talk_label = tr.get("coach.talk_held");
  v.report_label = tr.get("coach.person.report_button");
  v.exit_label = tr.get("coach.person.exit_button");

  v.note_open = c.note_open;
  if (c.note_open) {
    v.note_title = tr.fmt("coach.note.title", {{"name", p.first_name}});
    v.note_text = c.note;
    v.note_count = std::to_string(c.note.size()) + " / " + std::to_string(core::kMaxNoteLength);
    v.save_label = tr.get("common.save");
    v.cancel_label = tr.get("coach.cancel");
    v.space_label = tr.get("keyboard.space");
    v.erase_label = tr.get("keyboard.erase");
    v.can_save_note = c.note.find_first_not_of(' ') != std::string::npos && !c.busy;
  }
  if (c.pending != core::PendingKind::None) {
    v.asking = true;
    v.choice_title = tr.get(c.pending == core::PendingKind::Exit            ? "coach.exit_title"
                            : c.pending == core::PendingKind::PickDagdeel   ? "coach.pick_dagdeel"
                            : c.pending == core::PendingKind::AbsentByPhone ? "coach.phoned_title"
                                                                            : "coach.reason_title");
    v.choice_subject = pending_subject(s, tr);
    for (const auto& w : v.waiting)
      if (w.id == c.pending_id) v.choice_subject = w.who + ": " + w.what;
    v.choices = choice_options(s, tr);
    v.cancel_label = tr.get("coach.cancel");
  }
}

// The participant's card: printed with the first name, the centre and a QR code of the card code,
// which only the roster gives; without one the button says so instead of printing an empty code.
void add_card(CoachPersonView& v, const core::Participant& p, const Strings& tr) {
  v.show_card = !v.left;
  v.can_print_card = !p.card_code.empty();
  v.card_title = tr.get("coach.person.card");
  v.card_label = tr.get(v.can_print_card ? "coach.person.card_button" : "coach.person.no_card_button");
  v.card_note = tr.get(v.can_print_card ? "coach.person.card_what" : "coach.person.no_card");
}

}  // namespace

CoachPersonView make_coach_person_view(const core::State& s, const Strings& tr) {
  CoachPersonView v;
  const core::CoachState& c = s.coach;
  v.back_label = tr.get("common.back");
  v.loading = tr.get("coach.loading");
  v.busy = c.busy;
  const core::Participant* p = s.roster->find(c.person_id);
  if (!p) return v;
  v.participant_id = p->id;
  v.name = full_name(*p);
  v.mandatory = p->mandatory;
  v.participation = tr.get(p->mandatory ? "coach.mandatory" : "coach.voluntary");
  v.coach_line = tr.fmt("coach.person.coach", {{"name", coach_name_of(s, p->coach_id)}});
  v.loaded = c.data.loaded && c.data.person.participant_id == p->id;
  const core::Exit* gone = exit_of(s, p->id);
  v.left = gone != nullptr;

  v.facts = person_facts(s, *p, gone, tr);
  add_attendance_strip(v, s, *p, gone, tr);
  add_ladder(v, s, tr);
  add_hours(v, s, *p, tr);
  v.signups_title = tr.get("coach.person.signups");
  v.signups = signup_lines(s, *p, tr);
  add_notes_and_history(v, s, tr);
  add_actions(v, s, *p, tr);
  add_card(v, *p, tr);
  return v;
}

CoachLadderView make_coach_ladder_view(const core::State& s, const Strings& tr) {
  CoachLadderView v;
  const core::CoachState& c = s.coach;
  v.back_label = tr.get("common.back");
  v.title = tr.get("coach.ladder.title");
  if (const core::Participant* p = s.roster->find(c.person_id)) v.name = full_name(*p);
  v.moment_title = tr.get("coach.ladder.moment");
  v.rung_title = tr.get("coach.ladder.rung");
  v.progress_title = tr.get("coach.ladder.progress");
  v.areas_title = tr.get("coach.ladder.areas");
  v.save_label = tr.get("common.save");
  v.busy = c.busy;
  for (core::LadderMoment m : {core::LadderMoment::Start, core::LadderMoment::Monthly, core::LadderMoment::Exit})
    v.moments.push_back({std::string("moment:") + core::moment_key(m),
                         tr.get(std::string("moment.") + core::moment_key(m)), c.ladder.moment == m,
                         core::LadderMomentTapped{m}});
  for (int r = 1; r <= static_cast<int>(s.config.ladder_rungs.size()); ++r)
    v.rungs.push_back({"rung:" + std::to_string(r), rung_label(s, r), c.ladder.rung == r, core::LadderRungTapped{r}});
  for (int n = 0; n <= core::kLadderProgressSteps; ++n)
    v.progress.push_back(
        {"progress:" + std::to_string(n), std::to_string(n), c.ladder.progress == n, core::LadderProgressTapped{n}});
  for (std::size_t i = 0; i < core::kProblemAreas.size(); ++i) {
    CoachLadderView::Area a;
    a.label = tr.get(std::string("area.") + core::area_key(core::kProblemAreas[i]));
    for (core::AreaStatus st : {core::AreaStatus::None, core::AreaStatus::Working, core::AreaStatus::UnderControl})
      a.states.push_back(
          {std::string("area:") + core::area_key(core::kProblemAreas[i]) + ":" + core::area_status_key(st),
           tr.get(std::string("area_status.") + core::area_status_key(st)), c.ladder.areas[i] == st,
           core::LadderAreaTapped{static_cast<int>(i), st}});
    v.areas.push_back(std::move(a));
  }
  return v;
}

namespace {

CoachAgreementsView::DateField date_field(const core::State& s, const Strings& tr, bool end) {
  const core::AgreementsForm& f = s.coach.agreements;
  const std::string& date = end ? f.end_date : f.start_date;
  CoachAgreementsView::DateField d;
  d.title = tr.get(end ? "coach.agreements.end" : "coach.agreements.start");
  d.set = !date.empty();
  d.value = d.set ? tr.get("dayshort." + std::to_string(core::weekday_of(date))) + " " + short_date(date, tr) + " " +
                        date.substr(0, 4)
                  : tr.get(end ? "coach.agreements.no_end" : "coach.agreements.no_start");
  const std::string side = end ? "end:" : "start:";
  const struct {
    core::DateStep step;
    const char* key;
    const char* id;
  } units[] = {{core::DateStep::Month, "coach.agreements.step_month", "month"},
               {core::DateStep::Week, "coach.agreements.step_week", "week"},
               {core::DateStep::Day, "coach.agreements.step_day", "day"}};
  for (int direction : {-1, 1})
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& u = units[direction < 0 ? i : 2 - i];  // - month - week - day | + day + week + month
      d.steps.push_back({side + (direction < 0 ? "-" : "+") + u.id,
                         std::string(direction < 0 ? "- " : "+ ") + tr.get(u.key), false,
                         core::AgreementsDateStepped{end, u.step, direction}});
    }
  d.clear = {side + "clear", tr.get("coach.agreements.clear"), false, core::AgreementsDateCleared{end}};
  return d;
}

std::string rhythm_label(int days, const Strings& tr) {
  if (days == 0) return tr.get("coach.agreements.rhythm_none");
  return days % 7 == 0 ? tr.fmt("coach.agreements.rhythm_weeks", {{"n", std::to_string(days / 7)}})
                       : tr.fmt("coach.agreements.rhythm_days", {{"n", std::to_string(days)}});
}

}  // namespace

CoachAgreementsView make_coach_agreements_view(const core::State& s, const Strings& tr) {
  CoachAgreementsView v;
  const core::CoachState& c = s.coach;
  const core::AgreementsForm& f = c.agreements;
  v.back_label = tr.get("common.back");
  v.title = tr.get("coach.agreements.title");
  if (const core::Participant* p = s.roster->find(c.person_id)) v.name = full_name(*p);
  v.save_label = tr.get("common.save");
  v.busy = c.busy;
  v.start = date_field(s, tr, false);
  v.end = date_field(s, tr, true);
  const bool backwards = !f.start_date.empty() && !f.end_date.empty() && f.end_date < f.start_date;
  if (backwards) v.warning = tr.get("coach.agreements.end_before_start");
  v.can_save = !c.busy && !backwards;
  v.parts_title = tr.get("coach.agreements.parts");
  for (int wd = 0; wd < core::kWeekDays; ++wd) v.day_labels.push_back(tr.get("dayshort." + std::to_string(wd)));
  for (core::Dagdeel d : core::kDagdelen) {
    v.dagdeel_labels.push_back(tr.get(dagdeel_label_key(d)));
    std::vector<CoachAgreementsView::Option> row;
    for (int wd = 0; wd < core::kWeekDays; ++wd)
      row.push_back({"part:" + std::to_string(wd) + ":" + core::dagdeel_key(d), "",
                     (f.agreed_parts & core::agreed_bit(wd, d)) != 0, core::AgreementsPartTapped{wd, d}});
    v.grid.push_back(std::move(row));
  }
  v.hours_title = tr.get("coach.agreements.hours");
  v.hours_value = f.agreed_minutes > 0 ? hours_text(f.agreed_minutes, tr) : tr.get("coach.agreements.no_hours");
  for (int m : {-60, -core::kAgreedMinutesStep, core::kAgreedMinutesStep, 60})
    v.hours_steps.push_back({"hours:" + std::to_string(m),
                             (m < 0 ? "-" : "+") + (std::abs(m) == 60 ? std::string("1:00") : std::string("0:15")),
                             false, core::AgreementsHoursStepped{m}});
  v.rhythm_title = tr.get("coach.agreements.rhythm");
  v.rhythm_value = rhythm_label(f.talk_every_days, tr);
  for (int weeks : {-1, 1})
    v.rhythm_steps.push_back({weeks < 0 ? "rhythm:-" : "rhythm:+",
                              (weeks < 0 ? "- " : "+ ") + tr.fmt("coach.agreements.rhythm_weeks", {{"n", "1"}}), false,
                              core::AgreementsRhythmStepped{weeks}});
  v.show_hours = {"toggle:show_hours", tr.get("coach.agreements.show_hours"), f.show_agreed_hours,
                  core::AgreementsShowHoursTapped{}};
  v.photo = {"toggle:photo", tr.get("coach.agreements.photo"), f.photo_consent, core::AgreementsPhotoTapped{}};
  return v;
}

}  // namespace meedoen::ui
