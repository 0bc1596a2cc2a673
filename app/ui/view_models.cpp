// View-model builders.
#include "ui/view_models.hpp"

#include <algorithm>

#include "core/schedule.hpp"

namespace meedoen::ui {

namespace {

// First UTF-8 character of s.
std::string first_char(const std::string& s) {
  if (s.empty()) return "";
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, n);
}

// The surname's initial skips lower-case Dutch prefixes: "van den Berg" -> "B", "El Amrani" -> "E".
std::string surname_initial(const std::string& last) {
  std::size_t i = 0;
  while (i < last.size()) {
    while (i < last.size() && last[i] == ' ') ++i;
    const std::size_t end = std::min(last.find(' ', i), last.size());
    const bool prefix = i < last.size() && ((last[i] >= 'a' && last[i] <= 'z') || last[i] == '\'');
    if (!prefix || end == last.size()) return first_char(last.substr(i));
    i = end;
  }
  return "";
}

const char* notice_key(core::Notice n) {
  switch (n) {
    case core::Notice::UnknownCard: return "notice.unknown_card";
    case core::Notice::WrongPin: return "notice.wrong_pin";
    case core::Notice::PinPaused: return "notice.pin_paused";
    case core::Notice::StoreFailed: return "notice.store_failed";
    case core::Notice::AlreadyCheckedIn: return "notice.already_in";
    case core::Notice::NotCheckedIn: return "notice.not_in";
    case core::Notice::None: break;
  }
  return nullptr;
}

std::string time_of(core::TimeMs t) { return core::format_hhmm(core::to_local(t).minute_of_day); }

}  // namespace

std::string short_name(const core::Participant& p) {
  const std::string initial = surname_initial(p.last_name);
  return initial.empty() ? p.first_name : p.first_name + " " + initial + ".";
}

std::string long_date(const core::LocalTime& lt, const Strings& tr) {
  return tr.fmt("date.format", {{"weekday", tr.get("day." + std::to_string(lt.weekday))},
                                {"day", std::to_string(lt.day)},
                                {"month", tr.get("month." + std::to_string(lt.month))}});
}

std::vector<ActivityLine> today_lines(const core::State& s) {
  std::vector<ActivityLine> out;
  for (const auto& a : core::activities_on(s.programme, core::to_local(s.now).weekday))
    out.push_back({a.icon, core::format_hhmm(a.start) + " - " + core::format_hhmm(a.end), a.title, a.place});
  return out;
}

FrameView make_frame_view(const core::State& s, Strings& tr) {
  tr.set_language(s.language);
  FrameView v;
  v.screen = s.screen;
  const core::LocalTime lt = core::to_local(s.now);
  if (const char* key = notice_key(core::active_notice(s))) v.notice = tr.get(key);

  switch (s.screen) {
    case core::Screen::Welcome: {
      auto& w = v.welcome;
      w.centre_name = s.config.centre_name;
      w.clock = core::format_hhmm(lt.minute_of_day);
      w.date = long_date(lt, tr);
      const auto& ids = s.config.identification;
      w.show_start = ids.name_search;
      w.start_label = tr.get("welcome.start");
      w.start_hint = tr.get(!ids.card ? "welcome.tap_only" : ids.name_search ? "welcome.start_hint" : "welcome.scan_only");
      w.today_title = tr.get("welcome.today");
      w.no_activities = tr.get("welcome.no_activities");
      w.today = today_lines(s);
      if (s.config.languages.size() > 1) {
        const std::string current = tr.language();
        for (const auto& code : s.config.languages) {
          tr.set_language(code);
          w.languages.push_back({code, tr.get("language.name"), code == s.language});
        }
        tr.set_language(current);
      }
      break;
    }
    case core::Screen::Search: {
      auto& sv = v.search;
      sv.title = tr.get("search.title");
      sv.hint = tr.get("search.hint");
      sv.query = s.query;
      sv.none_text = tr.get("search.none");
      if (s.config.identification.card) sv.scan_hint = tr.get("search.scan_hint");
      sv.back_label = tr.get("common.back");
      sv.space_label = tr.get("keyboard.space");
      sv.erase_label = tr.get("keyboard.erase");
      for (const core::Participant* p : s.roster->search(s.query, core::kMaxSearchMatches))
        sv.matches.push_back({p->id, short_name(*p), first_char(p->first_name) + surname_initial(p->last_name)});
      sv.show_none = !s.query.empty() && sv.matches.empty();
      break;
    }
    case core::Screen::Pin: {
      auto& pv = v.pin;
      const core::Participant* p = s.roster->find(s.pin_for);
      pv.title = tr.fmt("pin.title", {{"name", p ? p->first_name : std::string()}});
      pv.hint = tr.get("pin.hint");
      pv.back_label = tr.get("common.back");
      pv.erase_label = tr.get("keyboard.erase");
      pv.paused_hint = tr.get("pin.paused_hint");
      pv.digits_entered = static_cast<int>(s.pin.size());
      pv.paused = core::pin_paused(s, s.pin_for);
      pv.busy = s.busy;
      break;
    }
    case core::Screen::Home: {
      auto& h = v.home;
      const core::Participant* p = core::current_participant(s);
      const std::string name = p ? p->first_name : std::string();
      const char* greet = lt.minute_of_day < 12 * 60   ? "home.greeting.morning"
                          : lt.minute_of_day < 18 * 60 ? "home.greeting.afternoon"
                                                       : "home.greeting.evening";
      h.greeting = tr.fmt(greet, {{"name", name}});
      const core::Attendance* open = p ? core::open_attendance(s, p->id) : nullptr;
      h.checked_in = open != nullptr;
      h.action_label = tr.get(h.checked_in ? "home.check_out" : "home.check_in");
      h.status = h.checked_in ? tr.fmt("home.here_since", {{"time", time_of(open->check_in)}})
                              : tr.get("home.not_here_yet");
      h.today_title = tr.get("home.today");
      h.no_activities = tr.get("welcome.no_activities");
      h.done_label = tr.get("home.done");
      h.today = today_lines(s);
      h.busy = s.busy;
      break;
    }
    case core::Screen::Confirmation: {
      auto& c = v.confirmation;
      c.checked_in = s.outcome == core::Outcome::CheckedIn;
      c.headline = tr.fmt(c.checked_in ? "confirm.checked_in" : "confirm.checked_out", {{"time", time_of(s.outcome_time)}});
      c.message = tr.get(c.checked_in ? "confirm.welcome" : "confirm.goodbye");
      c.ok_label = tr.get("common.ok");
      break;
    }
  }

  if (core::prompt_visible(s)) {
    v.prompt.visible = true;
    v.prompt.seconds_left = core::prompt_seconds_left(s);
    v.prompt.title = tr.get("prompt.title");
    v.prompt.countdown = tr.fmt(v.prompt.seconds_left == 1 ? "prompt.countdown.one" : "prompt.countdown",
                                {{"seconds", std::to_string(v.prompt.seconds_left)}});
    v.prompt.continue_label = tr.get("prompt.continue");
  }
  return v;
}

}  // namespace meedoen::ui
