// .po parsing and lookup.
#include "ui/i18n.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ui/bidi/bidi.hpp"

namespace meedoen::ui {

namespace {

// Parses a C-style quoted string at s[i] (which is '"'); appends to out. Returns false if malformed.
bool parse_quoted(std::string_view s, std::size_t& i, std::string& out) {
  if (i >= s.size() || s[i] != '"') return false;
  ++i;
  while (i < s.size() && s[i] != '"') {
    char c = s[i++];
    if (c == '\\' && i < s.size()) {
      const char e = s[i++];
      switch (e) {
        case 'n': c = '\n'; break;
        case 't': c = '\t'; break;
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        default: c = e; break;
      }
    }
    out.push_back(c);
  }
  if (i >= s.size()) return false;
  ++i;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string assets_dir() {
  if (const char* env = std::getenv("MEEDOEN_ASSETS"); env && *env) return env;
  std::error_code ec;
  // Installed: <prefix>/bin/meedoen-kiosk finds <prefix>/share/meedoen, wherever the prefix is
  // (/usr from the package, /usr/local or a staging folder from cmake --install).
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path installed = (exe.parent_path() / MEEDOEN_DATA_FROM_BIN).lexically_normal();
    if (std::filesystem::is_directory(installed / "i18n", ec)) return installed.string();
  }
  // A developer's build runs from its build tree and reads the source tree's assets/ ("" in a
  // package build, which must not depend on the folder it was built in).
  const std::string source = MEEDOEN_ASSETS_DIR;
  if (!source.empty() && std::filesystem::exists(source, ec)) return source;
  return "/usr/share/meedoen";
}

Catalogue Catalogue::parse(std::string_view text) {
  Catalogue c;
  std::string msgid, msgstr;
  enum class Field { None, Id, Str } field = Field::None;
  bool have_id = false, have_str = false;
  bool bad = false;  // a line of this entry could not be read: the whole entry is dropped
  int line_no = 0;
  auto flush = [&] {
    if (have_id && have_str && !bad && !msgid.empty() && !msgstr.empty()) c.m_entries[msgid] = msgstr;
    msgid.clear();
    msgstr.clear();
    have_id = have_str = bad = false;
    field = Field::None;
  };
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty()) continue;
    if (line.front() == '#') continue;
    std::size_t i = 0;
    std::string* target = nullptr;
    bool is_msgid = false;
    if (line.rfind("msgid ", 0) == 0) {
      if (have_id || bad) flush();
      have_id = is_msgid = true;
      field = Field::Id;
      target = &msgid;
      i = 6;
    } else if (line.rfind("msgstr ", 0) == 0 && have_id) {
      have_str = true;
      field = Field::Str;
      target = &msgstr;
      i = 7;
    } else if (line.rfind("msgstr ", 0) == 0) {
      field = Field::None;  // a translation without its msgid belongs to nothing: ignored
    } else if (line.front() == '"') {
      target = field == Field::Id ? &msgid : field == Field::Str ? &msgstr : nullptr;
    }
    while (i < line.size() && line[i] == ' ') ++i;
    std::string piece;
    if (!target || !parse_quoted(line, i, piece)) {
      // A broken line adds nothing; a broken msgid drops its whole entry.
      c.m_errors.push_back("line " + std::to_string(line_no) + ": cannot read \"" + std::string(line.substr(0, 60)) +
                           "\"");
      if (is_msgid) bad = true;
      continue;
    }
    *target += piece;
  }
  flush();
  return c;
}

Catalogue Catalogue::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Catalogue c;
    c.m_errors.push_back(path + ": cannot be read");
    return c;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str());
}

const std::string* Catalogue::find(std::string_view key) const {
  const auto it = m_entries.find(std::string(key));
  return it == m_entries.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalogue::keys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : m_entries) out.push_back(k);
  return out;
}

void Strings::load(const std::string& dir, const std::vector<std::string>& languages) {
  for (const auto& lang : languages) add(lang, Catalogue::load(dir + "/" + lang + ".po"));
}

