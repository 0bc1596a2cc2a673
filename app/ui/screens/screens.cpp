// Kiosk screens: welcome, identify (name search + PIN), home, confirmation, inactivity prompt.
// Layout is computed from the window size; the theme's scale keeps targets >= 64 px.

#include "ui/screens/screens.hpp"
#include "ui/bidi/shown.hpp"
#include "ui/screens/parts.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "ui/widgets/icons.hpp"
#include "ui/widgets/keyboard.hpp"
#include "ui/widgets/scroll.hpp"
#include "ui/widgets/widgets.hpp"

namespace meedoen::ui {

namespace {

// [SECTION] Welcome

// The language buttons at the foot: one row in landscape, in portrait rows of three where one row
// would leave each too narrow for "Nederlands" (six languages); the coach's corner stays free.
std::size_t languages_per_row(const WelcomeView& v, const Theme& t, const Layout& L) {
  const float n = static_cast<float>(v.languages.size());
  const float room = L.size.x - 2 * L.margin - t.px(72) - t.px(96) - (n - 1) * L.gap;
  return !L.portrait() || room / n >= t.px(220) ? v.languages.size() : 3;
}

float welcome_languages_height(const WelcomeView& v, const Theme& t, const Layout& L) {
  if (v.languages.empty()) return 0;
  const std::size_t per_row = languages_per_row(v, t, L);
  const float rows = static_cast<float>((v.languages.size() + per_row - 1) / per_row);
  return rows * (t.px(84) + L.gap);
}

void welcome_languages(const WelcomeView& v, const Theme& t, const Layout& L, Actions& out) {
  if (v.languages.empty()) return;
  const ImVec2 wp = ImGui::GetWindowPos();
  const float M = L.margin;
  const std::size_t per_row = languages_per_row(v, t, L);
  const float y0 = L.size.y - welcome_languages_height(v, t, L) + L.gap - M;
  ImGui::GetWindowDrawList()->AddText(t.fonts.large, t.fonts.large->FontSize, ImVec2(wp.x + M, wp.y + y0 + t.px(14)),
                                      colors::text_muted, icons::utf8("globe"));
  const float x0 = M + t.px(72);
  // As wide as they can be up to 240 px (280 in portrait), leaving the coach corner free (bottom right).
  const float n = static_cast<float>(per_row);
  const float w = std::min(t.px(L.portrait() ? 280 : 240), (L.size.x - M - t.px(96) - x0 - (n - 1) * L.gap) / n);
  for (std::size_t i = 0; i < v.languages.size(); ++i) {
    const auto& lang = v.languages[i];
    ImGui::SetCursorPos(ImVec2(x0 + static_cast<float>(i % per_row) * (w + L.gap),
                               y0 + static_cast<float>(i / per_row) * (t.px(84) + L.gap)));
    const std::string id = "lang:" + lang.code;
    if (big_button(t, {id.c_str(), nullptr, &lang.label, ImVec2(w, t.px(84)),
                       lang.active ? ButtonStyle::Selected : ButtonStyle::Neutral, lang.enabled}))
      out.push_back(core::LanguageTapped{lang.code});
  }
}

// The big start button (or, for a centre with cards only, the card pictogram in its place), the
// photo grid's button under it where the centre has one, and the hint under them.
void welcome_start(const WelcomeView& v, const Theme& t, ImVec2 pos, ImVec2 size, float gap, Actions& out) {
  const ImVec2 wp = ImGui::GetWindowPos();
  const float grid_h = v.show_grid ? t.px(100) + gap : 0;
  const float start_h = size.y - grid_h;
  ImGui::SetCursorPos(pos);
  if (v.show_start) {
    if (big_button(t, {"start", icons::utf8("start"), &v.start_label, ImVec2(size.x, start_h), ButtonStyle::Primary,
                       true, true, t.fonts.huge}))
      out.push_back(core::StartTapped{});
  } else {
    panel(ImVec2(wp.x + pos.x, wp.y + pos.y), ImVec2(wp.x + pos.x + size.x, wp.y + pos.y + start_h), t);
    ImFont* f = t.fonts.icon_huge;
    const char* card = icons::utf8("card");
    const ImVec2 is = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, card);
    ImGui::GetWindowDrawList()->AddText(
        f, f->FontSize, ImVec2(wp.x + pos.x + (size.x - is.x) * 0.5f, wp.y + pos.y + (start_h - is.y) * 0.5f),
        colors::primary, card);
  }
  if (v.show_grid) {
    ImGui::SetCursorPos(ImVec2(pos.x, pos.y + start_h + gap));
    if (big_button(t, {"grid", icons::utf8("grid"), &v.grid_label, ImVec2(size.x, t.px(100)), ButtonStyle::Neutral}))
      out.push_back(core::GridTapped{});
  }
}

std::string start_hint(const WelcomeView& v) {
  return std::string(icons::utf8(v.show_start ? "card" : "info")) + "  " + v.start_hint;
}

void draw_welcome(const WelcomeView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  ImGui::SetCursorPos(ImVec2(M, M));
  text(t.fonts.large, colors::text, v.centre_name);

  const ImVec2 clock = t.fonts.huge->CalcTextSizeA(t.fonts.huge->FontSize, FLT_MAX, 0, v.clock.c_str());
  ImGui::SetCursorPos(ImVec2(L.size.x - M - clock.x, M - t.px(16)));
  text(t.fonts.huge, colors::text, v.clock);
  const ImVec2 date = t.fonts.bold->CalcTextSizeA(t.fonts.bold->FontSize, FLT_MAX, 0, v.date.c_str());
  ImGui::SetCursorPos(ImVec2(L.size.x - M - date.x, M + clock.y - t.px(16)));
  text(t.fonts.bold, colors::text, v.date);

  const float top = M + clock.y + date.y + t.px(24);
  const float bottom = L.size.y - M - welcome_languages_height(v, t, L);
  const ImVec2 wp = ImGui::GetWindowPos();
  const float grid_h = v.show_grid ? t.px(100) + L.gap : 0;
  if (L.portrait()) {
    // Today's programme above, then the hint and the start button low, within reach of everyone.
    const float W = L.size.x - 2 * M;
    const float start_h = t.px(420) + grid_h;
    const float start_y = bottom - start_h;
    const float hint_h = t.fonts.bold->CalcTextSizeA(t.fonts.bold->FontSize, FLT_MAX, W, start_hint(v).c_str()).y;
    const float hint_y = start_y - t.px(16) - hint_h;
    today_panel(t, ImVec2(wp.x + M, wp.y + top), ImVec2(wp.x + M + W, wp.y + hint_y - L.gap), v.today_title, v.today,
                v.no_activities);
    ImGui::SetCursorPos(ImVec2(M, hint_y));
    text(t.fonts.bold, colors::text, start_hint(v), W);
    welcome_start(v, t, ImVec2(M, start_y), ImVec2(W, start_h), L.gap, out);
  } else {
    // One big start button on the left: the only thing a participant has to find.
    const float left_w = (L.size.x - 2 * M - L.gap) * 0.5f;
    const float start_h = std::min(bottom - top - t.px(80) - grid_h, t.px(380) - grid_h);
    welcome_start(v, t, ImVec2(M, top), ImVec2(left_w, start_h + grid_h), L.gap, out);
    ImGui::SetCursorPos(ImVec2(M, top + start_h + grid_h + t.px(16)));
    text(t.fonts.bold, colors::text, start_hint(v), left_w);
    today_panel(t, ImVec2(wp.x + M + left_w + L.gap, wp.y + top), ImVec2(wp.x + L.size.x - M, wp.y + bottom),
                v.today_title, v.today, v.no_activities);
  }
  welcome_languages(v, t, L, out);
}

// [SECTION] Search by name with the on-screen keyboard

// reserve: room at the right of the first row for the speaker button.
void draw_search(const SearchView& v, const Theme& t, const Layout& L, Actions& out, float reserve) {
  const float M = L.margin;
  const ImVec2 wp = ImGui::GetWindowPos();
  // Row 1: back, the query shown like a field, erase.
  const float row_h = t.px(84);
  const float side_w = t.px(200);
  ImGui::SetCursorPos(ImVec2(M, M));
  if (back_button(t, v.back_label)) out.push_back(core::BackTapped{});
  const float field_x = M + side_w + L.gap;
  const float field_w = L.size.x - 2 * M - 2 * side_w - 2 * L.gap - reserve;
  panel(ImVec2(wp.x + field_x, wp.y + M), ImVec2(wp.x + field_x + field_w, wp.y + M + row_h), t);
  if (v.query.empty()) {
    ImGui::SetCursorPos(ImVec2(field_x + t.px(24), M + (row_h - t.fonts.bold->FontSize) * 0.5f));
    text(t.fonts.bold, colors::text_muted, v.hint);
  } else {
    ImGui::SetCursorPos(ImVec2(field_x + t.px(24), M + (row_h - t.fonts.large->FontSize) * 0.5f));
    text(t.fonts.large, colors::text, v.query + "|");
  }
  ImGui::SetCursorPos(ImVec2(L.size.x - M - side_w - reserve, M));
  if (big_button(t, {"erase", icons::utf8("erase"), &v.erase_label, ImVec2(side_w, row_h), ButtonStyle::Neutral,
                     !v.query.empty()}))
    out.push_back(core::SearchErased{});

  // Row 2: up to six matches as big tiles (first name + initial, nothing else), or guidance.
  // Portrait: two columns of taller tiles (three rows fit easily above the keyboard there).
  const std::size_t cols = L.portrait() ? 2 : 3;
  const float tiles_y = M + row_h + L.gap;
  const float tile_w = (L.size.x - 2 * M - static_cast<float>(cols - 1) * L.gap) / static_cast<float>(cols);
  const float tile_h = t.px(L.portrait() ? 120 : 88);
  const float tile_gap = t.px(12);
  // As many rows of tiles as fit above the keyboard (two at 1280x800; one on small panels).
  const float kb_top = L.size.y - M - keyboard_height(t);
  const int rows_fit = std::clamp(static_cast<int>((kb_top - L.gap - tiles_y + tile_gap) / (tile_h + tile_gap)), 1,
                                  static_cast<int>(6 / cols));
  const std::size_t shown = std::min(v.matches.size(), static_cast<std::size_t>(rows_fit) * cols);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& m = v.matches[i];
    ImGui::SetCursorPos(ImVec2(M + static_cast<float>(i % cols) * (tile_w + L.gap),
                               tiles_y + static_cast<float>(i / cols) * (tile_h + tile_gap)));
    const std::string id = "match:" + m.id;
    if (big_button(t, {id.c_str(), icons::utf8("person"), &m.label, ImVec2(tile_w, tile_h), ButtonStyle::Primary}))
      out.push_back(core::ParticipantChosen{m.id});
  }
  if (v.query.empty()) {
    ImGui::SetCursorPos(ImVec2(M, tiles_y + t.px(12)));
    text(t.fonts.large, colors::text, v.title);
    if (!v.scan_hint.empty()) {
      ImGui::SetCursorPosX(M);
      text(t.fonts.bold, colors::text_muted, std::string(icons::utf8("card")) + "  " + v.scan_hint);
    }
  } else if (v.show_none) {
    ImGui::SetCursorPos(ImVec2(M, tiles_y + t.px(24)));
    text(t.fonts.bold, colors::text, v.none_text);
  }

