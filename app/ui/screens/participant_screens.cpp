// Screens after identification: home with its tiles, activities and sign-up, reporting an
// absence, volunteer hours, progress, the check-out question, and the photo grid before it.
// Pictograms carry the meaning, text supports them; every target is >= 64 px; lists scroll by
// dragging (ui/widgets/scroll.hpp) and have arrow buttons for those who do not drag.

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/bidi/shown.hpp"
#include "ui/screens/parts.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/scroll.hpp"
#include "ui/widgets/widgets.hpp"

namespace meedoen::ui {

namespace {

// [SECTION] Helpers

ImVec2 screen_pos(float x, float y) {
  const ImVec2 wp = ImGui::GetWindowPos();
  return ImVec2(wp.x + x, wp.y + y);
}

void icon_at(ImFont* f, ImVec2 pos, ImU32 color, const std::string& key) {
  ImGui::GetWindowDrawList()->AddText(f, f->FontSize, pos, color, icons::utf8(key));
}

// A row of day buttons (activities: the week ahead; hours: the days back).
void day_row(const Theme& t, const std::vector<DayChoice>& days, float x, float y, float width, Actions& out,
             bool back_in_time, float height = 0) {
  const float g = t.px(12);
  const float n = static_cast<float>(std::max<std::size_t>(1, days.size()));
  const float w = (width - g * (n - 1)) / n;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const auto& d = days[i];
    ImGui::SetCursorPos(ImVec2(x + static_cast<float>(i) * (w + g), y));
    const std::string id = "day:" + std::to_string(d.day);
    if (big_button(t, {id.c_str(), nullptr, &d.label, ImVec2(w, height > 0 ? height : t.px(84)),
                       d.active ? ButtonStyle::Selected : ButtonStyle::Neutral})) {
      if (back_in_time) out.push_back(core::HoursDayTapped{d.day});
      else out.push_back(core::DayTapped{d.day});
    }
  }
}

// The days of the hours screen, newest first: one column while each button keeps 64 px, else
// two columns with short labels ("za 28").
void hours_days(const HoursView& v, const Theme& t, ImVec2 pos, ImVec2 room, Actions& out) {
  const float g = t.px(10);
  const float min_h = 64.0f;
  const auto n = static_cast<int>(v.days.size());
  const int cols = n * (min_h + g) - g <= room.y ? 1 : 2;
  const int rows = (n + cols - 1) / cols;
  const float w = (room.x - (cols - 1) * g) / cols;
  const float h = std::clamp((room.y - (rows - 1) * g) / std::max(1, rows), min_h, t.px(84));
  for (int i = 0; i < n; ++i) {
    const auto& d = v.days[static_cast<std::size_t>(i)];
    ImGui::SetCursorPos(
        ImVec2(pos.x + static_cast<float>(i / rows) * (w + g), pos.y + static_cast<float>(i % rows) * (h + g)));
    const std::string id = "hday:" + d.key;
    // Whole names where the buttons are wide enough for them (two columns in portrait).
    if (big_button(t, {id.c_str(), nullptr, cols == 1 || w >= t.px(300) ? &d.label : &d.short_label, ImVec2(w, h),
                       d.active ? ButtonStyle::Selected : ButtonStyle::Neutral, !v.busy}))
      out.push_back(core::HoursDayTapped{std::stoi(d.key)});
  }
}

}  // namespace

// [SECTION] Home

namespace {

// "My week": the participant's sign-ups, waiting-list places, talks and absences, in a panel
// from y0 to y1 (window coordinates) that scrolls by dragging.
void my_week(const HomeView& v, const Theme& t, float x, float width, float y0, float y1) {
  const ImVec2 pmin = screen_pos(x, y0), pmax = screen_pos(x + width, y1);
  panel(pmin, pmax, t);
  const float pad = t.px(20);
  label_at(t.fonts.bold, ImVec2(pmin.x + pad, pmin.y + pad), colors::text,
           std::string(icons::utf8("activities")) + "  " + v.agenda_title);
  const float list_top = y0 + pad + t.fonts.bold->FontSize + t.px(10);
  if (v.agenda.empty()) {
    label_at(t.fonts.body, screen_pos(x + pad, list_top), colors::text_muted, v.agenda_empty, width - 2 * pad);
    return;
  }
  // A fade at the bottom edge shows there is more; the arrows scroll to it.
  ImGui::SetCursorPos(ImVec2(x + pad * 0.5f, list_top));
  const ScrollRegion r =
      begin_drag_scroll(t, {"my-week", ImVec2(width - pad, y1 - pad * 0.5f - list_top), colors::panel});
  const float line_h = t.fonts.body->FontSize * 1.25f;
  const float text_w = r.list_width - pad * 0.5f - t.px(44);
  float y = 0;
  const float leading = line_h - t.fonts.body->FontSize;
  for (const auto& a : v.agenda) {
    // A line that wraps (a long absence: its days, then "Afgemeld") pushes its note down.
    const std::string line = a.when + "   " + a.title;
    const float first_h = label_height(t.fonts.body, line, text_w) + leading;
    const float h = first_h + (a.note.empty() ? 0.0f : label_height(t.fonts.body, a.note, text_w) + leading);
    ImGui::SetCursorPos(ImVec2(0, y));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (a.highlight)
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y - t.px(2)), ImVec2(p.x + r.list_width, p.y + h),
                                                colors::good_bg, t.px(8));
    icon_at(t.fonts.bold, ImVec2(p.x + pad * 0.5f, p.y), colors::primary, a.icon);
    label_at(t.fonts.body, ImVec2(p.x + pad * 0.5f + t.px(44), p.y), colors::text, line, text_w);
    if (!a.note.empty())
      label_at(t.fonts.body, ImVec2(p.x + pad * 0.5f + t.px(44), p.y + first_h),
               a.highlight ? colors::check_in : colors::text_muted, a.note, text_w);
    y += h + t.px(6);
  }
  ImGui::SetCursorPos(ImVec2(0, y));
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

// The four tiles, two by two, from (x, y); returns the height they took.
float home_tiles(const HomeView& v, const Theme& t, const Layout& L, float x, float y, float width, float tile_h,
                 Actions& out) {
  const int cols = 2;
  const float tile_w = (width - L.gap) / cols;
  for (std::size_t i = 0; i < v.tiles.size(); ++i) {
    const auto& tile = v.tiles[i];
    ImGui::SetCursorPos(ImVec2(x + static_cast<float>(i % cols) * (tile_w + L.gap),
                               y + static_cast<float>(i / cols) * (tile_h + L.gap)));
    if (big_button(t, {tile.id.c_str(), icons::utf8(tile.icon), &tile.label, ImVec2(tile_w, tile_h),
                       ButtonStyle::Primary, !v.busy, true}))
      out.push_back(core::OpenTapped{tile.screen});
  }
  return static_cast<float>((v.tiles.size() + cols - 1) / cols) * (tile_h + L.gap);
}

