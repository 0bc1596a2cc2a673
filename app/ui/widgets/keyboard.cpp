// On-screen name keyboard (letters + accent layer) and numeric keypad.
#include "ui/widgets/keyboard.hpp"
#include "ui/bidi/shown.hpp"

#include <algorithm>
#include <array>

#include "ui/widgets/icons.hpp"
#include "ui/widgets/widgets.hpp"

namespace meedoen::ui {

namespace {

// [SECTION] Letters and accents

struct Accent {
  std::string_view lower, upper;
};

// Grouped by base letter so a person scanning for "ş" finds it after the s-less letters.
// Dutch (é ë ï ö ü è ê), Turkish (ç ğ ı ö ş ü), Polish (ą ć ę ł ń ó ś ź ż), French and
// Portuguese (à â ç ã õ ô ú). Every one is in Latin-1 Supplement or Latin Extended-A, the
// glyph ranges theme.cpp loads. Dotless ı capitalises to a plain I (Turkish rules).
constexpr std::array<Accent, 30> kAccents{{
    {"á", "Á"}, {"à", "À"}, {"â", "Â"}, {"ä", "Ä"}, {"ã", "Ã"}, {"ą", "Ą"}, {"ç", "Ç"}, {"ć", "Ć"},
    {"é", "É"}, {"è", "È"}, {"ê", "Ê"}, {"ë", "Ë"}, {"ę", "Ę"}, {"ğ", "Ğ"}, {"í", "Í"}, {"ï", "Ï"},
    {"ı", "I"}, {"ł", "Ł"}, {"ñ", "Ñ"}, {"ń", "Ń"}, {"ó", "Ó"}, {"ô", "Ô"}, {"ö", "Ö"}, {"õ", "Õ"},
    {"ş", "Ş"}, {"ś", "Ś"}, {"ú", "Ú"}, {"ü", "Ü"}, {"ż", "Ż"}, {"ź", "Ź"},
}};
constexpr int kColumns = 10;
constexpr const char* kLetterRows[] = {"QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM'"};
constexpr const char* kSentenceRow = "ZXCVBNM',.";  // free text (a coach's note): with punctuation
const std::string kAccentToggle = "é ş ł …";
const std::string kLettersToggle = "ABC";

bool word_start(std::string_view text) { return text.empty() || text.back() == ' ' || text.back() == '-'; }

// Free text starts a sentence in capitals: at the start and after ". ".
bool sentence_start(std::string_view text) {
  return text.empty() || (text.size() >= 2 && text.substr(text.size() - 2) == ". ");
}

// The layer lives in ImGui's per-window storage, so screens stay functions of their view.
// A keyboard that was not drawn last frame (another screen was up) starts on the letters again,
// so the next person never finds it on the accent layer.
struct LayerState {
  ImGuiStorage* storage;
  ImGuiID layer_key, frame_key;
  bool accents() const { return storage->GetBool(layer_key, false); }
  void set_accents(bool on) { storage->SetBool(layer_key, on); }
};

LayerState layer_state() {
  LayerState s{ImGui::GetStateStorage(), ImGui::GetID("##keyboard-layer"), ImGui::GetID("##keyboard-frame")};
  const int frame = ImGui::GetFrameCount();
  if (s.storage->GetInt(s.frame_key, -10) < frame - 1) s.set_accents(false);
  s.storage->SetInt(s.frame_key, frame);
  return s;
}

bool key(const Theme& t, const std::string& id, const std::string& label, ImVec2 pos, ImVec2 size, bool enabled = true,
         const char* icon = nullptr) {
  ImGui::SetCursorPos(pos);
  return big_button(t, {id.c_str(), icon, &label, size, ButtonStyle::Neutral, enabled, false, t.fonts.large});
}

}  // namespace

// [SECTION] Name keyboard

float key_height(const Theme& t) { return std::max(t.px(76), 64.0f); }
float keyboard_height(const Theme& t) { return 4 * key_height(t) + 3 * t.px(10); }

const std::vector<std::string_view>& accent_letters() {
  static const std::vector<std::string_view> letters = [] {
    std::vector<std::string_view> v;
    for (const auto& a : kAccents) v.push_back(a.lower);
    return v;
  }();
  return letters;
}

std::string key_id_for(std::string_view c, bool& accent) {
  accent = false;
  if (c.size() == 1) {
    const char ch = c[0];
    if (ch >= 'a' && ch <= 'z') return std::string("key:") + static_cast<char>(ch - 32);
    if ((ch >= 'A' && ch <= 'Z') || ch == ' ' || ch == '-' || ch == '\'') return std::string("key:") + ch;
    return "";
  }
  for (const auto& a : kAccents)
    if (c == a.lower || (c == a.upper && a.upper != "I")) {
      accent = true;
      return "key:" + std::string(a.lower);
    }
  return "";
}

KeyEvent keyboard(const Theme& t, const KeyboardSpec& spec) {
  const RepeatKeys keys;  // "Anna", "Willem": a letter twice in a row is two letters
  LayerState layer = layer_state();
  const bool accents = layer.accents();
  const bool capital = spec.sentence ? sentence_start(spec.text) : word_start(spec.text);
  const float kg = t.px(10);
  const float key_h = key_height(t);
  const float key_w = (spec.width - (kColumns - 1) * kg) / kColumns;
  // A mirrored frame (right-to-left language) turns the screen around: lay the keys out turned
  // around too, so that the keyboard still reads QWERTY, as the names on it are written.
  auto at = [&](float col, int row, int span = 1) {
    if (bidi::mirrored()) col = static_cast<float>(kColumns - span) - col;
    return ImVec2(spec.pos.x + col * (key_w + kg), spec.pos.y + row * (key_h + kg));
  };
  auto wide = [&](int keys) { return ImVec2(keys * key_w + (keys - 1) * kg, key_h); };
  KeyEvent ev;
  auto typed = [&](std::string s) { ev = {KeyEvent::Kind::Text, std::move(s)}; };

  if (!accents) {
    for (int r = 0; r < 3; ++r) {
      const std::string_view row = r == 2 && spec.sentence ? kSentenceRow : kLetterRows[r];
      const float indent = (kColumns - static_cast<float>(row.size())) * 0.5f;
      for (std::size_t c = 0; c < row.size(); ++c) {
        const std::string label(1, row[c]);
        if (!key(t, "key:" + label, label, at(indent + c, r), wide(1))) continue;
        std::string ch = label;
        if (!capital && ch[0] >= 'A' && ch[0] <= 'Z') ch[0] = static_cast<char>(ch[0] + 32);
        typed(ch);
      }
    }
  } else {
    for (std::size_t i = 0; i < kAccents.size(); ++i) {
      const Accent& a = kAccents[i];
      // The key shows what it will type; ı keeps its own face, as its capital is the plain I.
      const std::string label(capital && a.upper != "I" ? a.upper : a.lower);
      const int row = static_cast<int>(i) / kColumns;
      if (key(t, "key:" + std::string(a.lower), label, at(static_cast<float>(i % kColumns), row), wide(1))) {
        typed(std::string(capital ? a.upper : a.lower));
        layer.set_accents(false);
      }
    }
  }

  // Bottom row: layer switch, space, erase (without an erase key the space bar runs on).
  if (key(t, "key:accents", accents ? kLettersToggle : kAccentToggle, at(0, 3, 2), wide(2)))
    layer.set_accents(!accents);
  static const std::string space;
  ImGui::SetCursorPos(at(2, 3, spec.erase_label ? 6 : 8));
  if (big_button(t, {"key: ", icons::utf8("space"), spec.space_label ? spec.space_label : &space,
                     wide(spec.erase_label ? 6 : 8), ButtonStyle::Neutral, !spec.text.empty()}))
    typed(" ");
  if (spec.erase_label) {
    ImGui::SetCursorPos(at(8, 3, 2));
    if (big_button(t, {spec.erase_id, icons::utf8("erase"), spec.erase_label, wide(2), ButtonStyle::Neutral,
                       !spec.text.empty()}))
      ev = {KeyEvent::Kind::Erase, {}};
  }
  return ev;
}

// [SECTION] Numeric keypad

ImVec2 keypad_size(const KeypadSpec& s) { return ImVec2(3 * s.key_size.x + 2 * s.gap, 4 * s.key_size.y + 3 * s.gap); }

KeypadEvent keypad(const Theme& t, const KeypadSpec& s) {
  auto at = [&](int col, int row) {
    if (bidi::mirrored()) col = 2 - col;  // 1 2 3 from the left, as on every phone, also in Arabic
    return ImVec2(s.pos.x + col * (s.key_size.x + s.gap), s.pos.y + row * (s.key_size.y + s.gap));
  };
  const std::string prefix = std::string(s.id) + ":";
  KeypadEvent ev;
  auto digit = [&](char d, ImVec2 pos) {
    const std::string label(1, d);
    const std::string id = prefix + label;
    ImGui::SetCursorPos(pos);
    if (big_button(t, {id.c_str(), nullptr, &label, s.key_size, ButtonStyle::Neutral, s.enabled, false, t.fonts.huge}))
      ev = {KeypadEvent::Kind::Digit, d};
  };
  {
    const RepeatKeys keys;  // PIN 0011: the same digit twice in a row is two digits
    for (int i = 0; i < 9; ++i) digit(static_cast<char>('1' + i), at(i % 3, i / 3));
    static const std::string none;
    const std::string erase_id = prefix + "erase";
    ImGui::SetCursorPos(at(0, 3));
    if (big_button(t, {erase_id.c_str(), icons::utf8("erase"), s.erase_label ? s.erase_label : &none, s.key_size,
                       ButtonStyle::Neutral, s.enabled && s.can_erase}))
      ev = {KeypadEvent::Kind::Erase};
    digit('0', at(1, 3));
  }
  if (s.ok_label) {
    const std::string ok_id = prefix + "ok";
    ImGui::SetCursorPos(at(2, 3));
    if (big_button(t, {ok_id.c_str(), icons::utf8("done"), s.ok_label, s.key_size, ButtonStyle::Primary,
                       s.enabled && s.can_ok}))
      ev = {KeypadEvent::Kind::Ok};
  }
  return ev;
}

}  // namespace meedoen::ui