  // On-screen keyboard (letters, accents, hyphen, apostrophe, space); erase sits by the field.
  const KeyEvent key = keyboard(t, {ImVec2(M, kb_top), L.size.x - 2 * M, v.query, &v.space_label});
  if (key.kind == KeyEvent::Kind::Text) out.push_back(core::SearchTyped{key.text});
}

// [SECTION] PIN keypad

void draw_pin(const PinView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  ImGui::SetCursorPos(ImVec2(M, M));
  if (back_button(t, v.back_label, !v.busy)) out.push_back(core::BackTapped{});

  const PinFrame f = pin_frame(t, L, M + t.px(330));
  ImGui::SetCursorPos(ImVec2(f.text_x, f.text_y));
  text(t.fonts.large, colors::text, v.title, f.text_w);
  ImGui::SetCursorPosX(f.text_x);
  text(t.fonts.bold, colors::text_muted, std::string(icons::utf8("lock")) + "  " + (v.paused ? v.paused_hint : v.hint),
       f.text_w);

  pin_dots(t, L, v.digits_entered, v.digits_total, f.dots_y);
  const KeypadEvent key = pin_keypad(t, L, "pin", v.erase_label, !v.paused && !v.busy, v.digits_entered > 0);
  if (key.kind == KeypadEvent::Kind::Digit) out.push_back(core::PinDigit{key.digit});
  if (key.kind == KeypadEvent::Kind::Erase) out.push_back(core::PinErased{});
}

