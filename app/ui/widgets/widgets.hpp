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
    bool repeat = false;  // a key meant to be tapped again and again (RepeatKeys)
  };
  // A drag-to-scroll list (ui/widgets/scroll.hpp): where it is and how far it is scrolled.
  struct Scroller {
    std::string id;
    ImVec2 min, max;
    float scroll = 0, scroll_max = 0;
  };
  std::vector<Target> targets;
  std::vector<std::string> texts;
  std::vector<Scroller> scrollers;
  float min_target_px = 1e9f;  // smallest tappable target side this frame
  bool animating = false;      // something still moves (a list gliding): draw another frame
  void clear() {
    targets.clear();
    texts.clear();
    scrollers.clear();
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
// Text at the cursor, recorded for `expect`.
void text(ImFont* font, ImU32 color, const std::string& s, float wrap_width = 0.0f);
// Text centred horizontally in [x, x + width] at the current cursor y.
void text_centered(ImFont* font, ImU32 color, const std::string& s, float x, float width);
// A calm amber banner with an info pictogram; green with a check for good news.
void notice_banner(const Theme& t, const std::string& message, ImVec2 pos, float width, bool good = false);
// A white rounded panel behind content.
void panel(ImVec2 min, ImVec2 max, const Theme& t);

}  // namespace meedoen::ui
