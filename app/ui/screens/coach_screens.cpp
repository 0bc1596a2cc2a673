// Coach-mode screens: the discreet corner button on every kiosk screen, the coach PIN pad and
// Today. Thin draw functions over ui/coach_views.hpp; every target is >= 64 px.

#include <algorithm>
#include <string>
#include <vector>

#include "ui/bidi/shown.hpp"
#include "ui/screens/parts.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/keyboard.hpp"
#include "ui/widgets/scroll.hpp"
#include "ui/widgets/widgets.hpp"

namespace meedoen::ui {

namespace {

ImU32 kind_color(AttentionItem::Kind k) {
  switch (k) {
    case AttentionItem::Kind::NotHere: return colors::check_out;
    case AttentionItem::Kind::NotSeen: return colors::check_out;
    case AttentionItem::Kind::Storage: return colors::check_out;
    case AttentionItem::Kind::ClockOff: return colors::check_out;
    case AttentionItem::Kind::Absent: return colors::text_muted;
    default: return colors::primary;
  }
}

// [SECTION] Today: names with their tag (mandatory or voluntary)

// One name, the tag that goes with it and the room for both on its line.
struct NameRow {
  float name_w, tag_w, room;
};
struct NameArrangement {
  bool beside = true;  // every tag beside its name, else every tag on a line of its own under it
  float scale = 1;     // every name at this share of its font's size
};

// One arrangement and one name size for a whole list (Today's two lists): every tag beside its name
// where all fit at full size, else every tag under its name; then the names at the largest size,
// down to 75 %, at which every one fits. Row by row, names shrunk one by one stood in a list at
// different sizes ("Anneke Vermeulen" smaller than "Chantal Martina").
NameArrangement arrange_names(const std::vector<NameRow>& rows, float gap) {
  NameArrangement a;
  for (const NameRow& r : rows) a.beside = a.beside && r.name_w + gap + r.tag_w <= r.room;
  for (const NameRow& r : rows) {
    const float room = a.beside ? r.room - gap - r.tag_w : r.room;
    if (r.name_w > room) a.scale = std::min(a.scale, std::max(0.75f, room / r.name_w));
  }
  return a;
}

// [SECTION] Today: exceptions

// The room for an item's name and the line under it: what its buttons leave.
float attention_text_w(const AttentionItem& it, float w, float pad, float button_w, float gap, const Theme& t) {
  const int buttons = (it.primary_label.empty() ? 0 : 1) + (it.secondary_label.empty() ? 0 : 1);
  return w - pad - t.px(56) - static_cast<float>(buttons) * (button_w + gap) - pad;
}

void attention_list(const CoachTodayView& v, const Theme& t, ImVec2 pos, ImVec2 size, Actions& out) {
  ImGui::SetCursorPos(pos);
  text(t.fonts.large, colors::text, std::string(icons::utf8("info")) + "  " + v.attention_title);
  const float list_y = ImGui::GetCursorPosY() + t.px(8);
  ImGui::SetCursorPos(ImVec2(pos.x, list_y));
  if (!v.loaded || v.items.empty()) {
    text(t.fonts.bold, colors::text_muted, v.loaded ? v.all_clear : v.loading);
    return;
  }
  // With the arrow buttons, as every list that can overflow: a busy Monday has 25 lines, and not
  // every coach knows to drag.
  const ScrollRegion r =
      begin_drag_scroll(t, {"attention", ImVec2(size.x, pos.y + size.y - list_y), colors::background});
  const float w = r.list_width;
  const float base_h = t.px(84);
  const float gap = t.px(8);
  const float pad = t.px(16);
  const float button_w = std::min(t.px(170), w * 0.22f);
  const float button_h = tap_px(t, 68);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // The tags beside the names or on a line of their own under them (every row a line taller,
  // Polish "obowiązkowo"), and one name size, for the whole list: a name is never cut for a tag.
  std::vector<NameRow> names;
  for (const AttentionItem& it : v.items)
    names.push_back({drawn_width(t.fonts.bold, it.who), drawn_width(t.fonts.body, it.participation),
                     attention_text_w(it, w, pad, button_w, gap, t)});
  const NameArrangement arranged = arrange_names(names, t.px(14));
  const bool beside = arranged.beside;
  const float tag_line = beside ? 0 : t.fonts.body->FontSize * 1.2f;
  float ry = 0;
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    const AttentionItem& it = v.items[i];
    const int buttons = (it.primary_label.empty() ? 0 : 1) + (it.secondary_label.empty() ? 0 : 1);
    const float text_w = names[i].room;
    const float part_w = names[i].tag_w;
    // Likewise the line under the name: down to 75 %, else over two lines and the row taller.
    const std::string what_shown = bidi::shown(t.fonts.body, it.what);
    const float what_w = t.fonts.body->CalcTextSizeA(t.fonts.body->FontSize, FLT_MAX, 0, what_shown.c_str()).x;
    const bool what_wraps = what_w * 0.75f > text_w;
    const float row_h = base_h + tag_line + (what_wraps ? t.fonts.body->FontSize * 1.2f : 0);
    ImGui::SetCursorPos(ImVec2(0, ry));
    const ImVec2 rmin = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(rmin, ImVec2(rmin.x + w, rmin.y + row_h), colors::panel, t.px(12));
    record_row(rmin, ImVec2(rmin.x + w, rmin.y + row_h));
    // A coloured edge says the kind at a glance: warm for absence, blue for a decision to take.
    dl->AddRectFilled(rmin, ImVec2(rmin.x + t.px(8), rmin.y + row_h), kind_color(it.kind), t.px(12),
                      ImDrawFlags_RoundCornersLeft);
    ImFont* ic = t.fonts.large;
    dl->AddText(ic, ic->FontSize, ImVec2(rmin.x + pad + t.px(4), rmin.y + (row_h - ic->FontSize) * 0.5f),
                kind_color(it.kind), icons::utf8(it.icon));
    const float tx = rmin.x + pad + t.px(56);
    const float line1 = rmin.y + t.px(10);
    const float who_room = beside ? text_w - part_w - t.px(14) : text_w;
    label_fit(t.fonts.bold, ImVec2(tx, line1), colors::text, it.who, who_room, arranged.scale);
    const float who_w = std::min(who_room, names[i].name_w * arranged.scale);
    // Mandatory or voluntary: coaches only, and small: a fact for the coach, not a label.
    label_at(
        t.fonts.body,
        beside ? ImVec2(tx + who_w + t.px(14), line1 + t.px(4)) : ImVec2(tx, line1 + t.fonts.bold->FontSize * 1.25f),
        it.mandatory ? colors::check_out : colors::text_muted, it.participation);
    const ImVec2 what_at(tx, line1 + t.fonts.bold->FontSize * 1.25f + tag_line);
    if (what_wraps) label_at(t.fonts.body, what_at, colors::text_muted, it.what, text_w);
    else label_fit(t.fonts.body, what_at, colors::text_muted, it.what, text_w);
    // The name and the line under it open the participant's page.
    if (!it.person_id.empty()) {
      ImGui::SetCursorPos(ImVec2(0, ry));
      const std::string open_id = "open:" + it.id;
      if (tap_area(open_id.c_str(), it.who, ImVec2(std::max(1.0f, tx - rmin.x + text_w), row_h),
                   !v.busy && !v.asking_reason))
        out.push_back(core::PersonTapped{it.person_id});
    }

    float bx = w - pad * 0.5f - static_cast<float>(buttons) * (button_w + gap) + gap;
    const float by = ry + (row_h - button_h) * 0.5f;
    if (!it.primary_label.empty()) {
      ImGui::SetCursorPos(ImVec2(bx, by));
      const std::string id = "yes:" + it.id;
      if (big_button(t, {id.c_str(), nullptr, &it.primary_label, ImVec2(button_w, button_h), ButtonStyle::CheckIn,
                         !v.busy && !v.asking_reason})) {
        out.push_back(it.primary);
      }
      bx += button_w + gap;
    }
    if (!it.secondary_label.empty()) {
      ImGui::SetCursorPos(ImVec2(bx, by));
      const std::string id = "no:" + it.id;
      if (big_button(t, {id.c_str(), nullptr, &it.secondary_label, ImVec2(button_w, button_h), ButtonStyle::Neutral,
                         !v.busy && !v.asking_reason})) {
        out.push_back(it.secondary);
      }
    }
    ry += row_h + gap;
  }
  ImGui::SetCursorPos(ImVec2(0, ry));
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

// [SECTION] Today: who is here

void here_panel(const CoachTodayView& v, const Theme& t, ImVec2 pos, ImVec2 size) {
  ImGui::SetCursorPos(pos);
  text(t.fonts.large, colors::text, std::string(icons::utf8("check_in")) + "  " + v.here_title);
  const float list_y = ImGui::GetCursorPosY() + t.px(8);
  ImGui::SetCursorPos(ImVec2(pos.x, list_y));
  if (v.here.empty()) {
    text(t.fonts.bold, colors::text_muted, v.nobody_here, size.x);
    return;
  }
  // The arrows here too: the names wrap or shrink into what they leave.
  const ScrollRegion r = begin_drag_scroll(t, {"here", ImVec2(size.x, pos.y + size.y - list_y), colors::panel});
  const float w = r.list_width;
  const float line_h = t.fonts.body->FontSize * 1.45f;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImFont* bf = t.fonts.body;
  const auto name_offset = [&](const auto& p) { return t.px(8) + t.px(p.left ? 150 : 72); };
  std::vector<NameRow> names;
  for (const auto& g : v.here)
    for (const auto& p : g.people)
      names.push_back({drawn_width(bf, p.who), drawn_width(bf, p.participation), w - name_offset(p)});
  const NameArrangement arranged = arrange_names(names, t.px(16));
  const bool beside = arranged.beside;
  float y = 0;
  for (const auto& g : v.here) {
    label_at(t.fonts.bold, ImVec2(origin.x, origin.y + y), colors::text, g.title);
    y += t.fonts.bold->FontSize * 1.4f;
    for (const auto& p : g.people) {
      const ImU32 c = p.left ? colors::text_muted : colors::text;
      label_at(t.fonts.body, ImVec2(origin.x + t.px(8), origin.y + y), c, p.since);
      const float name_x = origin.x + name_offset(p);
      const float tag_w = drawn_width(bf, p.participation);
      const float name_room = w - name_offset(p);
      label_fit(bf, ImVec2(name_x, origin.y + y), c, p.who, beside ? name_room - tag_w - t.px(16) : name_room,
                arranged.scale);
      if (!beside) y += line_h;
      label_at(bf, ImVec2(beside ? origin.x + w - tag_w : name_x, origin.y + y),
               p.mandatory ? colors::check_out : colors::text_muted, p.participation);
      y += line_h;
    }
    y += t.px(10);
  }
  ImGui::SetCursorPos(ImVec2(0, y));
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

// [SECTION] Today: the reason for a decision, over the screen

}  // namespace

// [SECTION] Shared with the other coach screens (parts.hpp)

// Without the bidi controls that isolate a name.
float drawn_width(ImFont* f, const std::string& s) {
  return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, bidi::shown(f, s, 0).c_str()).x;
}

void label_at(ImFont* f, ImVec2 pos, ImU32 color, const std::string& s, float wrap) {
  const std::string drawn = bidi::shown(f, s, wrap);
  ImGui::GetWindowDrawList()->AddText(f, f->FontSize, pos, color, drawn.c_str(), nullptr, wrap);
  frame_record().texts.push_back(s);
  record_drawn(f, f->FontSize, s, drawn, pos, wrap);
}

float label_height(ImFont* f, const std::string& s, float wrap) {
  return f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, bidi::shown(f, s, wrap).c_str()).y;
}

