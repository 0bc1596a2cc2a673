// Reading, computing, writing: the coach exports end to end.
#include "platform/exports.hpp"

#include <cstdlib>
#include <filesystem>

#include "config/paths.hpp"
#include "export/cards.hpp"
#include "export/csv.hpp"
#include "export/files.hpp"
#include "export/pdf.hpp"
#include "ui/report_views.hpp"

namespace meedoen::platform {

namespace {

core::ReportInputs base_inputs(const storage::Store& store, const core::KioskConfig& cfg) {
  core::ReportInputs in;
  in.participants = store.load_roster().all();
  in.coaches = store.load_coaches();
  in.programme = store.load_programme();
  in.dagdelen = cfg.dagdelen;
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

std::string coach_name_of(const storage::Store& store, const std::string& id) {
  for (const auto& c : store.load_coaches())
    if (c.id == id) return c.name;
  return id;
}

ui::DocumentContext context(const storage::Store& store, const core::KioskConfig& cfg, const std::string& sender,
                            core::TimeMs now) {
  ui::DocumentContext c;
  c.centre = cfg.centre_name;
  c.sender_name = sender.empty() ? "" : coach_name_of(store, sender);
  c.ladder_rungs = cfg.ladder_rungs;
  c.today = core::format_date_iso(core::to_local(now));
  return c;
}

ExportResult write_both(const exports::Document& d, const std::string& dir, const std::string& stem) {
  ExportResult r;
  try {
    exports::ensure_dir(dir);
    const std::string base = (std::filesystem::path(dir) / stem).string();
    // Both built before either is written: a failure leaves no half pair behind.
    const std::string csv = exports::to_csv(d);
    const std::string pdf = exports::to_pdf(d);
    exports::write_file_atomic(base + ".csv", csv);
    r.paths.push_back(base + ".csv");
    exports::write_file_atomic(base + ".pdf", pdf);
    r.paths.push_back(base + ".pdf");
  } catch (const exports::ExportError& e) {
    r.error = e.what();
  }
  return r;
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
    const exports::Document d = ui::make_month_document(r, context(store, cfg, sender_coach, now), tr);
    std::string stem = "maandoverzicht-" + month + "-" + exports::slug(cfg.centre_name);
    if (!only_coach.empty()) stem += "-" + exports::slug(coach_name_of(store, only_coach));
    return write_both(d, dir, stem);
  } catch (const storage::StorageError& e) {
    return {{}, std::string("cannot read the database: ") + e.what()};
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
    const exports::Document d = ui::make_progress_document(r, context(store, cfg, sender, now), tr);
    return write_both(d, dir, "voortgang-" + exports::slug(pid) + "-" + r.date);
  } catch (const storage::StorageError& e) {
    return {{}, std::string("cannot read the database: ") + e.what()};
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
