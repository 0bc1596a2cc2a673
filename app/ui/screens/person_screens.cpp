// Coach mode: the list of participants, one participant's page (attendance strip, ladder, hours,
// sign-ups, notes, history) and the ladder form. Thin draw functions over ui/coach_views.hpp;
// every target is >= 64 px.

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

float text_w(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, s.c_str()).x; }

ImU32 mark_color(Mark m) {
  switch (m) {
    case Mark::Present: return colors::check_in;
    case Mark::PresentByCoach: return IM_COL32(0x6F, 0xA8, 0x82, 255);  // a lighter green: recorded by a coach
    case Mark::Absent: return colors::notice_border;                    // amber: reported, with a reason
    case Mark::NoShow: return colors::check_out;                        // warm brown: not there, not reported
    case Mark::Future: return colors::panel_border;                     // expected, still to come
    case Mark::None: break;
  }
  return IM_COL32(0, 0, 0, 0);
}

void legend_item(ImVec2& at, const Theme& t, Mark m, const std::string& label) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float sq = t.px(18);
  const float y = at.y + (t.fonts.body->FontSize - sq) * 0.5f;
  dl->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + sq, y + sq), mark_color(m), t.px(4));
  label_at(t.fonts.body, ImVec2(at.x + sq + t.px(6), at.y), colors::text_muted, label);
  at.x += sq + t.px(6) + text_w(t.fonts.body, label) + t.px(18);
}

// A section heading inside the scrolling column, and a line of text under it.
void heading(const Theme& t, const std::string& s, float& y, const ImVec2 origin) {
  y += t.px(10);
  label_at(t.fonts.bold, ImVec2(origin.x, origin.y + y), colors::text, s);
  y += t.fonts.bold->FontSize * 1.35f;
}

void line(const Theme& t, const std::string& s, float& y, const ImVec2 origin, float width,
          ImU32 color = colors::text_muted) {
  ImFont* f = t.fonts.body;
  const ImVec2 size = f->CalcTextSizeA(f->FontSize, FLT_MAX, width, s.c_str());
  label_at(f, ImVec2(origin.x, origin.y + y), color, s, width);
  y += size.y + t.px(4);
}

// [SECTION] The page's parts

// The legend's items flow into as many lines as the width needs (Polish runs longer than one).
int legend_lines(const CoachPersonView& v, const Theme& t, float width) {
  int lines = 1;
  float x = 0;
  for (const std::string* s : {&v.legend_present, &v.legend_coach, &v.legend_absent, &v.legend_no_show}) {
    const float w = t.px(18) + t.px(6) + text_w(t.fonts.body, *s);
    if (x > 0 && x + w > width) {
      ++lines;
      x = 0;
    }
    x += w + t.px(18);
  }
  return lines;
}

void legend(const CoachPersonView& v, const Theme& t, ImVec2 at, float width) {
  const float x0 = at.x;
  const Mark marks[] = {Mark::Present, Mark::PresentByCoach, Mark::Absent, Mark::NoShow};
  const std::string* labels[] = {&v.legend_present, &v.legend_coach, &v.legend_absent, &v.legend_no_show};
  for (int i = 0; i < 4; ++i) {
    if (at.x > x0 && at.x + t.px(24) + text_w(t.fonts.body, *labels[i]) > x0 + width) {
      at.x = x0;
      at.y += t.fonts.body->FontSize * 1.4f;
    }
    legend_item(at, t, marks[i], *labels[i]);
  }
}

struct StripSize {
  float fixed;  // the title, the legend and the counts
  std::size_t rows;
  float gap;
};

StripSize strip_size(const CoachPersonView& v, const Theme& t, float width) {
  const float legend_h = t.fonts.body->FontSize * 1.4f * static_cast<float>(legend_lines(v, t, width));
  const float counts_h = t.fonts.body->CalcTextSizeA(t.fonts.body->FontSize, FLT_MAX, width, v.counts.c_str()).y +
                         t.fonts.body->FontSize * 0.4f;
  return {t.fonts.bold->FontSize * 1.4f + legend_h + counts_h + t.px(8), v.weeks.size(), t.px(6)};
}

