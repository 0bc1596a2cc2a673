// Touch widgets.
#include "ui/widgets/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

#include "ui/bidi/bidi.hpp"
#include "ui/bidi/shown.hpp"
#include "ui/widgets/icons.hpp"

namespace meedoen::ui {

// Replays and tests name text as it reads: a name isolated in an Arabic sentence (bidi::isolated)
// matches without its invisible controls.
const FrameRecord::Target* FrameRecord::find_target(const std::string& label) const {
  for (const auto& t : targets)
    if (t.label == label || bidi::without_controls(t.label) == label) return &t;
  for (const auto& t : targets)
    if (t.id == label) return &t;
  return nullptr;
}

const FrameRecord::Scroller* FrameRecord::find_scroller(const std::string& id) const {
  for (const auto& s : scrollers)
    if (s.id == id) return &s;
  return nullptr;
}

bool FrameRecord::shows(const std::string& s) const {
  for (const auto& t : texts)
    if (bidi::without_controls(t).find(s) != std::string::npos) return true;
  for (const auto& t : targets)
    if (bidi::without_controls(t.label).find(s) != std::string::npos) return true;
  return false;
}

FrameRecord& frame_record() {
  static FrameRecord record;
  return record;
}

namespace {
int g_repeat_keys = 0;  // RepeatKeys alive now
}  // namespace

RepeatKeys::RepeatKeys() { ++g_repeat_keys; }
RepeatKeys::~RepeatKeys() { --g_repeat_keys; }

namespace {

struct Palette {
  ImU32 bg, bg_active, fg;
};

Palette palette(ButtonStyle s) {
  switch (s) {
    case ButtonStyle::Primary: return {colors::primary, colors::rgb(0x0E, 0x33, 0x63), colors::on_dark};
    case ButtonStyle::CheckIn: return {colors::check_in, colors::rgb(0x12, 0x4D, 0x29), colors::on_dark};
    case ButtonStyle::CheckOut: return {colors::check_out, colors::rgb(0x63, 0x2A, 0x0C), colors::on_dark};
    case ButtonStyle::Selected: return {colors::text, colors::rgb(0, 0, 0), colors::on_dark};
    case ButtonStyle::Neutral: break;
  }
  return {colors::neutral, colors::rgb(0xCF, 0xC7, 0xB6), colors::text};
}

}  // namespace

void record_target(const char* id, const std::string& label, ImVec2 pos, ImVec2 max, bool enabled) {
  FrameRecord& rec = frame_record();
  // Under BeginDisabled (e.g. behind the inactivity prompt) ImGui ignores the tap: record that.
  const bool tappable = enabled && !(GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled);
  rec.min_target_px = std::min({rec.min_target_px, max.x - pos.x, max.y - pos.y});
  // In a scrolling list only the visible part of a target can be tapped: record that part, and
  // nothing for a target scrolled out of sight (a replay must scroll to it first).
  ImVec2 vis_min = pos, vis_max = max;
  if (GImGui->CurrentWindow->Flags & ImGuiWindowFlags_ChildWindow) {
    const ImRect& clip = GImGui->CurrentWindow->ClipRect;
    vis_min = ImMax(vis_min, clip.Min);
    vis_max = ImMin(vis_max, clip.Max);
    if (vis_min.x >= vis_max.x || vis_min.y >= vis_max.y) return;
  }
  const bool clipped = vis_min.x > pos.x || vis_min.y > pos.y || vis_max.x < max.x || vis_max.y < max.y;
  rec.targets.push_back(
      {id, label.empty() ? std::string(id) : label, vis_min, vis_max, tappable, g_repeat_keys > 0, clipped});
}

void record_row(ImVec2 min, ImVec2 max) {
  const ImRect& clip = GImGui->CurrentWindow->ClipRect;
  const ImVec2 vis_min = ImMax(min, clip.Min), vis_max = ImMin(max, clip.Max);
  if (vis_min.x < vis_max.x && vis_min.y < vis_max.y) frame_record().rows.push_back({vis_min, vis_max});
}

bool wraps_inside_word(ImFont* f, float size, const std::string& s, float wrap) {
  if (wrap <= 0 || s.empty()) return false;
  const float scale = size / f->FontSize;
  const char* p = s.c_str();
  const char* const end = p + s.size();
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char* const para_end = nl ? nl : end;
    const char* q = p;
    while (q < para_end) {
      const char* eol = f->CalcWordWrapPositionA(scale, q, para_end, wrap);
      if (eol <= q) return true;  // not one character fits: ImGui puts one there anyway
      if (eol >= para_end) break;
      const char before = eol[-1];
      if (!blank(before) && !blank(*eol) && before != '-' && before != '/') return true;
      q = eol;
      while (q < para_end && blank(*q)) ++q;
    }
    p = nl ? nl + 1 : end;
  }
  return false;
}

