// Pieces shared by the kiosk's screens: the layout grid, the back button, the title row, the
// "today" panel and the draw functions of the screens after identification.
#pragma once
#include <imgui.h>

#include <cfloat>
#include <string>
#include <vector>

#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/view_models.hpp"
#include "ui/widgets/keyboard.hpp"

namespace meedoen::ui {

struct Layout {
  ImVec2 size;
  float margin;
  float gap;
  // Height the coach's lock takes at the bottom right, where it is shown (0 elsewhere): a screen
  // whose targets reach that corner ends them above it, since the lock wins the tap.
  float corner = 0;
  // Room a notice over the screen takes at half width (0 when there is none): a page full of
  // content (the participant page) ends a column this much higher, so the notice covers none of it.
  float notice = 0;
  // The same at the width a notice takes first (across the screen, up to 900 px): a list whose rows
  // would reach under it ends this much higher, so the notice has a place of its own, over no row.
  float notice_across = 0;
  // A display taller than wide (a 1080x1920 panel on its side): the screens stack top to bottom
  // what landscape puts side by side, information above and the targets lower, within reach,
  // and larger. This is the one place that decides; mirroring (Arabic) applies to both.
  bool portrait() const { return size.y > size.x; }
  // The lowest y a target may reach: above the coach's lock where it is shown.
  float target_bottom() const { return size.y - (corner > margin ? corner : margin); }
};

// Two parts of a region: side by side in landscape (the first `share` of the width, the second
// after a gap), one above the other in portrait (the first `tall_share` of the height).
struct Split {
  ImVec2 a_pos, a_size, b_pos, b_size;
};
Split split(const Layout& L, ImVec2 pos, ImVec2 size, float share, float tall_share);

// A target's side: the design size at this scale, never under 64 px (on a 1024x600 panel the
// scale is 0.75, and 76 px would come to 57).
inline float tap_px(const Theme& t, float base) { return base * t.scale < 64.0f ? 64.0f : base * t.scale; }

bool back_button(const Theme& t, const std::string& label, bool enabled = true);
// Back button at the top left and a heading beside it; returns the y where content starts.
float title_row(const Theme& t, const Layout& L, const std::string& back_label, const std::string& title, Actions& out,
                bool enabled = true);
// A heading inside a column: pictogram-free bold text at the cursor.
void section_title(const Theme& t, const std::string& s, float width);
// The PIN pads (participant, coach, PIN change): in landscape the text and the progress dots on
// the left (dots at `landscape_dots_y`) and the keypad on the right; in portrait all centred, the
// keypad larger and in the lower half, within reach, the dots just above it.
struct PinFrame {
  float text_x, text_y, text_w, dots_y;
};
PinFrame pin_frame(const Theme& t, const Layout& L, float landscape_dots_y);
void pin_dots(const Theme& t, const Layout& L, int entered, int total, float y);
// ok_label: an OK key (the coach pads, for a PIN of the old length), enabled when can_ok.
KeypadEvent pin_keypad(const Theme& t, const Layout& L, const char* id, const std::string& erase_label, bool enabled,
                       bool can_erase, const std::string* ok_label = nullptr, bool can_ok = false);
// The day's programme in a panel from min to max (screen px); its list's arrows end above
// `targets_bottom` (screen px: the coach's lock in the corner below).
void today_panel(const Theme& t, ImVec2 min, ImVec2 max, const std::string& title,
                 const std::vector<ActivityLine>& lines, const std::string& empty_text, float targets_bottom = FLT_MAX);

// Screens after identification (participant_screens.cpp)
void draw_home(const HomeView& v, const Theme& t, const Layout& L, Actions& out);
void draw_activities(const ActivitiesView& v, const Theme& t, const Layout& L, Actions& out);
void draw_absence(const AbsenceView& v, const Theme& t, const Layout& L, Actions& out);
void draw_hours(const HoursView& v, const Theme& t, const Layout& L, Actions& out);
void draw_progress(const ProgressView& v, const Theme& t, const Layout& L, Actions& out);
void draw_question(const CheckoutQuestionView& v, const Theme& t, const Layout& L, Actions& out);
void draw_correct(const CheckoutCorrectView& v, const Theme& t, const Layout& L, Actions& out);
void draw_grid(const GridView& v, const Theme& t, const Layout& L, Actions& out);
void draw_language(const LanguageView& v, const Theme& t, const Layout& L, Actions& out);

// Coach mode (coach_screens.cpp, person_screens.cpp)
// Text drawn at a position and recorded for `expect`; text cut to a width with an ellipsis.
void label_at(ImFont* f, ImVec2 pos, ImU32 color, const std::string& s, float wrap = 0);
// The height label_at takes for s wrapped at `wrap` px (its lines at the font's size).
float label_height(ImFont* f, const std::string& s, float wrap);
std::string fit(ImFont* f, const std::string& s, float width);
// The width of a text as label_fit and fit draw it: shaped and reordered (Arabic).
float drawn_width(ImFont* f, const std::string& s);
// Text at a position in one line of at most `width` px: at its size when it fits, else a little
// smaller (down to 75 %); cut (and recorded as cut) only when even that does not fit. `scale`: at
// most this share of its size (a list's one size for all its names).
void label_fit(ImFont* f, ImVec2 pos, ImU32 color, const std::string& s, float width, float scale = 1.0f);
// Dims the whole screen, its lists and their edge fades included, behind a popup or a prompt
// (drawn after the screen; the popup's window, focused, stays above it).
void dim_screen(ImVec2 display, const char* id = "##dim_popup");
// A choice over the screen: a title, whom it is about, one big button per option, and cancel.
void choice_popup(const std::string& title, const std::string& subject, const std::vector<ChoiceOption>& options,
                  const std::string& cancel_label, bool busy, const Theme& t, const Layout& L, Actions& out);
void draw_coach_people(const CoachNav& nav, const CoachPeopleView& v, const Theme& t, const Layout& L, Actions& out);
void draw_coach_person(const CoachNav& nav, const CoachPersonView& v, const Theme& t, const Layout& L, Actions& out);
void draw_coach_ladder(const CoachNav& nav, const CoachLadderView& v, const Theme& t, const Layout& L, Actions& out);
// The agreements editor (agreements_screen.cpp).
void draw_coach_agreements(const CoachAgreementsView& v, const Theme& t, const Layout& L, Actions& out);
void draw_coach_pin(const CoachPinView& v, const Theme& t, const Layout& L, Actions& out);
void draw_coach_pin_change(const CoachPinChangeView& v, const Theme& t, const Layout& L, Actions& out);
// The tab bar over every coach screen after the PIN; returns the y where the screen's content starts.
float coach_top_bar(const CoachNav& v, const Theme& t, const Layout& L, Actions& out);
// The same y without drawing the bar: for a screen deciding whether it has room for the bar.
float coach_top_bar_height(const Theme& t, const Layout& L);
void draw_coach_today(const CoachNav& nav, const CoachTodayView& v, const Theme& t, const Layout& L, Actions& out);
void draw_coach_corner(const Theme& t, ImVec2 display, Actions& out);
float coach_corner_side(const Theme& t);
// The Reports tab (report_screens.cpp)
void draw_coach_reports(const CoachNav& nav, const ReportsView& v, const Theme& t, const Layout& L, Actions& out);

// The programme (programme_screens.cpp)
void draw_coach_programme(const CoachNav& nav, const CoachProgrammeView& v, const Theme& t, const Layout& L,
                          Actions& out);
void draw_activity_edit(const CoachNav& nav, const ActivityEditView& v, const Theme& t, const Layout& L, Actions& out);

// The read-aloud button's side (screens.cpp): home leaves room for it between Done and the language.
float speaker_side(const Theme& t);

}  // namespace meedoen::ui
