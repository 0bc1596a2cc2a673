// Carrying out the reducer's commands: PIN checks and durable journal writes.
#include <variant>

#include "platform/log.hpp"
#include "platform/session.hpp"

namespace meedoen::platform {

Session::Session(core::KioskConfig config, storage::Store& store) : m_store(store) {
  m_state.config = std::move(config);
  m_state.language = m_state.config.default_language;
}

void Session::reload(core::TimeMs now) {
  try {
    core::DataLoaded d;
    d.roster = std::make_shared<const core::Roster>(m_store.load_roster());
    d.programme = m_store.load_programme();
    d.today = m_store.load_attendance(core::format_date_iso(core::to_local(now)));
    dispatch(std::move(d));
  } catch (const storage::StorageError& e) {
    log_line(std::string("could not load the roster: ") + e.what());
  }
}

void Session::dispatch(core::Action action) {
  std::deque<core::Action> queue;
  queue.push_back(std::move(action));
  while (!queue.empty()) {
    core::Step step = core::update(std::move(m_state), queue.front());
    queue.pop_front();
    m_state = std::move(step.state);
    for (const auto& c : step.commands) run(c, queue);
  }
}

void Session::run(const core::Command& command, std::deque<core::Action>& follow_up) {
  if (const auto* c = std::get_if<core::VerifyPin>(&command)) {
    bool ok = false;
    try {
      ok = m_store.verify_pin(c->participant_id, c->pin);
    } catch (const storage::StorageError& e) {
      log_line(std::string("PIN check failed: ") + e.what());
    }
    follow_up.push_back(core::PinChecked{c->participant_id, ok});
  } else if (const auto* c = std::get_if<core::RecordCheckIn>(&command)) {
    try {
      // Returns only after the transaction is durably committed: then the screen may confirm.
      const auto r = m_store.check_in(c->participant_id, c->at, c->date, c->dagdeel);
      if (r.new_event) ++m_writes;
      else log_line("check-in for " + c->participant_id + " already recorded, nothing written");
      follow_up.push_back(core::AttendanceStored{r.attendance, core::Outcome::CheckedIn});
    } catch (const storage::StorageError& e) {
      follow_up.push_back(core::StoreFailed{e.what()});
    }
  } else if (const auto* c = std::get_if<core::RecordCheckOut>(&command)) {
    try {
      const auto r = m_store.check_out(c->participant_id, c->at, c->date);
      ++m_writes;
      follow_up.push_back(core::AttendanceStored{r.attendance, core::Outcome::CheckedOut});
    } catch (const storage::StorageError& e) {
      follow_up.push_back(core::StoreFailed{e.what()});
    }
  } else if (const auto* c = std::get_if<core::LogLine>(&command)) {
    log_line(c->text);
  }
}

}  // namespace meedoen::platform
