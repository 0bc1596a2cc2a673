// Coach mode: the agreements editor over one participant (start and end date with steppers,
// hours a week and the talk rhythm with - and +, a week grid of dagdelen to tap, two toggles).
// A thin draw function over ui/coach_views.hpp (CoachAgreementsView). A form with Back and Save,
// without the tab bar: it must fit 1024x600 with every target >= 64 px (84 px at scale 1).

#include <algorithm>
#include <string>

#include "ui/screens/parts.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/widgets.hpp"

namespace meedoen::ui {

namespace {

using Option = CoachAgreementsView::Option;

// Sizes in px at scale 1, shared by the rows of the form.
struct Grid {
  float row_h, gap, label_w;
};

void option_button(const Theme& t, const Option& o, ImVec2 pos, ImVec2 size, bool enabled, Actions& out,
                   const char* icon = nullptr) {
  ImGui::SetCursorPos(pos);
  if (big_button(
          t, {o.id.c_str(), icon, &o.label, size, o.active ? ButtonStyle::Selected : ButtonStyle::Neutral, enabled}))
    out.push_back(o.action);
}

// A title over a value, left of a row of buttons.
void labelled(const Theme& t, ImVec2 at, float width, const std::string& title, const std::string& value,
              ImU32 value_color = colors::text) {
  const ImVec2 wp = ImGui::GetWindowPos();
  label_fit(t.fonts.body, ImVec2(wp.x + at.x, wp.y + at.y), colors::text_muted, title, width);
  label_fit(t.fonts.bold, ImVec2(wp.x + at.x, wp.y + at.y + t.fonts.body->FontSize * 1.25f), value_color, value, width);
}

// One row: label, then the buttons side by side, each at least the row's height wide.
void stepper_row(const Theme& t, const Grid& g, float x, float y, float width, const std::string& title,
                 const std::string& value, const std::vector<Option>& steps, bool enabled, Actions& out) {
  labelled(t, ImVec2(x, y + t.px(6)), g.label_w - g.gap, title, value);
  const float n = static_cast<float>(steps.size());
  const float bw = std::max(g.row_h, std::min(t.px(150), (width - g.label_w - (n - 1) * g.gap) / n));
  const RepeatKeys keys;  // a week, a week more
  for (std::size_t i = 0; i < steps.size(); ++i)
    option_button(t, steps[i], ImVec2(x + g.label_w + static_cast<float>(i) * (bw + g.gap), y), ImVec2(bw, g.row_h),
                  enabled, out);
}

void date_row(const Theme& t, const Grid& g, float x, float y, float width, const CoachAgreementsView::DateField& d,
              bool enabled, Actions& out) {
  std::vector<Option> buttons = d.steps;
  buttons.push_back(d.clear);
  stepper_row(t, g, x, y, width, d.title, d.value, buttons, enabled, out);
}

// The week: dagdelen down, weekdays across; a tapped cell is agreed (green, with a check).
// cell_w: the cells' width (0: square, as tall as a row).
float week_grid(const CoachAgreementsView& v, const Theme& t, const Grid& g, float x, float y, Actions& out,
                float cell_w = 0) {
  const ImVec2 wp = ImGui::GetWindowPos();
  const float cell = g.row_h, label_w = t.px(185);
  const float cw = cell_w > 0 ? cell_w : cell, step = cw + t.px(6), row_step = cell + t.px(6);
  // The title in the dagdeel labels' column, ending on the line of the weekdays (1024x600 has no
  // line to spare): wrapped there rather than cut ("Agreed parts of the week").
  ImFont* tf = t.fonts.bold;
  const float tw = label_w - t.px(10);
  const ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, tw, v.parts_title.c_str());
  label_at(tf, ImVec2(wp.x + x, wp.y + y + tf->FontSize - ts.y), colors::text, v.parts_title, tw);
  for (std::size_t d = 0; d < v.day_labels.size(); ++d)
    label_at(t.fonts.body, ImVec2(wp.x + x + label_w + static_cast<float>(d) * step + t.px(8), wp.y + y),
             colors::text_muted, v.day_labels[d]);
  y += t.fonts.body->FontSize * 1.3f;
  for (std::size_t r = 0; r < v.grid.size(); ++r) {
    const float ry = y + static_cast<float>(r) * row_step;
    label_fit(t.fonts.body, ImVec2(wp.x + x, wp.y + ry + (cell - t.fonts.body->FontSize) * 0.5f), colors::text,
              v.dagdeel_labels[r], label_w - t.px(8));
    for (std::size_t d = 0; d < v.grid[r].size(); ++d) {
      const Option& o = v.grid[r][d];
      ImGui::SetCursorPos(ImVec2(x + label_w + static_cast<float>(d) * step, ry));
      if (big_button(t, {o.id.c_str(), o.active ? icons::utf8("done") : nullptr, &o.label, ImVec2(cw, cell),
                         o.active ? ButtonStyle::CheckIn : ButtonStyle::Neutral, !v.busy}))
        out.push_back(o.action);
    }
  }
  return label_w + static_cast<float>(v.day_labels.size()) * step;
}

// [SECTION] Portrait: one field above the other, each its title and value on a line and its
// buttons across the width under them; the week's cells as wide as the width allows; the two
// consents across the width at the foot, above the coach's lock.

// A field's title and value on one line, its buttons in a row under them; returns the height.
float stepper_block(const Theme& t, const Grid& g, float x, float y, float width, const std::string& title,
                    const std::string& value, const std::vector<Option>& steps, bool enabled, Actions& out) {
  const ImVec2 wp = ImGui::GetWindowPos();
  ImFont* tf = t.fonts.bold;
  const float title_w = std::min(width * 0.5f, tf->CalcTextSizeA(tf->FontSize, FLT_MAX, 0, title.c_str()).x);
  label_fit(tf, ImVec2(wp.x + x, wp.y + y), colors::text_muted, title, title_w);
  label_fit(t.fonts.large, ImVec2(wp.x + x + title_w + t.px(20), wp.y + y + tf->FontSize - t.fonts.large->FontSize),
            colors::text, value, width - title_w - t.px(20));
  const float by = y + tf->FontSize * 1.4f;
  const float n = static_cast<float>(steps.size());
  const float bw = (width - (n - 1) * g.gap) / n;
  const RepeatKeys keys;  // a week, a week more
  for (std::size_t i = 0; i < steps.size(); ++i)
    option_button(t, steps[i], ImVec2(x + static_cast<float>(i) * (bw + g.gap), by), ImVec2(bw, g.row_h), enabled, out);
  return by - y + g.row_h;
}

void agreements_portrait(const CoachAgreementsView& v, const Theme& t, const Layout& L, float y, Actions& out) {
  const float M = L.margin, W = L.size.x - 2 * M;
  const Grid g{t.px(130), t.px(10), t.px(240)};
  const bool enabled = !v.busy;
  std::vector<Option> start = v.start.steps, end = v.end.steps;
  start.push_back(v.start.clear);
  end.push_back(v.end.clear);
  // The consents at the foot; the fields from the top, spaced evenly over what is between.
  const float consents_h = 2 * g.row_h + g.gap;
  const float consents_y = L.target_bottom() - consents_h;
  const float block_h = t.fonts.bold->FontSize * 1.4f + g.row_h;
  const float grid_h = t.fonts.body->FontSize * 1.3f + 3 * (g.row_h + t.px(6));
  const float spare = consents_y - y - 4 * block_h - grid_h;
  const float space = std::clamp(spare / 5, L.gap, t.px(80));
  y += stepper_block(t, g, M, y, W, v.start.title, v.start.value, start, enabled, out) + space;
  y += stepper_block(t, g, M, y, W, v.end.title, v.end.value, end, enabled, out) + space;
  y += stepper_block(t, g, M, y, W, v.hours_title, v.hours_value, v.hours_steps, enabled, out) + space;
  y += stepper_block(t, g, M, y, W, v.rhythm_title, v.rhythm_value, v.rhythm_steps, enabled, out) + space;
  const float days = static_cast<float>(std::max<std::size_t>(1, v.day_labels.size()));
  week_grid(v, t, g, M, y, out, (W - t.px(185) - (days - 1) * t.px(6)) / days);
  option_button(t, v.show_hours, ImVec2(M, consents_y), ImVec2(W, g.row_h), enabled, out,
                icons::utf8(v.show_hours.active ? "done" : "hours"));
  option_button(t, v.photo, ImVec2(M, consents_y + g.row_h + g.gap), ImVec2(W, g.row_h), enabled, out,
                icons::utf8(v.photo.active ? "done" : "person"));
}

}  // namespace