// The one big button and the status line under it; returns the y under the status.
float check_button(const HomeView& v, const Theme& t, float x, float y, ImVec2 size, Actions& out) {
  ImGui::SetCursorPos(ImVec2(x, y));
  if (big_button(t, {"check", icons::utf8(v.checked_in ? "check_out" : "check_in"), &v.action_label, size,
                     v.checked_in ? ButtonStyle::CheckOut : ButtonStyle::CheckIn, !v.busy, true, t.fonts.huge})) {
    if (v.checked_in) out.push_back(core::CheckOutTapped{});
    else out.push_back(core::CheckInTapped{});
  }
  ImGui::SetCursorPos(ImVec2(x, y + size.y + t.px(12)));
  text(t.fonts.bold, colors::text, std::string(icons::utf8("schedule")) + "  " + v.status, size.x);
  return ImGui::GetCursorPosY();
}

// Portrait: my week and today's programme above, the big button and the tiles below, within
// reach; the tiles end above the coach's lock.
void home_portrait(const HomeView& v, const Theme& t, const Layout& L, float top, Actions& out) {
  const float M = L.margin;
  const float W = L.size.x - 2 * M;
  const float button_h = t.px(380);
  const float tile_h = t.px(240);
  // From the foot up: the tiles end above the lock; the status line and the button over them.
  const float tiles_y = L.target_bottom() - (2 * tile_h + L.gap);
  const float status_h = t.fonts.bold->CalcTextSizeA(t.fonts.bold->FontSize, FLT_MAX, W, v.status.c_str()).y +
                         ImGui::GetStyle().ItemSpacing.y;
  const float lower_y = tiles_y - t.px(12) - status_h - t.px(12) - button_h;
  const float info_h = (lower_y - L.gap - top - L.gap) * 0.5f;
  my_week(v, t, M, W, top, top + info_h);
  today_panel(t, screen_pos(M, top + info_h + L.gap), screen_pos(M + W, lower_y - L.gap), v.today_title, v.today,
              v.no_activities);
  check_button(v, t, M, lower_y, ImVec2(W, button_h), out);
  home_tiles(v, t, L, M, tiles_y, W, tile_h, out);
}

}  // namespace

// [SECTION] Home

void draw_home(const HomeView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  ImGui::SetCursorPos(ImVec2(M, M + t.px(8)));
  text(t.fonts.large, colors::text, std::string(icons::utf8("still_here")) + "  " + v.greeting);
  ImGui::SetCursorPos(ImVec2(L.size.x - M - t.px(220), M));
  if (big_button(
          t, {"done", icons::utf8("done"), &v.done_label, ImVec2(t.px(220), t.px(84)), ButtonStyle::Neutral, !v.busy}))
    out.push_back(core::DoneTapped{});
  // The language: a screen of its own, so that no tap here turns into another language in place.
  ImGui::SetCursorPos(ImVec2(L.size.x - M - 2 * t.px(220) - 2 * L.gap - speaker_side(t), M));
  if (big_button(t, {"open:language", icons::utf8("globe"), &v.language_label, ImVec2(t.px(220), t.px(84)),
                     ButtonStyle::Neutral, !v.busy}))
    out.push_back(core::OpenTapped{core::Screen::Language});

  const float top = M + t.px(84) + L.gap;
  if (L.portrait()) return home_portrait(v, t, L, top, out);
  const float col_w = (L.size.x - 2 * M - L.gap) * 0.5f;
  const float bottom = L.size.y - M;
  const float avail = bottom - top;

  // Left: the one big button, the status, and my week.
  const float button_h = std::clamp(avail * 0.42f, t.px(150), t.px(380));
  const float week_top = check_button(v, t, M, top, ImVec2(col_w, button_h), out) + t.px(12);
  my_week(v, t, M, col_w, week_top, bottom);

  // Right: the tiles, then today's programme.
  const float rx = M + col_w + L.gap;
  const float tile_h = std::clamp(avail * 0.24f, t.px(110), t.px(200));
  const float today_top = top + home_tiles(v, t, L, rx, top, col_w, tile_h, out);
  today_panel(t, screen_pos(rx, today_top), screen_pos(rx + col_w, bottom), v.today_title, v.today, v.no_activities,
              screen_pos(0, L.target_bottom() - t.px(8)).y);
}

// [SECTION] The participant's language

void draw_language(const LanguageView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float y = title_row(t, L, v.back_label, v.title, out, !v.busy);
  // Landscape: two columns of big buttons, each language in its own name and script. Portrait:
  // one column across the width, each button as tall as the height allows (up to 420 px at scale
  // 1) in the large font, the column low and above the coach's lock, within everyone's reach.
  const bool tall = L.portrait();
  const std::size_t cols = tall ? 1 : 2;
  const float n = static_cast<float>(v.languages.size());
  const float rows = std::ceil(n / static_cast<float>(cols));
  const float w = (L.size.x - 2 * M - static_cast<float>(cols - 1) * L.gap) / static_cast<float>(cols);
  const float h =
      tall ? std::clamp((L.target_bottom() - y - (rows - 1) * L.gap) / std::max(1.0f, rows), 64.0f, t.px(420))
           : t.px(96);
  const float y0 = tall ? L.target_bottom() - rows * h - (rows - 1) * L.gap : y;
  for (std::size_t i = 0; i < v.languages.size(); ++i) {
    const auto& lang = v.languages[i];
    ImGui::SetCursorPos(
        ImVec2(M + static_cast<float>(i % cols) * (w + L.gap), y0 + static_cast<float>(i / cols) * (h + L.gap)));
    const std::string id = "lang:" + lang.code;
    if (big_button(t, {id.c_str(), lang.active ? icons::utf8("confirmed") : nullptr, &lang.label, ImVec2(w, h),
                       lang.active ? ButtonStyle::Selected : ButtonStyle::Neutral, !v.busy, false,
                       tall ? t.fonts.large : nullptr}))
      out.push_back(core::LanguageTapped{lang.code});
  }
}

// [SECTION] Activities and sign-up

