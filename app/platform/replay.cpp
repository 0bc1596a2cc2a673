// Replay script parsing and the per-frame driver.
#include "platform/replay.hpp"

#include <cstdio>
#include <sstream>

#include "ui/widgets/keyboard.hpp"

namespace meedoen::platform {

// [SECTION] Parsing

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// A quoted argument "like this" (with \" and \\ escapes), or a bare word.
bool argument(const std::string& rest, std::string& out) {
  if (rest.empty()) return false;
  if (rest[0] != '"') {
    out = rest;
    return true;
  }
  out.clear();
  for (std::size_t i = 1; i < rest.size(); ++i) {
    if (rest[i] == '\\' && i + 1 < rest.size()) {
      out.push_back(rest[++i]);
    } else if (rest[i] == '"') {
      return trim(rest.substr(i + 1)).empty();
    } else {
      out.push_back(rest[i]);
    }
  }
  return false;
}

bool duration(const std::string& s, long long& ms) {
  std::size_t used = 0;
  long long n = 0;
  try {
    n = std::stoll(s, &used);
  } catch (...) {
    return false;
  }
  const std::string unit = s.substr(used);
  if (n < 0) return false;
  if (unit == "ms") ms = n;
  else if (unit == "s") ms = n * 1000;
  else if (unit == "m" || unit == "min") ms = n * 60'000;
  else if (unit == "h") ms = n * 3'600'000;
  else return false;
  return true;
}

}  // namespace

ReplayParse parse_replay(const std::string& script) {
  ReplayParse r;
  std::istringstream in(script);
  std::string raw;
  int line = 0;
  while (std::getline(in, raw)) {
    ++line;
    const std::string l = trim(raw);
    if (l.empty() || l[0] == '#') continue;
    const auto sp = l.find(' ');
    const std::string verb = l.substr(0, sp);
    const std::string rest = sp == std::string::npos ? "" : trim(l.substr(sp + 1));
    ReplayStep s{};
    s.line = line;
    std::string arg;
    auto bad = [&](const std::string& why) { r.error = "line " + std::to_string(line) + ": " + why + ": " + l; };
    if (verb == "tap" || verb == "double-tap") {
      std::string target = rest;
      if (verb == "double-tap") {
        // The gap is the last word: double-tap "Ik doe mee" 150ms
        const auto gap_at = rest.find_last_of(' ');
        if (gap_at == std::string::npos || !duration(rest.substr(gap_at + 1), s.second_tap_ms)) {
          bad("double-tap needs a \"label\" or X Y and the time between the taps, like 150ms");
          return r;
        }
        target = trim(rest.substr(0, gap_at));
      }
      float x = 0, y = 0;
      char extra = 0;
      if (!target.empty() && target[0] != '"' && std::sscanf(target.c_str(), "%f %f %c", &x, &y, &extra) == 2) {
        s.kind = ReplayStep::Kind::TapXY;
        s.x = x;
        s.y = y;
      } else if (argument(target, arg)) {
        s.kind = ReplayStep::Kind::TapLabel;
        s.text = arg;
      } else {
        bad(verb + " needs a \"label\" or X Y");
      }
    } else if (verb == "drag") {
      char extra = 0;
      if (std::sscanf(rest.c_str(), "%f %f %f %f %c", &s.x, &s.y, &s.x2, &s.y2, &extra) == 4) {
        s.kind = ReplayStep::Kind::Drag;
      } else {
        bad("drag needs X1 Y1 X2 Y2");
      }
    } else if (verb == "scroll-to-end") {
      if (!argument(rest, arg) || arg.empty()) bad("scroll-to-end needs a \"list\"");
      s.kind = ReplayStep::Kind::ScrollToEnd;
      s.text = arg;
    } else if (verb == "type" || verb == "scan" || verb == "screenshot" || verb == "expect" || verb == "expect-not" ||
               verb == "expect-spoken") {
      if (!argument(rest, arg) || arg.empty()) bad(verb + " needs an argument");
      s.kind = verb == "type"         ? ReplayStep::Kind::Type
               : verb == "scan"       ? ReplayStep::Kind::Scan
               : verb == "screenshot" ? ReplayStep::Kind::Screenshot
               : verb == "expect"     ? ReplayStep::Kind::Expect
               : verb == "expect-not" ? ReplayStep::Kind::ExpectNot
                                      : ReplayStep::Kind::ExpectSpoken;
      s.text = arg;
    } else if (verb == "advance" || verb == "wait") {
      if (!duration(rest, s.ms)) bad("expected a duration like 31s or 500ms");
      s.kind = verb == "advance" ? ReplayStep::Kind::Advance : ReplayStep::Kind::Wait;
    } else {
      bad("unknown step '" + verb +
          "' (known: tap, double-tap, drag, scroll-to-end, type, scan, advance, wait, screenshot, expect, "
          "expect-not, expect-spoken)");
    }
    if (!r.error.empty()) return r;
    r.steps.push_back(s);
  }
  return r;
}

