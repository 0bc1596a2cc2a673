// Participants for tests, in one line each: person("p-ayse", "Ayşe", "Yılmaz", "C001", "en"); and
// their ladder assessments.
#pragma once
#include "core/model.hpp"

namespace meedoen::test {

inline core::Participant person(const char* id, const char* first, const char* last, const char* card = "",
                                const char* language = "") {
  core::Participant p;
  p.id = id;
  p.first_name = first;
  p.last_name = last;
  p.card_code = card;
  p.language = language;
  return p;
}

// A ladder assessment in one line: assessment("p-ayse", "2026-11-02", 3, 2, "c-marloes").
inline core::LadderAssessment assessment(const char* participant, const char* date, int rung, int progress,
                                         const char* coach = "c-marloes") {
  core::LadderAssessment a;
  a.participant_id = participant;
  a.date = date;
  a.rung = rung;
  a.progress = progress;
  a.coach_id = coach;
  return a;
}

}  // namespace meedoen::test