namespace {

float activity_action_width(const Theme& t, float w, bool tall) {
  return tall ? w - 2 * t.px(20) : std::min(t.px(300), w * 0.3f);
}

// Where a row's lines start, from its left edge, and how wide they may run.
float activity_text_x(const Theme& t) { return 2 * t.px(20) + t.fonts.icon->FontSize; }
float activity_text_width(const Theme& t, float w, bool tall) {
  const float pad = t.px(20);
  return w - activity_text_x(t) - pad - (tall ? 0.0f : activity_action_width(t, w, tall) + pad);
}

// A title that wraps makes its row taller by its extra lines, so that it never runs into the
// lines under it ("Fietsen repareren in de werkplaats ..." over "Huiskamer").
float activity_title_extra(const Theme& t, const ActivitiesView::Row& row, float w, bool tall) {
  ImFont* head = tall ? t.fonts.large : t.fonts.bold;
  const float text_w = activity_text_width(t, w, tall);
  return std::max(0.0f,
                  label_height(head, row.time + "   " + row.title, text_w) - label_height(head, row.time, text_w));
}

// One activity in the list at (0, ry) of the scroll region: pictogram, time and title, where,
// places; the action at the right (landscape) or across the row under the text (portrait).
// title_extra: what a wrapped title adds (activity_title_extra), included in row_h.
void activity_row(const ActivitiesView& v, const ActivitiesView::Row& row, const Theme& t, float w, float ry,
                  float row_h, float title_extra, bool tall, Actions& out) {
  ImGui::SetCursorPos(ImVec2(0, ry));
  const ImVec2 rmin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(rmin, ImVec2(rmin.x + w, rmin.y + row_h), row.mine ? colors::highlight : colors::panel, t.px(16));
  dl->AddRect(rmin, ImVec2(rmin.x + w, rmin.y + row_h), row.mine ? colors::primary : colors::panel_border, t.px(16), 0,
              t.px(row.mine ? 3 : 2));
  record_row(rmin, ImVec2(rmin.x + w, rmin.y + row_h));
  const float pad = t.px(20);
  const float action_w = activity_action_width(t, w, tall);
  const float action_h = t.px(tall ? 110 : 92);
  const float text_h = tall ? row_h - action_h - 2 * pad : row_h;
  icon_at(t.fonts.icon, ImVec2(rmin.x + pad, rmin.y + (text_h - t.fonts.icon->FontSize) * 0.5f), colors::primary,
          row.icon);
  const float tx = rmin.x + activity_text_x(t);
  const float text_w = activity_text_width(t, w, tall);
  // Portrait: the lines a size larger, read from further away on a panel this tall.
  ImFont* head = tall ? t.fonts.large : t.fonts.bold;
  ImFont* line = tall ? t.fonts.bold : t.fonts.body;
  label_at(head, ImVec2(tx, rmin.y + pad * 0.6f), colors::text, row.time + "   " + row.title, text_w);
  const float below = rmin.y + pad * 0.6f + head->FontSize * 1.3f + title_extra;
  label_at(line, ImVec2(tx, below), colors::text_muted, row.where, text_w);
  const std::string status = row.status.empty() ? row.places : row.status + "   " + row.places;
  label_at(line, ImVec2(tx, below + line->FontSize * 1.3f), row.mine ? colors::check_in : colors::text, status, text_w);

  if (tall) ImGui::SetCursorPos(ImVec2(pad, ry + row_h - pad - action_h));
  else ImGui::SetCursorPos(ImVec2(w - action_w - pad * 0.5f, ry + (row_h - action_h) * 0.5f));
  using A = ActivitiesView::Action;
  const std::string id = "act:" + row.activity_id;
  const bool enabled = row.action != A::None && !v.busy && !row.settling;
  const char* icon = row.action == A::SignUp            ? "signed_up"
                     : row.action == A::JoinWaitingList ? "waiting"
                     : row.action == A::None            ? "schedule"
                                                        : "cancel";
  const ButtonStyle style = row.action == A::SignUp            ? ButtonStyle::CheckIn
                            : row.action == A::JoinWaitingList ? ButtonStyle::Primary
                                                               : ButtonStyle::Neutral;
  if (big_button(t, {id.c_str(), icons::utf8(icon), &row.action_label, ImVec2(action_w, action_h), style, enabled})) {
    if (row.action == A::SignUp || row.action == A::JoinWaitingList) out.push_back(core::SignUpTapped{row.activity_id});
    else out.push_back(core::CancelSignUpTapped{row.activity_id});
  }
}

// Portrait: the week's days in two rows of larger buttons (four, then three), low and above the
// coach's lock; returns their top.
float activity_days_portrait(const ActivitiesView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin, g = t.px(12), h = t.px(110);
  const std::size_t per_row = (v.days.size() + 1) / 2;
  const float top = L.target_bottom() - 2 * h - g;
  const std::vector<DayChoice> first(v.days.begin(), v.days.begin() + static_cast<std::ptrdiff_t>(per_row));
  const std::vector<DayChoice> second(v.days.begin() + static_cast<std::ptrdiff_t>(per_row), v.days.end());
  const float W = L.size.x - 2 * M;
  day_row(t, first, M, top, W, out, false, h);
  // The second row's buttons as wide as the first's, from the left.
  const float w = (W - g * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  day_row(t, second, M, top + h + g, w * static_cast<float>(second.size()) + g * static_cast<float>(second.size() - 1),
          out, false, h);
  return top;
}

}  // namespace

void draw_activities(const ActivitiesView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  float y = title_row(t, L, v.back_label, v.title, out, !v.busy);
  // Landscape: the days in a row under the title, the list below. Portrait: the list from the
  // title down, taller rows with the action across each, the days at the foot within reach.
  const bool tall = L.portrait() && v.days.size() > 1;
  float bottom = L.size.y - M;
  if (tall) bottom = activity_days_portrait(v, t, L, out) - L.gap;
  else {
    day_row(t, v.days, M, y, L.size.x - 2 * M, out, false);
    y += t.px(84) + L.gap;
  }
  const float row_h = t.px(tall ? 300 : 128);
  // Each row's height: a title that wraps adds its extra lines. Whether the rows reach under a
  // notice is judged at the list's full width; the rows are drawn at the width its arrows leave.
  const float list_w = L.size.x - 2 * M;
  float rows_h = 0;
  for (const ActivitiesView::Row& row : v.rows) rows_h += row_h + activity_title_extra(t, row, list_w, tall) + t.px(12);
  // A notice ("Je staat op de wachtlijst") has a place of its own under the rows: where they would
  // reach under it, the list ends higher while it shows (over a row it read as part of that activity).
  if (y + rows_h > bottom - L.notice_across) bottom -= L.notice_across;

  ImGui::SetCursorPos(ImVec2(M, y));
  if (v.rows.empty()) {
    text(t.fonts.bold, colors::text_muted, v.empty_text);
    return;
  }
  const ScrollRegion r = begin_drag_scroll(t, {"activities", ImVec2(list_w, bottom - y)});
  float ry = 0;
  for (const ActivitiesView::Row& row : v.rows) {
    const float extra = activity_title_extra(t, row, r.list_width, tall);
    activity_row(v, row, t, r.list_width, ry, row_h + extra, extra, tall, out);
    ry += row_h + extra + t.px(12);
  }
  ImGui::SetCursorPos(ImVec2(0, ry));
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

// [SECTION] Report an absence

namespace {

// "When?": the days to come, each a day button and its three dagdelen.
void absence_days(const AbsenceView& v, const Theme& t, ImVec2 pos, ImVec2 size, Actions& out) {
  ImGui::SetCursorPos(pos);
  section_title(t, std::string(icons::utf8("absence")) + "  " + v.when_title, size.x);
  const float list_y = ImGui::GetCursorPosY() + t.px(8);
  ImGui::SetCursorPos(ImVec2(pos.x, list_y));
  const ScrollRegion r = begin_drag_scroll(t, {"absence-days", ImVec2(size.x, pos.y + size.y - list_y)});
  const float g = t.px(10);
  const float day_w = r.list_width * 0.25f;
  const float part_w = (r.list_width - day_w - 3 * g) / 3;
  const float row_h = t.px(84);  // the smallest target size: 64 px at the smallest scale
  for (std::size_t i = 0; i < v.days.size(); ++i) {
    const auto& d = v.days[i];
    const float ry = static_cast<float>(i) * (row_h + g);
    ImGui::SetCursorPos(ImVec2(0, ry));
    const std::string did = "absday:" + std::to_string(d.day);
    if (big_button(t, {did.c_str(), nullptr, &d.label, ImVec2(day_w, row_h), ButtonStyle::Neutral, !v.busy}))
      out.push_back(core::DayToggled{d.day});
    for (const auto& p : d.parts) {
      // Columns stay aligned per dagdeel, also on today's row where the morning may be over.
      ImGui::SetCursorPos(ImVec2(day_w + g + static_cast<float>(static_cast<int>(p.part.dagdeel)) * (part_w + g), ry));
      const std::string pid = "part:" + std::to_string(d.day) + ":" + core::dagdeel_key(p.part.dagdeel);
      const ImVec2 bpos = ImGui::GetCursorScreenPos();
      if (big_button(t, {pid.c_str(), nullptr, &p.label, ImVec2(part_w, row_h),
                         p.chosen ? ButtonStyle::Selected : ButtonStyle::Neutral, !v.busy}))
        out.push_back(core::PartToggled{p.part});
      // Already reported: a blue outline and a dot in the corner, clear of the label; tapping
      // again reports anew (with another reason, say).
      if (p.reported) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRect(ImVec2(bpos.x + t.px(3), bpos.y + t.px(3)),
                    ImVec2(bpos.x + part_w - t.px(3), bpos.y + row_h - t.px(3)), colors::primary, t.px(16), 0, t.px(3));
        dl->AddCircleFilled(ImVec2(bpos.x + part_w - t.px(14), bpos.y + t.px(14)), t.px(6), colors::primary);
      }
    }
  }
  ImGui::SetCursorPos(ImVec2(0, static_cast<float>(v.days.size()) * (row_h + g)));
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

// "Why?": what is chosen, then a button per reason, from y down to `bottom`; `cols` 0: one
// column where 64 px reasons fit, else two.
void absence_reasons(const AbsenceView& v, const Theme& t, float x, float y, float width, float bottom, int cols,
                     Actions& out) {
  const float g = t.px(10);
  ImGui::SetCursorPos(ImVec2(x, y));
  section_title(t, v.why_title, width);
  ImGui::SetCursorPosX(x);
  text(t.fonts.body, v.can_send ? colors::check_in : colors::text_muted, v.chosen_text, width);
  const float ry0 = ImGui::GetCursorPosY() + t.px(8);
  const std::size_t count = v.reasons.size();
  if (cols == 0) cols = (bottom - ry0 - static_cast<float>(count - 1) * g) / static_cast<float>(count) < 64.0f ? 2 : 1;
  const float n = std::ceil(static_cast<float>(count) / static_cast<float>(cols));
  const float rh = std::clamp((bottom - ry0 - (n - 1) * g) / n, 64.0f, t.px(110));
  const float rw = (width - static_cast<float>(cols - 1) * g) / static_cast<float>(cols);
  for (std::size_t i = 0; i < v.reasons.size(); ++i) {
    const auto& reason = v.reasons[i];
    const float col = static_cast<float>(i % static_cast<std::size_t>(cols));
    const float row = static_cast<float>(i / static_cast<std::size_t>(cols));
    ImGui::SetCursorPos(ImVec2(x + col * (rw + g), ry0 + row * (rh + g)));
    const std::string id = std::string("reason:") + core::reason_key(reason.reason);
    if (big_button(t, {id.c_str(), icons::utf8(reason.icon), &reason.label, ImVec2(rw, rh), ButtonStyle::Primary,
                       v.can_send && !v.busy}))
      out.push_back(core::ReasonTapped{reason.reason});
  }
}

}  // namespace

// [SECTION] Report an absence

void draw_absence(const AbsenceView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float y = title_row(t, L, v.back_label, v.title, out, !v.busy);
  // The last reason ("Iets anders") ends above the coach's lock, which would win its tap.
  const float bottom = std::min(L.size.y - M, L.size.y - L.corner);
  const float W = L.size.x - 2 * M;
  if (L.portrait()) {
    // The days above, the reasons below in two columns of 110 px buttons, within reach.
    const float rows = std::ceil(static_cast<float>(v.reasons.size()) / 2);
    const float chosen_h = t.fonts.body->CalcTextSizeA(t.fonts.body->FontSize, FLT_MAX, W, v.chosen_text.c_str()).y;
    const float reasons_h =
        t.fonts.bold->FontSize * 1.3f + chosen_h + t.px(8) + rows * t.px(110) + (rows - 1) * t.px(10);
    const float ry = bottom - reasons_h;
    absence_days(v, t, ImVec2(M, y), ImVec2(W, ry - L.gap - y), out);
    absence_reasons(v, t, M, ry, W, bottom, 2, out);
    return;
  }
  const float left_w = (W - L.gap) * 0.64f;
  absence_days(v, t, ImVec2(M, y), ImVec2(left_w, L.size.y - M - y), out);
  // Where one column of 64 px reasons does not fit above the lock (1024x600), they take two.
  const float right_x = M + left_w + L.gap;
  absence_reasons(v, t, right_x, y, L.size.x - M - right_x, bottom, 0, out);
}

// [SECTION] Volunteer hours

namespace {

// "Where?": the places, a list that scrolls, in [x, x + width] from y down to `bottom`.
void hours_places(const HoursView& v, const Theme& t, float x, float y, float width, float bottom, Actions& out) {
  const float g = t.px(10);
  ImGui::SetCursorPos(ImVec2(x, y));
  section_title(t, std::string(icons::utf8("place")) + "  " + v.place_title, width);
  const float list_y = ImGui::GetCursorPosY() + t.px(8);
  ImGui::SetCursorPos(ImVec2(x, list_y));
  if (v.places.empty()) {
    text(t.fonts.body, colors::text_muted, v.no_places, width);
    return;
  }
  const ScrollRegion r = begin_drag_scroll(t, {"places", ImVec2(width, bottom - list_y)});
  for (std::size_t i = 0; i < v.places.size(); ++i) {
    const auto& p = v.places[i];
    ImGui::SetCursorPos(ImVec2(0, static_cast<float>(i) * (t.px(84) + g)));
    const std::string id = "place:" + std::to_string(i);
    if (big_button(t, {id.c_str(), nullptr, &p.label, ImVec2(r.list_width, t.px(84)),
                       p.active ? ButtonStyle::Selected : ButtonStyle::Neutral, !v.busy}))
      out.push_back(core::PlaceTapped{p.key});
  }
  ImGui::SetCursorPos(ImVec2(0, static_cast<float>(v.places.size()) * (t.px(84) + g)));
  ImGui::Dummy(ImVec2(1, 1));
  end_drag_scroll(t, r);
}

// "How long?": big minus and plus around the amount, the quick choices, save; then the totals
// and the latest entries down to `bottom`.
void hours_amount(const HoursView& v, const Theme& t, const Layout& L, float x, float y, float width, float bottom,
                  Actions& out) {
  const float g = t.px(10);
  ImGui::SetCursorPos(ImVec2(x, y));
  section_title(t, std::string(icons::utf8("schedule")) + "  " + v.amount_title, width);
  const float sy = ImGui::GetCursorPosY() + t.px(8);
  const float bw = t.px(110);
  {
    const RepeatKeys keys;  // six taps for 2:30: each one counts
    ImGui::SetCursorPos(ImVec2(x, sy));
    if (big_button(
            t, {"minus", icons::utf8("minus"), nullptr, ImVec2(bw, bw), ButtonStyle::Neutral, v.can_less && !v.busy}))
      out.push_back(core::MinutesStep{-core::kHoursStepMinutes});
    ImGui::SetCursorPos(ImVec2(x + width - bw, sy));
    if (big_button(t,
                   {"plus", icons::utf8("plus"), nullptr, ImVec2(bw, bw), ButtonStyle::Neutral, v.can_more && !v.busy}))
      out.push_back(core::MinutesStep{core::kHoursStepMinutes});
  }
  const ImVec2 as = t.fonts.large->CalcTextSizeA(t.fonts.large->FontSize, FLT_MAX, 0, v.amount.c_str());
  label_at(t.fonts.large, screen_pos(x + (width - as.x) * 0.5f, sy + (bw - as.y) * 0.5f), colors::text, v.amount);
  // Quick choices: a whole number of hours in one tap; - and + for the quarters.
  const float qy = sy + bw + g;
  const float qh = std::max(64.0f, t.px(84));
  const float qw = (width - 3 * g) / 4;
  for (std::size_t i = 0; i < v.quick.size(); ++i) {
    const auto& q = v.quick[i];
    ImGui::SetCursorPos(ImVec2(x + static_cast<float>(i) * (qw + g), qy));
    const std::string id = "hquick:" + q.key;
    if (big_button(t, {id.c_str(), nullptr, &q.label, ImVec2(qw, qh),
                       q.active ? ButtonStyle::Selected : ButtonStyle::Neutral, !v.busy}))
      out.push_back(core::MinutesChosen{std::stoi(q.key)});
  }
  const float save_y = qy + qh + L.gap;
  ImGui::SetCursorPos(ImVec2(x, save_y));
  if (big_button(
          t, {"save", icons::utf8("done"), &v.save_label, ImVec2(width, t.px(100)), ButtonStyle::CheckIn, v.can_save}))
    out.push_back(core::SaveHoursTapped{});
  ImGui::SetCursorPos(ImVec2(x, save_y + t.px(100) + L.gap));
  text(t.fonts.bold, colors::text, v.week_total, width);
  ImGui::SetCursorPosX(x);
  text(t.fonts.body, colors::text_muted, v.month_total, width);
  if (!v.agreed.empty()) {
    ImGui::SetCursorPosX(x);
    text(t.fonts.body, colors::text_muted, v.agreed, width);
  }
  float ey = ImGui::GetCursorPosY() + t.px(8);
  const float line_h = t.fonts.body->FontSize * 1.3f;
  for (const auto& e : v.entries) {
    // One line, a little smaller where the column is narrow ("..., Buurthuis De Schakel" at
    // 1280x800 and 1920x1080 wrapped, and its status ran over the second line); wrapped only where
    // even 75 % does not fit, the status then under both lines.
    const std::string what = e.when + ": " + e.amount + ", " + e.place;
    const float natural = t.fonts.body->CalcTextSizeA(t.fonts.body->FontSize, FLT_MAX, 0, what.c_str()).x;
    const bool one_line = natural * 0.75f <= width;
    const float what_h =
        one_line ? line_h : t.fonts.body->CalcTextSizeA(t.fonts.body->FontSize, FLT_MAX, width, what.c_str()).y;
    if (ey + what_h + line_h > bottom) break;
    if (one_line) label_fit(t.fonts.body, screen_pos(x, ey), colors::text, what, width);
    else label_at(t.fonts.body, screen_pos(x, ey), colors::text, what, width);
    label_at(t.fonts.body, screen_pos(x + t.px(24), ey + what_h), e.approved ? colors::check_in : colors::text_muted,
             std::string(icons::utf8(e.approved ? "done" : "waiting")) + " " + e.status, width - t.px(24));
    ey += what_h + line_h + t.px(4);
  }
}

}  // namespace

// [SECTION] Volunteer hours

void draw_hours(const HoursView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float y = title_row(t, L, v.back_label, v.title, out, !v.busy);
  const float bottom = L.size.y - M;
  // Landscape: where, when and how long side by side; portrait: the same three one above the
  // other, full width, with the days in two columns of whole names.
  const bool tall = L.portrait();
  const float col_w = tall ? L.size.x - 2 * M : (L.size.x - 2 * M - 2 * L.gap) / 3;
  const float title_h = t.fonts.bold->FontSize * 1.3f + t.px(8);
  const float days_h = 4 * t.px(84) + 3 * t.px(10);
  const float places_bottom = tall ? y + (bottom - y) * 0.26f : bottom;
  hours_places(v, t, M, y, col_w, places_bottom, out);

  // When?
  const float x2 = tall ? M : M + col_w + L.gap;
  const float y2 = tall ? places_bottom + L.gap : y;
  ImGui::SetCursorPos(ImVec2(x2, y2));
  section_title(t, std::string(icons::utf8("today")) + "  " + v.day_title, col_w);
  const float days_y = ImGui::GetCursorPosY() + t.px(8);
  hours_days(v, t, ImVec2(x2, days_y), ImVec2(col_w, tall ? days_h : bottom - days_y), out);

  // How long? Then save; totals below.
  const float x3 = tall ? M : x2 + col_w + L.gap;
  hours_amount(v, t, L, x3, tall ? y2 + title_h + days_h + L.gap : y, col_w, bottom, out);
}

// [SECTION] Progress

namespace {

// One figure in its card: the pictogram, the figure (shrunk to fit: "11:15 saat", three-digit
// hours) and what it counts. Landscape: the figure at the top, the words at the foot. Portrait
// (taller cards across the width): figure and words as one block in the middle, the words larger.
void progress_card(const ProgressView::Stat& s, const Theme& t, ImVec2 min, ImVec2 max, bool tall) {
  const ImVec2 wp = ImGui::GetWindowPos();
  min = ImVec2(wp.x + min.x, wp.y + min.y);
  max = ImVec2(wp.x + max.x, wp.y + max.y);
  panel(min, max, t);
  const float card_w = max.x - min.x;
  ImFont* words = tall ? t.fonts.large : t.fonts.bold;
  const float words_w = card_w - t.px(48);
  const float words_h = words->CalcTextSizeA(words->FontSize, FLT_MAX, words_w, s.label.c_str()).y;
  const float block_h = t.fonts.huge->FontSize + t.px(12) + words_h;
  const float fig_y = tall ? min.y + std::max(t.px(12), (max.y - min.y - block_h) * 0.5f) : min.y + t.px(12);
  const float icon_y = tall ? fig_y + (t.fonts.huge->FontSize - t.fonts.icon->FontSize) * 0.5f : min.y + t.px(24);
  icon_at(t.fonts.icon, ImVec2(min.x + t.px(24), icon_y), colors::primary, s.icon);
  const float vx = min.x + t.px(24) + t.fonts.icon->FontSize + t.px(16);
  const float room = max.x - t.px(20) - vx;
  const std::string value = bidi::shown(t.fonts.huge, s.value);  // "2:30 ساعة" shaped, as the mirror draws it
  const float natural = t.fonts.huge->CalcTextSizeA(t.fonts.huge->FontSize, FLT_MAX, 0, value.c_str()).x;
  const float size = natural > room ? t.fonts.huge->FontSize * room / natural : t.fonts.huge->FontSize;
  ImGui::GetWindowDrawList()->AddText(t.fonts.huge, size, ImVec2(vx, fig_y), colors::text, value.c_str());
  frame_record().texts.push_back(s.value);
  const float words_y = tall ? fig_y + t.fonts.huge->FontSize + t.px(12) : max.y - t.px(24) - words->FontSize * 2.3f;
  label_at(words, ImVec2(min.x + t.px(24), words_y), colors::text_muted, s.label, words_w);
}

// The panel's height in portrait for the badges it holds (one a row), its title and its foot.
float milestones_height(const ProgressView& v, const Theme& t) {
  const float rows = static_cast<float>(std::max<std::size_t>(1, v.milestones.size()));
  return 2 * t.px(24) + t.fonts.large->FontSize + t.px(16) + rows * (t.px(110) + t.px(10)) +
         t.fonts.bold->FontSize * 2.6f;
}

// What the participant reached, as badges (two columns; one of taller rows in portrait), and the
// next milestone and the agreed hours at the foot of the panel.
void milestones_panel(const ProgressView& v, const Theme& t, ImVec2 pmin, ImVec2 pmax, bool tall) {
  panel(pmin, pmax, t);
  const float pad = t.px(24);
  label_at(t.fonts.large, ImVec2(pmin.x + pad, pmin.y + pad), colors::text,
           std::string(icons::utf8("progress")) + "  " + v.milestones_title);
  float ly = pmin.y + pad + t.fonts.large->FontSize + t.px(16);
  if (v.milestones.empty()) {
    label_at(t.fonts.bold, ImVec2(pmin.x + pad, ly), colors::text, v.none_yet, pmax.x - pmin.x - 2 * pad);
    ly += t.fonts.bold->FontSize * 1.5f;
  }
  ImFont* foot = tall ? t.fonts.bold : t.fonts.body;
  const std::size_t columns = tall ? 1 : 2;
  const float badge_w = tall ? pmax.x - pmin.x - 2 * pad : (pmax.x - pmin.x - 3 * pad) * 0.5f;
  const float badge_h = tall ? t.px(110) : t.fonts.bold->FontSize * 1.9f;
  ImFont* icon = tall ? t.fonts.icon : t.fonts.bold;
  ImFont* words = tall ? t.fonts.large : t.fonts.bold;
  std::size_t shown = 0;
  for (const auto& m : v.milestones) {
    const float bx = pmin.x + pad + static_cast<float>(shown % columns) * (badge_w + pad);
    const float by = ly + static_cast<float>(shown / columns) * (badge_h + t.px(10));
    if (by + badge_h > pmax.y - pad - foot->FontSize * 2.5f) break;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(bx, by), ImVec2(bx + badge_w, by + badge_h), colors::good_bg,
                                              t.px(12));
    icon_at(icon, ImVec2(bx + t.px(14), by + (badge_h - icon->FontSize) * 0.5f), colors::check_in, m.icon);
    const float words_x = tall ? t.px(30) + icon->FontSize : t.px(56);
    label_at(words, ImVec2(bx + words_x, by + (badge_h - words->FontSize) * 0.5f), colors::text, m.label);
    ++shown;
  }
  const float fy = pmax.y - pad - foot->FontSize * (v.agreed.empty() ? 1.2f : 2.5f);
  if (!v.next.empty())
    label_at(foot, ImVec2(pmin.x + pad, fy), colors::text_muted,
             std::string(icons::utf8_reading("next")) + " " + v.next);
  if (!v.agreed.empty()) label_at(foot, ImVec2(pmin.x + pad, fy + foot->FontSize * 1.3f), colors::text_muted, v.agreed);
}

}  // namespace

void draw_progress(const ProgressView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float y = title_row(t, L, v.back_label, v.title, out);
  // Landscape: the figures side by side over the badges. Portrait: one figure a row across the
  // width, the cards sharing what the badges leave (between 230 and 400 px at scale 1 each), the
  // badges in one column of taller rows under them.
  const bool tall = L.portrait();
  const float n = static_cast<float>(std::max<std::size_t>(1, v.stats.size()));
  const float card_w = tall ? L.size.x - 2 * M : (L.size.x - 2 * M - (n - 1) * L.gap) / n;
  const float card_h =
      tall ? std::clamp((L.size.y - M - y - milestones_height(v, t) - n * L.gap) / n, t.px(230), t.px(400)) : t.px(190);
  for (std::size_t i = 0; i < v.stats.size(); ++i) {
    const float k = static_cast<float>(i);
    const float x = tall ? M : M + k * (card_w + L.gap);
    const float cy = tall ? y + k * (card_h + L.gap) : y;
    progress_card(v.stats[i], t, ImVec2(x, cy), ImVec2(x + card_w, cy + card_h), tall);
  }
  const float py = y + (tall ? n : 1.0f) * (card_h + L.gap);
  milestones_panel(v, t, screen_pos(M, py), screen_pos(L.size.x - M, L.size.y - M), tall);
}

// [SECTION] The check-out the kiosk closed by itself

// A clock face with the recorded end: hands, the hour marks, the time in digits beneath and the
// check-out pictogram beside it; for those who read a clock more easily than a sentence.
void clock_face(const Theme& t, ImVec2 centre, float r, int minute_of_day, const std::string& time,
                ImFont* time_font = nullptr) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  constexpr float kPi = 3.14159265f;
  dl->AddCircleFilled(centre, r, colors::panel, 64);
  dl->AddCircle(centre, r, colors::primary, 64, t.px(6));
  for (int i = 0; i < 12; ++i) {
    const float a = static_cast<float>(i) * kPi / 6;
    const float inner = r * (i % 3 == 0 ? 0.78f : 0.86f);
    dl->AddLine(ImVec2(centre.x + std::sin(a) * inner, centre.y - std::cos(a) * inner),
                ImVec2(centre.x + std::sin(a) * r * 0.94f, centre.y - std::cos(a) * r * 0.94f), colors::text,
                t.px(i % 3 == 0 ? 5 : 3));
  }
  const float minutes = static_cast<float>(minute_of_day % 60);
  const float hours = static_cast<float>(minute_of_day / 60 % 12) + minutes / 60;
  auto hand = [&](float angle, float length, float width, ImU32 color) {
    dl->AddLine(centre, ImVec2(centre.x + std::sin(angle) * length, centre.y - std::cos(angle) * length), color, width);
  };
  hand(hours * kPi / 6, r * 0.5f, t.px(9), colors::text);
  hand(minutes * kPi / 30, r * 0.76f, t.px(5), colors::primary);
  dl->AddCircleFilled(centre, t.px(8), colors::text);
  ImFont* f = time_font ? time_font : t.fonts.large;
  const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, time.c_str());
  label_at(f, ImVec2(centre.x - ts.x * 0.5f, centre.y + r + t.px(8)), colors::text, time);
  ImFont* icon = t.fonts.icon;
  dl->AddText(icon, icon->FontSize, ImVec2(centre.x + r + t.px(20), centre.y - icon->FontSize * 0.5f), colors::primary,
              icons::utf8("check_out"));
}

