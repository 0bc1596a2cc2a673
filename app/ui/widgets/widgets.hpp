// Touch widgets drawn with ImGui: big pictogram buttons, text that a replay can find, banners.
// Every widget records what it showed in the frame record, so `tap "Inchecken"` and
// `expect "..."` in a replay script work on what a person sees.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "ui/theme.hpp"

namespace meedoen::ui {

// What one frame showed: tappable targets by label, and every text drawn.
struct FrameRecord {
  struct Target {
    std::string id;  // stable ImGui id, e.g. "key:A"
    std::string label;
    ImVec2 min, max;
    bool enabled = true;
    bool repeat = false;   // a key meant to be tapped again and again (RepeatKeys)
    bool clipped = false;  // only partly in view (a list's edge): min..max is the visible part
  };
  // A drag-to-scroll list (ui/widgets/scroll.hpp): where it is and how far it is scrolled.
  struct Scroller {
    std::string id;
    ImVec2 min, max;
    float scroll = 0, scroll_max = 0;
  };
  // One text as drawn, for the layout test: what it was given and where it went. A text that
  // leaves its box, is cut with an ellipsis or has a line break inside a word is a defect.
  struct Drawn {
    std::string given;         // as the screen gave it (before reordering or wrapping)
    ImVec2 min, max;           // where its lines went
    ImVec2 box_min, box_max;   // what it must stay inside: its button, else the visible region
    float wrap = 0;            // the width it was told to wrap at (0: one line)
    float line_h = 0;          // its font size
    unsigned window = 0;       // the top-level window it is in (a popup's texts lie over the screen's)
    bool in_list = false;      // in a scrolling list: may be scrolled out of sight up or down
    bool cut = false;          // shortened with an ellipsis
    bool broken_word = false;  // a line ends inside a word ("Uitstroo m")
  };
  // A notice drawn over the screen: it must leave every target free.
  struct Notice {
    std::string message;
    ImVec2 min, max;
  };
  std::vector<Target> targets;
  std::vector<std::string> texts;
  std::vector<Scroller> scrollers;
  std::vector<Drawn> drawn;
  std::vector<Notice> notices;
  // A row of a list (an activity, an item on Today), as much of it as is in view: a notice lying
  // over part of a row reads as part of it, so a notice keeps clear of rows too.
  struct Row {
    ImVec2 min, max;
  };
  std::vector<Row> rows;
  // The white panels (My week, Today): a notice lies inside one or clear of it, never across its edge.
  std::vector<Row> panels;
  float min_target_px = 1e9f;  // smallest tappable target side this frame
  bool animating = false;      // something still moves (a list gliding): draw another frame
  void clear() {
    targets.clear();
    texts.clear();
    scrollers.clear();
    drawn.clear();
    notices.clear();
    rows.clear();
    panels.clear();
    min_target_px = 1e9f;
    animating = false;
  }
  const Target* find_target(const std::string& label) const;  // by label, else by id
  const Scroller* find_scroller(const std::string& id) const;
  bool shows(const std::string& text) const;  // substring of any text or label
};

FrameRecord& frame_record();

// Keys meant to be tapped again and again (the keyboard, PIN pads, steppers, list arrows): the
// input layer's double-tap filter (platform/tap_filter.hpp) lets every tap on them through.
// Targets recorded while one of these lives are such keys.
class RepeatKeys {
 public:
  RepeatKeys();
  ~RepeatKeys();
  RepeatKeys(const RepeatKeys&) = delete;
  RepeatKeys& operator=(const RepeatKeys&) = delete;
};

enum class ButtonStyle { Primary, CheckIn, CheckOut, Neutral, Selected };

struct ButtonSpec {
  const char* id;
  const char* icon = nullptr;  // UTF-8 pictogram, may be null
  const std::string* label = nullptr;
  ImVec2 size;
  ButtonStyle style = ButtonStyle::Neutral;
  bool enabled = true;
  bool icon_above = false;  // large pictogram above the label (tiles), else left of it
  ImFont* label_font = nullptr;
  bool label_low = false;  // label at the bottom edge, leaving room above (grid tiles)
};

// A rounded button with pictogram and label; true on the frame it is tapped.
bool big_button(const Theme& t, const ButtonSpec& spec);
// An invisible tappable area at the cursor (a row, a calendar cell), recorded like a button.
bool tap_area(const char* id, const std::string& label, ImVec2 size, bool enabled = true);
// Records a tappable target drawn some other way, for replays and the 64 px check.
void record_target(const char* id, const std::string& label, ImVec2 min, ImVec2 max, bool enabled = true);
// Records a row of a list drawn at [min, max] (screen px): the part of it the list shows.
void record_row(ImVec2 min, ImVec2 max);
// Records a text drawn at pos (screen px) some other way: `shown` is what was drawn (reordered,
// broken into lines), `wrap` the width it wrapped at; box: the button it labels, if any.
void record_drawn(ImFont* font, float size, const std::string& given, const std::string& shown, ImVec2 pos, float wrap,
                  const ImVec2* box_min = nullptr, const ImVec2* box_max = nullptr, bool cut = false);
// True when ImGui, wrapping `s` at `wrap` px, ends a line inside a word (not at a blank, a
// hyphen or a slash): the test's "broken inside a word".
bool wraps_inside_word(ImFont* font, float size, const std::string& s, float wrap);
// Text at the cursor, recorded for `expect`.
void text(ImFont* font, ImU32 color, const std::string& s, float wrap_width = 0.0f);
// Text centred horizontally in [x, x + width] at the current cursor y.
void text_centered(ImFont* font, ImU32 color, const std::string& s, float x, float width);
// A calm amber banner with an info pictogram; green with a check for good news.
void notice_banner(const Theme& t, const std::string& message, ImVec2 pos, float width, bool good = false);
// The banner's height at that width.
float notice_height(const Theme& t, const std::string& message, float width);
// The width of the widest word of s (between blanks or line breaks) at that size.
float widest_word(ImFont* font, float size, const std::string& s);
// Left-to-right text broken into lines of at most `width` px at blanks; a word wider than that
// (a file path) is broken after a '/' or '-', never inside a word where there is another choice.
std::string break_lines(ImFont* font, const std::string& s, float width);
// A white rounded panel behind content.
void panel(ImVec2 min, ImVec2 max, const Theme& t);

}  // namespace meedoen::ui
