// The running kiosk without its window: state, the reducer, and the commands carried out
// against the store. The window, the replay driver and the tests all drive this one object.
#pragma once
#include <deque>
#include <string>

#include "core/state.hpp"
#include "storage/store.hpp"
#include "ui/i18n.hpp"

namespace meedoen::platform {

class Session {
 public:
  Session(core::KioskConfig config, storage::Store& store);

  // Applies an action and every action that its commands produce, in order.
  void dispatch(core::Action action);
  // Reloads roster, programme and today's attendance from the store.
  void reload(core::TimeMs now);
  // An office PC (meedoen-kiosk --coach): starts at the coach PIN pad and returns there.
  void start_in_coach_mode();
  // The translations exports are written with (the kiosk's; without them the keys show).
  void set_strings(const ui::Strings* tr) { m_tr = tr; }

  const core::State& state() const { return m_state; }
  // Journal writes so far (check-ins and check-outs that wrote an event).
  long writes() const { return m_writes; }
  storage::Store& store() { return m_store; }

 private:
  using FollowUp = std::deque<core::Action>;  // the actions commands answer with, applied in order

  void run(const core::Command& c, FollowUp& follow_up);
  // A failed write's answer, naming a read-only file or a full disk when that is why.
  core::StoreFailed store_failed(const std::string& reason) const;
  // One per core::Command (effects.cpp): run() visits them, so a command without one does not compile.
  void carry_out(const core::VerifyPin& c, FollowUp& follow_up);
  void carry_out(const core::RecordCheckIn& c, FollowUp& follow_up);
  void carry_out(const core::RecordCheckOut& c, FollowUp& follow_up);
  void carry_out(const core::LogLine& c, FollowUp& follow_up);
  void carry_out(const core::LoadParticipant& c, FollowUp& follow_up);
  void carry_out(const core::Record& c, FollowUp& follow_up);
  void carry_out(const core::CloseForgotten& c, FollowUp& follow_up);
  void carry_out(const core::VerifyCoachPin& c, FollowUp& follow_up);
  void carry_out(const core::LoadCoachData& c, FollowUp& follow_up);
  void carry_out(const core::RecordCoach& c, FollowUp& follow_up);
  core::DataLoaded load_data(core::TimeMs now);  // roster, programme, today; throws storage::StorageError
  void carry_out(const core::LoadMonthReport& c, FollowUp& follow_up);
  void carry_out(const core::ExportMonth& c, FollowUp& follow_up);
  void carry_out(const core::ExportProgress& c, FollowUp& follow_up);
  void carry_out(const core::PrintCard& c, FollowUp& follow_up);
  void carry_out(const core::SaveActivity& c, FollowUp& follow_up);
  void carry_out(const core::VerifyOwnCoachPin& c, FollowUp& follow_up);
  void carry_out(const core::SaveCoachPin& c, FollowUp& follow_up);
  void carry_out(const core::SaveLockout& c, FollowUp& follow_up);

  core::State m_state;
  storage::Store& m_store;
  const ui::Strings* m_tr = nullptr;
  long m_writes = 0;
};

}  // namespace meedoen::platform
