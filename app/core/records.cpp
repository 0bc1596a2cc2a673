// Keys of the coach's records (core/model.hpp): what the journal stores for ladder problem
// areas, assessment moments and exit reasons.
#include "core/model.hpp"

namespace meedoen::core {

namespace {

template <typename E, std::size_t N>
bool from_key(const std::array<E, N>& all, const char* (*key)(E), const std::string& k, E& out) {
  for (E e : all)
    if (k == key(e)) {
      out = e;
      return true;
    }
  return false;
}

}  // namespace

const char* area_key(ProblemArea a) {
  switch (a) {
    case ProblemArea::Psychological: return "psychological";
    case ProblemArea::Financial: return "financial";
    case ProblemArea::Social: return "social";
    case ProblemArea::Addiction: return "addiction";
    case ProblemArea::Physical: return "physical";
  }
  return "psychological";
}

const char* area_status_key(AreaStatus s) {
  switch (s) {
    case AreaStatus::None: return "none";
    case AreaStatus::Working: return "working";
    case AreaStatus::UnderControl: return "under_control";
  }
  return "none";
}

bool area_status_from_key(const std::string& key, AreaStatus& out) {
  constexpr std::array<AreaStatus, 3> all{AreaStatus::None, AreaStatus::Working, AreaStatus::UnderControl};
  return from_key(all, area_status_key, key, out);
}

const char* moment_key(LadderMoment m) {
  switch (m) {
    case LadderMoment::Start: return "start";
    case LadderMoment::Monthly: return "monthly";
    case LadderMoment::Exit: return "exit";
  }
  return "monthly";
}

bool moment_from_key(const std::string& key, LadderMoment& out) {
  constexpr std::array<LadderMoment, 3> all{LadderMoment::Start, LadderMoment::Monthly, LadderMoment::Exit};
  return from_key(all, moment_key, key, out);
}

const char* exit_reason_key(ExitReason r) {
  switch (r) {
    case ExitReason::Work: return "work";
    case ExitReason::SubsidisedWork: return "subsidised_work";
    case ExitReason::VolunteerWork: return "volunteer_work";
    case ExitReason::OtherProgramme: return "other_programme";
    case ExitReason::Care: return "care";
    case ExitReason::OffBenefit: return "off_benefit";
    case ExitReason::Moved: return "moved";
    case ExitReason::Stopped: return "stopped";
    case ExitReason::Other: return "other";
  }
  return "other";
}

bool exit_reason_from_key(const std::string& key, ExitReason& out) {
  return from_key(kExitReasons, exit_reason_key, key, out);
}

}  // namespace meedoen::core