void record_drawn(ImFont* f, float size, const std::string& given, const std::string& shown, ImVec2 pos, float wrap,
                  const ImVec2* box_min, const ImVec2* box_max, bool cut) {
  if (given.empty()) return;
  FrameRecord::Drawn d;
  d.given = given;
  const ImVec2 sz = f->CalcTextSizeA(size, FLT_MAX, wrap, shown.c_str());
  d.min = pos;
  d.max = ImVec2(pos.x + sz.x, pos.y + sz.y);
  // Read without ImGui::GetWindowDrawList(): that marks the window as written to, and outside any
  // window (a notice) it would show ImGui's implicit debug window, which then takes the taps.
  ImDrawList* dl = GImGui->CurrentWindow->DrawList;
  d.box_min = box_min ? *box_min : dl->GetClipRectMin();
  d.box_max = box_max ? *box_max : dl->GetClipRectMax();
  d.wrap = wrap;
  d.line_h = size;
  d.window = GImGui->CurrentWindow->RootWindow->ID;
  d.in_list = (GImGui->CurrentWindow->Flags & ImGuiWindowFlags_ChildWindow) != 0;
  if (d.in_list && box_min) {  // a label in a list: what the list shows of its button
    d.box_min.y = std::max(d.box_min.y, dl->GetClipRectMin().y);
    d.box_max.y = std::min(d.box_max.y, dl->GetClipRectMax().y);
  }
  d.cut = cut;
  d.broken_word = wraps_inside_word(f, size, shown, wrap);
  frame_record().drawn.push_back(std::move(d));
}

float widest_word(ImFont* f, float size, const std::string& s) {
  float widest = 0;
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t end = std::min(s.find_first_of(" \n", start), s.size());
    if (end > start) {
      const std::string word = s.substr(start, end - start);
      widest = std::max(widest, f->CalcTextSizeA(size, FLT_MAX, 0, word.c_str()).x);
    }
    start = end + 1;
  }
  return widest;
}

namespace {

// How a label sits in its button: with or without its pictogram, at which size, wrapped where.
struct LabelFit {
  bool icon = true;
  float size = 0;
  float wrap = 0;
};

// A label is never broken inside a word nor drawn past its button: when a word does not fit
// beside (or under) the pictogram, the label steps down a little in size, then goes without the
// pictogram, then steps down further (to 70 %).
LabelFit fit_label(const Theme& t, const ButtonSpec& b, ImFont* lf, const std::string& label, ImVec2 is) {
  const float full_w = b.size.x - t.px(24);
  auto room = [&](bool icon) {
    if (!icon || !b.icon) return ImVec2(full_w, b.size.y - t.px(8));
    if (b.icon_above) return ImVec2(full_w, b.size.y - t.px(8) - is.y - t.px(6));
    return ImVec2(b.size.x - t.px(32) - is.x - t.px(18), b.size.y - t.px(8));
  };
  if (label.empty()) return {true, lf->FontSize, full_w};
  const struct {
    bool icon;
    float k;
  } tries[] = {{true, 1.0f}, {true, 0.9f}, {false, 1.0f}, {true, 0.8f}, {false, 0.9f}, {false, 0.8f}, {false, 0.7f}};
  for (const auto& tr : tries) {
    if (!tr.icon && !b.icon && tr.k == 1.0f) continue;  // the same as the first try
    const ImVec2 r = room(tr.icon);
    const float size = lf->FontSize * tr.k;
    if (widest_word(lf, size, label) <= r.x && lf->CalcTextSizeA(size, FLT_MAX, r.x, label.c_str()).y <= r.y)
      return {tr.icon, size, r.x};
  }
  return {false, lf->FontSize * 0.7f, full_w};
}

}  // namespace