void label_fit(ImFont* f, ImVec2 pos, ImU32 color, const std::string& s, float width, float scale) {
  // Measured as drawn: shaped, reordered, without the bidi controls that isolate a name in Arabic.
  std::string shown = bidi::shown(f, s, 0);
  const float natural = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, shown.c_str()).x;  // shaped once
  const float size = natural * scale <= width ? scale * f->FontSize : std::max(0.75f, width / natural) * f->FontSize;
  if (natural * size / f->FontSize > width + 0.5f) shown = bidi::shown(f, fit(f, s, width * f->FontSize / size), 0);
  // Vertically centred on the line the full size would take.
  const ImVec2 at(pos.x, pos.y + (f->FontSize - size) * 0.5f);
  ImGui::GetWindowDrawList()->AddText(f, size, at, color, shown.c_str());
  frame_record().texts.push_back(s);
  record_drawn(f, size, s, shown, at, 0);
}

// Text cut to a width with an ellipsis, so a long name never runs under a button.
std::string fit(ImFont* f, const std::string& s, float width) {
  if (drawn_width(f, s) <= width) return s;
  std::string out = s;
  while (!out.empty() && drawn_width(f, out + "...") > width) {
    out.pop_back();
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  }
  // Recorded: the layout test fails on every cut (a text must wrap, shrink or get the room).
  const ImVec2 at = ImGui::GetCursorScreenPos();
  record_drawn(f, f->FontSize, s, "", at, 0, &at, &at, true);
  return out + "...";
}

