// Read aloud: what a participant screen says when the speaker button is tapped (its title, its
// main message and its choices, in the session's language), and when speech starts or stops.
// Plain values built from the view models, so they are unit-tested without audio; the platform
// speaks them (platform/speech.hpp) and knows nothing of screens.
#pragma once
#include <string>
#include <vector>

#include "core/state.hpp"

namespace meedoen::ui {

struct SpokenPart {
  std::string id;    // the message id in the catalogue (names a recorded clip); "" for names and numbers
  std::string text;  // as on screen
};

struct Spoken {
  std::string language;
  std::vector<SpokenPart> parts;
  bool empty() const { return parts.empty(); }
  std::string text() const;  // the parts as one text, each ending in a pause (". ")
};

struct FrameView;

// The spoken description of the frame's screen (empty on coach screens); a notice comes first.
Spoken make_spoken(const core::State& s, const FrameView& v);

// When to speak, frame by frame: a new tap on the speaker says the screen; once the participant
// used it, a confirmation (the confirmation screen, good news, the check-out question) is said
// when it appears; back on the welcome screen, in coach mode or when someone else identifies,
// speech stops.
class SpeechCues {
 public:
  struct Cue {
    enum class Kind { None, Say, Stop };
    Kind kind = Kind::None;
    Spoken what;
  };
  Cue next(const core::State& s, const FrameView& v);

 private:
  bool m_started = false;
  int m_requests = 0;
  core::Screen m_screen = core::Screen::Welcome;
  std::string m_notice;
  std::string m_participant;
};

}  // namespace meedoen::ui
