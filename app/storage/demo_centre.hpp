// "De Cirkel (demo)": an embedded demo centre for trying the kiosk and for tests.
#pragma once
#include "storage/store.hpp"

namespace meedoen::storage {

constexpr int kDemoParticipants = 42;

// The demo's coaches and their PINs for trying coach mode (README), on the demo kiosk and on a
// server's demo centre (meedoen-server create-centre --demo) alike.
struct DemoCoach {
  const char* id;
  const char* name;
  const char* pin;
};
inline constexpr DemoCoach kDemoCoaches[] = {{"demo-coach-1", "Marloes Kuipers", "246810"},
                                             {"demo-coach-2", "Erik Bos", "135790"}};

// Fills an empty store with the demo centre: participant N has card DEMO%04d and PIN %04d.
// Does nothing when the store already has a roster. Returns true when it seeded.
// Creates the demo centre in an empty database: roster, coaches, programme, volunteer places,
// and four weeks of history up to now (attendance, hours, sign-ups, an absence, appointments,
// one forgotten check-out), so every screen has something true to show. false when the
// database already has a roster.
bool seed_demo_centre(Store& store, core::TimeMs now);

}  // namespace meedoen::storage
