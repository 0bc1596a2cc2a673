// The Reports tab: a month chooser and the scope, the month's key figures per coach, two charts
// (dagdelen present per week, approved hours per month) drawn with ImGui's draw list, and one
// big export button. Thin: reads ui/report_views.hpp, emits actions; every target is >= 64 px.
#include <algorithm>
#include <string>

#include "ui/report_views.hpp"
#include "ui/screens/parts.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/widgets.hpp"

namespace meedoen::ui {

namespace {

// [SECTION] Figures per coach

// The table laid out before it is drawn: each column as wide as its widest cell where the row has
// room, else the names and headings break at blanks into more lines (never inside a word, never
// cut: "Coach: Marloes Kui..." was). A figure is never broken.
struct Cell {
  std::vector<std::string> lines;
  ImFont* font;
};
struct FigureTable {
  std::vector<float> x, w;              // the columns' left edges and widths
  std::vector<std::vector<Cell>> rows;  // the headings first, then a row per coach, the total last
  std::vector<float> h;                 // each row's height
};

std::vector<std::string> lines_of(ImFont* f, const std::string& s, float width) {
  std::vector<std::string> out;
  std::string all = drawn_width(f, s) <= width ? s : break_lines(f, s, width);
  for (std::size_t start = 0;;) {
    const std::size_t end = all.find('\n', start);
    out.push_back(all.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

// Widths between each column's widest word (`least`) and its widest cell (`natural`): all natural
// when they fit, the extra room to the figures; else each breakable column gives up a share of
// what it can give.
std::vector<float> column_widths(const std::vector<float>& natural, const std::vector<float>& least, float room) {
  const std::size_t n = natural.size();
  std::vector<float> w = natural;
  float need = 0, can_give = 0;
  for (std::size_t i = 0; i < n; ++i) {
    need += natural[i];
    can_give += natural[i] - least[i];
  }
  if (need <= room) {
    const float first = std::min(room - need, std::max(0.0f, room * 0.16f - natural[0]));
    w[0] += first;
    for (std::size_t i = 1; i < n; ++i) w[i] += (room - need - first) / static_cast<float>(n - 1);
    return w;
  }
  const float k = can_give > 0 ? std::min(1.0f, (need - room) / can_give) : 0.0f;
  float sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += w[i] = natural[i] - (natural[i] - least[i]) * k;
  // Not even every widest word fits (a screen far narrower than the kiosk's): the cells shrink.
  if (sum > room)
    for (float& c : w) c *= room / sum;
  return w;
}

FigureTable lay_out_table(const ReportsView& v, const Theme& t, float left, float width) {
  FigureTable tb;
  const std::size_t n = v.columns.size();
  if (n == 0) return tb;
  const float gap = t.px(16);
  std::vector<std::vector<std::pair<const std::string*, ImFont*>>> cells{{}};
  for (const std::string& c : v.columns) cells[0].push_back({&c, t.fonts.body});
  for (std::size_t r = 0; r < v.rows.size(); ++r) {
    ImFont* f = v.total_row && r + 1 == v.rows.size() ? t.fonts.bold : t.fonts.body;
    cells.emplace_back();
    for (std::size_t i = 0; i < n && i < v.rows[r].size(); ++i) cells.back().push_back({&v.rows[r][i], f});
  }
  std::vector<float> natural(n, 0.0f), least(n, 0.0f);
  for (std::size_t r = 0; r < cells.size(); ++r)
    for (std::size_t i = 0; i < cells[r].size(); ++i) {
      const auto [s, f] = cells[r][i];
      const float whole = drawn_width(f, *s);
      const bool breaks = r == 0 || i == 0;  // headings and names; figures stay whole
      natural[i] = std::max(natural[i], whole);
      least[i] = std::max(least[i], breaks ? widest_word(f, f->FontSize, *s) : whole);
    }
  tb.w = column_widths(natural, least, width - gap * static_cast<float>(n - 1));
  float x = left;
  for (float w : tb.w) {
    tb.x.push_back(x);
    x += w + gap;
  }
  const float line_h = t.fonts.body->FontSize * 1.2f, pad = t.fonts.body->FontSize * 0.5f;
  for (const auto& row : cells) {
    tb.rows.emplace_back();
    std::size_t most = 1;
    for (std::size_t i = 0; i < row.size(); ++i) {
      tb.rows.back().push_back({lines_of(row[i].second, *row[i].first, tb.w[i]), row[i].second});
      most = std::max(most, tb.rows.back().back().lines.size());
    }
    tb.h.push_back(static_cast<float>(most) * line_h + pad);
  }
  return tb;
}

float table_height(const FigureTable& tb, const Theme& t) {
  float h = t.px(24);
  for (float r : tb.h) h += r;
  return h;
}

void draw_cell(const FigureTable& tb, std::size_t i, float y, float row_h, const Cell& c, ImU32 color) {
  const float line_h = c.font->FontSize * 1.2f;
  float ly = y + (row_h - line_h * static_cast<float>(c.lines.size())) * 0.5f + (line_h - c.font->FontSize) * 0.5f;
  for (const std::string& line : c.lines) {
    // Figures right-aligned under their heading, names left.
    if (i == 0) label_fit(c.font, ImVec2(tb.x[0], ly), color, line, tb.w[0]);
    else {
      const float lw = std::min(drawn_width(c.font, line), tb.w[i]);
      label_fit(c.font, ImVec2(tb.x[i] + tb.w[i] - lw, ly), color, line, tb.w[i]);
    }
    ly += line_h;
  }
}

// The table laid out (lay_out_table, within the panel's padding) in the panel from min to max.
void figures_table(const ReportsView& v, const FigureTable& tb, const Theme& t, ImVec2 min, ImVec2 max) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = t.px(16);
  if (v.columns.empty()) return;
  float y = min.y + pad * 0.5f;
  for (std::size_t i = 0; i < tb.rows[0].size(); ++i) draw_cell(tb, i, y, tb.h[0], tb.rows[0][i], colors::text_muted);
  y += tb.h[0];
  dl->AddLine(ImVec2(min.x + pad, y), ImVec2(max.x - pad, y), colors::panel_border, t.px(2));
  // As many coaches' rows as fit; the total stays, and the rows that do not fit are named by one
  // line in their place (the export has every coach).
  const std::size_t coaches = v.rows.size() - (v.total_row ? 1 : 0);
  const float line_h = t.fonts.body->FontSize * 1.7f;
  const float total_h = v.total_row ? tb.h.back() : 0.0f;
  // Every coach's row when they all fit; else as many as leave room for the line naming the rest.
  float used = y + total_h;
  for (std::size_t r = 0; r < coaches; ++r) used += tb.h[r + 1];
  std::size_t room = coaches;
  if (used > max.y + 0.5f) {
    used = y + total_h + line_h;
    for (room = 0; room < coaches && used + tb.h[room + 1] <= max.y + 0.5f; ++room) used += tb.h[room + 1];
  }
  const std::size_t hidden = coaches - room;
  auto note_hidden = [&] {
    if (hidden == 0 || hidden >= v.more_rows.size() || y + line_h + total_h > max.y + 0.5f) return;
    label_fit(t.fonts.body, ImVec2(tb.x[0], y + (line_h - t.fonts.body->FontSize) * 0.5f), colors::text_muted,
              v.more_rows[hidden], max.x - min.x - 2 * pad);
    y += line_h;
  };
  for (std::size_t r = 0; r < v.rows.size(); ++r) {
    const bool total = v.total_row && r + 1 == v.rows.size();
    if (!total && r >= room) continue;
    const float h = tb.h[r + 1];
    if (total) note_hidden();
    if (total) dl->AddLine(ImVec2(min.x + pad, y), ImVec2(max.x - pad, y), colors::panel_border, t.px(2));
    else if (r % 2 == 1) dl->AddRectFilled(ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + h), colors::background);
    for (std::size_t i = 0; i < tb.rows[r + 1].size(); ++i) draw_cell(tb, i, y, h, tb.rows[r + 1][i], colors::text);
    y += h;
  }
  if (!v.total_row) note_hidden();
}

// [SECTION] Charts

void bar_chart(const Theme& t, ImVec2 min, ImVec2 max, const std::string& title, const std::vector<ChartBar>& bars,
               ImU32 color) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = t.px(16);
  label_fit(t.fonts.bold, ImVec2(min.x + pad, min.y + pad * 0.75f), colors::text, title, max.x - min.x - 2 * pad);
  const float label_h = t.fonts.body->FontSize * 1.3f;
  const float top = min.y + pad + t.fonts.bold->FontSize * 1.3f + label_h;  // room for the values
  const float base = max.y - pad - label_h;
  dl->AddLine(ImVec2(min.x + pad, base), ImVec2(max.x - pad, base), colors::panel_border, t.px(2));
  if (bars.empty() || base <= top) return;
  double most = 0;
  for (const auto& b : bars) most = std::max(most, b.amount);
  const float slot = (max.x - min.x - 2 * pad) / static_cast<float>(bars.size());
  const float bw = std::min(t.px(56), slot * 0.62f);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const float cx = min.x + pad + slot * (static_cast<float>(i) + 0.5f);
    const float h = most > 0 ? static_cast<float>(bars[i].amount / most) * (base - top) : 0;
    dl->AddRectFilled(ImVec2(cx - bw / 2, base - h), ImVec2(cx + bw / 2, base), color, t.px(4),
                      ImDrawFlags_RoundCornersTop);
    const std::string& val = bars[i].value;
    label_at(t.fonts.body, ImVec2(cx - drawn_width(t.fonts.body, val) / 2, base - h - label_h), colors::text, val);
    const std::string lab = fit(t.fonts.body, bars[i].label, slot - t.px(4));
    label_at(t.fonts.body, ImVec2(cx - drawn_width(t.fonts.body, lab) / 2, base + t.px(4)), colors::text_muted, lab);
  }
}

}  // namespace