bool big_button(const Theme& t, const ButtonSpec& b) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::PushID(b.id);
  const bool pressed = ImGui::InvisibleButton("##btn", b.size) && b.enabled;
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();
  const ImVec2 max(pos.x + b.size.x, pos.y + b.size.y);
  Palette p = palette(b.style);
  if (!b.enabled) p = {colors::neutral, colors::neutral, colors::text_muted};
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, max, held ? p.bg_active : p.bg, t.px(18));
  if (b.style == ButtonStyle::Neutral) dl->AddRect(pos, max, colors::panel_border, t.px(18), 0, t.px(2));

  ImFont* lf = b.label_font ? b.label_font : t.fonts.bold;
  const std::string& label = b.label ? *b.label : std::string();
  ImFont* f = b.icon_above || b.size.y >= t.px(120) ? t.fonts.icon : lf;
  const ImVec2 is = b.icon ? f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, b.icon) : ImVec2(0, 0);
  // Right-to-left labels are broken into lines before they are reordered (bidi::shown), which
  // measures at the font's own size: the width is scaled to match. They are fitted as drawn
  // (shaped): the catalogue's letters are not in the atlas, only the forms that are drawn.
  const bool own_lines = bidi::mirrored() || bidi::has_rtl(label);
  const LabelFit fit = fit_label(t, b, lf, own_lines ? bidi::shown(lf, label) : label, is);
  const float size = fit.size;
  const float k = size / lf->FontSize;
  const std::string drawn = own_lines ? bidi::shown(lf, label, fit.wrap / k) : label;
  const ImVec2 ls = label.empty() ? ImVec2(0, 0) : lf->CalcTextSizeA(size, fit.wrap, fit.wrap, drawn.c_str());
  if (fit.icon && b.icon_above) {
    const float total = is.y + (label.empty() ? 0 : ls.y + t.px(6));
    const float y = pos.y + (b.size.y - total) * 0.5f;
    dl->AddText(f, f->FontSize, ImVec2(pos.x + (b.size.x - is.x) * 0.5f, y), p.fg, b.icon);
    if (!label.empty()) {
      const ImVec2 at(pos.x + (b.size.x - ls.x) * 0.5f, y + is.y + t.px(6));
      dl->AddText(lf, size, at, p.fg, drawn.c_str(), nullptr, fit.wrap);
      record_drawn(lf, size, label, drawn, at, fit.wrap, &pos, &max);
    }
  } else {
    const bool icon = fit.icon && b.icon;
    const float gap = icon && !label.empty() ? t.px(18) : 0;
    const float total = (icon ? is.x : 0) + gap + ls.x;
    float x = pos.x + std::max(t.px(16), (b.size.x - total) * 0.5f);
    if (label.empty()) x = pos.x + (b.size.x - is.x) * 0.5f;
    if (icon) {
      dl->AddText(f, f->FontSize, ImVec2(x, pos.y + (b.size.y - is.y) * 0.5f), p.fg, b.icon);
      x += is.x + gap;
    }
    const float ly = b.label_low ? pos.y + b.size.y - ls.y - t.px(14) : pos.y + (b.size.y - ls.y) * 0.5f;
    if (!label.empty()) {
      dl->AddText(lf, size, ImVec2(x, ly), p.fg, drawn.c_str(), nullptr, fit.wrap);
      record_drawn(lf, size, label, drawn, ImVec2(x, ly), fit.wrap, &pos, &max);
    }
  }

  record_target(b.id, label, pos, max, b.enabled);
  return pressed;
}

bool tap_area(const char* id, const std::string& label, ImVec2 size, bool enabled) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton(id, size) && enabled;
  record_target(id, label, pos, ImVec2(pos.x + size.x, pos.y + size.y), enabled);
  return pressed;
}