void draw_question(const CheckoutQuestionView& v, const Theme& t, const Layout& L, Actions& out) {
  const float bh = std::max(64.0f, t.px(120));
  // Portrait: the three answers one above the other, full width, low (within reach) and above
  // the coach corner; landscape: side by side, above the corner too (the third reaches that far).
  const bool tall = L.portrait();
  const float answers_h = tall ? 3 * bh + 2 * L.gap : bh;
  const float by = (tall ? L.target_bottom() : L.size.y - std::max(64.0f, t.px(64))) - L.gap - answers_h;
  const float top = L.margin;
  // The clock takes what the text and the answers leave, between 64 and 150 px in radius (220 in portrait).
  const float text_h = t.fonts.bold->FontSize + t.fonts.large->FontSize * 2.4f + t.fonts.body->FontSize + t.px(48);
  const float r =
      std::clamp((by - top - text_h - t.fonts.large->FontSize - t.px(40)) * 0.5f, 40.0f, t.px(tall ? 220 : 150));
  const ImVec2 wp = ImGui::GetWindowPos();
  // Portrait: the clock and the question in the middle of what the answers leave.
  const float y0 = tall ? top + std::max(0.0f, (by - top - 2 * r - text_h - t.fonts.large->FontSize) * 0.4f) : top;
  clock_face(t, ImVec2(wp.x + L.size.x * 0.5f, wp.y + y0 + r), r, v.minute_of_day, v.time);
  ImGui::SetCursorPosY(y0 + 2 * r + t.fonts.large->FontSize + t.px(24));
  text_centered(t.fonts.bold, colors::text_muted, v.title, 0, L.size.x);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + t.px(8));
  text_centered(t.fonts.large, colors::text, v.question, L.margin, L.size.x - 2 * L.margin);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + t.px(8));
  text_centered(t.fonts.body, colors::text_muted, v.note, 0, L.size.x);
  // Three answers: yes, another time, "I don't know" (the coach decides).
  const float bw = tall ? L.size.x - 2 * L.margin : std::min(t.px(380), (L.size.x - 2 * L.margin - 2 * L.gap) / 3);
  const float x0 = tall ? L.margin : (L.size.x - 3 * bw - 2 * L.gap) * 0.5f;
  auto at = [&](int i) {
    return tall ? ImVec2(x0, by + static_cast<float>(i) * (bh + L.gap))
                : ImVec2(x0 + static_cast<float>(i) * (bw + L.gap), by);
  };
  ImGui::SetCursorPos(at(0));
  if (big_button(t, {"end:right", icons::utf8("done"), &v.yes_label, ImVec2(bw, bh), ButtonStyle::CheckIn}))
    out.push_back(core::EndRightTapped{});
  ImGui::SetCursorPos(at(1));
  if (big_button(t, {"end:wrong", icons::utf8("edit"), &v.no_label, ImVec2(bw, bh), ButtonStyle::Neutral}))
    out.push_back(core::EndWrongTapped{});
  ImGui::SetCursorPos(at(2));
  if (big_button(t, {"end:unknown", icons::utf8("help"), &v.unknown_label, ImVec2(bw, bh), ButtonStyle::Neutral}))
    out.push_back(core::EndUnknownTapped{});
}

