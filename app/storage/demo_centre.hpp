// "De Cirkel (demo)": an embedded demo centre for trying the kiosk and for tests.
#pragma once
#include "storage/store.hpp"

namespace meedoen::storage {

constexpr int kDemoParticipants = 42;

// Fills an empty store with the demo centre: participant N has card DEMO%04d and PIN %04d.
// Does nothing when the store already has a roster. Returns true when it seeded.
bool seed_demo_centre(Store& store);

}  // namespace meedoen::storage
