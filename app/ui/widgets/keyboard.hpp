// On-screen keyboard for names and a numeric keypad, for a touchscreen without a physical
// keyboard. Both are plain ImGui widgets: they draw, record their keys in the frame record
// (ids "key:A", "key:ş", "pin:7", ...) so replays and tests find them, and return what was
// tapped as a small event that the screen turns into core actions.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "ui/theme.hpp"

namespace meedoen::ui {

// [SECTION] Name keyboard

// What one frame of the keyboard produced.
struct KeyEvent {
  enum class Kind { None, Text, Erase };
  Kind kind = Kind::None;
  std::string text;  // UTF-8, with auto-capitalisation applied (Kind::Text only)
  explicit operator bool() const { return kind != Kind::None; }
};

struct KeyboardSpec {
  ImVec2 pos;  // top-left in window coordinates (as ImGui::SetCursorPos)
  float width = 0;
  std::string_view text;  // typed so far: decides capitals, and whether space/erase work
  const std::string* space_label = nullptr;
  const std::string* erase_label = nullptr;  // null: no erase key (the screen has its own)
  const char* erase_id = "erase";
  bool sentence = false;  // free text: capitals only at a sentence's start, and a comma and full stop
};

// Height of one key row and of the whole keyboard (four rows), for layouts that must fit it.
float key_height(const Theme& t);
float keyboard_height(const Theme& t);

// QWERTY letters, hyphen and apostrophe; a key "é ş ł …" (id "key:accents") switches to a layer
// of Dutch, Turkish, Polish, French and Portuguese letters and back. A letter starts a word in
// capitals (after nothing, a space or a hyphen), else lower case. After one accented letter the
// keyboard returns to the letters, as most names have one at most.
KeyEvent keyboard(const Theme& t, const KeyboardSpec& spec);

// The accented letters on the accent layer, lower case, in the keyboard's order.
const std::vector<std::string_view>& accent_letters();
// The key a replay taps for one typed character (UTF-8): "key:A" for a or A, "key: " for a
// space, "key:ş" for ş or Ş; "" when the keyboard has no such key. accent is set when the key
// sits on the accent layer.
std::string key_id_for(std::string_view utf8_char, bool& accent);

// [SECTION] Numeric keypad

struct KeypadEvent {
  enum class Kind { None, Digit, Erase, Ok };
  Kind kind = Kind::None;
  char digit = 0;  // '0'..'9' (Kind::Digit only)
  explicit operator bool() const { return kind != Kind::None; }
};

struct KeypadSpec {
  const char* id = "pin";  // keys are "<id>:0".."<id>:9", "<id>:erase", "<id>:ok"
  ImVec2 pos;              // top-left in window coordinates
  ImVec2 key_size;
  float gap = 0;
  const std::string* erase_label = nullptr;
  const std::string* ok_label = nullptr;  // null: no OK key (a PIN submits itself when complete)
  bool enabled = true;
  bool can_erase = true;
  bool can_ok = true;
};

// 1-9 in three rows, then erase, 0 and OK: the layout of a phone and a cash machine.
KeypadEvent keypad(const Theme& t, const KeypadSpec& spec);
ImVec2 keypad_size(const KeypadSpec& spec);

}  // namespace meedoen::ui