namespace {

// Portrait: the clock face with the time being set large under it, the hint, then earlier and
// later side by side, large, and Save across the width, low and above the coach's lock.
void correct_portrait(const CheckoutCorrectView& v, const Theme& t, const Layout& L, float top, Actions& out) {
  const float M = L.margin, W = L.size.x - 2 * M;
  const float save_h = t.px(140), step_h = t.px(200);
  const float save_y = L.target_bottom() - save_h;
  const float step_y = save_y - 2 * L.gap - step_h;
  // The clock, its time and the hint as one block in the middle of what the buttons leave.
  const float hint_h = t.fonts.bold->CalcTextSizeA(t.fonts.bold->FontSize, FLT_MAX, W, v.hint.c_str()).y;
  const float under_h = t.px(8) + t.fonts.huge->FontSize + t.px(24) + hint_h;
  const float room = step_y - 2 * L.gap - top;
  const float r = std::clamp((room - under_h - 2 * L.gap) * 0.5f, 40.0f, t.px(330));
  const float y0 = top + std::max(0.0f, (room - 2 * r - under_h) * 0.5f);
  const ImVec2 wp = ImGui::GetWindowPos();
  clock_face(t, ImVec2(wp.x + L.size.x * 0.5f, wp.y + y0 + r), r, v.minute_of_day, v.time, t.fonts.huge);
  ImGui::SetCursorPosY(y0 + 2 * r + t.px(8) + t.fonts.huge->FontSize + t.px(24));
  text_centered(t.fonts.bold, colors::text_muted, v.hint, M, W);
  {
    const RepeatKeys keys;  // quarter-hour steps, tap after tap
    const float bw = (W - L.gap) * 0.5f;
    ImGui::SetCursorPos(ImVec2(M, step_y));
    if (big_button(t, {"earlier", icons::utf8("minus"), &v.earlier_label, ImVec2(bw, step_h), ButtonStyle::Neutral,
                       !v.busy, true}))
      out.push_back(core::CorrectionStep{-core::kHoursStepMinutes});
    ImGui::SetCursorPos(ImVec2(M + bw + L.gap, step_y));
    if (big_button(
            t, {"later", icons::utf8("plus"), &v.later_label, ImVec2(bw, step_h), ButtonStyle::Neutral, !v.busy, true}))
      out.push_back(core::CorrectionStep{core::kHoursStepMinutes});
  }
  ImGui::SetCursorPos(ImVec2(M, save_y));
  if (big_button(t, {"save", icons::utf8("done"), &v.save_label, ImVec2(W, save_h), ButtonStyle::Primary, !v.busy}))
    out.push_back(core::SaveCorrectionTapped{});
}

}  // namespace

