// View-model builders.
#include "ui/view_models.hpp"

#include <algorithm>
#include <tuple>

#include "core/schedule.hpp"

namespace meedoen::ui {

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

namespace {

const char* notice_key(core::Notice n) {
  switch (n) {
    case core::Notice::UnknownCard: return "notice.unknown_card";
    case core::Notice::WrongPin: return "notice.wrong_pin";
    case core::Notice::PinPaused: return "notice.pin_paused";
    case core::Notice::StoreFailed: return "notice.store_failed";
    case core::Notice::AlreadyCheckedIn: return "notice.already_in";
    case core::Notice::NotCheckedIn: return "notice.not_in";
    case core::Notice::ActivityFull: return "notice.activity_full";
    case core::Notice::ActivityOver: return "notice.activity_over";
    case core::Notice::NothingChosen: return "notice.nothing_chosen";
    case core::Notice::SignedUp: return "notice.signed_up";
    case core::Notice::OnWaitingList: return "notice.on_waiting_list";
    case core::Notice::SignUpCancelled: return "notice.sign_up_cancelled";
    case core::Notice::CorrectionSent: return "notice.correction_sent";
    case core::Notice::EndConfirmed: return "notice.end_confirmed";
    case core::Notice::Exported: return "reports.saved_notice";
    case core::Notice::ExportFailed: return "reports.failed";
    case core::Notice::PinsDiffer: return "notice.pins_differ";
    case core::Notice::PinTaken: return "notice.pin_taken";
    case core::Notice::PinChanged: return "notice.pin_changed";
    case core::Notice::None: break;
  }
  return nullptr;
}

}  // namespace

std::string time_of(core::TimeMs t) { return core::format_hhmm(core::to_local(t).minute_of_day); }

std::vector<const core::Participant*> grid_people(const core::State& s) {
  std::vector<const core::Participant*> out;
  for (const auto& p : s.roster->all())
    if (p.photo_consent) out.push_back(&p);
  std::sort(out.begin(), out.end(), [](const core::Participant* a, const core::Participant* b) {
    return std::tie(a->first_name, a->last_name, a->id) < std::tie(b->first_name, b->last_name, b->id);
  });
  return out;
}

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
  for (const auto& a : core::activities_on(s.programme, core::today_iso(s)))
    out.push_back({a.icon, core::format_hhmm(a.start) + " - " + core::format_hhmm(a.end), a.title, a.place});
  return out;
}

// Language buttons show each language's own name, so the catalogue switches for a moment.
std::vector<LanguageButton> language_buttons(const core::State& s, Strings& tr) {
  std::vector<LanguageButton> out;
  const std::string current = tr.language();
  for (const auto& code : s.config.languages) {
    tr.set_language(code);
    out.push_back({code, tr.get("language.name"), code == s.language});
  }
  tr.set_language(current);
  return out;
}