// [SECTION] Confirmation

void draw_confirmation(const ConfirmationView& v, const Theme& t, const Layout& L, Actions& out) {
  const ImVec2 wp = ImGui::GetWindowPos();
  const char* icon = icons::utf8("confirmed");
  ImFont* f = t.fonts.icon_huge;
  const ImVec2 is = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon);
  // Portrait: the message lower, nearer the eye of someone at a tall screen, and wider buttons.
  const bool tall = L.portrait();
  const float y0 = L.size.y * (tall ? 0.26f : 0.12f);
  ImGui::GetWindowDrawList()->AddText(f, f->FontSize, ImVec2(wp.x + (L.size.x - is.x) * 0.5f, wp.y + y0),
                                      v.outcome == core::Outcome::CheckedOut ? colors::primary : colors::check_in,
                                      icon);
  ImGui::SetCursorPosY(y0 + is.y + t.px(24));
  text_centered(t.fonts.large, colors::text, v.headline, 0, L.size.x);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + t.px(8));
  text_centered(t.fonts.bold, colors::text_muted, v.message, 0, L.size.x);
  const float bh = t.px(tall ? 130 : 100);
  const float bw = tall ? (v.more_label.empty() ? L.size.x * 0.6f : (L.size.x - 2 * L.margin - L.gap) * 0.5f)
                        : t.px(v.more_label.empty() ? 280 : 360);
  const float y = (tall ? L.target_bottom() : L.size.y - L.margin) - bh;  // portrait: wide enough to reach the lock
  if (v.more_label.empty()) {
    ImGui::SetCursorPos(ImVec2((L.size.x - bw) * 0.5f, y));
  } else {
    ImGui::SetCursorPos(ImVec2(L.size.x * 0.5f - bw - L.gap * 0.5f, y));
    if (big_button(t, {"more", icons::utf8("back"), &v.more_label, ImVec2(bw, bh), ButtonStyle::Neutral}))
      out.push_back(core::MoreTapped{});
    ImGui::SetCursorPos(ImVec2(L.size.x * 0.5f + L.gap * 0.5f, y));
  }
  if (big_button(t, {"ok", icons::utf8("done"), &v.ok_label, ImVec2(bw, bh), ButtonStyle::Primary}))
    out.push_back(core::DoneTapped{});
}

