// Icon keys -> Material Icons code points.
#include "ui/widgets/icons.hpp"

#include <array>
#include <string>

#include "ui/bidi/shown.hpp"

namespace meedoen::ui::icons {

namespace {

struct Entry {
  std::string_view key;
  char16_t code;
};

// The size follows the list (std::to_array): adding a pictogram is one line.
constexpr auto kIcons = std::to_array<Entry>({
    // UI actions
    {"start", 0xe913},       // touch_app
    {"check_in", 0xea77},    // login
    {"check_out", 0xe9ba},   // logout
    {"confirmed", 0xe86c},   // check_circle
    {"back", 0xe5c4},        // arrow_back
    {"back_rtl", 0xe5c8},    // arrow_forward: back in a right-to-left (mirrored) frame
    {"erase", 0xe14a},       // backspace
    {"space", 0xe256},       // space_bar
    {"globe", 0xe894},       // language
    {"person", 0xe7fd},      // person
    {"card", 0xea71},        // contactless
    {"lock", 0xe897},        // lock
    {"key", 0xe0da},         // vpn_key: a coach changes their PIN
    {"still_here", 0xe766},  // waving_hand
    {"hourglass", 0xea5b},   // hourglass_top
    {"info", 0xe88e},        // info
    {"help", 0xe887},        // help
    {"speaker", 0xe050},     // volume_up: read this screen aloud
    {"done", 0xe876},        // done
    {"today", 0xe8df},       // today
    {"schedule", 0xe8b5},    // schedule
    {"place", 0xe55f},       // place
    {"smile", 0xe813},       // sentiment_satisfied
    {"up", 0xe5ce},          // expand_less: scroll a list up
    {"down", 0xe5cf},        // expand_more
    // activities
    {"event", 0xe878},
    {"coffee", 0xefef},
    {"cooking", 0xe56c},   // restaurant
    {"garden", 0xea63},    // park
    {"language", 0xe80c},  // school: language lessons
    {"computer", 0xe30a},
    {"walk", 0xe536},   // directions_walk
    {"craft", 0xe40a},  // palette
    {"party", 0xea65},  // celebration
    {"bike", 0xeb29},   // pedal_bike
    {"music", 0xe405},  // music_note
    {"sport", 0xeb43},  // fitness_center
    {"shop", 0xea12},   // storefront
    // Participant screens
    {"activities", 0xe614},  // event_available
    {"absence", 0xe615},     // event_busy
    {"hours", 0xea70},       // volunteer_activism
    {"progress", 0xea23},    // emoji_events
    {"sick", 0xf220},
    {"medical", 0xf109},      // medical_services
    {"care", 0xf1a2},         // family_restroom
    {"appointment", 0xebcc},  // calendar_month
    {"other", 0xe5d3},        // more_horiz
    {"plus", 0xe145},         // add
    {"minus", 0xe15b},        // remove
    {"star", 0xe838},
    {"prev", 0xe5cb},  // chevron_left
    {"next", 0xe5cc},  // chevron_right
    {"cancel", 0xe5c9},
    {"signed_up", 0xe174},  // how_to_reg
    {"waiting", 0xef64},    // pending
    {"grid", 0xe9b0},       // grid_view
    {"edit", 0xe3c9},
    {"talk", 0xe7ef},  // group: a talk with the coach
    // Coach mode
    {"ladder", 0xe8e5},  // trending_up: the participation ladder
    {"report", 0xe873},  // description
    {"exit", 0xe879},    // exit_to_app: leaves the programme
    {"people", 0xe7fb},  // people
    {"print", 0xe8ad},   // a participant's card to print
});

// UTF-8 encodings, built once (all code points are in the BMP's private-use-like range).
struct Table {
  std::array<std::string, kIcons.size()> text;
  Table() {
    for (std::size_t i = 0; i < kIcons.size(); ++i) {
      const char16_t c = kIcons[i].code;
      text[i] = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                 static_cast<char>(0x80 | (c & 0x3F))};
    }
  }
};
const Table& table() {
  static const Table t;
  return t;
}

}  // namespace

const char* utf8(std::string_view key) {
  for (std::size_t i = 0; i < kIcons.size(); ++i)
    if (kIcons[i].key == key) return table().text[i].c_str();
  return utf8("event");
}

const char* utf8_reading(std::string_view key) {
  if (!bidi::mirrored()) return utf8(key);
  if (key == "next") return utf8("prev");
  if (key == "prev") return utf8("next");
  if (key == "back") return utf8("back_rtl");
  return utf8(key);
}

const unsigned short* glyph_ranges() {
  // Only the pictograms we use: the whole icon font at 160 px would not fit a GPU texture.
  static const auto ranges = [] {
    std::array<unsigned short, kIcons.size() * 2 + 1> r{};
    for (std::size_t i = 0; i < kIcons.size(); ++i) r[2 * i] = r[2 * i + 1] = kIcons[i].code;
    return r;
  }();
  return ranges.data();
}

const unsigned short* huge_glyph_ranges() {
  static const auto ranges = [] {
    constexpr std::array<std::string_view, 3> keys{"confirmed", "card", "schedule"};
    std::array<unsigned short, keys.size() * 2 + 1> r{};
    for (std::size_t i = 0; i < keys.size(); ++i)
      for (const auto& e : kIcons)
        if (e.key == keys[i]) r[2 * i] = r[2 * i + 1] = e.code;
    return r;
  }();
  return ranges.data();
}

}  // namespace meedoen::ui::icons