void draw_correct(const CheckoutCorrectView& v, const Theme& t, const Layout& L, Actions& out) {
  const float top = title_row(t, L, v.back_label, v.title, out, !v.busy);
  if (L.portrait()) return correct_portrait(v, t, L, top, out);
  const float bw = t.px(300), bh = t.px(130);
  const float cy = L.size.y * 0.42f;
  {
    const RepeatKeys keys;  // quarter-hour steps, tap after tap
    ImGui::SetCursorPos(ImVec2(L.margin, cy - bh * 0.5f));
    if (big_button(t,
                   {"earlier", icons::utf8("minus"), &v.earlier_label, ImVec2(bw, bh), ButtonStyle::Neutral, !v.busy}))
      out.push_back(core::CorrectionStep{-core::kHoursStepMinutes});
    ImGui::SetCursorPos(ImVec2(L.size.x - L.margin - bw, cy - bh * 0.5f));
    if (big_button(t, {"later", icons::utf8("plus"), &v.later_label, ImVec2(bw, bh), ButtonStyle::Neutral, !v.busy}))
      out.push_back(core::CorrectionStep{core::kHoursStepMinutes});
  }
  const ImVec2 ts = t.fonts.huge->CalcTextSizeA(t.fonts.huge->FontSize, FLT_MAX, 0, v.time.c_str());
  label_at(t.fonts.huge, screen_pos((L.size.x - ts.x) * 0.5f, cy - ts.y * 0.5f), colors::text, v.time);
  ImGui::SetCursorPosY(cy + ts.y * 0.5f + t.px(24));
  text_centered(t.fonts.bold, colors::text_muted, v.hint, 0, L.size.x);
  const float sw = t.px(360);
  ImGui::SetCursorPos(ImVec2((L.size.x - sw) * 0.5f, L.size.y - L.margin - t.px(110)));
  if (big_button(t, {"save", icons::utf8("done"), &v.save_label, ImVec2(sw, t.px(110)), ButtonStyle::Primary, !v.busy}))
    out.push_back(core::SaveCorrectionTapped{});
}