// [SECTION] Driving

namespace {
// Bytes in the UTF-8 sequence that starts with this byte (1 for a stray continuation byte).
std::size_t utf8_length(char lead) {
  const auto b = static_cast<unsigned char>(lead);
  return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}
}  // namespace

void Replay::before_frame(float& mx, float& my, bool& down) const {
  if (m_tap_phase > 0) {
    mx = m_x;
    my = m_y;
    down = m_down;
  }
}

void Replay::fail(const ReplayStep& s, const std::string& why) {
  m_failed = true;
  m_failure = "replay line " + std::to_string(s.line) + ": " + why;
}

bool Replay::start_tap(const ui::FrameRecord& record, const std::string& label, const ReplayStep& s) {
  const auto* t = record.find_target(label);
  if (!t) {
    std::string seen;
    for (const auto& target : record.targets) seen += (seen.empty() ? "" : ", ") + ("\"" + target.label + "\"");
    fail(s, "no button \"" + label + "\" on screen (buttons: " + seen + ")");
    return false;
  }
  // A double tap's first tap may land on a button that cannot be tapped now (one that rests after
  // it turned into its opposite): a person taps it anyway, and nothing must happen.
  if (!t->enabled && s.second_tap_ms < 0) {
    fail(s, "the button \"" + label + "\" is on screen but cannot be tapped now");
    return false;
  }
  press((t->min.x + t->max.x) * 0.5f, (t->min.y + t->max.y) * 0.5f, kPaceMs);
  m_second_tap_ms = s.second_tap_ms;
  return true;
}

void Replay::press(float x, float y, long long after_ms) {
  m_x = x;
  m_y = y;
  m_down = true;
  m_tap_phase = 1;
  m_input_ms += after_ms;
}

// Taps the key for the next character of a "type" step; when that key is on the other layer
// of the keyboard, taps the layer switch first (the character stays next).
bool Replay::type_next(const ui::FrameRecord& record, const ReplayStep& s) {
  const std::string c = m_typing.substr(0, utf8_length(m_typing[0]));
  bool accent = false;
  const std::string id = ui::key_id_for(c, accent);
  if (!record.find_target(id) && record.find_target("key:accents") && m_layer_switches < 2) {
    ++m_layer_switches;
    start_tap(record, "key:accents", s);
    return false;
  }
  m_layer_switches = 0;
  m_typing.erase(0, c.size());
  return start_tap(record, id, s);
}

// A scroll-to-end step: the list's down arrow, tapped again while it can be (each tap a page
// further, also while the list still glides), then the next step.
void Replay::scroll_on(const ui::FrameRecord& record, const ReplayStep& s) {
  constexpr int kMaxTaps = 100;
  if (!record.find_scroller(s.text)) return fail(s, "no list \"" + s.text + "\" on screen");
  const auto* down = record.find_target(s.text + ":down");
  if (down && down->enabled && m_arrow_taps < kMaxTaps) {
    ++m_arrow_taps;
    start_tap(record, s.text + ":down", s);
    return;
  }
  if (down && down->enabled) return fail(s, "the list \"" + s.text + "\" did not come to its end");
  m_arrow_taps = 0;
  ++m_next;
}

void Replay::after_frame(const ui::FrameRecord& record, ReplayHost& host, long long real_now) {
  if (finished() || pointer_busy()) return;
  const ReplayStep& s = m_steps[m_next];
  if (s.kind == ReplayStep::Kind::Type && !m_typing.empty()) {
    if (type_next(record, s) && m_typing.empty()) ++m_next;
    return;
  }
  start_step(record, host, real_now, s);
}

// A drag or tap in progress moves on by one frame, then the result settles; true while this
// frame belongs to them.
bool Replay::pointer_busy() {
  // A drag in progress: one step further each frame, then lift where it ends.
  if (m_tap_phase == 3) {
    if (m_drag_steps-- > 0) {
      m_x += m_step_x;
      m_y += m_step_y;
      return true;
    }
    m_tap_phase = 1;
  }
  // A tap in progress: the frame just drawn saw the press; release, then settle.
  if (m_tap_phase == 1) {
    m_down = false;
    m_tap_phase = 2;
    return true;
  }
  if (m_tap_phase == 2) {
    m_tap_phase = 0;
    m_settle = 2;
  }
  if (m_settle > 0) {
    --m_settle;
    return true;
  }
  // A double tap: the same spot again, on whatever the first tap left there.
  if (m_second_tap_ms >= 0) {
    press(m_x, m_y, m_second_tap_ms);
    m_second_tap_ms = -1;
    return true;
  }
  return false;
}