// The strip's title, its weeks with cells of `cell_h`, the legend and the counts at `local`
// (window coordinates: the list's, where the strip scrolls).
void strip_body(const CoachPersonView& v, const Theme& t, ImVec2 local, float width, float cell_h, Actions& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::SetCursorPos(local);
  const ImVec2 origin = ImGui::GetCursorScreenPos();  // where local is on screen, scrolled
  label_at(t.fonts.bold, origin, colors::text, v.strip_title);
  float y = t.fonts.bold->FontSize * 1.4f;
  const std::size_t cols = v.weeks.front().size();
  const float g = t.px(6);
  const float cell_w = (width - static_cast<float>(cols - 1) * g) / static_cast<float>(cols);
  for (const auto& week : v.weeks) {
    for (std::size_t c = 0; c < week.size(); ++c) {
      const StripDay& d = week[c];
      const ImVec2 cmin(origin.x + static_cast<float>(c) * (cell_w + g), origin.y + y);
      const ImVec2 cmax(cmin.x + cell_w, cmin.y + cell_h);
      dl->AddRectFilled(cmin, cmax, colors::panel, t.px(8));
      dl->AddRect(cmin, cmax, d.today ? colors::primary : colors::panel_border, t.px(8), 0,
                  d.today ? t.px(3) : t.px(1));
      label_at(t.fonts.body, ImVec2(cmin.x + t.px(8), cmin.y + t.px(4)), d.today ? colors::primary : colors::text_muted,
               d.label);
      // Three bars, morning to evening, under the day's label.
      const float top = cmin.y + t.fonts.body->FontSize + t.px(8);
      const float bar_h = (cmax.y - t.px(6) - top - 2 * t.px(3)) / 3;
      for (std::size_t i = 0; i < d.parts.size(); ++i) {
        if (d.parts[i] == Mark::None) continue;
        const float by = top + static_cast<float>(i) * (bar_h + t.px(3));
        dl->AddRectFilled(ImVec2(cmin.x + t.px(8), by), ImVec2(cmax.x - t.px(8), by + bar_h), mark_color(d.parts[i]),
                          t.px(3));
      }
      ImGui::SetCursorPos(ImVec2(local.x + static_cast<float>(c) * (cell_w + g), local.y + y));
      const std::string id = "day:" + d.date;
      if (tap_area(id.c_str(), d.label, ImVec2(cell_w, cell_h), !v.busy && !v.asking && !v.note_open))
        out.push_back(core::StripDayTapped{d.date});
    }
    y += cell_h + g;
  }
  legend(v, t, ImVec2(origin.x, origin.y + y + t.px(2)), width);
  y += t.fonts.body->FontSize * 1.4f * static_cast<float>(legend_lines(v, t, width));
  label_at(t.fonts.body, ImVec2(origin.x, origin.y + y), colors::text, v.counts, width);
  ImGui::SetCursorPos(ImVec2(local.x, local.y + y + t.fonts.body->FontSize * 1.4f));
}

