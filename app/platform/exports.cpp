// Reading, computing, writing: the coach exports end to end. The documents and files are
// reports/report_files, which meedoen-server shares.
#include "platform/exports.hpp"

#include <filesystem>

#include "config/paths.hpp"
#include "export/cards.hpp"
#include "export/files.hpp"
#include "reports/report_files.hpp"

namespace meedoen::platform {

namespace {

core::ReportInputs base_inputs(const storage::Store& store, const core::KioskConfig& cfg) {
  core::ReportInputs in;
  in.participants = store.load_roster().all();
  in.coaches = store.load_coaches();
  in.programme = store.load_programme();
  in.dagdelen = cfg.dagdelen;
  in.go_live = store.go_live();
  return in;
}

// Attendance of every participant over [from, to] (the store reads it per participant or per date).
std::vector<core::Attendance> attendance_between(const storage::Store& store, const std::string& from,
                                                 const std::string& to) {
  std::vector<core::Attendance> out;
  for (std::string d = from; !d.empty() && d <= to; d = core::add_days(d, 1))
    for (auto& a : store.load_attendance(d)) out.push_back(std::move(a));
  return out;
}

// The centre's locale: the server's setting once synced, else kiosk.toml's.
std::string centre_locale(const storage::Store& store, const core::KioskConfig& cfg) {
  const std::string synced = store.setting("locale");
  return core::valid_locale(synced) ? synced : cfg.locale;
}

}  // namespace

std::string export_dir(const core::KioskConfig& cfg, const std::string& out_override) {
  if (!out_override.empty()) return out_override;
  if (!cfg.export_dir.empty()) return cfg.export_dir;
  return (std::filesystem::path(config::default_database_path()).parent_path() / "exports").string();
}

core::MonthReport load_month_report(const storage::Store& store, const core::KioskConfig& cfg, const std::string& month,
                                    const std::string& only_coach, core::TimeMs now) {
  const core::ReportRange range = core::report_range(month);
  core::ReportInputs in = base_inputs(store, cfg);
  in.attendance = attendance_between(store, range.attendance_from, range.attendance_to);
  in.absences = store.load_absences("", range.attendance_from, range.attendance_to);
  in.signups = store.load_signups(range.attendance_from, range.attendance_to);
  in.hours = store.load_hours("", range.hours_from);
  in.ladder = store.load_ladder("", "0000-01-01", range.month_to);
  in.exits = store.load_exits("0000-01-01", range.month_to);
  return core::month_report(in, month, now, only_coach);
}

core::ProgressReport load_progress_report(const storage::Store& store, const core::KioskConfig& cfg,
                                          const std::string& pid, core::TimeMs now) {
  core::ReportInputs in = base_inputs(store, cfg);
  const std::string today = core::format_date_iso(core::to_local(now));
  const core::Participant* p = nullptr;
  for (const auto& x : in.participants)
    if (x.id == pid) p = &x;
  if (!p) return core::progress_report(in, pid, now);
  const std::string from = core::progress_from(p->start_date, today);
  in.attendance = store.load_attendance_of(pid, from, today);
  in.absences = store.load_absences(pid, from, today);
  for (auto& su : store.load_signups(from, today))
    if (su.participant_id == pid) in.signups.push_back(std::move(su));
  in.hours = store.load_hours(pid, "0000-01-01");
  in.ladder = store.load_ladder(pid, "0000-01-01", today);
  in.exits = store.load_exits("0000-01-01", today);
  return core::progress_report(in, pid, now);
}

ExportResult export_month(const storage::Store& store, const core::KioskConfig& cfg, const ui::Strings& tr,
                          const std::string& month, const std::string& only_coach, const std::string& sender_coach,
                          core::TimeMs now, const std::string& dir) {
  if (!core::valid_month(month)) return {{}, "not a month: \"" + month + "\" (expected YYYY-MM, e.g. 2026-11)"};
  try {
    const core::MonthReport r = load_month_report(store, cfg, month, only_coach, now);
    const auto coaches = store.load_coaches();
    const auto c = reports::document_context(cfg.centre_name, coaches, sender_coach, cfg.ladder_rungs, now,
                                             centre_locale(store, cfg));
    return {reports::write_files(reports::month_files(r, c, coaches, tr), dir), ""};
  } catch (const storage::StorageError& e) {
    return {{}, std::string("cannot read the database: ") + e.what()};
  } catch (const exports::ExportError& e) {
    return {{}, e.what()};
  }
}

ExportResult export_progress(const storage::Store& store, const core::KioskConfig& cfg, const ui::Strings& tr,
                             const std::string& pid, const std::string& sender_coach, core::TimeMs now,
                             const std::string& dir) {
  try {
    const core::ProgressReport r = load_progress_report(store, cfg, pid, now);
    if (!r.found) return {{}, "no participant with id \"" + pid + "\" on the roster"};
    // Sent by the coach who exports; from the command line, by the participant's own coach.
    const std::string sender = sender_coach.empty() ? r.coach_id : sender_coach;
    const auto c = reports::document_context(cfg.centre_name, store.load_coaches(), sender, cfg.ladder_rungs, now,
                                             centre_locale(store, cfg));
    return {reports::write_files(reports::progress_files(r, c, tr), dir), ""};
  } catch (const storage::StorageError& e) {
    return {{}, std::string("cannot read the database: ") + e.what()};
  } catch (const exports::ExportError& e) {
    return {{}, e.what()};
  }
}

ExportResult export_card(const storage::Store& store, const core::KioskConfig& cfg, const std::string& pid,
                         const std::string& dir) {
  try {
    const core::Roster roster = store.load_roster();
    const core::Participant* p = roster.find(pid);
    if (!p) return {{}, "no participant with id \"" + pid + "\" on the roster"};
    if (const std::string why = exports::card_code_problem(p->card_code); !why.empty()) return {{}, why};
    const std::string pdf = exports::to_cards_pdf({cfg.centre_name, {{p->first_name, p->card_code}}});
    exports::ensure_dir(dir);
    const std::string path = (std::filesystem::path(dir) / ("kaart-" + exports::slug(pid) + ".pdf")).string();
    exports::write_file_atomic(path, pdf);
    return {{path}, ""};
  } catch (const exports::ExportError& e) {
    return {{}, e.what()};
  } catch (const storage::StorageError& e) {
    return {{}, std::string("cannot read the database: ") + e.what()};
  }
}

}  // namespace meedoen::platform