// Its own window above the screen's (which never comes to the front), since the screen's lists
// (child windows, with their white edge fades) are drawn after the screen's own draw list and
// would stay bright over a dimming drawn there. The popup, focused, comes above it.
void dim_screen(ImVec2 display, const char* id) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::Begin(id, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(ImVec2(0, 0), display, false);  // the window's padding must be dimmed too
  dl->AddRectFilled(ImVec2(0, 0), display, colors::overlay);
  dl->PopClipRect();
  ImGui::End();
}

void choice_popup(const std::string& title, const std::string& subject, const std::vector<ChoiceOption>& options,
                  const std::string& cancel_label, bool busy, const Theme& t, const Layout& L, Actions& out) {
  // Up to four options in a row; more (the nine exit reasons) in rows of three.
  const std::size_t per_row = options.size() <= 5 ? std::max<std::size_t>(1, options.size()) : 3;
  const std::size_t rows = (options.size() + per_row - 1) / per_row;
  const float bh = tap_px(t, 80), g = t.px(12), pad = t.px(32);
  const float head = t.fonts.large->FontSize * 1.3f + t.fonts.body->FontSize * 2.6f;
  const ImVec2 size(std::min(L.size.x - 2 * L.margin, t.px(1000)),
                    std::min(L.size.y - 2 * L.margin, pad * 2 + head + static_cast<float>(rows + 1) * (bh + g) + g));
  ImGui::SetNextWindowPos(ImVec2((L.size.x - size.x) * 0.5f, (L.size.y - size.y) * 0.5f));
  ImGui::SetNextWindowSize(size);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(colors::panel));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, t.px(24));
  ImGui::Begin("##coach_choice", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::SetCursorPos(ImVec2(pad, pad));
  text(t.fonts.large, colors::text, title);
  ImGui::SetCursorPosX(pad);
  text(t.fonts.body, colors::text_muted, subject, size.x - 2 * pad);
  const float n = static_cast<float>(per_row);
  const float bw = (size.x - 2 * pad - (n - 1) * g) / n;
  const float y0 = pad + head + g;
  for (std::size_t i = 0; i < options.size(); ++i) {
    const float x = pad + static_cast<float>(i % per_row) * (bw + g);
    const float y = y0 + static_cast<float>(i / per_row) * (bh + g);
    ImGui::SetCursorPos(ImVec2(x, y));
    if (big_button(t, {options[i].id.c_str(), nullptr, &options[i].label, ImVec2(bw, bh), ButtonStyle::Primary, !busy}))
      out.push_back(options[i].action);
  }
  ImGui::SetCursorPos(ImVec2(size.x - pad - t.px(260), size.y - pad - bh));
  if (big_button(t, {"reason:cancel", icons::utf8("back"), &cancel_label, ImVec2(t.px(260), bh), ButtonStyle::Neutral}))
    out.push_back(core::CoachReasonCancelled{});
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

// [SECTION] Coach PIN pad

// No coach can log in here: what to do, in place of a pad no PIN can open.
void no_coaches_panel(const CoachPinView& v, const Theme& t, const Layout& L) {
  const float M = L.margin;
  const float top = M + t.px(120);
  const ImVec2 wp = ImGui::GetWindowPos();
  panel(ImVec2(wp.x + M, wp.y + top), ImVec2(wp.x + L.size.x - M, wp.y + L.size.y - M), t);
  const float pad = t.px(32);
  const float w = L.size.x - 2 * M - 2 * pad;
  ImGui::SetCursorPos(ImVec2(M + pad, top + pad));
  text(t.fonts.large, colors::text, std::string(icons::utf8("info")) + "  " + v.no_coaches_title, w);
  ImGui::SetCursorPosX(M + pad);
  text(t.fonts.bold, colors::text_muted, v.no_coaches_text, w);
  ImGui::SetCursorPos(ImVec2(M + pad, ImGui::GetCursorPosY() + t.px(12)));
  text(t.fonts.body, colors::text, v.no_coaches_command, w);
}

void draw_coach_pin(const CoachPinView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  if (v.show_back) {
    ImGui::SetCursorPos(ImVec2(M, M));
    if (back_button(t, v.back_label, !v.busy)) out.push_back(core::BackTapped{});
  }
  if (v.no_coaches) return no_coaches_panel(v, t, L);
  const PinFrame f = pin_frame(t, L, M + t.px(360));
  ImGui::SetCursorPos(ImVec2(f.text_x, f.text_y));
  text(t.fonts.large, colors::text, std::string(icons::utf8("lock")) + "  " + v.title, f.text_w);
  ImGui::SetCursorPosX(f.text_x);
  text(t.fonts.bold, v.locked ? colors::check_out : colors::text_muted, v.locked ? v.locked_text : v.hint, f.text_w);

  pin_dots(t, L, v.digits_entered, v.digits_total, f.dots_y);
  const KeypadEvent key =
      pin_keypad(t, L, "coachpin", v.erase_label, !v.locked && !v.busy, v.digits_entered > 0, &v.ok_label, v.can_ok);
  if (key.kind == KeypadEvent::Kind::Digit) out.push_back(core::CoachPinDigit{key.digit});
  if (key.kind == KeypadEvent::Kind::Erase) out.push_back(core::CoachPinErased{});
  if (key.kind == KeypadEvent::Kind::Ok) out.push_back(core::CoachPinOkTapped{});
}

void draw_coach_pin_change(const CoachPinChangeView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  ImGui::SetCursorPos(ImVec2(M, M));
  if (back_button(t, v.cancel_label, !v.busy)) out.push_back(core::PinChangeCancelled{});
  const PinFrame f = pin_frame(t, L, M + t.px(360));
  ImGui::SetCursorPos(ImVec2(f.text_x, f.text_y));
  text(t.fonts.large, colors::text, std::string(icons::utf8("key")) + "  " + v.title, f.text_w);
  ImGui::SetCursorPosX(f.text_x);
  text(t.fonts.body, colors::text_muted, std::string(icons::utf8("person")) + " " + v.coach_name, f.text_w);
  ImGui::SetCursorPos(ImVec2(f.text_x, ImGui::GetCursorPosY() + t.px(12)));
  text(t.fonts.bold, v.locked ? colors::check_out : colors::text, v.locked ? v.locked_text : v.step_text, f.text_w);
  pin_dots(t, L, v.digits_entered, v.digits_total, f.dots_y);
  const KeypadEvent key =
      pin_keypad(t, L, "pinchange", v.erase_label, !v.locked && !v.busy, v.digits_entered > 0, &v.ok_label, v.can_ok);
  if (key.kind == KeypadEvent::Kind::Digit) out.push_back(core::CoachPinDigit{key.digit});
  if (key.kind == KeypadEvent::Kind::Erase) out.push_back(core::CoachPinErased{});
  if (key.kind == KeypadEvent::Kind::Ok) out.push_back(core::CoachPinOkTapped{});
}

// [SECTION] Today

float coach_top_bar(const CoachNav& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float top_h = tap_px(t, 76);
  const float leave_w = t.px(200);
  const float key_w = top_h;  // "PIN wijzigen": a square key button, named by its label for replays
  // Tabs share what the key and the way out leave.
  const float tabs_w = L.size.x - 2 * M - leave_w - key_w - 2 * L.gap;
  const float n = static_cast<float>(std::max<std::size_t>(1, v.tabs.size()));
  const float tab_gap = t.px(8);
  const float tab_w = std::min(t.px(300), (tabs_w - (n - 1) * tab_gap) / n);
  for (std::size_t i = 0; i < v.tabs.size(); ++i) {
    const auto& tab = v.tabs[i];
    ImGui::SetCursorPos(ImVec2(M + static_cast<float>(i) * (tab_w + tab_gap), M));
    if (big_button(t, {tab.id.c_str(), icons::utf8(tab.icon), &tab.label, ImVec2(tab_w, top_h),
                       tab.active ? ButtonStyle::Primary : ButtonStyle::Neutral, !v.busy}) &&
        !tab.active)
      out.push_back(core::CoachTabTapped{tab.screen});
  }
  ImGui::SetCursorPos(ImVec2(L.size.x - M - leave_w - L.gap - key_w, M));
  if (big_button(
          t, {"coach:pin_change", icons::utf8("key"), nullptr, ImVec2(key_w, top_h), ButtonStyle::Neutral, !v.busy}))
    out.push_back(core::PinChangeTapped{});
  ImGui::SetCursorPos(ImVec2(L.size.x - M - leave_w, M));
  if (big_button(t, {"coach:leave", icons::utf8("lock"), &v.leave_label, ImVec2(leave_w, top_h), ButtonStyle::Neutral,
                     !v.busy}))
    out.push_back(core::CoachLeaveTapped{});
  // Under the bar: who is logged in and the clock on the left, the sync status on the right.
  const float line_y = M + top_h + t.px(8);
  ImGui::SetCursorPos(ImVec2(M, line_y));
  text(t.fonts.body, colors::text_muted,
       std::string(icons::utf8("today")) + " " + v.clock + "   " + icons::utf8("person") + " " + v.coach_name);
  if (!v.sync_line.empty()) {
    const std::string line = std::string(icons::utf8(v.sync_trouble ? "info" : "confirmed")) + " " + v.sync_line;
    const ImVec2 ls = t.fonts.body->CalcTextSizeA(t.fonts.body->FontSize, FLT_MAX, 0, line.c_str());
    ImGui::SetCursorPos(ImVec2(L.size.x - M - ls.x, line_y));
    text(t.fonts.body, v.sync_trouble ? colors::check_out : colors::text_muted, line);
  }
  return coach_top_bar_height(t, L);
}

float coach_top_bar_height(const Theme& t, const Layout& L) {
  return L.margin + tap_px(t, 76) + t.px(8) + t.fonts.body->FontSize * 1.3f + L.gap * 0.5f;
}

void draw_coach_today(const CoachNav& nav, const CoachTodayView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float y = coach_top_bar(nav, t, L, out) + t.px(8);  // the date is in the bar's line
  // What needs attention beside who is here (landscape), or above it (portrait).
  const Split s = split(L, ImVec2(M, y), ImVec2(L.size.x - 2 * M, L.size.y - M - y), 0.66f, 0.64f);
  attention_list(v, t, s.a_pos, s.a_size, out);
  const ImVec2 wp = ImGui::GetWindowPos();
  panel(ImVec2(wp.x + s.b_pos.x, wp.y + s.b_pos.y),
        ImVec2(wp.x + s.b_pos.x + s.b_size.x, wp.y + s.b_pos.y + s.b_size.y), t);
  const float pad = t.px(20);
  here_panel(v, t, ImVec2(s.b_pos.x + pad, s.b_pos.y + pad), ImVec2(s.b_size.x - 2 * pad, s.b_size.y - 2 * pad));
  if (v.asking_reason) dim_screen(L.size);
  if (v.asking_reason) choice_popup(v.reason_title, v.reason_subject, v.reasons, v.cancel_label, v.busy, t, L, out);
}

// [SECTION] The corner button, on every kiosk screen

float coach_corner_side(const Theme& t) { return std::max(64.0f, t.px(64)); }

void draw_coach_corner(const Theme& t, ImVec2 display, Actions& out) {
  // The same lock also sits in the participants' world on every screen but the name search,
  // whose keyboard needs the bottom edge (the welcome screen is one tap back).
  // Its own small window above the screen, so it wins the tap over anything it overlaps. A
  // lock pictogram without a word: nothing a participant would take for "start".
  const float side = coach_corner_side(t);
  ImGui::SetNextWindowPos(ImVec2(display.x - side, display.y - side));
  ImGui::SetNextWindowSize(ImVec2(side, side));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
  ImGui::Begin("##coach_corner", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::SetCursorPos(ImVec2(0, 0));
  if (big_button(t, {"coach", icons::utf8("lock"), nullptr, ImVec2(side, side), ButtonStyle::Neutral}))
    out.push_back(core::CoachCornerTapped{});
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
}

}  // namespace meedoen::ui