// Six weeks as rows, the working days as columns; each day a tappable cell with its dagdelen as
// bars. `slack`: how far below its box the strip may reach (into the margin at the screen's foot).
// Where six rows of 64 px cells do not fit even so (1024x600), the strip scrolls, with the arrows.
void attendance_strip(const CoachPersonView& v, const Theme& t, ImVec2 pos, ImVec2 size, float slack, Actions& out) {
  if (v.weeks.empty() || v.weeks.front().empty()) {
    const ImVec2 wp = ImGui::GetWindowPos();
    label_at(t.fonts.bold, ImVec2(wp.x + pos.x, wp.y + pos.y), colors::text, v.strip_title);
    return;
  }
  const StripSize fit = strip_size(v, t, size.x);
  const float rows = static_cast<float>(fit.rows);
  const float cell_h = std::max(tap_px(t, 64), (size.y - fit.fixed - (rows - 1) * fit.gap) / rows);
  if (fit.fixed + rows * cell_h + (rows - 1) * fit.gap <= size.y + slack)
    return strip_body(v, t, pos, size.x, cell_h, out);
  ImGui::SetCursorPos(pos);
  const ScrollRegion r = begin_drag_scroll(t, {"strip", size, colors::background});
  strip_body(v, t, ImVec2(0, 0), r.list_width, tap_px(t, 64), out);
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

// The ladder over time: rung (plus progress within it) per assessment, as a step line.
void ladder_chart(const CoachPersonView& v, const Theme& t, ImVec2 origin, float width, float& y) {
  const float h = t.px(120);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 min(origin.x + t.px(28), origin.y + y);
  const ImVec2 max(origin.x + width, origin.y + y + h);
  const float rungs = static_cast<float>(std::max(1, v.rungs));
  for (int r = 1; r <= v.rungs; ++r) {  // a faint line per rung, numbered
    const float ry = max.y - (static_cast<float>(r) - 0.5f) / rungs * h;
    dl->AddLine(ImVec2(min.x, ry), ImVec2(max.x, ry), colors::neutral, 1.0f);
    dl->AddText(t.fonts.body, t.fonts.body->FontSize * 0.8f, ImVec2(origin.x, ry - t.fonts.body->FontSize * 0.45f),
                colors::text_muted, std::to_string(r).c_str());
  }
  const std::size_t n = v.ladder_history.size();
  auto point = [&](std::size_t i) {
    const float x =
        n == 1 ? (min.x + max.x) * 0.5f
               : min.x + t.px(8) + static_cast<float>(i) / static_cast<float>(n - 1) * (max.x - min.x - t.px(16));
    return ImVec2(x, max.y - (v.ladder_history[i].value - 0.5f) / rungs * h);
  };
  for (std::size_t i = 0; i + 1 < n; ++i) dl->AddLine(point(i), point(i + 1), colors::primary, t.px(3));
  for (std::size_t i = 0; i < n; ++i) dl->AddCircleFilled(point(i), t.px(5), colors::primary);
  y += h + t.px(4);
  if (n > 0) {  // first and last dates under the chart
    label_at(t.fonts.body, ImVec2(min.x, origin.y + y), colors::text_muted, v.ladder_history.front().date);
    if (n > 1) {
      const std::string& last = v.ladder_history.back().date;
      label_at(t.fonts.body, ImVec2(max.x - text_w(t.fonts.body, last), origin.y + y), colors::text_muted, last);
    }
    y += t.fonts.body->FontSize * 1.3f;
  }
}

// The participant's card: the print button and what goes on the card, or why there is none.
void card_row(const CoachPersonView& v, const Theme& t, const ImVec2 origin, float width, float& y, Actions& out) {
  heading(t, v.card_title, y, origin);
  const float bw = std::min(t.px(320), width * 0.5f), bh = tap_px(t, 64);
  ImGui::SetCursorPos(ImVec2(0, y));
  const bool enabled = v.can_print_card && v.loaded && !v.busy && !v.asking && !v.note_open;
  if (big_button(t,
                 {"person:card", icons::utf8("print"), &v.card_label, ImVec2(bw, bh), ButtonStyle::Neutral, enabled}))
    out.push_back(core::PrintCardTapped{v.participant_id});
  const float nx = bw + t.px(14), nw = width - nx;
  ImFont* f = t.fonts.body;
  const ImVec2 size = f->CalcTextSizeA(f->FontSize, FLT_MAX, nw, v.card_note.c_str());
  label_at(f, ImVec2(origin.x + nx, origin.y + y + std::max(0.0f, (bh - size.y) * 0.5f)),
           v.can_print_card ? colors::text_muted : colors::check_out, v.card_note, nw);
  y += std::max(bh, size.y) + t.px(6);
}

// The ladder: where the participant stands now and the chart of how they got there, right after
// what waits for a decision, so the chart is in view when the page opens (issue 16).
void ladder_section(const CoachPersonView& v, const Theme& t, ImVec2 origin, float w, float& y) {
  heading(t, v.ladder_title, y, origin);
  if (v.ladder_history.empty()) {
    line(t, v.no_ladder, y, origin, w);
    return;
  }
  label_at(t.fonts.bold, ImVec2(origin.x, origin.y + y), colors::primary, v.ladder_now);
  y += t.fonts.bold->FontSize * 1.3f;
  // Progress within the rung as dots.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float dot = t.px(9);
  for (int i = 0; i < v.ladder_steps; ++i)
    dl->AddCircleFilled(
        ImVec2(origin.x + dot + static_cast<float>(i) * dot * 2.8f, origin.y + y + t.fonts.body->FontSize * 0.55f), dot,
        i < v.ladder_progress_value ? colors::primary : colors::neutral);
  label_at(t.fonts.body, ImVec2(origin.x + dot * 2.8f * static_cast<float>(v.ladder_steps) + t.px(8), origin.y + y),
           colors::text_muted, v.ladder_progress);
  y += t.fonts.body->FontSize * 1.5f;
  ladder_chart(v, t, origin, w, y);
  line(t, v.ladder_date, y, origin, w);
  for (const auto& [area, status] : v.areas) line(t, area + ": " + status, y, origin, w);
}

void details(const CoachPersonView& v, const Theme& t, ImVec2 pos, ImVec2 size, Actions& out) {
  ImGui::SetCursorPos(pos);
  // The arrows too: the page is long (ladder, agreements, hours, notes, history).
  const ScrollRegion r = begin_drag_scroll(t, {"person", size, colors::panel});
  const float w = r.list_width - t.px(8);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  float y = 0;
  // Hours that wait for a decision first: what needs the coach comes first.
  if (!v.waiting.empty()) {
    y -= t.px(10);  // no space above the first heading
    heading(t, v.waiting_title, y, origin);
  }
  for (const auto& h : v.waiting) {
    line(t, h.what, y, origin, w, colors::text);
    const float bw = std::min(t.px(200), (w - t.px(12)) / 2);
    ImGui::SetCursorPos(ImVec2(0, y));
    const std::string yes = "yes:" + h.id, no = "no:" + h.id;
    if (big_button(t, {yes.c_str(), nullptr, &h.primary_label, ImVec2(bw, tap_px(t, 64)), ButtonStyle::CheckIn,
                       !v.busy && !v.asking}))
      out.push_back(h.primary);
    ImGui::SetCursorPos(ImVec2(bw + t.px(12), y));
    if (big_button(t, {no.c_str(), nullptr, &h.secondary_label, ImVec2(bw, tap_px(t, 64)), ButtonStyle::Neutral,
                       !v.busy && !v.asking}))
      out.push_back(h.secondary);
    y += tap_px(t, 64) + t.px(8);
  }
  if (!v.waiting.empty()) y += t.px(10);
  if (v.waiting.empty()) y -= t.px(10);  // no space above the first heading
  ladder_section(v, t, origin, w, y);
  y += t.px(16);  // the agreements below have no heading of their own: a space sets them apart
  for (const auto& f : v.facts) line(t, f, y, origin, w, colors::text);
  // The agreements above are the coach's to change.
  ImGui::SetCursorPos(ImVec2(0, y));
  if (big_button(
          t, {"person:agreements", icons::utf8("edit"), &v.agreements_label, ImVec2(std::min(w, t.px(360)), t.px(84)),
              ButtonStyle::Neutral, !v.busy && !v.asking && !v.note_open}))
    out.push_back(core::AgreementsOpenTapped{});
  y += t.px(84) + t.px(12);
  if (v.show_card) card_row(v, t, origin, w, y, out);

  heading(t, v.hours_title, y, origin);
  for (const auto& [place, amount] : v.hours_per_place) line(t, place + ": " + amount, y, origin, w, colors::text);

  heading(t, v.signups_title, y, origin);
  for (const auto& s : v.signups) line(t, s, y, origin, w, colors::text);

  heading(t, v.notes_title, y, origin);
  for (const auto& n : v.notes) {
    line(t, n.when + "  " + n.who, y, origin, w);
    line(t, n.text, y, origin, w, colors::text);
  }

  heading(t, v.history_title, y, origin);
  for (const auto& h : v.history) line(t, h, y, origin, w);

  ImGui::SetCursorPos(ImVec2(0, y + t.px(8)));
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

// The note editor over the page: what is typed, the on-screen keyboard, save and cancel.
void note_editor(const CoachPersonView& v, const Theme& t, const Layout& L, Actions& out) {
  const float pad = t.px(28);
  const ImVec2 size(std::min(L.size.x - 2 * L.margin, t.px(1200)), L.size.y - 2 * L.margin);
  ImGui::SetNextWindowPos(ImVec2((L.size.x - size.x) * 0.5f, L.margin));
  ImGui::SetNextWindowSize(size);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(colors::background));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, t.px(24));
  ImGui::Begin("##coach_note", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::SetCursorPos(ImVec2(pad, pad));
  text(t.fonts.large, colors::text, v.note_title);
  const float bw = t.px(220), bh = tap_px(t, 72);
  ImGui::SetCursorPos(ImVec2(size.x - pad - 2 * bw - t.px(12), pad));
  if (big_button(t,
                 {"note:cancel", icons::utf8("back"), &v.cancel_label, ImVec2(bw, bh), ButtonStyle::Neutral, !v.busy}))
    out.push_back(core::NoteCancelTapped{});
  ImGui::SetCursorPos(ImVec2(size.x - pad - bw, pad));
  if (big_button(
          t, {"note:save", icons::utf8("done"), &v.save_label, ImVec2(bw, bh), ButtonStyle::CheckIn, v.can_save_note}))
    out.push_back(core::NoteSaveTapped{});
  // The text so far, wrapped, in a white field; the last lines stay in view.
  const float kb_h = keyboard_height(t);
  const float field_y = pad + bh + t.px(16);
  const float field_h = size.y - field_y - kb_h - pad - t.px(16) - t.fonts.body->FontSize;
  const ImVec2 wp = ImGui::GetWindowPos();
  const ImVec2 fmin(wp.x + pad, wp.y + field_y), fmax(wp.x + size.x - pad, wp.y + field_y + field_h);
  panel(fmin, fmax, t);
  ImFont* f = t.fonts.bold;
  const float wrap = fmax.x - fmin.x - t.px(32);
  const std::string shown = v.note_text + "|";
  const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, shown.c_str());
  ImGui::PushClipRect(fmin, fmax, true);
  const float ty = std::min(fmin.y + t.px(12), fmax.y - t.px(12) - ts.y);
  label_at(f, ImVec2(fmin.x + t.px(16), ty), colors::text, shown, wrap);
  ImGui::PopClipRect();
  label_at(t.fonts.body, ImVec2(fmax.x - text_w(t.fonts.body, v.note_count), fmax.y + t.px(4)), colors::text_muted,
           v.note_count);
  const KeyEvent key = keyboard(t, {ImVec2(pad, size.y - pad - kb_h), size.x - 2 * pad, v.note_text, &v.space_label,
                                    &v.erase_label, "note:erase", true});
  if (key.kind == KeyEvent::Kind::Text) out.push_back(core::NoteTyped{key.text});
  if (key.kind == KeyEvent::Kind::Erase) out.push_back(core::NoteErased{});
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

// A row of option buttons (the ladder form); the active one stands out.
void option_row(const Theme& t, const std::vector<CoachLadderView::Option>& options, float x, float y, float width,
                float h, bool enabled, Actions& out, ImFont* font = nullptr) {
  const float g = t.px(10);
  const float n = static_cast<float>(std::max<std::size_t>(1, options.size()));
  const float bw = (width - (n - 1) * g) / n;
  for (std::size_t i = 0; i < options.size(); ++i) {
    ImGui::SetCursorPos(ImVec2(x + static_cast<float>(i) * (bw + g), y));
    const auto& o = options[i];
    const bool room = bw >= t.px(230);  // the check mark only where the label still fits beside it
    if (big_button(t, {o.id.c_str(), o.active && room ? icons::utf8("done") : nullptr, &o.label, ImVec2(bw, h),
                       o.active ? ButtonStyle::Selected : ButtonStyle::Neutral, enabled, false, font}))
      out.push_back(o.action);
  }
}

}  // namespace

