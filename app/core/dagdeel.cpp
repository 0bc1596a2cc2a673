// Dagdeel keys and lookup.
#include "core/model.hpp"

namespace meedoen::core {

const char* dagdeel_key(Dagdeel d) {
  switch (d) {
    case Dagdeel::Morning: return "morning";
    case Dagdeel::Afternoon: return "afternoon";
    case Dagdeel::Evening: return "evening";
  }
  return "morning";
}

bool dagdeel_from_key(const std::string& key, Dagdeel& out) {
  for (Dagdeel d : kDagdelen)
    if (key == dagdeel_key(d)) {
      out = d;
      return true;
    }
  return false;
}

Dagdeel dagdeel_at(const KioskConfig& cfg, int minute) {
  for (Dagdeel d : kDagdelen) {
    const auto& t = cfg.dagdelen[static_cast<int>(d)];
    if (minute >= t.start && minute < t.end) return d;
  }
  for (Dagdeel d : kDagdelen)
    if (minute < cfg.dagdelen[static_cast<int>(d)].start) return d;
  return Dagdeel::Evening;
}

}  // namespace meedoen::core
