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

// A weekly volunteer activity for programme tests: "Breien", Thursday afternoon, 8 places.
inline core::Activity knitting(int capacity = 8) {
  core::Activity a;
  a.id = "a-breien";
  a.title = "Breien";
  a.icon = "craft";
  a.weekday = 3;
  a.dagdeel = core::Dagdeel::Afternoon;
  a.start = 13 * 60 + 30;
  a.end = 15 * 60;
  a.place = "Huiskamer";
  a.leader = "Erik";
  a.capacity = capacity;
  a.volunteer_work = true;
  return a;
}

// The activity with this id in a programme, or null.
inline const core::Activity* find_activity(const std::vector<core::Activity>& programme, const std::string& id) {
  for (const auto& a : programme)
    if (a.id == id) return &a;
  return nullptr;
}

}  // namespace meedoen::test
