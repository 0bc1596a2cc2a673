// Carrying out the reducer's commands: PIN checks and durable journal writes.
#include <random>
#include <variant>

#include "core/ids.hpp"
#include "platform/exports.hpp"

#include "platform/log.hpp"
#include "platform/session.hpp"
#include "storage/at_rest.hpp"
#include "storage/pin_hash.hpp"

namespace meedoen::platform {

Session::Session(core::KioskConfig config, storage::Store& store) : m_store(store) {
  m_state.config = std::move(config);
  m_state.language = m_state.config.default_language;
  m_state.storage_fault = store.health().fault;
  // A stolen kiosk must reveal nothing without the key: where the settings ask for an encrypted
  // disk and this is not one, the coach's Today names it, and the log does.
  if (m_state.config.require_encrypted_storage) {
    const storage::AtRest at_rest = storage::check_at_rest(store.path());
    if (!at_rest.encrypted) {
      m_state.storage_unprotected = at_rest.device;
      log_line("the database " + store.path() + " is not on an encrypted disk ([security] " +
               "require_encrypted_storage): " + at_rest.detail + "; see docs/deploy.md");
    } else {
      log_line("the database is on an encrypted disk: " + at_rest.detail);
    }
  }
  // A restart clears no lockout: the coach lock and PIN pauses are read back before any PIN.
  if (m_state.storage_fault == core::StorageFault::None) {
    try {
      core::restore_lockouts(m_state, store.load_lockouts());
    } catch (const storage::StorageError& e) {
      log_line(std::string("could not read the PIN lockouts: ") + e.what());
    }
  }
}

core::StoreFailed Session::store_failed(const std::string& reason) const {
  return core::StoreFailed{reason, core::Notice::StoreFailed, m_store.diagnose().fault};
}

namespace {

std::string local_date(core::TimeMs t) { return core::format_date_iso(core::to_local(t)); }

// The week of sign-ups the kiosk shows: today and the coming six days.
std::vector<core::SignUp> week_signups(const storage::Store& store, core::TimeMs now) {
  const std::string today = local_date(now);
  return store.load_signups(today, core::add_days(today, core::kWeekDays - 1));
}

// Everything the screens may show to this participant, and nothing about anyone else.
core::ParticipantData participant_data(const storage::Store& store, const std::string& pid, core::TimeMs now) {
  const core::LocalTime lt = core::to_local(now);
  const std::string today = core::format_date_iso(lt);
  core::LocalTime first = lt;
  first.day = 1;
  core::ParticipantData d;
  d.participant_id = pid;
  d.recent = store.load_attendance_of(pid, core::add_days(today, -35), today);
  d.absences = store.load_absences(pid, today, core::add_days(today, 60));
  d.hours = store.load_hours(pid, core::add_days(core::format_date_iso(first), -31));
  d.appointments = store.load_appointments(pid, now);
  d.approved_minutes_total = store.approved_minutes_total(pid);
  d.days_present_total = store.days_present_total(pid);
  return d;
}

// What the coach's Today screen needs: today's attendances and absences, hours waiting, the
// recent check-outs nobody settled, and when each participant was last here.
core::CoachData coach_data(const storage::Store& store, core::TimeMs now, const std::string& person) {
  const std::string today = local_date(now);
  core::CoachData d;
  d.coaches = store.load_coaches();
  d.today = store.load_attendance(today);
  d.absences = store.load_absences("", today, today);
  for (auto& h : store.load_hours("", core::add_days(today, -92)))
    if (h.status == core::HoursStatus::Waiting) d.hours_waiting.push_back(std::move(h));
  // As far back as the kiosk asks participants about them; older ones are the history's.
  for (int back = core::kQuestionDays; back >= 0; --back)
    for (auto& a : back == 0 ? d.today : store.load_attendance(core::add_days(today, -back)))
      if (!a.open() && ((a.auto_closed && !a.answered) || a.proposed_end > 0)) d.unresolved.push_back(a);
  d.last_seen = store.last_present(core::add_days(today, 1));
  d.last_talk = store.last_talks();
  for (const auto& a : store.load_ladder("", "0000-01-01", today)) d.ladder_now[a.participant_id] = a;  // oldest first
  d.exits = store.load_exits("0000-01-01", "9999-12-31");
  d.go_live = store.go_live();
  d.next_talk = store.next_appointments(now);
  // Received in the last two weeks (as far back as Today looks at check-outs): older ones were seen.
  d.clock_off = store.load_clock_off(now - core::minutes(60 * 24 * core::kQuestionDays));
  if (!person.empty()) {
    core::PersonData& p = d.person;
    p.participant_id = person;
    const std::string from = core::add_days(today, -7 * core::kStripWeeks);
    p.attendance = store.load_attendance_of(person, from, today);
    p.absences = store.load_absences(person, from, core::add_days(today, core::kWeekDays));
    p.hours = store.load_hours(person, "0000-01-01");
    p.ladder = store.load_ladder(person, "0000-01-01", today);
    p.notes = store.load_notes(person);
    p.appointments = store.load_appointments(person, now);
    p.history = store.events_of(person);
  }
  d.loaded = true;
  return d;
}

}  // namespace

void Session::start_in_coach_mode() {
  m_state.coach.office = true;
  m_state.screen = core::Screen::CoachPin;
}

core::DataLoaded Session::load_data(core::TimeMs now) {
  core::DataLoaded d;
  d.roster = std::make_shared<const core::Roster>(m_store.load_roster());
  d.programme = m_store.load_programme();
  d.today = m_store.load_attendance(local_date(now));
  d.signups = week_signups(m_store, now);
  d.places = m_store.load_places();
  d.coaches = m_store.load_coaches_with_pin();
  return d;
}

void Session::reload(core::TimeMs now) {
  try {
    dispatch(load_data(now));
  } catch (const storage::StorageError& e) {
    log_line(std::string("could not load the roster: ") + e.what());
  }
}

void Session::dispatch(core::Action action) {
  FollowUp queue;
  queue.push_back(std::move(action));
  while (!queue.empty()) {
    core::Step step = core::update(std::move(m_state), queue.front());
    queue.pop_front();
    m_state = std::move(step.state);
    for (const auto& c : step.commands) run(c, queue);
  }
}

// One carry_out() per command (below); the lambda only forwards, so a Command without its
// carry_out() does not compile.
void Session::run(const core::Command& command, FollowUp& follow_up) {
  std::visit([&](const auto& c) { carry_out(c, follow_up); }, command);
}

void Session::carry_out(const core::VerifyPin& c, FollowUp& follow_up) {
  bool ok = false;
  try {
    ok = m_store.verify_pin(c.participant_id, c.pin);
  } catch (const storage::StorageError& e) {
    log_line(std::string("PIN check failed: ") + e.what());
  }
  follow_up.push_back(core::PinChecked{c.participant_id, ok});
}

void Session::carry_out(const core::RecordCheckIn& c, FollowUp& follow_up) {
  try {
    // Returns only after the transaction is durably committed: then the screen may confirm.
    const auto r = m_store.check_in(c.participant_id, c.at, c.date, c.dagdeel);
    if (r.new_event) ++m_writes;
    else log_line("check-in for " + c.participant_id + " already recorded, nothing written");
    follow_up.push_back(core::AttendanceStored{r.attendance, core::Outcome::CheckedIn});
  } catch (const storage::StorageError& e) {
    follow_up.push_back(store_failed(e.what()));
  }
}

void Session::carry_out(const core::RecordCheckOut& c, FollowUp& follow_up) {
  try {
    const auto r = m_store.check_out(c.participant_id, c.at, c.date);
    ++m_writes;
    follow_up.push_back(core::AttendanceStored{r.attendance, core::Outcome::CheckedOut});
  } catch (const storage::StorageError& e) {
    follow_up.push_back(store_failed(e.what()));
  }
}

void Session::carry_out(const core::LogLine& c, FollowUp&) { log_line(c.text); }

void Session::carry_out(const core::LoadParticipant& c, FollowUp& follow_up) {
  try {
    follow_up.push_back(core::ParticipantLoaded{participant_data(m_store, c.participant_id, c.now)});
  } catch (const storage::StorageError& e) {
    log_line(std::string("could not load a participant's data: ") + e.what());
  }
}

void Session::carry_out(const core::Record& c, FollowUp& follow_up) {
  try {
    m_store.record(c.participant_id, c.bodies, c.now);
    m_writes += static_cast<long>(c.bodies.size());
    // A new language preference is in the participant's row (same transaction): the roster has it at once.
    if (!c.bodies.empty() && std::holds_alternative<core::ev::LanguageChosen>(c.bodies.front()))
      follow_up.push_back(load_data(c.now));
  } catch (const storage::StorageError& e) {
    follow_up.push_back(store_failed(e.what()));
    return;
  }
  try {
    follow_up.push_back(
        core::Recorded{c.bodies, participant_data(m_store, c.participant_id, c.now), week_signups(m_store, c.now)});
  } catch (const storage::StorageError& e) {
    // The events are stored; only the fresh view could not be read.
    log_line(std::string("stored, but could not reload: ") + e.what());
    follow_up.push_back(core::Recorded{c.bodies, {}, {}});
  }
}

void Session::carry_out(const core::VerifyCoachPin& c, FollowUp& follow_up) {
  std::string coach;
  try {
    coach = m_store.find_coach_by_pin(c.pin);
  } catch (const storage::StorageError& e) {
    log_line(std::string("coach PIN check failed: ") + e.what());
  }
  follow_up.push_back(core::CoachPinChecked{coach});
}

void Session::carry_out(const core::LoadCoachData& c, FollowUp& follow_up) {
  try {
    follow_up.push_back(core::CoachDataLoaded{coach_data(m_store, c.now, c.person_id)});
  } catch (const storage::StorageError& e) {
    log_line(std::string("could not load coach data: ") + e.what());
    follow_up.push_back(store_failed(e.what()));
  }
}

void Session::carry_out(const core::RecordCoach& c, FollowUp& follow_up) {
  try {
    m_store.record(c.participant_id, c.body, c.now);
    ++m_writes;
    log_line(std::string("coach decision recorded: ") + core::event_type(c.body) + " for " + c.participant_id);
    // New agreements are in the participant's row (same transaction): the roster shows them at once.
    if (std::holds_alternative<core::ev::AgreementsChanged>(c.body)) follow_up.push_back(load_data(c.now));
    follow_up.push_back(core::CoachDataLoaded{coach_data(m_store, c.now, c.person_id)});
  } catch (const storage::StorageError& e) {
    follow_up.push_back(store_failed(e.what()));
  }
}

void Session::carry_out(const core::LoadMonthReport& c, FollowUp& follow_up) {
  try {
    follow_up.push_back(core::ReportLoaded{load_month_report(m_store, m_state.config, c.month, c.coach_id, c.now)});
  } catch (const storage::StorageError& e) {
    log_line(std::string("could not load the month report: ") + e.what());
    follow_up.push_back(store_failed(e.what()));
  }
}

void Session::carry_out(const core::ExportMonth& c, FollowUp& follow_up) {
  static const ui::Strings no_strings;
  const ExportResult r = export_month(m_store, m_state.config, m_tr ? *m_tr : no_strings, c.month, c.only_coach,
                                      c.sender_coach, c.now, export_dir(m_state.config));
  follow_up.push_back(core::ExportFinished{r.paths, r.error});
}

void Session::carry_out(const core::ExportProgress& c, FollowUp& follow_up) {
  static const ui::Strings no_strings;
  const ExportResult r = export_progress(m_store, m_state.config, m_tr ? *m_tr : no_strings, c.participant_id,
                                         c.sender_coach, c.now, export_dir(m_state.config));
  follow_up.push_back(core::ExportFinished{r.paths, r.error});
}

void Session::carry_out(const core::PrintCard& c, FollowUp& follow_up) {
  const ExportResult r = export_card(m_store, m_state.config, c.participant_id, export_dir(m_state.config));
  follow_up.push_back(core::ExportFinished{r.paths, r.error});
}

void Session::carry_out(const core::SaveActivity& c, FollowUp& follow_up) {
  core::prog::Stored done;
  core::Activity a = c.activity;
  if (a.id.empty()) {
    // A new activity: a UUIDv7, so two kiosks creating one offline never pick the same id.
    std::random_device rd;
    core::RandomBytes r;
    for (auto& b : r) b = static_cast<std::uint8_t>(rd());
    a.id = core::make_uuid_v7(c.now, r);
  }
  done.saved = a;
  try {
    m_store.record("", core::ev::ActivitySaved{a, c.coach_id}, c.now);
    ++m_writes;
    log_line("activity " + a.id + " saved by coach " + c.coach_id + (a.active ? "" : " (taken off the programme)"));
    done.ok = true;
  } catch (const storage::StorageError& e) {
    done.error = e.what();  // nothing was stored: the form stays for another try
  }
  if (done.ok) {
    try {
      done.programme = m_store.load_programme();
      done.signups = week_signups(m_store, c.now);
    } catch (const storage::StorageError& e) {
      // Stored: saving again would make a second activity. The reducer shows what was saved.
      log_line(std::string("activity stored, but could not reload the programme: ") + e.what());
      done.reloaded = false;
    }
  }
  follow_up.push_back(std::move(done));
}

void Session::carry_out(const core::VerifyOwnCoachPin& c, FollowUp& follow_up) {
  bool ok = false;
  try {
    ok = m_store.verify_coach_pin(c.coach_id, c.pin);
  } catch (const storage::StorageError& e) {
    log_line(std::string("coach PIN check failed: ") + e.what());
  }
  follow_up.push_back(core::CoachOwnPinChecked{ok});
}

void Session::carry_out(const core::SaveCoachPin& c, FollowUp& follow_up) {
  using Result = core::CoachPinSaved::Result;
  try {
    // Coach mode opens by the PIN alone: a PIN another coach has would open theirs (or this
    // coach's for them). The answer does not say whose it is.
    const std::string holder = m_store.find_coach_by_pin(c.pin);
    if (!holder.empty() && holder != c.coach_id) {
      log_line("coach " + c.coach_id + " chose a PIN another coach has; asked for another");
      follow_up.push_back(core::CoachPinSaved{Result::Taken, ""});
      return;
    }
    // The event and the coach's row in one durable transaction (projection: coach/<id>).
    m_store.record("", core::ev::CoachPinChanged{c.coach_id, storage::hash_pin(c.pin)}, c.now);
    ++m_writes;
    follow_up.push_back(core::CoachPinSaved{Result::Saved, ""});
  } catch (const std::exception& e) {  // StorageError, or libsodium out of memory
    follow_up.push_back(core::CoachPinSaved{Result::Failed, e.what()});
  }
}

void Session::carry_out(const core::SaveLockout& c, FollowUp& follow_up) {
  try {
    m_store.save_lockout(c.lockout);
  } catch (const storage::StorageError& e) {
    // The count stays in memory; the coach hears that the kiosk cannot write.
    follow_up.push_back(store_failed(e.what()));
  }
}

void Session::carry_out(const core::CloseForgotten& c, FollowUp& follow_up) {
  core::ForgottenClosed done;
  try {
    const auto closed = m_store.close_forgotten(c.now, m_state.config);
    m_writes += static_cast<long>(closed.size());
    for (const auto& a : closed)
      log_line("check-out of " + a.participant_id + " on " + a.date + " closed at the end of the " +
               core::dagdeel_key(a.dagdeel) + " (not checked out)");
    done.today = m_store.load_attendance(local_date(c.now));
  } catch (const storage::StorageError& e) {
    log_line(std::string("could not close forgotten check-outs: ") + e.what());
    done.today = m_state.today;
    std::erase_if(done.today, [](const core::Attendance& a) { return a.open(); });  // no retry loop
  }
  follow_up.push_back(std::move(done));
}

}  // namespace meedoen::platform