void Replay::start_step(const ui::FrameRecord& record, ReplayHost& host, long long real_now, const ReplayStep& s) {
  switch (s.kind) {
    case ReplayStep::Kind::TapLabel:
      if (start_tap(record, s.text, s)) ++m_next;
      return;
    case ReplayStep::Kind::TapXY:
      press(s.x, s.y, kPaceMs);
      m_second_tap_ms = s.second_tap_ms;
      ++m_next;
      return;
    case ReplayStep::Kind::Drag: return start_drag(s);
    case ReplayStep::Kind::ScrollToEnd: return scroll_on(record, s);
    case ReplayStep::Kind::Type: return start_typing(record, host, real_now, s);
    case ReplayStep::Kind::Scan:
      host.scan(s.text);
      m_settle = 1;
      ++m_next;
      return;
    case ReplayStep::Kind::Advance:
      host.advance_clock(s.ms);
      m_settle = 1;
      ++m_next;
      return;
    case ReplayStep::Kind::Wait:
      if (m_wait_until == 0) m_wait_until = real_now + s.ms;
      if (real_now >= m_wait_until) {
        m_wait_until = 0;
        host.waited(s.ms);
        ++m_next;
      }
      return;
    case ReplayStep::Kind::Screenshot: {
      // Of the screen at rest: a list still easing to where its arrow sent it would be caught
      // part of the way, somewhere else each run. A frame at a time, at most kRestWait.
      constexpr long long kRestWait = 5'000;
      if (record.animating) {
        if (m_wait_until == 0) m_wait_until = real_now + kRestWait;
        if (real_now < m_wait_until) return;
      }
      m_wait_until = 0;
      std::string error;
      if (!host.save_screenshot(s.text, error)) return fail(s, "screenshot failed: " + error);
      ++m_next;
      return;
    }
    case ReplayStep::Kind::Expect:
    case ReplayStep::Kind::ExpectNot: return check_expect(record, s);
    case ReplayStep::Kind::ExpectSpoken: return check_spoken(host, real_now, s);
  }
}

void Replay::start_drag(const ReplayStep& s) {
  constexpr int kSteps = 12;  // about 0.2 s at 60 frames a second: a deliberate drag
  m_x = s.x;
  m_y = s.y;
  m_step_x = (s.x2 - s.x) / kSteps;
  m_step_y = (s.y2 - s.y) / kSteps;
  m_drag_steps = kSteps;
  m_down = true;
  m_tap_phase = 3;
  m_input_ms += kPaceMs;
  ++m_next;
}

// Checks every letter has a key before tapping the first, which happens in this same frame.
void Replay::start_typing(const ui::FrameRecord& record, ReplayHost& host, long long real_now, const ReplayStep& s) {
  m_typing = s.text;
  m_layer_switches = 0;
  for (std::size_t i = 0; i < s.text.size();) {
    const std::string c = s.text.substr(i, utf8_length(s.text[i]));
    i += c.size();
    bool accent = false;
    if (ui::key_id_for(c, accent).empty()) return fail(s, "the on-screen keyboard has no key for '" + c + "'");
  }
  after_frame(record, host, real_now);
}

void Replay::check_expect(const ui::FrameRecord& record, const ReplayStep& s) {
  const bool shown = record.shows(s.text);
  if (s.kind == ReplayStep::Kind::Expect && !shown) {
    std::string seen;
    for (const auto& t : record.texts) seen += (seen.empty() ? "" : " | ") + t;
    return fail(s, "expected \"" + s.text + "\" on screen; it shows: " + seen);
  }
  if (s.kind == ReplayStep::Kind::ExpectNot && shown)
    return fail(s, "\"" + s.text + "\" is on screen but should not be");
  ++m_next;
}

// Speech is synthesised on its own thread: wait for it, a frame at a time, up to kSpokenWait.
void Replay::check_spoken(const ReplayHost& host, long long real_now, const ReplayStep& s) {
  constexpr long long kSpokenWait = 10'000;
  const std::vector<std::string> said = host.spoken();
  for (std::size_t i = m_spoken_seen; i < said.size(); ++i) {
    if (said[i].find(s.text) == std::string::npos) continue;
    m_spoken_seen = i + 1;
    m_wait_until = 0;
    ++m_next;
    return;
  }
  if (m_wait_until == 0) m_wait_until = real_now + kSpokenWait;
  if (real_now < m_wait_until) return;
  m_wait_until = 0;
  std::string heard;
  for (std::size_t i = m_spoken_seen; i < said.size(); ++i) heard += (heard.empty() ? "" : " | ") + said[i];
  fail(s, "expected \"" + s.text +
              "\" to be read aloud; since the last match it read: " + (heard.empty() ? std::string("nothing") : heard));
}

}  // namespace meedoen::platform