// [SECTION] The screen

void draw_coach_reports(const CoachNav& nav, const ReportsView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float top = coach_top_bar(nav, t, L, out);
  const ImVec2 wp = ImGui::GetWindowPos();
  const float W = L.size.x - 2 * M;
  const float bh = tap_px(t, 72);
  const float g = t.px(12);

  // Month chooser: previous, the month, next (never beyond this month).
  const float step_w = t.px(190);
  ImGui::SetCursorPos(ImVec2(M, top));
  if (big_button(t, {"reports:prev", icons::utf8("prev"), &v.prev_label, ImVec2(step_w, bh), ButtonStyle::Neutral,
                     v.can_prev && !v.busy}))
    out.push_back(core::ReportsMonthStep{-1});
  const float month_w = t.px(300);
  const float mx = M + step_w + g;
  label_at(t.fonts.large,
           ImVec2(wp.x + mx + (month_w - drawn_width(t.fonts.large, v.month_label)) / 2,
                  wp.y + top + (bh - t.fonts.large->FontSize) / 2 - (v.as_of.empty() ? 0 : t.px(10))),
           colors::text, v.month_label);
  if (!v.as_of.empty())
    label_at(t.fonts.body,
             ImVec2(wp.x + mx + (month_w - drawn_width(t.fonts.body, v.as_of)) / 2, wp.y + top + bh / 2 + t.px(10)),
             colors::text_muted, v.as_of);
  ImGui::SetCursorPos(ImVec2(mx + month_w + g, top));
  if (big_button(t, {"reports:next", icons::utf8("next"), &v.next_label, ImVec2(step_w, bh), ButtonStyle::Neutral,
                     v.can_next && !v.busy}))
    out.push_back(core::ReportsMonthStep{1});

  // Scope: the whole centre or the coach's own participants.
  const float scope_w = std::min(t.px(260), (W - (mx + month_w + g + step_w - M) - 3 * g) / 2);
  ImGui::SetCursorPos(ImVec2(L.size.x - M - 2 * scope_w - g, top));
  if (big_button(t, {"reports:centre", nullptr, &v.scope_centre, ImVec2(scope_w, bh),
                     v.mine ? ButtonStyle::Neutral : ButtonStyle::Primary, !v.busy}) &&
      v.mine)
    out.push_back(core::ReportsScopeTapped{false});
  ImGui::SetCursorPos(ImVec2(L.size.x - M - scope_w, top));
  if (big_button(t, {"reports:mine", nullptr, &v.scope_mine, ImVec2(scope_w, bh),
                     v.mine ? ButtonStyle::Primary : ButtonStyle::Neutral, !v.busy}) &&
      !v.mine)
    out.push_back(core::ReportsScopeTapped{true});

  // The export row at the foot, then the figures and charts share what is between. Portrait:
  // the export's result on its own lines above a full-width button, the charts one above the other.
  const bool tall = L.portrait();
  const float export_h = t.px(84);
  ImFont* f = t.fonts.body;
  const float lh = f->FontSize * (tall ? 1.25f : 1.15f);
  const float lines = v.result.empty() ? 0 : 1 + static_cast<float>(v.result_files.size());
  // Landscape: the result beside the button, into half the margin below it at most; the row rises
  // by what is left (the folder and three files ran off the screen's edge). Little enough that the
  // table keeps every coach's row and the charts their height.
  const float export_y = L.size.y - M - export_h - (tall ? 0 : std::max(0.0f, lines * lh - export_h - M * 0.5f));
  const float result_h = tall && lines > 0 ? lines * lh + L.gap * 0.5f : 0;
  const float y0 = top + bh + L.gap * 0.75f;
  if (!v.loaded) {
    ImGui::SetCursorPos(ImVec2(M, y0));
    text(t.fonts.bold, colors::text_muted, v.loading);
  } else {
    const float avail = export_y - result_h - L.gap * 0.75f - y0;
    // The charts keep at least their readable height; the table takes the rest it needs.
    const float charts_min = t.px(tall ? 2 * 260 : 190);
    const FigureTable table = lay_out_table(v, t, wp.x + M + t.px(16), W - 2 * t.px(16));
    const float needed = table_height(table, t);
    const float table_h = std::min(needed, std::max(avail * 0.4f, avail - charts_min));
    const ImVec2 tmin(wp.x + M, wp.y + y0), tmax(wp.x + M + W, wp.y + y0 + table_h);
    panel(tmin, tmax, t);
    figures_table(v, table, t, tmin, tmax);
    const float cy = y0 + table_h + L.gap * 0.6f;
    const Split c = split(L, ImVec2(M, cy), ImVec2(W, export_y - result_h - L.gap * 0.75f - cy), 0.5f, 0.5f);
    const ImVec2 amin(wp.x + c.a_pos.x, wp.y + c.a_pos.y), amax(amin.x + c.a_size.x, amin.y + c.a_size.y);
    panel(amin, amax, t);
    bar_chart(t, amin, amax, v.weeks_title, v.weeks, colors::check_in);
    const ImVec2 hmin(wp.x + c.b_pos.x, wp.y + c.b_pos.y), hmax(hmin.x + c.b_size.x, hmin.y + c.b_size.y);
    panel(hmin, hmax, t);
    bar_chart(t, hmin, hmax, v.hours_title, v.hours, colors::primary);
  }

  const float ew = tall ? W : std::min(t.px(440), W * 0.4f);
  ImGui::SetCursorPos(ImVec2(M, export_y));
  if (big_button(t, {"reports:export", icons::utf8("done"), &v.export_label, ImVec2(ew, export_h), ButtonStyle::Primary,
                     v.loaded && !v.busy}))
    out.push_back(core::ReportsExportTapped{});
  if (!v.result.empty()) {
    const float rx = tall ? M : M + ew + L.gap;
    const float rw = L.size.x - M - rx;
    float y = tall ? export_y - result_h : export_y + std::max(0.0f, (export_h - lines * lh) / 2);
    label_fit(f, ImVec2(wp.x + rx, wp.y + y), v.result_error ? colors::check_out : colors::text, v.result, rw);
    for (const auto& file : v.result_files) {
      y += lh;
      label_fit(t.fonts.bold, ImVec2(wp.x + rx, wp.y + y), colors::check_in, file, rw);
    }
  }
}

}  // namespace meedoen::ui
