// Coach mode: the Programme tab (the week by weekday, tap a row to edit) and the activity
// editor. Thin draw functions over ui/programme_views.hpp; every target is >= 64 px and the
// layout fits 1280x800 (the keyboard replaces the schedule controls while a field is typed in).

#include <algorithm>
#include <string>

#include "ui/screens/parts.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/keyboard.hpp"
#include "ui/widgets/scroll.hpp"
#include "ui/widgets/widgets.hpp"

namespace meedoen::ui {

namespace {

// [SECTION] Helpers

// Window coordinates (as SetCursorPos) to screen coordinates (as the draw list wants).
ImVec2 on_screen(ImVec2 p) {
  const ImVec2 wp = ImGui::GetWindowPos();
  return ImVec2(wp.x + p.x, wp.y + p.y);
}

float text_w(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, s.c_str()).x; }

// A button whose face the caller draws; a replay finds it by `label` (the row's title).
bool face_button(const Theme& t, const std::string& id, const std::string& label, ImVec2 size, ButtonStyle style,
                 bool enabled) {
  const bool tapped = big_button(t, {id.c_str(), nullptr, nullptr, size, style, enabled});
  auto& targets = frame_record().targets;
  if (!targets.empty() && targets.back().id == id) targets.back().label = label;
  return tapped;
}

// "-  value  +" with a caption before it; returns the width used.
float stepper(const Theme& t, ImVec2 pos, float h, const std::string& id, const std::string& caption,
              const std::string& value, bool can_down, bool can_up, bool enabled, int& step) {
  step = 0;
  ImFont* bf = t.fonts.bold;
  float x = pos.x;
  label_at(t.fonts.body, on_screen(ImVec2(x, pos.y + (h - t.fonts.body->FontSize) * 0.5f)), colors::text_muted,
           caption);
  x += text_w(t.fonts.body, caption) + t.px(10);
  const std::string down = id + ":down", up = id + ":up";
  const RepeatKeys keys;  // a quarter of an hour, tap after tap
  ImGui::SetCursorPos(ImVec2(x, pos.y));
  if (big_button(
          t, {down.c_str(), icons::utf8("minus"), nullptr, ImVec2(h, h), ButtonStyle::Neutral, enabled && can_down}))
    step = -1;
  x += h + t.px(6);
  const float vw = std::max(text_w(bf, "00:00"), text_w(bf, value)) + t.px(16);
  label_at(bf, on_screen(ImVec2(x + (vw - text_w(bf, value)) * 0.5f, pos.y + (h - bf->FontSize) * 0.5f)), colors::text,
           value);
  x += vw + t.px(6);
  ImGui::SetCursorPos(ImVec2(x, pos.y));
  if (big_button(t, {up.c_str(), icons::utf8("plus"), nullptr, ImVec2(h, h), ButtonStyle::Neutral, enabled && can_up}))
    step = 1;
  return x + h - pos.x;
}

// [SECTION] The Programme tab: one row

void programme_row(const CoachProgrammeView& v, const ProgrammeRow& r, const Theme& t, float y, float w, float h,
                   Actions& out) {
  ImGui::SetCursorPos(ImVec2(0, y));
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float put_back_w = r.active ? 0 : t.px(220);
  const bool tapped =
      face_button(t, "act:" + r.id, r.title, ImVec2(w - (put_back_w > 0 ? put_back_w + t.px(12) : 0), h),
                  ButtonStyle::Neutral, !v.busy && r.active);
  if (tapped) out.push_back(core::prog::EditTapped{r.id});
  const ImU32 ink = r.active ? colors::text : colors::text_muted;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* ic = t.fonts.large;
  dl->AddText(ic, ic->FontSize, ImVec2(o.x + t.px(18), o.y + (h - ic->FontSize) * 0.5f),
              r.active ? colors::primary : colors::text_muted, icons::utf8(r.icon));
  ImFont* bf = t.fonts.bold;
  ImFont* body = t.fonts.body;
  const float line1 = o.y + t.px(8);
  const float line2 = line1 + bf->FontSize * 1.2f;
  const float time_x = o.x + t.px(80);
  label_at(bf, ImVec2(time_x, line1), ink, r.time);
  const float right_w = std::min(t.px(360), w * 0.3f);
  const float right_x = o.x + w - put_back_w - (put_back_w > 0 ? t.px(12) : 0) - right_w - t.px(12);
  const float title_x = time_x + text_w(bf, "00:00 - 00:00") + t.px(24);
  const float title_w = right_x - title_x - t.px(12);
  label_fit(bf, ImVec2(title_x, line1), ink, r.title, title_w);
  label_fit(body, ImVec2(title_x, line2), colors::text_muted, r.where, title_w);
  if (!r.once.empty()) label_fit(body, ImVec2(time_x, line2), colors::primary, r.once, title_x - time_x - t.px(8));
  label_fit(body, ImVec2(right_x, line1 + t.px(2)), ink, r.signed_up, right_w);
  if (!r.badge.empty()) {
    const float bw = text_w(body, r.badge) + t.px(20);
    const ImVec2 bmin(right_x, line2 - t.px(2));
    dl->AddRectFilled(bmin, ImVec2(bmin.x + bw, bmin.y + body->FontSize + t.px(6)), colors::good_bg, t.px(8));
    label_at(body, ImVec2(bmin.x + t.px(10), bmin.y + t.px(2)), colors::check_in, r.badge);
  }
  if (!r.active) {
    ImGui::SetCursorPos(ImVec2(w - put_back_w, y));
    const std::string id = "putback:" + r.id;
    if (big_button(t, {id.c_str(), icons::utf8("back"), &v.put_back_label, ImVec2(put_back_w, h), ButtonStyle::Primary,
                       !v.busy}))
      out.push_back(core::prog::PutBackTapped{r.id});
  }
}

// [SECTION] The editor: pieces

void text_fields(const ActivityEditView& v, const Theme& t, ImVec2 pos, float w, float h, float gap, Actions& out) {
  // The title over the full width; place and leader side by side under it.
  const float half = (w - gap) * 0.5f;
  const ImVec2 spots[] = {pos, ImVec2(pos.x, pos.y + h + gap * 0.6f),
                          ImVec2(pos.x + half + gap, pos.y + h + gap * 0.6f)};
  const float widths[] = {w, half, half};
  for (std::size_t i = 0; i < v.fields.size() && i < 3; ++i) {
    const auto& f = v.fields[i];
    ImGui::SetCursorPos(spots[i]);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    if (face_button(t, f.id, f.label, ImVec2(widths[i], h), f.active ? ButtonStyle::Selected : ButtonStyle::Neutral,
                    !v.busy && !v.confirming))
      out.push_back(core::prog::FieldTapped{f.field});
    const ImU32 ink = f.active ? colors::on_dark : colors::text;
    const float lx = o.x + t.px(18);
    label_at(t.fonts.body, ImVec2(lx, o.y + (h - t.fonts.body->FontSize) * 0.5f),
             f.active ? colors::on_dark : colors::text_muted, f.label);
    const float vx = lx + t.px(i == 0 ? 130 : 150);
    const std::string shown = f.value + (f.active ? "|" : "");
    // The end of a long text is where the typing happens: show that end.
    std::string tail = shown;
    const float room = o.x + widths[i] - t.px(16) - vx;
    if (text_w(t.fonts.bold, tail) > room) {
      while (!tail.empty() && text_w(t.fonts.bold, "..." + tail) > room) {
        std::size_t cut = 1;
        while (cut < tail.size() && (static_cast<unsigned char>(tail[cut]) & 0xC0) == 0x80) ++cut;
        tail.erase(0, cut);
      }
      tail = "..." + tail;
    }
    label_at(t.fonts.bold, ImVec2(vx, o.y + (h - t.fonts.bold->FontSize) * 0.5f), f.empty ? colors::text_muted : ink,
             tail);
  }
}

void schedule_controls(const ActivityEditView& v, const Theme& t, ImVec2 pos, float w, float h, float gap,
                       Actions& out) {
  const bool on = !v.busy && !v.confirming;
  const float g = t.px(8);
  using namespace core::prog;
  // Row 1: the pictograms.
  float x = pos.x;
  float y = pos.y;
  const float icon_w =
      std::min(h, (w - g * static_cast<float>(v.icons.size() - 1)) / static_cast<float>(v.icons.size()));
  for (const auto& ic : v.icons) {
    ImGui::SetCursorPos(ImVec2(x, y));
    const std::string id = "icon:" + ic.key;
    if (big_button(t, {id.c_str(), icons::utf8(ic.key), nullptr, ImVec2(std::max(icon_w, 64.0f), h),
                       ic.selected ? ButtonStyle::Selected : ButtonStyle::Neutral, on}))
      out.push_back(IconChosen{ic.key});
    x += std::max(icon_w, 64.0f) + g;
  }
  // Row 2: weekly on a weekday, or once on a date.
  y += h + gap;
  x = pos.x;
  const float mode_w = t.px(190);
  ImGui::SetCursorPos(ImVec2(x, y));
  if (big_button(t, {"when:weekly", nullptr, &v.weekly_label, ImVec2(mode_w, h),
                     v.once ? ButtonStyle::Neutral : ButtonStyle::Selected, on}))
    out.push_back(WeeklyChosen{});
  x += mode_w + g;
  ImGui::SetCursorPos(ImVec2(x, y));
  if (big_button(t, {"when:once", nullptr, &v.once_label, ImVec2(mode_w, h),
                     v.once ? ButtonStyle::Selected : ButtonStyle::Neutral, on}))
    out.push_back(OnceChosen{});
  x += mode_w + gap;
  if (!v.once) {
    const float dw = (pos.x + w - x - g * 6) / 7;
    for (const auto& d : v.weekdays) {
      ImGui::SetCursorPos(ImVec2(x, y));
      if (big_button(t, {d.id.c_str(), nullptr, &d.label, ImVec2(dw, h),
                         d.selected ? ButtonStyle::Selected : ButtonStyle::Neutral, on}))
        out.push_back(WeekdayChosen{d.weekday});
      x += dw + g;
    }
  } else {
    ImGui::SetCursorPos(ImVec2(x, y));
    if (big_button(
            t, {"date:prev", icons::utf8("prev"), nullptr, ImVec2(h, h), ButtonStyle::Neutral, on && v.can_date_back}))
      out.push_back(DateStep{-1});
    const float dx = x + h + g;
    const float dw = pos.x + w - dx - h - g;
    panel(on_screen(ImVec2(dx, y)), on_screen(ImVec2(dx + dw, y + h)), t);
    label_at(t.fonts.bold,
             on_screen(
                 ImVec2(dx + (dw - text_w(t.fonts.bold, v.date_text)) * 0.5f, y + (h - t.fonts.bold->FontSize) * 0.5f)),
             colors::text, v.date_text);
    ImGui::SetCursorPos(ImVec2(pos.x + w - h, y));
    if (big_button(t, {"date:next", icons::utf8("next"), nullptr, ImVec2(h, h), ButtonStyle::Neutral, on}))
      out.push_back(DateStep{1});
  }
  // Row 3: the dagdeel (sets its usual times), then start and end in steps of 15 minutes.
  y += h + gap;
  x = pos.x;
  const float part_w = t.px(160);
  for (const auto& p : v.parts) {
    ImGui::SetCursorPos(ImVec2(x, y));
    if (big_button(t, {p.id.c_str(), nullptr, &p.label, ImVec2(part_w, h),
                       p.selected ? ButtonStyle::Selected : ButtonStyle::Neutral, on}))
      out.push_back(DagdeelChosen{p.dagdeel});
    x += part_w + g;
  }
  x += gap;
  int step = 0;
  x += stepper(t, ImVec2(x, y), h, "start", v.start_label, v.start_text, v.can_start_earlier, v.can_start_later, on,
               step) +
       gap;
  if (step) out.push_back(StartStep{step * core::kActivityTimeStep});
  stepper(t, ImVec2(x, y), h, "end", v.end_label, v.end_text, v.can_end_earlier, v.can_end_later, on, step);
  if (step) out.push_back(EndStep{step * core::kActivityTimeStep});
  // Row 4: places, volunteer work, and taking it off the programme.
  y += h + gap;
  x = pos.x;
  x += stepper(t, ImVec2(x, y), h, "places", v.places_label, v.places_text, v.can_places_down, v.can_places_up, on,
               step) +
       gap;
  if (step) out.push_back(CapacityStep{step});
  ImGui::SetCursorPos(ImVec2(x, y));
  if (big_button(t, {"volunteer", icons::utf8(v.volunteer ? "done" : "hours"), &v.volunteer_label, ImVec2(t.px(300), h),
                     v.volunteer ? ButtonStyle::Selected : ButtonStyle::Neutral, on}))
    out.push_back(VolunteerToggled{});
  if (v.can_take_off) {
    const float tw = t.px(380);
    ImGui::SetCursorPos(ImVec2(pos.x + w - tw, y));
    if (big_button(t, {"take_off", icons::utf8("cancel"), &v.take_off_label, ImVec2(tw, h), ButtonStyle::CheckOut, on}))
      out.push_back(TakeOffTapped{});
  }
}

void confirm_popup(const ActivityEditView& v, const Theme& t, const Layout& L, Actions& out) {
  const ImVec2 size(std::min(L.size.x - 2 * L.margin, t.px(900)), t.px(340));
  ImGui::SetNextWindowPos(ImVec2((L.size.x - size.x) * 0.5f, (L.size.y - size.y) * 0.5f));
  ImGui::SetNextWindowSize(size);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(colors::panel));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, t.px(24));
  ImGui::Begin("##take_off", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  const float pad = t.px(32);
  ImGui::SetCursorPos(ImVec2(pad, pad));
  text(t.fonts.large, colors::text, fit(t.fonts.large, v.confirm_title, size.x - 2 * pad));
  ImGui::SetCursorPosX(pad);
  text(t.fonts.body, colors::text_muted, v.confirm_text, size.x - 2 * pad);
  const float bw = (size.x - 2 * pad - t.px(16)) * 0.5f;
  const float y = size.y - pad - t.px(84);
  ImGui::SetCursorPos(ImVec2(pad, y));
  if (big_button(t, {"take_off:yes", icons::utf8("cancel"), &v.confirm_yes, ImVec2(bw, t.px(84)), ButtonStyle::CheckOut,
                     !v.busy}))
    out.push_back(core::prog::TakeOffConfirmed{});
  ImGui::SetCursorPos(ImVec2(pad + bw + t.px(16), y));
  if (big_button(
          t, {"take_off:no", icons::utf8("back"), &v.confirm_no, ImVec2(bw, t.px(84)), ButtonStyle::Neutral, !v.busy}))
    out.push_back(core::prog::TakeOffCancelled{});
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace

// [SECTION] The Programme tab

void draw_coach_programme(const CoachNav& nav, const CoachProgrammeView& v, const Theme& t, const Layout& L,
                          Actions& out) {
  const float M = L.margin;
  const float top = coach_top_bar(nav, t, L, out);
  const float new_w = t.px(340), new_h = tap_px(t, 76);
  ImGui::SetCursorPos(ImVec2(M, top + (new_h - t.fonts.large->FontSize) * 0.5f));
  text(t.fonts.large, colors::text, v.title);
  if (!v.error.empty()) {
    ImGui::SetCursorPos(
        ImVec2(M + text_w(t.fonts.large, v.title) + L.gap, top + (new_h - t.fonts.body->FontSize) * 0.5f));
    text(t.fonts.body, colors::check_out, v.error);
  }
  ImGui::SetCursorPos(ImVec2(L.size.x - M - new_w, top));
  if (big_button(
          t, {"programme:new", icons::utf8("plus"), &v.new_label, ImVec2(new_w, new_h), ButtonStyle::Primary, !v.busy}))
    out.push_back(core::prog::NewTapped{});
  const float list_y = top + new_h + L.gap * 0.75f;
  ImGui::SetCursorPos(ImVec2(M, list_y));
  if (v.days.empty() && v.taken_off.empty()) {
    text(t.fonts.bold, colors::text_muted, v.empty_text);
    return;
  }
  const ScrollRegion r =
      begin_drag_scroll(t, {"programme", ImVec2(L.size.x - 2 * M, L.size.y - M - list_y), colors::background});
  const float w = r.list_width;
  const float row_h = t.px(84), gap = t.px(8);
  float y = 0;
  auto heading = [&](const std::string& s, ImU32 color) {
    ImGui::SetCursorPos(ImVec2(t.px(4), y + t.px(6)));
    text(t.fonts.bold, color, s);
    y += t.fonts.bold->FontSize + t.px(16);
  };
  for (const auto& day : v.days) {
    heading(day.title, colors::text);
    for (const auto& row : day.rows) {
      programme_row(v, row, t, y, w, row_h, out);
      y += row_h + gap;
    }
    y += t.px(6);
  }
  if (!v.taken_off.empty()) {
    y += t.px(10);
    heading(v.taken_off_title, colors::text_muted);
    for (const auto& row : v.taken_off) {
      programme_row(v, row, t, y, w, row_h, out);
      y += row_h + gap;
    }
  }
  ImGui::SetCursorPos(ImVec2(0, y));
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

// [SECTION] The editor

void draw_activity_edit(const CoachNav& nav, const ActivityEditView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float row_h = std::max(64.0f, t.px(68));
  const float gap = t.px(12);
  // The heading, the fields (two rows) and the schedule (four rows) under the tab bar; on a
  // panel too short for all of it (1024x600, where the last row ended 37 px under the screen and
  // "Van programma halen" could not be tapped) a form of its own without the tab bar, as the
  // agreements are: Save and Cancel lead out of it.
  const float form_h = row_h + gap * 0.6f + 2 * row_h + gap * 0.6f + gap * 1.5f + 4 * row_h + 3 * gap;
  const float top = coach_top_bar_height(t, L) + form_h > L.size.y - M * 0.5f ? M : coach_top_bar(nav, t, L, out);
  const float w = L.size.x - 2 * M;
  // Heading row: what is edited, why Save waits (or what went wrong), and Done while typing.
  ImGui::SetCursorPos(ImVec2(M, top + (row_h - t.fonts.large->FontSize) * 0.5f));
  text(t.fonts.large, colors::text, v.title);
  const float done_w = t.px(220);
  const std::string note = !v.error.empty() ? v.error : !v.too_long.empty() ? v.too_long : v.problem;
  const float note_x = M + text_w(t.fonts.large, v.title) + L.gap;
  const float note_w = L.size.x - M - (v.keyboard ? done_w + L.gap : 0) - note_x;
  if (!note.empty()) {
    label_at(t.fonts.bold, on_screen(ImVec2(note_x, top + (row_h - t.fonts.bold->FontSize) * 0.5f)),
             v.error.empty() && v.too_long.empty() ? colors::text_muted : colors::check_out,
             std::string(icons::utf8("info")) + " " + fit(t.fonts.bold, note, note_w - t.px(40)));
  }
  if (v.keyboard) {
    ImGui::SetCursorPos(ImVec2(L.size.x - M - done_w, top));
    if (big_button(t, {"keyboard:done", icons::utf8("done"), &v.done_label, ImVec2(done_w, row_h), ButtonStyle::Primary,
                       !v.busy}))
      out.push_back(core::prog::KeyboardDone{});
  }
  // The fields on the left, Save and Cancel on the right of them.
  const float fields_y = top + row_h + gap * 0.6f;
  const float side_w = t.px(260);
  text_fields(v, t, ImVec2(M, fields_y), w - side_w - L.gap, row_h, gap, out);
  ImGui::SetCursorPos(ImVec2(L.size.x - M - side_w, fields_y));
  if (big_button(t, {"programme:save", icons::utf8("done"), &v.save_label, ImVec2(side_w, row_h), ButtonStyle::CheckIn,
                     v.can_save}))
    out.push_back(core::prog::SaveTapped{});
  ImGui::SetCursorPos(ImVec2(L.size.x - M - side_w, fields_y + row_h + gap * 0.6f));
  if (big_button(t, {"programme:cancel", icons::utf8("back"), &v.cancel_label, ImVec2(side_w, row_h),
                     ButtonStyle::Neutral, !v.busy && !v.confirming}))
    out.push_back(core::prog::CancelTapped{});
  const float below = fields_y + 2 * row_h + gap * 0.6f + gap * 1.5f;
  if (v.keyboard) {
    const float kb_top = std::max(below, L.size.y - M - keyboard_height(t));
    const KeyEvent key = keyboard(t, {ImVec2(M, kb_top), w, v.typed, &v.space_label, &v.erase_label});
    if (key.kind == KeyEvent::Kind::Text) out.push_back(core::prog::Typed{key.text});
    if (key.kind == KeyEvent::Kind::Erase) out.push_back(core::prog::Erased{});
  } else {
    schedule_controls(v, t, ImVec2(M, below), w, row_h, gap, out);
  }
  if (v.confirming) confirm_popup(v, t, L, out);
}

}  // namespace meedoen::ui