void Strings::add(const std::string& language, Catalogue c) {
  if (m_fallback.empty()) m_fallback = language;
  if (m_language.empty()) m_language = language;
  m_catalogues[language] = std::move(c);
}

std::vector<std::string> Catalogue::values() const {
  std::vector<std::string> out;
  out.reserve(m_entries.size());
  for (const auto& [k, v] : m_entries) out.push_back(v);
  return out;
}

std::vector<std::string> Strings::languages() const {
  std::vector<std::string> out;
  for (const auto& [code, c] : m_catalogues) out.push_back(code);
  return out;
}

std::vector<std::string> Strings::texts_of(const std::string& language) const {
  const auto it = m_catalogues.find(language);
  return it == m_catalogues.end() ? std::vector<std::string>{} : it->second.values();
}

void Strings::set_language(const std::string& language) {
  if (m_catalogues.count(language)) m_language = language;
}

const std::string& Strings::get(std::string_view key) const {
  for (const std::string* lang : {&m_language, &m_fallback}) {
    const auto it = m_catalogues.find(*lang);
    if (it == m_catalogues.end()) continue;
    if (const std::string* s = it->second.find(key)) return *s;
  }
  m_missing.assign(key);
  return m_missing;
}

std::string Strings::fmt(std::string_view key, std::initializer_list<std::pair<const char*, std::string>> args) const {
  std::string s = get(key);
  // In a right-to-left sentence each value is an isolated run (ui/bidi/bidi.hpp): "Jan V." keeps its
  // period, and the sentence's own period and commas stay where the translator put them.
  const bool isolate = bidi::direction_of(m_language) == bidi::Direction::Rtl;
  for (const auto& [name, value] : args) {
    const std::string token = std::string("{") + name + "}";
    const std::string v = isolate ? bidi::isolated(value) : value;
    for (std::size_t at = s.find(token); at != std::string::npos; at = s.find(token, at + v.size()))
      s.replace(at, token.size(), v);
  }
  return s;
}

