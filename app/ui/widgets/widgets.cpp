// Touch widgets.
#include "ui/widgets/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>

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
  rec.targets.push_back({id, label.empty() ? std::string(id) : label, vis_min, vis_max, tappable, g_repeat_keys > 0});
}

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
  // Right-to-left labels are broken into lines before they are reordered (bidi::shown).
  const bool own_lines = bidi::mirrored() || bidi::has_rtl(label);
  const std::string drawn = own_lines ? bidi::shown(lf, label, b.size.x - t.px(24)) : label;
  const ImVec2 ls = label.empty()
                        ? ImVec2(0, 0)
                        : lf->CalcTextSizeA(lf->FontSize, b.size.x - t.px(24), b.size.x - t.px(24), drawn.c_str());
  if (b.icon && b.icon_above) {
    ImFont* f = t.fonts.icon;
    const ImVec2 is = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, b.icon);
    const float total = is.y + (label.empty() ? 0 : ls.y + t.px(6));
    const float y = pos.y + (b.size.y - total) * 0.5f;
    dl->AddText(f, f->FontSize, ImVec2(pos.x + (b.size.x - is.x) * 0.5f, y), p.fg, b.icon);
    if (!label.empty())
      dl->AddText(lf, lf->FontSize, ImVec2(pos.x + (b.size.x - ls.x) * 0.5f, y + is.y + t.px(6)), p.fg, drawn.c_str(),
                  nullptr, b.size.x - t.px(24));
  } else {
    ImFont* f = b.size.y >= t.px(120) ? t.fonts.icon : lf;
    const ImVec2 is = b.icon ? f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, b.icon) : ImVec2(0, 0);
    const float gap = b.icon && !label.empty() ? t.px(18) : 0;
    // Beside a pictogram the label has less room: wrap it there, not at the button's edge.
    const float wrap = b.size.x - t.px(32) - is.x - gap;
    const std::string beside = own_lines && b.icon ? bidi::shown(lf, label, wrap) : drawn;
    const ImVec2 lsz = label.empty() || !b.icon ? ls : lf->CalcTextSizeA(lf->FontSize, wrap, wrap, beside.c_str());
    const float total = is.x + gap + lsz.x;
    float x = pos.x + std::max(t.px(16), (b.size.x - total) * 0.5f);
    if (b.icon) {
      dl->AddText(f, f->FontSize, ImVec2(x, pos.y + (b.size.y - is.y) * 0.5f), p.fg, b.icon);
      x += is.x + gap;
    }
    const float ly = b.label_low ? pos.y + b.size.y - lsz.y - t.px(14) : pos.y + (b.size.y - lsz.y) * 0.5f;
    if (!label.empty())
      dl->AddText(lf, lf->FontSize, ImVec2(x, ly), p.fg, beside.c_str(), nullptr, b.icon ? wrap : b.size.x - t.px(24));
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

void notice_banner(const Theme& t, const std::string& message, ImVec2 pos, float width, bool good) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  ImFont* f = t.fonts.bold;
  const float pad = t.px(20);
  const float icon_w = t.px(48);
  const std::string drawn = bidi::shown(f, message, width - 2 * pad - icon_w);
  const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, width - 2 * pad - icon_w, drawn.c_str());
  const ImVec2 max(pos.x + width, pos.y + std::max(ts.y, f->FontSize) + 2 * pad);
  dl->AddRectFilled(pos, max, good ? colors::good_bg : colors::notice_bg, t.px(14));
  dl->AddRect(pos, max, good ? colors::check_in : colors::notice_border, t.px(14), 0, t.px(3));
  dl->AddText(f, f->FontSize, ImVec2(pos.x + pad, pos.y + pad), good ? colors::check_in : colors::text,
              icons::utf8(good ? "confirmed" : "info"));
  dl->AddText(f, f->FontSize, ImVec2(pos.x + pad + icon_w, pos.y + pad), colors::text, drawn.c_str(), nullptr,
              width - 2 * pad - icon_w);
  frame_record().texts.push_back(message);
}

void panel(ImVec2 min, ImVec2 max, const Theme& t) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, colors::panel, t.px(20));
  dl->AddRect(min, max, colors::panel_border, t.px(20), 0, t.px(2));
}

}  // namespace meedoen::ui
