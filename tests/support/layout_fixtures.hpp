// Centres the layout test draws beyond the everyday one (ui_fixtures.hpp): more than a page holds,
// so a page button is enabled where it meets the coach's lock.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/state.hpp"
#include "support/people.hpp"
#include "support/ui_fixtures.hpp"

namespace meedoen::test {

// The photo grid with more faces than a page holds: "Volgende" enabled, in the coach lock's corner.
inline core::State crowded_photo_grid_centre() {
  core::State s = photo_grid_centre();
  std::vector<core::Participant> all = s.roster->all();
  const char* firsts[] = {"Bram", "Chantal", "Daan", "Esra", "Gerrit", "Hanna", "Ilse", "Joris", "Kees", "Lotte"};
  for (int i = 0; i < 10; ++i) {
    core::Participant p = person(("p-extra-" + std::to_string(i)).c_str(), firsts[i], "de Vries");
    p.photo_consent = true;
    all.push_back(p);
  }
  s.roster = std::make_shared<const core::Roster>(all);
  return s;
}

}  // namespace meedoen::test