namespace {

// Every key the kiosk uses, one a line, grouped by where it is shown.
constexpr std::string_view kRequiredKeys[] = {
    "language.name",
    "language.title",
    // Reports (report_views.cpp)
    "reports.scope_centre",
    "reports.scope_mine",
    "reports.export",
    "reports.exporting",
    "reports.saved_in",
    "reports.saved_notice",
    "reports.failed",
    "reports.as_of",
    "reports.date_format",
    "reports.month_title",
    "reports.progress_title",
    "reports.page",
    "reports.period",
    "reports.scope",
    "reports.scope_of",
    "reports.sender",
    "reports.date",
    "reports.total",
    "reports.more_rows",
    "reports.no_coach",
    "reports.week_short",
    "reports.hours_unit",
    "reports.chart.weeks",
    "reports.chart.hours",
    "reports.col.coach",
    "reports.col.participants",
    "reports.col.present",
    "reports.col.absent",
    "reports.col.no_show",
    "reports.col.voluntary",
    "reports.col.hours",
    "reports.col.waiting",
    "reports.col.ladder",
    "reports.col.in_out",
    "reports.col.ladder_up",
    "reports.col.ladder_down",
    "reports.col.ladder_same",
    "reports.col.ladder_within",
    "reports.col.intake",
    "reports.col.outflow",
    "reports.col.reason",
    "reports.col.count",
    "reports.col.name",
    "reports.col.participation",
    "reports.col.ladder_from_to",
    "reports.col.week",
    "reports.col.from",
    "reports.col.place",
    "reports.col.moment",
    "reports.col.rung",
    "reports.col.progress",
    "reports.col.area",
    "reports.col.status",
    "reports.attendance_hours",
    "reports.movement",
    "reports.absence_reasons",
    "reports.exit_reasons",
    "reports.coach_section",
    "reports.definitions_title",
    "reports.definitions",
    "reports.participant",
    "reports.start_date",
    "reports.end_date",
    "reports.open_ended",
    "reports.agreed_parts",
    "reports.agreed_hours",
    "reports.attendance_weeks",
    "reports.hours_places",
    "reports.ladder_history",
    "reports.no_ladder",
    "reports.areas",
    "reports.moment.start",
    "reports.moment.monthly",
    "reports.moment.exit",
    "reports.area.psychological",
    "reports.area.financial",
    "reports.area.social",
    "reports.area.addiction",
    "reports.area.physical",
    "reports.area_status.none",
    "reports.area_status.working",
    "reports.area_status.under_control",
    "reports.exit.work",
    "reports.exit.subsidised_work",
    "reports.exit.volunteer_work",
    "reports.exit.other_programme",
    "reports.exit.care",
    "reports.exit.off_benefit",
    "reports.exit.moved",
    "reports.exit.stopped",
    "reports.exit.other",
    "welcome.start",
    "welcome.start_hint",
    "welcome.tap_only",
    "welcome.scan_only",
    "welcome.today",
    "welcome.no_activities",
    "search.title",
    "search.hint",
    "search.none",
    "search.scan_hint",
    "common.back",
    "common.ok",
    "pin.title",
    "pin.hint",
    "pin.paused_hint",
    "home.greeting.morning",
    "home.greeting.afternoon",
    "home.greeting.evening",
    "home.check_in",
    "home.check_out",
    "home.here_since",
    "home.not_here_yet",
    "home.today",
    "home.done",
    "confirm.checked_in",
    "confirm.checked_out",
    "confirm.welcome",
    "confirm.goodbye",
    "prompt.title",
    "prompt.continue",
    "storage.title",
    "storage.damaged.what",
    "storage.damaged.todo",
    "storage.read_only.what",
    "storage.read_only.todo",
    "storage.disk_full.what",
    "storage.disk_full.todo",
    "storage.participants",
    "prompt.countdown",
    "prompt.countdown.one",
    "notice.unknown_card",
    "notice.wrong_pin",
    "notice.pin_paused",
    "notice.store_failed",
    "notice.already_in",
    "notice.not_in",
    "keyboard.space",
    "keyboard.erase",
    "day.0",
    "day.1",
    "day.2",
    "day.3",
    "day.4",
    "day.5",
    "day.6",
    "month.1",
    "month.2",
    "month.3",
    "month.4",
    "month.5",
    "month.6",
    "month.7",
    "month.8",
    "month.9",
    "month.10",
    "month.11",
    "month.12",
    "date.format",
    "coach.sync.online",
    "coach.sync.offline",
    "coach.sync.all_sent",
    "coach.sync.unsent",
    "coach.sync.rejected",
    "coach.sync.clock_off",
    "coach.clock_off",
    "coach.clock_off.absence_reported",
    "coach.clock_off.check_in",
    "coach.clock_off.check_out",
    "coach.clock_off.hours_logged",
    "coach.clock_off.nobody",
    "coach.clock_off.other",
    "coach.clock_off.signed_up",
    "coach.pin_change.too_short",
    "coach.storage.unencrypted",
    "coach.storage.who",
    "day.today.inline",
    "day.yesterday.inline",
    "dayshort.0",
    "dayshort.1",
    "dayshort.2",
    "dayshort.3",
    "dayshort.4",
    "dayshort.5",
    "dayshort.6",
    "welcome.grid",
    "grid.title",
    "grid.empty",
    "common.previous",
    "common.next",
    "common.save",
    "notice.activity_full",
    "notice.activity_over",
    "notice.nothing_chosen",
    "notice.signed_up",
    "notice.on_waiting_list",
    "notice.sign_up_cancelled",
    "notice.correction_sent",
    "notice.end_confirmed",
    "confirm.absence",
    "confirm.absence_message",
    "confirm.more",
    "confirm.hours",
    "confirm.hours_message",
    "hours.amount",
    "hours.agreed",
    "hours.where",
    "hours.when",
    "hours.how_long",
    "hours.quick_one",
    "hours.quick",
    "hours.less",
    "hours.more",
    "hours.no_places",
    "hours.this_week",
    "hours.this_month",
    "hours.logged_this_week",
    "hours.approved",
    "hours.changed_by_coach",
    "hours.waiting",
    "day.today",
    "day.tomorrow",
    "day.yesterday",
    "dagdeel.morning",
    "dagdeel.afternoon",
    "dagdeel.evening",
    "tile.activities",
    "tile.absence",
    "tile.hours",
    "tile.progress",
    "activities.waiting_number",
    "activities.place_freed",
    "activities.none",
    "activities.open_to_all",
    "activities.full",
    "activities.one_place",
    "activities.places",
    "activities.over",
    "activities.you_joined",
    "activities.you_join",
    "activities.cancel",
    "activities.leave_waiting_list",
    "activities.join_waiting_list",
    "activities.sign_up",
    "home.reported_absent",
    "list.separator",
    "home.my_week",
    "home.my_week_empty",
    "reason.sick",
    "reason.medical",
    "reason.care",
    "reason.appointment",
    "reason.other",
    "absence.when",
    "absence.why",
    "absence.chosen_one",
    "absence.chosen",
    "absence.choose_first",
    "progress.milestones",
    "progress.first_steps",
    "progress.day_this_month",
    "progress.days_this_month",
    "progress.hours_this_week",
    "progress.hours_this_month",
    "progress.days_milestone",
    "progress.next_days",
    "progress.hours_milestone",
    "progress.next_hours",
    "question.title",
    "question.left_at",
    "question.note",
    "question.yes",
    "question.no",
    "question.unknown",
    "correct.title",
    "correct.hint",
    "correct.earlier",
    "correct.later",
    // Coach mode
    "coach.pin_title",
    "coach.pin_hint",
    "coach.locked",
    "coach.leave",
    "coach.pin_change",
    "coach.pin_change.old",
    "coach.pin_change.new",
    "coach.pin_change.repeat",
    "coach.no_coaches_title",
    "coach.no_coaches",
    "coach.no_coaches_standalone",
    "coach.no_coaches_command",
    "notice.pins_differ",
    "notice.pin_taken",
    "notice.pin_changed",
    "coach.today",
    "coach.attention",
    "coach.all_clear",
    "coach.loading",
    "coach.here_now",
    "coach.nobody_here",
    "coach.missed",
    "coach.not_seen",
    "coach.never_seen",
    "coach.absent",
    "coach.forgotten",
    "coach.end_unknown",
    "coach.correction",
    "coach.hours",
    "coach.approve",
    "coach.reject",
    "coach.accept",
    "coach.confirm",
    "coach.mandatory",
    "coach.voluntary",
    "coach.reason_title",
    "coach.reason.checked",
    "coach.reason.seen",
    "coach.reason.duplicate",
    "coach.reason.other",
    "coach.cancel",
    "coach.tab.today",
    "coach.tab.people",
    "coach.tab.programme",
    "coach.tab.reports",
    // Coach mode: participants, their page and the ladder
    "coach.expected",
    "coach.no_show",
    "coach.phoned",
    "coach.phoned_title",
    "coach.was_here",
    "coach.was_here_in",
    "coach.pick_dagdeel",
    "coach.open",
    "coach.talk_due",
    "coach.talk_held",
    "coach.end_passed",
    "coach.end_soon",
    "coach.exit_title",
    "coach.reason.confirmed",
    "exit.work",
    "exit.subsidised_work",
    "exit.volunteer_work",
    "exit.other_programme",
    "exit.care",
    "exit.off_benefit",
    "exit.moved",
    "exit.stopped",
    "exit.other",
    "coach.people.title",
    "coach.people.mine",
    "coach.people.all",
    "coach.people.none",
    "coach.people.here",
    "coach.people.seen",
    "coach.people.rung",
    "coach.people.until",
    "coach.people.left_on",
    "coach.people.left",
    "coach.person.coach",
    "coach.person.left",
    "coach.person.started",
    "coach.person.ends",
    "coach.person.ended",
    "coach.person.agreed",
    "coach.person.agreed_hours",
    "coach.person.talks",
    "coach.person.next",
    "coach.person.attendance",
    "coach.person.present",
    "coach.person.by_coach",
    "coach.person.absent",
    "coach.person.no_show",
    "coach.person.strip_hint",
    "coach.person.counts",
    "coach.person.ladder",
    "coach.person.no_ladder",
    "coach.person.progress",
    "coach.person.assessed",
    "coach.person.hours",
    "coach.person.hours_waiting",
    "coach.person.signups",
    "coach.person.waiting",
    "coach.person.notes",
    "coach.person.talk_note",
    "coach.person.history",
    "coach.person.ladder_button",
    "coach.person.note_button",
    "coach.person.report_button",
    "coach.person.exit_button",
    "coach.person.card",
    "coach.person.card_button",
    "coach.person.card_what",
    "coach.person.no_card_button",
    "coach.person.no_card",
    "coach.note.title",
    "coach.history.self",
    "coach.history.hours_logged",
    "coach.history.hours_approved",
    "coach.history.hours_rejected",
    "coach.history.correction_asked",
    "coach.history.end_unknown",
    "coach.history.correction_accepted",
    "coach.history.end_kept",
    "coach.history.auto_closed",
    "coach.history.was_here",
    "coach.history.absent",
    "coach.history.ladder",
    "coach.history.talk",
    "coach.history.note",
    "coach.history.left",
    "moment.start",
    "moment.monthly",
    "moment.exit",
    "area.psychological",
    "area.financial",
    "area.social",
    "area.addiction",
    "area.physical",
    "area_status.none",
    "area_status.working",
    "area_status.under_control",
    "coach.history.agreements",
    "coach.history.language",
    "coach.person.agreements_button",
    "coach.agreements.title",
    "coach.agreements.start",
    "coach.agreements.end",
    "coach.agreements.no_start",
    "coach.agreements.no_end",
    "coach.agreements.clear",
    "coach.agreements.step_day",
    "coach.agreements.step_week",
    "coach.agreements.step_month",
    "coach.agreements.end_before_start",
    "coach.agreements.parts",
    "coach.agreements.hours",
    "coach.agreements.no_hours",
    "coach.agreements.rhythm",
    "coach.agreements.rhythm_none",
    "coach.agreements.rhythm_weeks",
    "coach.agreements.rhythm_days",
    "coach.agreements.show_hours",
    "coach.agreements.photo",
    "coach.ladder.title",
    "coach.ladder.moment",
    "coach.ladder.rung",
    "coach.ladder.progress",
    "coach.ladder.areas",
    // The programme (programme_views.cpp)
    "prog.title",
    "prog.new",
    "prog.empty",
    "prog.taken_off",
    "prog.put_back",
    "prog.volunteer_badge",
    "prog.once",
    "prog.signed_up_open",
    "prog.signed_up_of",
    "prog.edit_title",
    "prog.field.title",
    "prog.field.place",
    "prog.field.leader",
    "prog.field.empty",
    "prog.done",
    "prog.weekly",
    "prog.once_button",
    "prog.start",
    "prog.end",
    "prog.places",
    "prog.places_open",
    "prog.volunteer",
    "prog.save",
    "prog.take_off",
    "prog.cancel",
    "prog.confirm_title",
    "prog.confirm_text",
    "prog.confirm_yes",
    "prog.confirm_no",
    "prog.too_long",
    "prog.store_failed",
    "activity.problem.bad_id",
    "activity.problem.no_title",
    "activity.problem.title_too_long",
    "activity.problem.place_too_long",
    "activity.problem.leader_too_long",
    "activity.problem.bad_text",
    "activity.problem.bad_icon",
    "activity.problem.bad_weekday",
    "activity.problem.bad_date",
    "activity.problem.date_not_weekday",
    "activity.problem.bad_times",
    "activity.problem.dagdeel_mismatch",
    "activity.problem.bad_capacity",
};

}  // namespace

const std::vector<std::string_view>& required_keys() {
  static const std::vector<std::string_view> keys(std::begin(kRequiredKeys), std::end(kRequiredKeys));
  return keys;
}

}  // namespace meedoen::ui
