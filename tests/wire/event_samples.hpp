// One sample body of every event type, every field set to something other than its default, for
// the golden and round-trip tests of the event table and its codec.
#pragma once
#include <vector>

#include "core/journal.hpp"

namespace meedoen::test {

inline std::vector<core::EventBody> event_samples() {
  using namespace core;
  constexpr TimeMs t = 1'795'423'320'000;  // Monday 2026-11-23 09:42 CET
  Activity a;
  a.id = "a-koken";
  a.title = "Koken \"met\" Çağrı";
  a.icon = "cooking";
  a.weekday = 3;
  a.dagdeel = Dagdeel::Afternoon;
  a.start = 13 * 60 + 30;
  a.end = 15 * 60 + 5;
  a.place = "Keuken";
  a.leader = "Marloes";
  a.capacity = 8;
  a.volunteer_work = true;
  a.active = false;
  a.date = "2026-11-26";
  ev::LadderAssessed ladder_sample{"2026-11-23", LadderMoment::Exit, 4, 3, {}, "c-1"};
  ladder_sample.areas = {AreaStatus::Working, AreaStatus::None, AreaStatus::UnderControl, AreaStatus::Working,
                         AreaStatus::None};
  return {
      ev::CheckIn{"2026-11-23", Dagdeel::Evening, t},
      ev::CheckOut{"2026-11-23", t + 1},
      ev::AutoCheckOut{"2026-11-23", "e-in", t + 2},
      ev::CheckoutConfirmed{"2026-11-23", "e-in"},
      ev::CorrectionRequested{"2026-11-23", "e-in", t + 3},
      ev::SignedUp{"a-koken", "2026-11-26"},
      ev::SignUpCancelled{"a-koken", "2026-11-26"},
      ev::AbsenceReported{"2026-11-24", Dagdeel::Afternoon, AbsenceReason::Appointment, "c-1"},
      ev::AbsenceWithdrawn{"e-abs"},
      ev::HoursLogged{"2026-11-23", "Voedselbank\n\"2e\" \\ verdieping", 195},
      ev::HoursDecided{"e-hours", true, 180, "pauze", "c-1"},
      ev::CorrectionDecided{"e-corr", "e-in", "2026-11-23", true, t + 4, "seen", "c-1"},
      ev::AttendanceRecorded{"2026-11-23", Dagdeel::Morning, t - 5, t + 5, "checked", "c-1"},
      ladder_sample,
      ev::NoteAdded{"2026-11-23", "Gesprek over werk; één regel", true, "c-1"},
      ev::ParticipantLeft{"2026-11-23", ExitReason::SubsidisedWork, "c-1"},
      ev::ActivitySaved{a, "c-1"},
      ev::CoachPinChanged{"c-1", "$argon2id$v=19$m=4096,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo"},
      ev::AgreementsChanged{"2026-09-01", "2027-08-31",
                            static_cast<int>(agreed_bit(0, Dagdeel::Morning) | agreed_bit(2, Dagdeel::Afternoon)), 14,
                            270, true, true, "c-1"},
      ev::CheckoutUnknown{"2026-11-23", "e-in"},
      ev::LanguageChosen{"pl"},
  };
}

}  // namespace meedoen::test
