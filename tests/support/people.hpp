// Participants for tests, in one line each: person("p-ayse", "Ayşe", "Yılmaz", "C001", "en").
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

}  // namespace meedoen::test