// [SECTION] Photo / initials grid (before identification: first name and initial only)

void draw_grid(const GridView& v, const Theme& t, const Layout& L, Actions& out) {
  const float M = L.margin;
  const float y = title_row(t, L, v.back_label, v.title, out);
  if (v.faces.empty()) {
    ImGui::SetCursorPos(ImVec2(M, y));
    text(t.fonts.bold, colors::text_muted, v.empty_text);
    return;
  }
  // Landscape: four across, three down. Portrait: three across, four down (the same twelve a
  // page), tiles nearly square rather than tall strips, larger initials, and the page buttons
  // each half the width and taller; in both, the page buttons above the coach's lock, which wins
  // the tap where it overlaps ("Volgende" lay under it at 1920x1080).
  const bool tall = L.portrait();
  const int cols = tall ? 3 : 4, rows = tall ? 4 : 3;
  const float nav_h = t.px(tall ? 120 : 84);
  const float nav_w = tall ? (L.size.x - 2 * M - L.gap) * 0.5f : t.px(260);
  const float bottom = L.target_bottom();
  const float tile_w = (L.size.x - 2 * M - (cols - 1) * L.gap) / cols;
  const float tile_h = (bottom - y - nav_h - L.gap - (rows - 1) * L.gap) / rows;
  ImFont* initials_font = tall ? t.fonts.large : t.fonts.bold;
  for (std::size_t i = 0; i < v.faces.size(); ++i) {
    const auto& f = v.faces[i];
    const float x = M + static_cast<float>(i % cols) * (tile_w + L.gap);
    const float ty = y + static_cast<float>(i / cols) * (tile_h + L.gap);
    ImGui::SetCursorPos(ImVec2(x, ty));
    const std::string id = "face:" + f.id;
    if (big_button(t, {id.c_str(), nullptr, &f.label, ImVec2(tile_w, tile_h), ButtonStyle::Neutral, true, false,
                       initials_font, true}))
      out.push_back(core::ParticipantChosen{f.id});
    // The initials in a circle above the name: for those who recognise letters more than words.
    const float r = std::min(tile_h * 0.28f, t.px(tall ? 76 : 44));
    const ImVec2 c = screen_pos(x + tile_w * 0.5f, ty + tile_h * (tall ? 0.4f : 0.36f));
    ImGui::GetWindowDrawList()->AddCircleFilled(c, r, colors::primary);
    const ImVec2 is = initials_font->CalcTextSizeA(initials_font->FontSize, FLT_MAX, 0, f.initials.c_str());
    ImGui::GetWindowDrawList()->AddText(initials_font, initials_font->FontSize,
                                        ImVec2(c.x - is.x * 0.5f, c.y - is.y * 0.5f), colors::on_dark,
                                        f.initials.c_str());
  }
  const float ny = bottom - nav_h;
  ImGui::SetCursorPos(ImVec2(M, ny));
  if (big_button(t, {"grid:prev", icons::utf8_reading("prev"), &v.prev_label, ImVec2(nav_w, nav_h),
                     ButtonStyle::Neutral, v.has_prev}))
    out.push_back(core::GridPage{-1});
  ImGui::SetCursorPos(ImVec2(L.size.x - M - nav_w, ny));
  if (big_button(t, {"grid:next", icons::utf8_reading("next"), &v.next_label, ImVec2(nav_w, nav_h),
                     ButtonStyle::Neutral, v.has_next}))
    out.push_back(core::GridPage{1});
}

}  // namespace meedoen::ui
