// Replay script parsing and the per-frame driver.
#include "platform/replay.hpp"

#include <cctype>
#include <sstream>

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
    auto bad = [&](const std::string& why) {
      r.error = "line " + std::to_string(line) + ": " + why + ": " + l;
    };
    if (verb == "tap") {
      float x = 0, y = 0;
      char extra = 0;
      if (!rest.empty() && rest[0] != '"' && std::sscanf(rest.c_str(), "%f %f %c", &x, &y, &extra) == 2) {
        s.kind = ReplayStep::Kind::TapXY;
        s.x = x;
        s.y = y;
      } else if (argument(rest, arg)) {
        s.kind = ReplayStep::Kind::TapLabel;
        s.text = arg;
      } else {
        bad("tap needs a \"label\" or X Y");
      }
    } else if (verb == "type" || verb == "scan" || verb == "screenshot" || verb == "expect" || verb == "expect-not") {
      if (!argument(rest, arg) || arg.empty()) bad(verb + " needs an argument");
      s.kind = verb == "type"         ? ReplayStep::Kind::Type
               : verb == "scan"       ? ReplayStep::Kind::Scan
               : verb == "screenshot" ? ReplayStep::Kind::Screenshot
               : verb == "expect"     ? ReplayStep::Kind::Expect
                                      : ReplayStep::Kind::ExpectNot;
      s.text = arg;
    } else if (verb == "advance" || verb == "wait") {
      if (!duration(rest, s.ms)) bad("expected a duration like 31s or 500ms");
      s.kind = verb == "advance" ? ReplayStep::Kind::Advance : ReplayStep::Kind::Wait;
    } else {
      bad("unknown step '" + verb + "' (known: tap, type, scan, advance, wait, screenshot, expect, expect-not)");
    }
    if (!r.error.empty()) return r;
    r.steps.push_back(s);
  }
  return r;
}

// [SECTION] Driving

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
  if (!t->enabled) {
    fail(s, "the button \"" + label + "\" is on screen but cannot be tapped now");
    return false;
  }
  m_x = (t->min.x + t->max.x) * 0.5f;
  m_y = (t->min.y + t->max.y) * 0.5f;
  m_down = true;
  m_tap_phase = 1;
  return true;
}

void Replay::after_frame(const ui::FrameRecord& record, ReplayHost& host, long long real_now) {
  if (finished()) return;
  // A tap in progress: the frame just drawn saw the press; release, then settle.
  if (m_tap_phase == 1) {
    m_down = false;
    m_tap_phase = 2;
    return;
  }
  if (m_tap_phase == 2) {
    m_tap_phase = 0;
    m_settle = 2;
  }
  if (m_settle > 0) {
    --m_settle;
    return;
  }
  const ReplayStep& s = m_steps[m_next];
  if (s.kind == ReplayStep::Kind::Type && !m_typing.empty()) {
    const char c = m_typing.front();
    m_typing.erase(0, 1);
    const std::string id = std::string("key:") + static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (start_tap(record, id, s) && m_typing.empty()) ++m_next;
    return;
  }
  switch (s.kind) {
    case ReplayStep::Kind::TapLabel:
      if (start_tap(record, s.text, s)) ++m_next;
      return;
    case ReplayStep::Kind::TapXY:
      m_x = s.x;
      m_y = s.y;
      m_down = true;
      m_tap_phase = 1;
      ++m_next;
      return;
    case ReplayStep::Kind::Type:
      m_typing = s.text;
      for (char c : s.text)
        if (!std::isalpha(static_cast<unsigned char>(c)) && c != ' ' && c != '-' && c != '\'')
          return fail(s, std::string("the on-screen keyboard has no key for '") + c + "'");
      after_frame(record, host, real_now);
      return;
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
        ++m_next;
      }
      return;
    case ReplayStep::Kind::Screenshot: {
      std::string error;
      if (!host.save_screenshot(s.text, error)) return fail(s, "screenshot failed: " + error);
      ++m_next;
      return;
    }
    case ReplayStep::Kind::Expect:
    case ReplayStep::Kind::ExpectNot: {
      const bool shown = record.shows(s.text);
      if (s.kind == ReplayStep::Kind::Expect && !shown) {
        std::string seen;
        for (const auto& t : record.texts) seen += (seen.empty() ? "" : " | ") + t;
        return fail(s, "expected \"" + s.text + "\" on screen; it shows: " + seen);
      }
      if (s.kind == ReplayStep::Kind::ExpectNot && shown) return fail(s, "\"" + s.text + "\" is on screen but should not be");
      ++m_next;
      return;
    }
  }
}

}  // namespace meedoen::platform