// [SECTION] Participants

void draw_coach_people(const CoachNav& nav, const CoachPeopleView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float top = coach_top_bar(nav, t, L, out);
  ImGui::SetCursorPos(ImVec2(M, top + t.px(10)));
  text(t.fonts.large, colors::text, v.title);
  // Mine / everyone
  const float sw = t.px(240), sh = tap_px(t, 68);
  ImGui::SetCursorPos(ImVec2(L.size.x - M - 2 * sw - t.px(10), top));
  if (big_button(t, {"people:mine", nullptr, &v.mine_label, ImVec2(sw, sh),
                     v.all ? ButtonStyle::Neutral : ButtonStyle::Selected}))
    out.push_back(core::PeopleScopeTapped{false});
  ImGui::SetCursorPos(ImVec2(L.size.x - M - sw, top));
  if (big_button(t, {"people:all", nullptr, &v.all_label, ImVec2(sw, sh),
                     v.all ? ButtonStyle::Selected : ButtonStyle::Neutral}))
    out.push_back(core::PeopleScopeTapped{true});
  const float y = top + sh + L.gap * 0.5f;
  ImGui::SetCursorPos(ImVec2(M, y));
  if (!v.loaded) {
    text(t.fonts.bold, colors::text_muted, v.loading);
    return;
  }
  if (v.rows.empty() && v.left.empty()) {
    text(t.fonts.bold, colors::text_muted, v.empty_text);
    return;
  }
  const ScrollRegion r = begin_drag_scroll(t, {"people", ImVec2(L.size.x - 2 * M, L.size.y - M - y)});
  const float w = r.list_width;
  // Portrait: two lines a row (name and participation; then last seen, rung, end date, coach),
  // since six columns in 1080 px run into each other.
  const bool tall = L.portrait();
  const float row_h = tall ? tap_px(t, 72) + t.fonts.body->FontSize * 1.2f : tap_px(t, 72), g = t.px(6);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // The rung and end-date columns as wide as their widest text and a gap ("Tot 29 mei 2027" ran
  // into the coach's name at 1280x800 and 1024x600); the name's column gives up what they take.
  float rung_w = 0, end_w = 0;
  for (const auto* list : {&v.rows, &v.left})
    for (const auto& p : *list) {
      rung_w = std::max(rung_w, t.fonts.body->CalcTextSizeA(t.fonts.body->FontSize, FLT_MAX, 0, p.rung.c_str()).x);
      end_w = std::max(end_w, t.fonts.body->CalcTextSizeA(t.fonts.body->FontSize, FLT_MAX, 0, p.end.c_str()).x);
    }
  const float col_gap = t.px(20);
  const float c4 = std::max(tall ? w * 0.14f : w * 0.10f, rung_w + col_gap);
  const float c5 = std::max(tall ? w * 0.2f : w * 0.12f, end_w + col_gap);
  const float grown = c4 - (tall ? w * 0.14f : w * 0.10f) + c5 - (tall ? w * 0.2f : w * 0.12f);
  float ry = 0;
  auto row = [&](const CoachPeopleView::Row& p, bool left) {
    ImGui::SetCursorPos(ImVec2(0, ry));
    const ImVec2 rmin = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(rmin, ImVec2(rmin.x + w, rmin.y + row_h), colors::panel, t.px(10));
    if (p.warn)
      dl->AddRectFilled(rmin, ImVec2(rmin.x + t.px(8), rmin.y + row_h), colors::check_out, t.px(10),
                        ImDrawFlags_RoundCornersLeft);
    const float pad = t.px(20);
    const float ty = tall ? rmin.y + t.px(12) : rmin.y + (row_h - t.fonts.bold->FontSize) * 0.5f;
    // Columns: name | participation | last seen | rung | end date | coach; portrait: the last four
    // on a second line, from the left again.
    const float c1 = tall ? w * 0.7f : std::max(w * 0.2f, w * 0.30f - grown), c2 = w * 0.12f,
                c3 = tall ? std::max(w * 0.25f, w * 0.4f - grown) : w * 0.25f;
    float x = rmin.x + pad;
    label_fit(t.fonts.bold, ImVec2(x, ty), left ? colors::text_muted : colors::text, p.name, c1 - t.px(12));
    x += c1;
    label_at(t.fonts.body, ImVec2(x, ty + t.px(3)), p.mandatory ? colors::check_out : colors::text_muted,
             p.participation);
    x += c2;
    const float ty2 = tall ? ty + t.fonts.bold->FontSize * 1.35f : ty;
    if (tall) x = rmin.x + pad;
    label_fit(t.fonts.body, ImVec2(x, ty2 + t.px(3)), p.warn ? colors::check_out : colors::text_muted, p.last_seen,
              c3 - t.px(12));
    x += c3;
    label_at(t.fonts.body, ImVec2(x, ty2 + t.px(3)), colors::text_muted, p.rung);
    x += c4;
    label_at(t.fonts.body, ImVec2(x, ty2 + t.px(3)), colors::text_muted, p.end);
    x += c5;
    label_fit(t.fonts.body, ImVec2(x, ty2 + t.px(3)), colors::text_muted, p.coach, rmin.x + w - x - pad);
    ImGui::SetCursorPos(ImVec2(0, ry));
    const std::string id = "person:" + p.id;
    if (tap_area(id.c_str(), p.name, ImVec2(w, row_h))) out.push_back(core::PersonTapped{p.id});
    ry += row_h + g;
  };
  for (const auto& p : v.rows) row(p, false);
  if (!v.left.empty()) {
    ry += t.px(10);
    ImGui::SetCursorPos(ImVec2(0, ry));
    text(t.fonts.bold, colors::text, v.left_title);
    ry = ImGui::GetCursorPosY() + t.px(4);
    for (const auto& p : v.left) row(p, true);
  }
  ImGui::SetCursorPos(ImVec2(0, ry));
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

void draw_coach_person(const CoachNav& nav, const CoachPersonView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float top = coach_top_bar(nav, t, L, out);
  const float bh = tap_px(t, 72);
  ImGui::SetCursorPos(ImVec2(M, top));
  if (back_button(t, v.back_label, !v.busy)) out.push_back(core::BackTapped{});
  // Actions on the right of the name row.
  struct Btn {
    const char* id;
    const char* icon;
    const std::string* label;
    core::Action action;
    bool show;
  };
  const Btn buttons[] = {
      {"person:ladder", "ladder", &v.ladder_label, core::LadderOpenTapped{}, true},
      {"person:note", "edit", &v.note_label, core::NoteOpenTapped{}, true},
      {"person:talk", "talk", &v.talk_label, core::TalkHeldTapped{}, true},
      {"person:report", "report", &v.report_label, core::ExportProgressTapped{}, true},
      {"person:exit", "exit", &v.exit_label, core::ExitTapped{}, !v.left},
  };
  int shown = 0;
  for (const auto& b : buttons) shown += b.show;
  // Landscape: the actions right of the name; portrait: a row of their own under it, wider.
  const bool tall = L.portrait();
  const float n = static_cast<float>(std::max(1, shown));
  const float bw = tall ? std::min(t.px(260), (L.size.x - 2 * M + t.px(8)) / n - t.px(8))
                        : std::min(t.px(190), (L.size.x - 2 * M - t.px(520)) / n - t.px(8));
  const float actions_w = n * (bw + t.px(8)) - t.px(8);
  float bx = tall ? M : L.size.x - M - actions_w;
  const float by = tall ? top + bh + L.gap * 0.5f : top;
  const bool enabled = v.loaded && !v.busy && !v.asking && !v.note_open;
  for (const auto& b : buttons) {
    if (!b.show) continue;
    ImGui::SetCursorPos(ImVec2(bx, by));
    if (big_button(t, {b.id, bw >= t.px(185) ? icons::utf8(b.icon) : nullptr, b.label, ImVec2(bw, bh),
                       ButtonStyle::Neutral, enabled})) {
      if (core::holds_alternative<core::TalkHeldTapped>(b.action))
        out.push_back(core::TalkHeldTapped{v.participant_id});
      else if (core::holds_alternative<core::ExportProgressTapped>(b.action))
        out.push_back(core::ExportProgressTapped{v.participant_id});
      else out.push_back(b.action);
    }
    bx += bw + t.px(8);
  }
  const float name_x = M + t.px(220) + L.gap * 0.5f;
  const float name_w = L.size.x - M - name_x - (tall ? 0 : actions_w + t.px(8));
  const ImVec2 wp = ImGui::GetWindowPos();
  // A long name steps down a font size before it is ever cut.
  ImFont* name_font = text_w(t.fonts.large, v.name) <= name_w ? t.fonts.large : t.fonts.bold;
  label_fit(name_font,
            ImVec2(wp.x + name_x, wp.y + top - t.px(4) + (t.fonts.large->FontSize - name_font->FontSize) * 0.5f),
            colors::text, v.name, name_w);
  label_fit(t.fonts.body, ImVec2(wp.x + name_x, wp.y + top + t.fonts.large->FontSize),
            v.mandatory ? colors::check_out : colors::text_muted, v.participation + "   " + v.coach_line, name_w);

  const float y = by + bh + L.gap * 0.6f;
  const float h = L.size.y - M - y;
  if (!v.loaded) {
    ImGui::SetCursorPos(ImVec2(M, y));
    text(t.fonts.bold, colors::text_muted, v.loading);
    return;
  }
  // The strip beside the details (landscape), or above them at the height of 84 px days (portrait).
  const float W = L.size.x - 2 * M;
  const float strip_h = strip_size(v, t, W).fixed + 6 * (t.px(84) + t.px(6));
  const Split sp = split(L, ImVec2(M, y), ImVec2(W, h), 0.5f, strip_h / std::max(1.0f, h - L.gap));
  // Landscape: the strip may reach into the margin at the screen's foot, as far as its last line
  // of text stays on screen (the space the strip keeps below that may fall off).
  const float slack = tall ? 0 : M + t.px(8) + t.fonts.body->FontSize * 0.4f;
  attendance_strip(v, t, sp.a_pos, sp.a_size, slack, out);
  // A notice (the export's) gets the foot of the details: it never covers the chart or a button.
  const ImVec2 dsize(sp.b_size.x, sp.b_size.y - L.notice);
  panel(ImVec2(wp.x + sp.b_pos.x, wp.y + sp.b_pos.y), ImVec2(wp.x + sp.b_pos.x + dsize.x, wp.y + sp.b_pos.y + dsize.y),
        t);
  const float pad = t.px(18);
  details(v, t, ImVec2(sp.b_pos.x + pad, sp.b_pos.y + pad), ImVec2(dsize.x - 2 * pad, dsize.y - 2 * pad), out);
  if (v.asking || v.note_open) dim_screen(L.size);
  if (v.asking) choice_popup(v.choice_title, v.choice_subject, v.choices, v.cancel_label, v.busy, t, L, out);
  if (v.note_open) note_editor(v, t, L, out);
}

// [SECTION] The ladder form

namespace {

// The ladder form under its title row at `local` (window coordinates: the list's, where the form
// scrolls), `W` wide; returns its height. With draw false it only measures. Landscape: moment and
// progress side by side, the rungs in one row, the areas in three columns; portrait: one above
// the other, the rungs in two rows and the areas in one column, with taller buttons.
float ladder_form(const CoachLadderView& v, const Theme& t, const Layout& L, ImVec2 local, float W, bool draw,
                  Actions& out) {
  const bool tall = L.portrait();
  const float oh = tap_px(t, tall ? 84 : 64);
  const float label_h = t.fonts.bold->FontSize * 1.3f;
  const float g = L.gap * 0.5f;
  ImGui::SetCursorPos(local);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  float y = 0;
  auto title = [&](const std::string& s, float x) {
    if (draw) label_at(t.fonts.bold, ImVec2(origin.x + x, origin.y + y), colors::text, s);
  };
  auto options = [&](const std::vector<CoachLadderView::Option>& o, float x, float width, float h, ImFont* f) {
    if (draw) option_row(t, o, local.x + x, local.y + y, width, h, !v.busy, out, f);
  };
  const float half = tall ? W : W * 0.5f - L.gap * 0.5f;
  title(v.moment_title, 0);
  if (!tall) title(v.progress_title, half + L.gap);
  y += label_h;
  options(v.moments, 0, half, oh, nullptr);
  if (tall) {
    y += oh + g;
    title(v.progress_title, 0);
    y += label_h;
  }
  options(v.progress, tall ? 0 : half + L.gap, half, oh, nullptr);
  y += oh + g;
  title(v.rung_title, 0);
  y += label_h;
  // The rungs in the body font: their labels are long and wrap to three lines.
  const float rung_h = std::max(oh, t.fonts.body->FontSize * 3.4f);
  const std::size_t per_row = tall ? (v.rungs.size() + 1) / 2 : v.rungs.size();
  for (std::size_t i = 0; i < v.rungs.size(); i += std::max<std::size_t>(1, per_row)) {
    const auto end = v.rungs.begin() + static_cast<std::ptrdiff_t>(std::min(v.rungs.size(), i + per_row));
    const std::vector<CoachLadderView::Option> row(v.rungs.begin() + static_cast<std::ptrdiff_t>(i), end);
    // A last, shorter row keeps the others' button width.
    const float n = static_cast<float>(row.size()), full = static_cast<float>(per_row);
    options(row, 0, (W + t.px(10)) * n / full - t.px(10), rung_h, t.fonts.body);
    y += rung_h + g;
  }
  title(v.areas_title, 0);
  y += label_h;
  // Areas: a label over its three options, in three columns (one in portrait).
  const std::size_t cols = tall ? 1 : 3;
  const float col_w = (W - static_cast<float>(cols - 1) * L.gap) / static_cast<float>(cols);
  const float block_h = label_h + oh + t.px(6);
  for (std::size_t i = 0; i < v.areas.size(); ++i) {
    const float x = static_cast<float>(i % cols) * (col_w + L.gap);
    const float ay = y + static_cast<float>(i / cols) * block_h;
    if (!draw) continue;
    label_fit(t.fonts.body, ImVec2(origin.x + x, origin.y + ay), colors::text, v.areas[i].label, col_w);
    option_row(t, v.areas[i].states, local.x + x, local.y + ay + label_h, col_w, oh, !v.busy, out);
  }
  // The last block's gap below its options is no part of the form.
  return y + static_cast<float>((v.areas.size() + cols - 1) / cols) * block_h - t.px(6);
}

}  // namespace

// [SECTION] The ladder form

void draw_coach_ladder(const CoachNav& nav, const CoachLadderView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float top = coach_top_bar(nav, t, L, out);
  ImGui::SetCursorPos(ImVec2(M, top));
  if (back_button(t, v.back_label, !v.busy)) out.push_back(core::BackTapped{});
  const ImVec2 wp = ImGui::GetWindowPos();
  const float name_x = M + t.px(220) + L.gap * 0.5f;
  label_at(t.fonts.large, ImVec2(wp.x + name_x, wp.y + top + t.px(8)), colors::text, v.title + ": " + v.name);
  const float sw = t.px(240), bh = tap_px(t, 72);
  ImGui::SetCursorPos(ImVec2(L.size.x - M - sw, top));
  if (big_button(t, {"ladder:save", icons::utf8("done"), &v.save_label, ImVec2(sw, bh), ButtonStyle::CheckIn, !v.busy}))
    out.push_back(core::LadderSaveTapped{});

  const float W = L.size.x - 2 * M;
  const float y = top + bh + L.gap * 0.5f;
  // A notice (the export's, still up after the page) gets the foot: the form scrolls above it.
  const float room = L.target_bottom() - y - L.notice;
  Actions none;
  if (ladder_form(v, t, L, ImVec2(M, y), W, false, none) <= room) {
    ladder_form(v, t, L, ImVec2(M, y), W, true, out);
    return;
  }
  // Taller than the screen (1024x600): the form scrolls, with the arrows as every long list.
  ImGui::SetCursorPos(ImVec2(M, y));
  const ScrollRegion r = begin_drag_scroll(t, {"ladder", ImVec2(W, room)});
  const float h = ladder_form(v, t, L, ImVec2(0, 0), r.list_width, true, out);
  ImGui::SetCursorPos(ImVec2(0, h));
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

}  // namespace meedoen::ui
