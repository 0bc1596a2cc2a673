// Participants for tests, in one line each: person("p-ayse", "Ayşe", "Yılmaz", "C001", "en"); and
// their ladder assessments.
#pragma once
#include <optional>
#include <string>
#include <vector>

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

// An activity in one line, chained: activity("a-koken").title("Samen koken").on(0).at(13 * 60, 15 * 60).
// Weekly on Monday 10:00-11:00 unless told otherwise; the title is the id until set; at() sets the
// dagdeel the start falls in (before 12:00 morning, before 18:00 afternoon, else evening).
class activity {
 public:
  explicit activity(const char* id) {
    m_a.id = id;
    m_a.title = id;
    at(10 * 60, 11 * 60);
  }
  activity& title(const char* t) {
    m_a.title = t;
    return *this;
  }
  activity& icon(const char* i) {
    m_a.icon = i;
    return *this;
  }
  activity& on(int weekday) {
    m_a.weekday = weekday;
    return *this;
  }
  activity& at(int start, int end) {
    m_a.start = start;
    m_a.end = end;
    m_a.dagdeel = start < 12 * 60   ? core::Dagdeel::Morning
                  : start < 18 * 60 ? core::Dagdeel::Afternoon
                                    : core::Dagdeel::Evening;
    return *this;
  }
  activity& place(const char* p) {
    m_a.place = p;
    return *this;
  }
  activity& capacity(int n) {
    m_a.capacity = n;
    return *this;
  }
  activity& volunteer() {
    m_a.volunteer_work = true;
    return *this;
  }
  activity& inactive() {
    m_a.active = false;
    return *this;
  }
  operator core::Activity() const { return m_a; }  // NOLINT: a builder reads as the value it builds

 private:
  core::Activity m_a;
};

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

// A copy of the activity with this id in a programme, if there is one: a copy, so a programme
// loaded for the call (a temporary) can go (a pointer into it read freed memory in a sync test).
inline std::optional<core::Activity> find_activity(const std::vector<core::Activity>& programme,
                                                   const std::string& id) {
  for (const auto& a : programme)
    if (a.id == id) return a;
  return std::nullopt;
}

}  // namespace meedoen::test