// [SECTION] Inactivity prompt ("Ben je er nog?"), above any screen

void draw_prompt(const PromptView& v, const Theme& t, const Layout& L, Actions& out) {
  const ImVec2 size(std::min(L.size.x - 2 * L.margin, t.px(760)), t.px(440));
  ImGui::SetNextWindowPos(ImVec2((L.size.x - size.x) * 0.5f, (L.size.y - size.y) * 0.5f));
  ImGui::SetNextWindowSize(size);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(colors::panel));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, t.px(24));
  ImGui::Begin("##prompt", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::SetCursorPosY(t.px(32));
  text_centered(t.fonts.large, colors::text, std::string(icons::utf8("hourglass")) + "  " + v.title, 0, size.x);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + t.px(8));
  text_centered(t.fonts.huge, colors::primary, std::to_string(v.seconds_left), 0, size.x);
  text_centered(t.fonts.body, colors::text_muted, v.countdown, t.px(24), size.x - t.px(48));
  const float bw = size.x - t.px(96);
  ImGui::SetCursorPos(ImVec2(t.px(48), size.y - t.px(48) - t.px(110)));
  if (big_button(
          t, {"still_here", icons::utf8("still_here"), &v.continue_label, ImVec2(bw, t.px(110)), ButtonStyle::Primary}))
    out.push_back(core::StillHereTapped{});
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

// [SECTION] Notices: over no target and no text of the screen

bool covers(ImVec2 min, ImVec2 max, ImVec2 bmin, ImVec2 bmax) {
  return min.x < bmax.x && bmin.x < max.x && min.y < bmax.y && bmin.y < max.y;
}

// What a notice leaves free, the most first: every target, text and row of a list (and it lies
// inside a panel or clear of it); every target and text; at least every target.
enum class Spares { Rows, Texts, Targets };