namespace {

// [SECTION] One builder per participant screen (the coach's and the longer ones have their own files)

WelcomeView make_welcome_view(const core::State& s, Strings& tr) {
  WelcomeView w;
  const core::LocalTime lt = core::to_local(s.now);
  w.centre_name = s.config.centre_name;
  w.clock = core::format_hhmm(lt.minute_of_day);
  w.date = long_date(lt, tr);
  const auto& ids = s.config.identification;
  w.show_start = ids.name_search;
  w.start_label = tr.get("welcome.start");
  w.start_hint = tr.get(!ids.card ? "welcome.tap_only" : ids.name_search ? "welcome.start_hint" : "welcome.scan_only");
  w.show_grid = ids.photo_grid && !grid_people(s).empty();
  w.grid_label = tr.get("welcome.grid");
  w.today_title = tr.get("welcome.today");
  w.no_activities = tr.get("welcome.no_activities");
  w.today = today_lines(s);
  if (s.config.languages.size() > 1) w.languages = language_buttons(s, tr);
  for (auto& b : w.languages) b.enabled = !core::settling(s, "welcome");
  return w;
}

LanguageView make_language_view(const core::State& s, Strings& tr) {
  LanguageView v;
  v.title = tr.get("language.title");
  v.back_label = tr.get("common.back");
  v.languages = language_buttons(s, tr);
  v.busy = s.busy;
  return v;
}

SearchView make_search_view(const core::State& s, const Strings& tr) {
  SearchView sv;
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
  return sv;
}

PinView make_pin_view(const core::State& s, const Strings& tr) {
  PinView pv;
  const core::Participant* p = s.roster->find(s.pin_for);
  pv.title = tr.fmt("pin.title", {{"name", p ? p->first_name : std::string()}});
  pv.hint = tr.get("pin.hint");
  pv.back_label = tr.get("common.back");
  pv.erase_label = tr.get("keyboard.erase");
  pv.digits_entered = static_cast<int>(s.pin.size());
  pv.paused = core::pin_paused(s, s.pin_for);
  // A pause says until when, as a clock time: "tot 10:42" is something a person can wait for.
  if (pv.paused)
    pv.paused_hint = tr.fmt("pin.paused_hint", {{"time", time_of(s.pin_guards.at(s.pin_for).paused_until)}});
  pv.busy = s.busy;
  return pv;
}

GridView make_grid_view(const core::State& s, const Strings& tr) {
  GridView g;
  g.title = tr.get("grid.title");
  g.back_label = tr.get("common.back");
  g.prev_label = tr.get("common.previous");
  g.next_label = tr.get("common.next");
  g.empty_text = tr.get("grid.empty");
  const auto people = grid_people(s);
  const std::size_t pages = std::max<std::size_t>(1, (people.size() + kGridPageSize - 1) / kGridPageSize);
  const std::size_t page = std::min(static_cast<std::size_t>(s.grid_page), pages - 1);
  for (std::size_t i = page * kGridPageSize; i < std::min(people.size(), (page + 1) * kGridPageSize); ++i)
    g.faces.push_back({people[i]->id, first_char(people[i]->first_name) + surname_initial(people[i]->last_name),
                       short_name(*people[i])});
  g.has_prev = page > 0;
  g.has_next = page + 1 < pages;
  return g;
}

ConfirmationView make_confirmation_view(const core::State& s, const Strings& tr) {
  ConfirmationView c;
  c.outcome = s.outcome;
  c.checked_in = s.outcome == core::Outcome::CheckedIn;
  c.ok_label = tr.get("common.ok");
  switch (s.outcome) {
    case core::Outcome::CheckedIn:
    case core::Outcome::CheckedOut:
      c.headline =
          tr.fmt(c.checked_in ? "confirm.checked_in" : "confirm.checked_out", {{"time", time_of(s.outcome_time)}});
      c.message = tr.get(c.checked_in ? "confirm.welcome" : "confirm.goodbye");
      break;
    case core::Outcome::AbsenceReported:
      c.headline = tr.get("confirm.absence");
      c.message = tr.get("confirm.absence_message");
      c.more_label = tr.get("confirm.more");
      break;
    case core::Outcome::HoursLogged:
      c.headline = tr.get("confirm.hours");
      c.message = tr.get("confirm.hours_message");
      c.more_label = tr.get("confirm.more");
      break;
  }
  return c;
}

StorageFaultView make_storage_fault_view(const core::State& s, const Strings& tr) {
  StorageFaultView v;
  const char* key = s.storage_fault == core::StorageFault::Damaged    ? "storage.damaged"
                    : s.storage_fault == core::StorageFault::ReadOnly ? "storage.read_only"
                    : s.storage_fault == core::StorageFault::DiskFull ? "storage.disk_full"
                                                                      : nullptr;
  if (!key) return v;
  v.visible = true;
  v.title = tr.get("storage.title");
  v.what = tr.get(std::string(key) + ".what");
  v.todo = tr.get(std::string(key) + ".todo");
  v.participants = tr.get("storage.participants");
  return v;
}

// "Are you still there?" over any screen before the inactivity timeout.
PromptView make_prompt_view(const core::State& s, const Strings& tr) {
  PromptView p;
  if (!core::prompt_visible(s)) return p;
  p.visible = true;
  p.seconds_left = core::prompt_seconds_left(s);
  p.title = tr.get("prompt.title");
  p.countdown = tr.fmt(p.seconds_left == 1 ? "prompt.countdown.one" : "prompt.countdown",
                       {{"seconds", std::to_string(p.seconds_left)}});
  p.continue_label = tr.get("prompt.continue");
  return p;
}

// The screen's own part of the frame.
void make_screen_view(const core::State& s, Strings& tr, FrameView& v) {
  switch (s.screen) {
    case core::Screen::Welcome: v.welcome = make_welcome_view(s, tr); break;
    case core::Screen::Search: v.search = make_search_view(s, tr); break;
    case core::Screen::Pin: v.pin = make_pin_view(s, tr); break;
    case core::Screen::Home: v.home = make_home_view(s, tr); break;
    case core::Screen::CoachPin: v.coach_pin = make_coach_pin_view(s, tr); break;
    case core::Screen::CoachPinChange: v.coach_pin_change = make_coach_pin_change_view(s, tr); break;
    case core::Screen::CoachToday: v.coach_today = make_coach_today_view(s, tr); break;
    case core::Screen::CoachPeople: v.coach_people = make_coach_people_view(s, tr); break;
    case core::Screen::CoachPerson: v.coach_person = make_coach_person_view(s, tr); break;
    case core::Screen::CoachLadder: v.coach_ladder = make_coach_ladder_view(s, tr); break;
    case core::Screen::CoachAgreements: v.coach_agreements = make_coach_agreements_view(s, tr); break;
    case core::Screen::CoachProgramme: v.coach_programme = make_coach_programme_view(s, tr); break;
    case core::Screen::CoachActivityEdit: v.activity_edit = make_activity_edit_view(s, tr); break;
    case core::Screen::CoachReports: v.reports = make_reports_view(s, tr); break;
    case core::Screen::Activities: v.activities = make_activities_view(s, tr); break;
    case core::Screen::Absence: v.absence = make_absence_view(s, tr); break;
    case core::Screen::Hours: v.hours = make_hours_view(s, tr); break;
    case core::Screen::Progress: v.progress = make_progress_view(s, tr); break;
    case core::Screen::Language: v.language = make_language_view(s, tr); break;
    case core::Screen::CheckoutQuestion: v.question = make_question_view(s, tr); break;
    case core::Screen::CheckoutCorrect: v.correct = make_correct_view(s, tr); break;
    case core::Screen::PhotoGrid: v.grid = make_grid_view(s, tr); break;
    case core::Screen::Confirmation: v.confirmation = make_confirmation_view(s, tr); break;
  }
}

}  // namespace

FrameView make_frame_view(const core::State& s, Strings& tr) {
  tr.set_language(s.language);
  FrameView v;
  v.screen = s.screen;
  // Not over the name keyboard, which needs the bottom edge at small sizes (screens_test).
  v.coach_corner = !core::coach_screen(s.screen) && s.screen != core::Screen::Search;
  if (core::coach_screen(s.screen) && s.screen != core::Screen::CoachPin && s.screen != core::Screen::CoachPinChange)
    v.coach_nav = make_coach_nav(s, tr);
  if (const char* key = notice_key(core::active_notice(s))) {
    const core::Notice n = core::active_notice(s);
    v.notice = n == core::Notice::Exported || n == core::Notice::ExportFailed ? export_notice(s, tr) : tr.get(key);
    v.notice_good = core::good_news(n);
  }
  make_screen_view(s, tr, v);
  v.prompt = make_prompt_view(s, tr);
  v.storage_fault = make_storage_fault_view(s, tr);
  v.spoken = make_spoken(s, v);
  return v;
}

}  // namespace meedoen::ui
