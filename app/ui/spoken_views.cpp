// Read aloud: each participant screen's spoken description (title, main message, choices) from
// its view model, and the cues that say when speech starts and stops (ui/spoken.hpp).
#include "ui/spoken.hpp"

#include <algorithm>

#include "ui/bidi/bidi.hpp"
#include "ui/view_models.hpp"

namespace meedoen::ui {

namespace {

struct Said {
  std::vector<SpokenPart> parts;
  Said& add(const std::string& id, const std::string& text) {
    if (!text.empty()) parts.push_back({id, text});
    return *this;
  }
};

// [SECTION] Per screen

void welcome(const WelcomeView& v, Said& out) {
  out.add("", v.centre_name).add("", v.start_hint);
  if (v.show_start) out.add("welcome.start", v.start_label);
  if (v.show_grid) out.add("welcome.grid", v.grid_label);
}

void search(const SearchView& v, Said& out) {
  out.add("search.title", v.title).add("search.scan_hint", v.scan_hint);
  if (v.show_none) out.add("search.none", v.none_text);
  for (const auto& m : v.matches) out.add("", m.label);
}

void pin(const PinView& v, Said& out) {
  out.add("pin.title", v.title);
  if (v.paused) out.add("pin.paused_hint", v.paused_hint);
  else out.add("pin.hint", v.hint);
}

void grid(const GridView& v, Said& out) {
  out.add("grid.title", v.title);
  if (v.faces.empty()) out.add("grid.empty", v.empty_text);
  for (const auto& f : v.faces) out.add("", f.label);
}

void home(const HomeView& v, Said& out) {
  out.add("", v.greeting).add("", v.status);
  out.add(v.checked_in ? "home.check_out" : "home.check_in", v.action_label);
  for (const auto& t : v.tiles) out.add("tile." + t.icon, t.label);
  out.add("home.done", v.done_label);
}

void confirmation(const ConfirmationView& v, Said& out) {
  out.add("", v.headline).add("", v.message).add("confirm.more", v.more_label).add("common.ok", v.ok_label);
}

void question(const CheckoutQuestionView& v, Said& out) {
  out.add("question.title", v.title).add("question.left_at", v.question).add("question.note", v.note);
  out.add("question.yes", v.yes_label).add("question.no", v.no_label).add("question.unknown", v.unknown_label);
}

void correct(const CheckoutCorrectView& v, Said& out) {
  out.add("correct.title", v.title).add("", v.time).add("correct.hint", v.hint);
  out.add("correct.earlier", v.earlier_label).add("correct.later", v.later_label).add("common.save", v.save_label);
}

void activities(const ActivitiesView& v, Said& out) {
  out.add("tile.activities", v.title);
  for (const auto& d : v.days)
    if (d.active) out.add("", d.label);
  if (v.rows.empty()) out.add("activities.none", v.empty_text);
  for (const auto& r : v.rows) out.add("", r.title + ", " + r.time).add("", r.status).add("", r.action_label);
}

void absence(const AbsenceView& v, Said& out) {
  out.add("tile.absence", v.title).add("absence.when", v.when_title).add("", v.chosen_text);
  out.add("absence.why", v.why_title);
  for (const auto& r : v.reasons) out.add("reason." + std::string(core::reason_key(r.reason)), r.label);
}

void hours(const HoursView& v, Said& out) {
  out.add("tile.hours", v.title).add("hours.where", v.place_title);
  for (const auto& p : v.places)
    if (p.active) out.add("", p.label);
  out.add("hours.when", v.day_title);
  for (const auto& d : v.days)
    if (d.active) out.add("", d.label);
  out.add("hours.how_long", v.amount_title).add("", v.amount).add("common.save", v.save_label);
}

void progress(const ProgressView& v, Said& out) {
  out.add("tile.progress", v.title);
  for (const auto& st : v.stats) out.add("", st.value + " " + st.label);
  out.add("progress.milestones", v.milestones_title);
  if (v.milestones.empty()) out.add("progress.first_steps", v.none_yet);
  for (const auto& m : v.milestones) out.add("", m.label);
  out.add("", v.next);
}

// The language screen: its title in the visit's language, then each language by its own name.
void language(const LanguageView& v, Said& out) {
  out.add("language.title", v.title);
  for (const auto& l : v.languages) out.add("", l.label);
}

void screen(const FrameView& v, Said& out) {
  switch (v.screen) {
    case core::Screen::Welcome: return welcome(v.welcome, out);
    case core::Screen::Search: return search(v.search, out);
    case core::Screen::Pin: return pin(v.pin, out);
    case core::Screen::PhotoGrid: return grid(v.grid, out);
    case core::Screen::Home: return home(v.home, out);
    case core::Screen::Confirmation: return confirmation(v.confirmation, out);
    case core::Screen::CheckoutQuestion: return question(v.question, out);
    case core::Screen::CheckoutCorrect: return correct(v.correct, out);
    case core::Screen::Activities: return activities(v.activities, out);
    case core::Screen::Absence: return absence(v.absence, out);
    case core::Screen::Hours: return hours(v.hours, out);
    case core::Screen::Progress: return progress(v.progress, out);
    case core::Screen::Language: return language(v.language, out);
    default: return;  // coach mode is not read aloud
  }
}

}  // namespace

std::string Spoken::text() const {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += ' ';
    const std::string said = bidi::without_controls(p.text);  // espeak-ng would read the isolates' marks
    out += said;
    const char last = said.empty() ? '.' : said.back();
    if (last != '.' && last != '?' && last != '!' && last != ':') out += '.';
  }
  return out;
}

Spoken make_spoken(const core::State& s, const FrameView& v) {
  Spoken out;
  if (core::coach_screen(v.screen) || v.storage_fault.visible) return out;
  out.language = s.language;
  Said said;
  said.add("", v.notice);
  screen(v, said);
  out.parts = std::move(said.parts);
  return out;
}

// [SECTION] Cues

SpeechCues::Cue SpeechCues::next(const core::State& s, const FrameView& v) {
  Cue cue;
  const bool first = !m_started;
  m_started = true;
  const bool new_request = !first && s.read_aloud.requests != m_requests;
  const bool new_screen = first || s.screen != m_screen;
  // Another participant than the one identified before (the first one after the welcome screen
  // is not "someone else": what the speaker said there was for them).
  const bool someone_else = !first && !m_participant.empty() && s.participant_id != m_participant;
  m_participant = s.participant_id;
  const bool new_notice = !v.notice.empty() && v.notice != m_notice;
  m_requests = s.read_aloud.requests;
  m_screen = s.screen;
  m_notice = v.notice;
  if ((new_screen && (s.screen == core::Screen::Welcome || core::coach_screen(s.screen))) ||
      (someone_else && !new_request)) {
    if (!first) cue.kind = Cue::Kind::Stop;  // the participant left: not a word more
    return cue;
  }
  // A confirmation, good news or the question about a forgotten check-out, once speech is on.
  const bool confirmation =
      new_screen && (s.screen == core::Screen::Confirmation || s.screen == core::Screen::CheckoutQuestion);
  const bool good_news = new_notice && v.notice_good;
  if (!new_request && !(s.read_aloud.on && (confirmation || good_news))) return cue;
  cue.what = make_spoken(s, v);
  if (!new_request && good_news && !confirmation)
    cue.what.parts.resize(std::min<std::size_t>(1, cue.what.parts.size()));
  if (!cue.what.empty()) cue.kind = Cue::Kind::Say;
  return cue;
}

}  // namespace meedoen::ui