// Whether a notice at [min, max] leaves free what `spares` names of the screen (drawn before it).
bool spot_is_free(ImVec2 min, ImVec2 max, Spares spares, float inset) {
  const FrameRecord& r = frame_record();
  // A target that cannot be tapped this moment (the welcome's buttons just after a visit) can be
  // in a moment: it stays in view where there is room, and only a last resort covers it.
  for (const auto& tg : r.targets)
    if ((tg.enabled || spares != Spares::Targets) && covers(min, max, tg.min, tg.max)) return false;
  if (spares == Spares::Targets) return true;
  for (const auto& d : r.drawn) {
    const ImVec2 dmin(d.min.x, d.in_list ? std::max(d.min.y, d.box_min.y) : d.min.y);
    const ImVec2 dmax(d.max.x, d.in_list ? std::min(d.max.y, d.box_max.y) : d.max.y);
    if (dmax.y > dmin.y && covers(min, max, dmin, dmax)) return false;
  }
  if (spares == Spares::Texts) return true;
  for (const auto& row : r.rows)
    if (covers(min, max, row.min, row.max)) return false;
  // Across a panel's edge a notice looks like part of the panel, cut off: inside it (clear of its
  // edges), or clear of it.
  for (const auto& p : r.panels) {
    const bool inside =
        min.x >= p.min.x + inset && min.y >= p.min.y + inset && max.x <= p.max.x - inset && max.y <= p.max.y - inset;
    if (!inside && covers(min, max, p.min, p.max)) return false;
  }
  return true;
}

// Where a notice goes: where it covers nothing to tap (a notice that hides the key a person
// needs next is worse than none) and, where it can, no text and no row either. Hints nearest the middle,
// where the eye already is; good news nearest the top. Full width first, then half.
// The width a notice takes first: across the screen, up to 900 px.
float notice_full_width(const Theme& t, const Layout& L) { return std::min(L.size.x - 2 * L.margin, t.px(900)); }

ImVec2 notice_spot(const Theme& t, const Layout& L, const std::string& message, bool good, float& width) {
  const float full = notice_full_width(t, L);
  const float half = (L.size.x - 2 * L.margin - L.gap) * 0.5f;
  const float edge = L.margin * 0.25f, inset = t.px(12);
  // Where it may go, as widths and their left edges: across, then half, then inside a panel.
  std::vector<std::pair<float, std::vector<float>>> places{
      {full, {(L.size.x - full) * 0.5f, L.margin, L.size.x - L.margin - full}},
      {half, {(L.size.x - half) * 0.5f, L.margin, L.size.x - L.margin - half}}};
  for (const auto& p : frame_record().panels) places.push_back({p.max.x - p.min.x - 2 * inset, {p.min.x + inset}});
  for (const Spares spares : {Spares::Rows, Spares::Texts, Spares::Targets}) {
    for (const auto& [w, xs] : places) {
      const float h = notice_height(t, message, w);
      const float start = good ? edge : (L.size.y - h) * 0.5f;
      for (float d = 0; d < L.size.y; d += t.px(12)) {
        for (const float y : {start + d, start - d}) {
          if (y < edge || y + h > L.size.y - edge) continue;
          for (const float x : xs)
            if (spot_is_free(ImVec2(x, y), ImVec2(x + w, y + h), spares, inset)) {
              width = w;
              return ImVec2(x, y);
            }
        }
      }
    }
  }
  width = full;  // nowhere free: the middle, as before (the layout test names the screen)
  return ImVec2((L.size.x - full) * 0.5f, (L.size.y - notice_height(t, message, full)) * 0.5f);
}

// [SECTION] A database that cannot be trusted: the whole screen, for the coach

void draw_storage_fault(const StorageFaultView& v, const Theme& t, const Layout& L) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(L.size);
  ImGui::Begin("##storage_fault", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  // text_centered wraps at `width` from the window's left edge: the margin on each side.
  const float x = L.margin;
  const float w = L.size.x - 2 * L.margin;
  ImGui::SetCursorPosY(L.size.y * 0.18f);
  text_centered(t.fonts.large, colors::check_out, std::string(icons::utf8("info")) + "  " + v.title, x, w);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + t.px(24));
  text_centered(t.fonts.bold, colors::text, v.what, x, w);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + t.px(24));
  text_centered(t.fonts.body, colors::text, v.todo, x, w);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + t.px(48));
  text_centered(t.fonts.body, colors::text_muted, v.participants, x, w);
  ImGui::End();
}

}  // namespace

// [SECTION] Read aloud: the speaker button