void text(ImFont* font, ImU32 color, const std::string& s, float wrap_width) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  if (wrap_width > 0) ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap_width);
  const std::string drawn = bidi::shown(font, s, wrap_width);
  record_drawn(font, font->FontSize, s, drawn, ImGui::GetCursorScreenPos(), wrap_width);
  ImGui::TextUnformatted(drawn.c_str(), drawn.c_str() + drawn.size());
  if (wrap_width > 0) ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  frame_record().texts.push_back(s);
}

void text_centered(ImFont* font, ImU32 color, const std::string& s, float x, float width) {
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width, bidi::shown(font, s, width).c_str());
  ImGui::SetCursorPosX(x + std::max(0.0f, (width - size.x) * 0.5f));
  text(font, color, s, size.x > width ? width : 0.0f);
}

namespace {

float text_w(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, s.c_str()).x; }

// The pieces a too-wide word may be broken into: each ends after a '/' or '-'.
std::vector<std::string> word_pieces(const std::string& word) {
  std::vector<std::string> out(1);
  for (const char c : word) {
    out.back() += c;
    if (c == '/' || c == '-') out.emplace_back();
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// What a notice shows: right-to-left text through bidi::shown, other text broken at words.
std::string notice_lines(ImFont* f, const std::string& message, float width) {
  if (bidi::mirrored() || bidi::has_rtl(message)) return bidi::shown(f, message, width);
  return break_lines(f, message, width);
}

}  // namespace

std::string break_lines(ImFont* f, const std::string& s, float width) {
  std::string out, line;
  auto flush = [&] {
    if (!out.empty()) out += '\n';
    out += line;
    line.clear();
  };
  auto add = [&](const std::string& piece, bool space_before) {
    const std::string joined = line.empty() ? piece : line + (space_before ? " " : "") + piece;
    if (line.empty() || text_w(f, joined) <= width) line = joined;
    else {
      flush();
      line = piece;
    }
  };
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = std::min(s.find_first_of(" \n", start), s.size());
    const std::string word = s.substr(start, end - start);
    if (!word.empty()) {
      if (text_w(f, word) <= width) add(word, true);
      else {
        bool first = true;
        for (const std::string& piece : word_pieces(word)) {
          add(piece, first);
          first = false;
        }
      }
    }
    if (end < s.size() && s[end] == '\n') flush();
    start = end + 1;
  }
  if (!line.empty()) flush();
  return out;
}

float notice_height(const Theme& t, const std::string& message, float width) {
  ImFont* f = t.fonts.bold;
  const float inner = width - 2 * t.px(20) - t.px(48);
  const std::string drawn = notice_lines(f, message, inner);
  return std::max(f->CalcTextSizeA(f->FontSize, FLT_MAX, inner, drawn.c_str()).y, f->FontSize) + 2 * t.px(20);
}

void notice_banner(const Theme& t, const std::string& message, ImVec2 pos, float width, bool good) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  ImFont* f = t.fonts.bold;
  const float pad = t.px(20);
  const float icon_w = t.px(48);
  const std::string drawn = notice_lines(f, message, width - 2 * pad - icon_w);
  const ImVec2 max(pos.x + width, pos.y + notice_height(t, message, width));
  dl->AddRectFilled(pos, max, good ? colors::good_bg : colors::notice_bg, t.px(14));
  dl->AddRect(pos, max, good ? colors::check_in : colors::notice_border, t.px(14), 0, t.px(3));
  dl->AddText(f, f->FontSize, ImVec2(pos.x + pad, pos.y + pad), good ? colors::check_in : colors::text,
              icons::utf8(good ? "confirmed" : "info"));
  dl->AddText(f, f->FontSize, ImVec2(pos.x + pad + icon_w, pos.y + pad), colors::text, drawn.c_str(), nullptr,
              width - 2 * pad - icon_w);
  frame_record().texts.push_back(message);
  frame_record().notices.push_back({message, pos, max});
  record_drawn(f, f->FontSize, message, drawn, ImVec2(pos.x + pad + icon_w, pos.y + pad), width - 2 * pad - icon_w,
               &pos, &max);
}

void panel(ImVec2 min, ImVec2 max, const Theme& t) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, colors::panel, t.px(20));
  dl->AddRect(min, max, colors::panel_border, t.px(20), 0, t.px(2));
  frame_record().panels.push_back({min, max});
}

}  // namespace meedoen::ui