void draw_coach_agreements(const CoachAgreementsView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const Grid g{t.px(84), t.px(8), t.px(240)};
  const bool enabled = !v.busy;
  ImGui::SetCursorPos(ImVec2(M, M));
  if (back_button(t, v.back_label, enabled)) out.push_back(core::BackTapped{});
  const ImVec2 wp = ImGui::GetWindowPos();
  const float sw = t.px(240);
  // Landscape: the title between Back and Save; portrait: on its own lines under them, whole.
  const bool tall = L.portrait();
  const float title_x = tall ? M : M + t.px(220) + L.gap * 0.5f;
  const float title_w = tall ? L.size.x - 2 * M : L.size.x - 2 * M - sw - t.px(220) - L.gap;
  const float title_top = tall ? M + g.row_h + L.gap : M;
  // The title, and under it the warning about the dates when there is one.
  const float title_y = v.warning.empty() && !tall ? (g.row_h - t.fonts.large->FontSize) * 0.5f : 0.0f;
  label_fit(t.fonts.large, ImVec2(wp.x + title_x, wp.y + title_top + title_y), colors::text, v.title + ": " + v.name,
            title_w);
  if (!v.warning.empty())
    label_fit(t.fonts.bold, ImVec2(wp.x + title_x, wp.y + title_top + t.fonts.large->FontSize * 1.1f),
              colors::check_out, v.warning, title_w);
  ImGui::SetCursorPos(ImVec2(L.size.x - M - sw, M));
  if (big_button(t, {"agreements:save", icons::utf8("done"), &v.save_label, ImVec2(sw, g.row_h), ButtonStyle::CheckIn,
                     v.can_save}))
    out.push_back(core::AgreementsSaveTapped{});
  if (tall)
    return agreements_portrait(v, t, L,
                               title_top + t.fonts.large->FontSize * 1.1f + t.fonts.bold->FontSize * 1.3f + L.gap, out);

  const float W = L.size.x - 2 * M;
  float y = M + g.row_h + L.gap;
  date_row(t, g, M, y, W, v.start, enabled, out);
  y += g.row_h + g.gap;
  date_row(t, g, M, y, W, v.end, enabled, out);
  y += g.row_h + L.gap;
  const float half = (W - L.gap) * 0.5f;
  const Grid narrow{g.row_h, g.gap, t.px(190)};
  stepper_row(t, narrow, M, y, half, v.hours_title, v.hours_value, v.hours_steps, enabled, out);
  stepper_row(t, narrow, M + half + L.gap, y, half, v.rhythm_title, v.rhythm_value, v.rhythm_steps, enabled, out);
  y += g.row_h + L.gap;
  const float grid_w = week_grid(v, t, g, M, y, out);
  // The two consents right of the week, one above the other, as wide as is left.
  const float tx = M + grid_w + L.gap;
  const float tw = L.size.x - M - tx;
  const float ty = y + t.fonts.body->FontSize * 1.3f;
  option_button(t, v.show_hours, ImVec2(tx, ty), ImVec2(tw, g.row_h), enabled, out,
                icons::utf8(v.show_hours.active ? "done" : "hours"));
  option_button(t, v.photo, ImVec2(tx, ty + g.row_h + t.px(6) * 2), ImVec2(tw, g.row_h), enabled, out,
                icons::utf8(v.photo.active ? "done" : "person"));
}

}  // namespace meedoen::ui