float speaker_side(const Theme& t) { return std::max(64.0f, t.px(84)); }  // parts.hpp

// A corner each screen leaves free: top right, beside Done on home, beside Back on the PIN pad
// (its keypad may reach the top on small panels), top centre on welcome (name left, clock right).
ImVec2 speaker_spot(core::Screen sc, const Theme& t, const Layout& L) {
  const float side = speaker_side(t);
  switch (sc) {
    case core::Screen::Welcome: return ImVec2((L.size.x - side) * 0.5f, L.margin);
    case core::Screen::Home: return ImVec2(L.size.x - L.margin - t.px(220) - L.gap - side, L.margin);
    case core::Screen::Pin: return ImVec2(L.margin + t.px(220) + L.gap, L.margin);
    default: return ImVec2(L.size.x - L.margin - side, L.margin);
  }
}

// Its own small window above the screen (as the coach corner), so it wins the tap over anything
// it overlaps. A pictogram, no word: it is for those who do not read.
void draw_speaker(core::Screen sc, const Theme& t, const Layout& L, Actions& out) {
  const float side = speaker_side(t);
  ImGui::SetNextWindowPos(speaker_spot(sc, t, L));
  ImGui::SetNextWindowSize(ImVec2(side, side));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##speaker", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::SetCursorPos(ImVec2(0, 0));
  if (big_button(t, {"speak", icons::utf8("speaker"), nullptr, ImVec2(side, side), ButtonStyle::Primary}))
    out.push_back(core::SpeakTapped{});
  ImGui::End();
  ImGui::PopStyleVar();
}

// [SECTION] Frame

void draw_frame(const FrameView& v, const Theme& t, ImVec2 display, Actions& out) {
  Layout L{display, t.px(40), t.px(24), v.coach_corner && !v.prompt.visible ? coach_corner_side(t) + t.px(8) : 0};
  // At half width, the narrower of the two a notice takes: it fits under one column of a page.
  if (!v.notice.empty()) {
    L.notice = notice_height(t, v.notice, (L.size.x - 2 * L.margin - L.gap) * 0.5f) + L.gap * 0.5f;
    L.notice_across = notice_height(t, v.notice, notice_full_width(t, L)) + L.gap * 0.5f;
  }
  if (v.storage_fault.visible) return draw_storage_fault(v.storage_fault, t, L);
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  // No background of its own: the window's clear lays the same colour (platform/window.hpp).
  ImGui::Begin("##kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoBackground);
  if (v.prompt.visible) ImGui::BeginDisabled();
  switch (v.screen) {
    case core::Screen::Welcome: draw_welcome(v.welcome, t, L, out); break;
    case core::Screen::Search: draw_search(v.search, t, L, out, v.speaker ? speaker_side(t) + L.gap : 0); break;
    case core::Screen::Pin: draw_pin(v.pin, t, L, out); break;
    case core::Screen::Home: draw_home(v.home, t, L, out); break;
    case core::Screen::Confirmation: draw_confirmation(v.confirmation, t, L, out); break;
    case core::Screen::PhotoGrid: draw_grid(v.grid, t, L, out); break;
    case core::Screen::CheckoutQuestion: draw_question(v.question, t, L, out); break;
    case core::Screen::CheckoutCorrect: draw_correct(v.correct, t, L, out); break;
    case core::Screen::Activities: draw_activities(v.activities, t, L, out); break;
    case core::Screen::Absence: draw_absence(v.absence, t, L, out); break;
    case core::Screen::Hours: draw_hours(v.hours, t, L, out); break;
    case core::Screen::Progress: draw_progress(v.progress, t, L, out); break;
    case core::Screen::Language: draw_language(v.language, t, L, out); break;
    case core::Screen::CoachPin: draw_coach_pin(v.coach_pin, t, L, out); break;
    case core::Screen::CoachPinChange: draw_coach_pin_change(v.coach_pin_change, t, L, out); break;
    case core::Screen::CoachToday: draw_coach_today(v.coach_nav, v.coach_today, t, L, out); break;
    case core::Screen::CoachPeople: draw_coach_people(v.coach_nav, v.coach_people, t, L, out); break;
    case core::Screen::CoachPerson: draw_coach_person(v.coach_nav, v.coach_person, t, L, out); break;
    case core::Screen::CoachLadder: draw_coach_ladder(v.coach_nav, v.coach_ladder, t, L, out); break;
    case core::Screen::CoachAgreements: draw_coach_agreements(v.coach_agreements, t, L, out); break;
    case core::Screen::CoachProgramme: draw_coach_programme(v.coach_nav, v.coach_programme, t, L, out); break;
    case core::Screen::CoachActivityEdit: draw_activity_edit(v.coach_nav, v.activity_edit, t, L, out); break;
    case core::Screen::CoachReports: draw_coach_reports(v.coach_nav, v.reports, t, L, out); break;
  }
  if (v.prompt.visible) ImGui::EndDisabled();
  ImGui::End();
  if (v.prompt.visible) dim_screen(display, "##dim");
  if (v.coach_corner && !v.prompt.visible) draw_coach_corner(t, display, out);
  // Before the notice, which finds a place that leaves every target free, the speaker's too.
  if (v.speaker && !v.prompt.visible) draw_speaker(v.screen, t, L, out);
  if (!v.notice.empty()) {
    float w = 0;
    const ImVec2 at = notice_spot(t, L, v.notice, v.notice_good, w);
    notice_banner(t, v.notice, at, w, v.notice_good);
  }
  if (v.prompt.visible) draw_prompt(v.prompt, t, L, out);
}

// [SECTION] Shared pieces (parts.hpp)

void today_panel(const Theme& t, ImVec2 min, ImVec2 max, const std::string& title,
                 const std::vector<ActivityLine>& lines, const std::string& empty_text, float targets_bottom) {
  panel(min, max, t);
  const float pad = t.px(24);
  ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
  text(t.fonts.large, colors::text, std::string(icons::utf8("today")) + "  " + title);
  if (lines.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, ImGui::GetCursorScreenPos().y + t.px(8)));
    text(t.fonts.body, colors::text_muted, empty_text);
    return;
  }
  // The day's programme scrolls by dragging or with its arrows; a fade at the edge shows there is more.
  const float top = ImGui::GetCursorScreenPos().y + t.px(4);
  ImGui::SetCursorScreenPos(ImVec2(min.x + pad, top));
  const ScrollRegion r = begin_drag_scroll(
      t, {"today-list", ImVec2(max.x - min.x - 2 * pad, max.y - pad * 0.5f - top), colors::panel, targets_bottom});
  const float width = r.list_width;
  // A row is at least one line of each; a title that wraps pushes the rows after it down.
  const float row_h = t.fonts.bold->FontSize + t.fonts.body->FontSize + t.px(18);
  const float line_gap = ImGui::GetStyle().ItemSpacing.y;
  float y = t.px(6);
  for (const ActivityLine& a : lines) {
    ImGui::SetCursorPos(ImVec2(0, y));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(t.fonts.large, t.fonts.large->FontSize, p, colors::primary,
                                        icons::utf8(a.icon));
    ImGui::SetCursorPos(ImVec2(t.px(64), y));
    text(t.fonts.bold, colors::text, a.time + "   " + a.title, width - t.px(64));
    const float title_extra = ImGui::GetCursorPosY() - (y + t.fonts.bold->FontSize + line_gap);
    const float place_y = ImGui::GetCursorPosY() - t.px(10);
    ImGui::SetCursorPos(ImVec2(t.px(64), place_y));
    text(t.fonts.body, colors::text_muted, a.place, width - t.px(64));
    const float place_extra = ImGui::GetCursorPosY() - (place_y + t.fonts.body->FontSize + line_gap);
    y += row_h + std::max(0.0f, title_extra) + std::max(0.0f, place_extra);
  }
  ImGui::SetCursorPos(ImVec2(0, y));
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

bool back_button(const Theme& t, const std::string& label, bool enabled) {
  // In a mirrored frame back is on the right and points right, the way a right-to-left reader came.
  return big_button(
      t, {"back", icons::utf8_reading("back"), &label, ImVec2(t.px(220), t.px(84)), ButtonStyle::Neutral, enabled});
}

float title_row(const Theme& t, const Layout& L, const std::string& back_label, const std::string& title, Actions& out,
                bool enabled) {
  ImGui::SetCursorPos(ImVec2(L.margin, L.margin));
  if (back_button(t, back_label, enabled)) out.push_back(core::BackTapped{});
  ImGui::SetCursorPos(ImVec2(L.margin + t.px(220) + L.gap, L.margin + (t.px(84) - t.fonts.large->FontSize) * 0.5f));
  text(t.fonts.large, colors::text, title);
  return L.margin + t.px(84) + L.gap;
}

void section_title(const Theme& t, const std::string& s, float width) { text(t.fonts.bold, colors::text, s, width); }

Split split(const Layout& L, ImVec2 pos, ImVec2 size, float share, float tall_share) {
  if (L.portrait()) {
    const float h = (size.y - L.gap) * tall_share;
    return {pos, ImVec2(size.x, h), ImVec2(pos.x, pos.y + h + L.gap), ImVec2(size.x, size.y - h - L.gap)};
  }
  const float w = (size.x - L.gap) * share;
  return {pos, ImVec2(w, size.y), ImVec2(pos.x + w + L.gap, pos.y), ImVec2(size.x - w - L.gap, size.y)};
}

namespace {

KeypadSpec pin_pad(const Theme& t, const Layout& L, const char* id, const std::string& erase_label,
                   const std::string* ok_label) {
  // Portrait: keys a third larger, the pad centred with its foot at 80 % of the height.
  const ImVec2 key = L.portrait() ? ImVec2(t.px(230), t.px(136)) : ImVec2(t.px(170), t.px(104));
  KeypadSpec pad{id, {}, key, L.gap, &erase_label, ok_label};
  const ImVec2 size = keypad_size(pad);
  pad.pos = L.portrait() ? ImVec2((L.size.x - size.x) * 0.5f, std::min(L.size.y * 0.8f, L.target_bottom()) - size.y)
                         : ImVec2(L.size.x - L.margin - size.x, std::max(L.margin, (L.size.y - size.y) * 0.5f));
  return pad;
}

float dots_width(const Theme& t, int total) { return static_cast<float>(total) * (2 * t.px(18) + t.px(28)) - t.px(28); }

}  // namespace

PinFrame pin_frame(const Theme& t, const Layout& L, float landscape_dots_y) {
  if (!L.portrait()) return {L.margin, L.margin + t.px(140), L.size.x * 0.42f, landscape_dots_y};
  // Portrait: the text over the dots, in line with the keypad's left edge, as one block.
  static const std::string none;
  const KeypadSpec pad = pin_pad(t, L, "", none, nullptr);
  return {pad.pos.x, pad.pos.y - t.px(330), keypad_size(pad).x, pad.pos.y - t.px(90)};
}

void pin_dots(const Theme& t, const Layout& L, int entered, int total, float y) {
  // How many digits are in, never which.
  const ImVec2 wp = ImGui::GetWindowPos();
  const float r = t.px(18);
  const float x0 = L.portrait() ? (L.size.x - dots_width(t, total)) * 0.5f : L.margin;
  for (int i = 0; i < total; ++i) {
    const ImVec2 c(wp.x + x0 + r + static_cast<float>(i) * (2 * r + t.px(28)), wp.y + y);
    if (i < entered) ImGui::GetWindowDrawList()->AddCircleFilled(c, r, colors::text);
    else ImGui::GetWindowDrawList()->AddCircle(c, r, colors::text, 0, t.px(3));
  }
  frame_record().texts.push_back(std::string(static_cast<std::size_t>(entered), '*'));
  // Recorded as drawn, so a notice finds a place that leaves the dots in view.
  FrameRecord::Drawn dots;
  dots.given = "(PIN dots)";
  dots.min = ImVec2(wp.x + x0, wp.y + y - r);
  dots.max = ImVec2(dots.min.x + dots_width(t, total), wp.y + y + r);
  dots.box_min = ImGui::GetWindowDrawList()->GetClipRectMin();
  dots.box_max = ImGui::GetWindowDrawList()->GetClipRectMax();
  dots.line_h = 2 * r;
  dots.window = GImGui->CurrentWindow->RootWindow->ID;
  frame_record().drawn.push_back(dots);
}

KeypadEvent pin_keypad(const Theme& t, const Layout& L, const char* id, const std::string& erase_label, bool enabled,
                       bool can_erase, const std::string* ok_label, bool can_ok) {
  KeypadSpec pad = pin_pad(t, L, id, erase_label, ok_label);
  pad.can_ok = can_ok;
  pad.enabled = enabled;
  pad.can_erase = can_erase;
  return keypad(t, pad);
}

}  // namespace meedoen::ui
