// Checking a report request, computing it and making its files.
#include "server/report_files.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "server/report_inputs.hpp"
#include "ui/i18n.hpp"

namespace meedoen::server {

namespace {

// The words of a report: the kiosk's catalogues (assets/i18n), in the requested language.
ui::Strings strings_for(const std::string& language) {
  const std::vector<std::string>& languages = core::KioskConfig{}.languages;
  if (std::find(languages.begin(), languages.end(), language) == languages.end()) {
    std::string list;
    for (const auto& l : languages) list += (list.empty() ? "" : ", ") + l;
    throw UsageError("unknown language \"" + language + "\" (one of " + list + ")");
  }
  ui::Strings tr;
  tr.load(ui::assets_dir() + "/i18n", languages);
  tr.set_language(language);
  if (tr.get("language.name") == "language.name")
    throw ServerError("the translations are missing in " + ui::assets_dir() + "/i18n (set MEEDOEN_ASSETS)");
  return tr;
}

void require_centre(const ServerStore& s, const std::string& centre) {
  if (centre.empty()) throw UsageError("centre is missing (centre=ID)");
  if (!s.centre_exists(centre)) throw NotFound("there is no centre \"" + centre + "\"");
}

void require_month(const std::string& month) {
  if (!core::valid_month(month))
    throw UsageError("month must be YYYY-MM with a month 01-12, e.g. 2026-11; got \"" + month + "\"");
}

// The centre's "locale" setting (meedoen-server set-locale), else Dutch: the centres are Dutch.
std::string centre_locale(const ServerStore& s, const std::string& centre) {
  const std::string setting = s.setting(centre, "locale");
  return core::valid_locale(setting) ? setting : core::KioskConfig{}.locale;
}

ui::DocumentContext context(const ServerStore& s, const ReportRequest& r, const std::vector<core::Coach>& coaches,
                            const std::string& sender) {
  return reports::document_context(s.centre_name(r.centre), coaches, sender, core::KioskConfig{}.ladder_rungs, r.now,
                                   centre_locale(s, r.centre));
}

nlohmann::json figures_json(const core::MonthFigures& f) {
  nlohmann::json absent = nlohmann::json::object(), outflow = nlohmann::json::object();
  for (auto r : core::kAbsenceReasons) absent[core::reason_key(r)] = f.absent_by_reason[static_cast<std::size_t>(r)];
  for (auto r : core::kExitReasons)
    outflow[core::exit_reason_key(r)] = f.outflow_by_reason[static_cast<std::size_t>(r)];
  return {{"coach_id", f.coach_id},
          {"coach_name", f.coach_name},
          {"participants", f.participants},
          {"present", f.present},
          {"absent", f.absent},
          {"absent_by_reason", absent},
          {"no_shows", f.no_shows},
          {"no_shows_voluntary", f.no_shows_voluntary},
          {"approved_minutes", f.approved_minutes},
          {"waiting_minutes", f.waiting_minutes},
          {"ladder_up", f.ladder_up},
          {"ladder_down", f.ladder_down},
          {"ladder_same", f.ladder_same},
          {"ladder_within_up", f.ladder_within_up},
          {"intake", f.intake},
          {"outflow", f.outflow},
          {"outflow_by_reason", outflow}};
}

}  // namespace

std::string month_json(const core::MonthReport& m) {
  nlohmann::json coaches = nlohmann::json::array(), people = nlohmann::json::array();
  for (const auto& f : m.coaches) coaches.push_back(figures_json(f));
  for (const auto& p : m.participants)
    people.push_back({{"participant_id", p.participant_id},
                      {"name", p.name},
                      {"coach_id", p.coach_id},
                      {"mandatory", p.mandatory},
                      {"present", p.present},
                      {"absent", p.absent},
                      {"no_shows", p.no_shows},
                      {"approved_minutes", p.approved_minutes},
                      {"rung_from", p.rung_from},
                      {"rung_to", p.rung_to}});
  const nlohmann::json out{{"month", m.month},
                           {"from", m.from},
                           {"to", m.to},
                           {"as_of", m.as_of},
                           {"centre", figures_json(m.centre)},
                           {"coaches", coaches},
                           {"participants", people}};
  return out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string report_language(const ServerStore& s, const ReportRequest& r) {
  if (!r.language.empty()) return r.language;
  const std::string setting = s.setting(r.centre, "default_language");
  return setting.empty() ? "nl" : setting;
}

core::MonthReport month_figures(const ServerStore& s, const ReportRequest& r) {
  require_centre(s, r.centre);
  require_month(r.month);
  return core::month_report(month_inputs(centre_inputs(s, r.centre), r.month), r.month, r.now);
}

reports::ReportFiles month_files(const ServerStore& s, const ReportRequest& r) {
  const ui::Strings tr = strings_for(report_language(s, r));  // a bad language before the work
  const core::MonthReport m = month_figures(s, r);
  const auto coaches = s.coaches(r.centre);
  // As from the kiosk's command line: the centre sends it, no coach is named.
  return reports::month_files(m, context(s, r, coaches, ""), coaches, tr);
}

reports::ReportFiles progress_files(const ServerStore& s, const ReportRequest& r) {
  require_centre(s, r.centre);
  if (r.participant.empty()) throw UsageError("participant is missing (participant=ID)");
  const ui::Strings tr = strings_for(report_language(s, r));
  const core::ProgressReport p =
      core::progress_report(progress_inputs(centre_inputs(s, r.centre), r.participant, r.now), r.participant, r.now);
  if (!p.found) throw NotFound("there is no participant \"" + r.participant + "\" on the roster of centre " + r.centre);
  const auto coaches = s.coaches(r.centre);
  // Sent, as from the kiosk's command line, by the participant's own coach.
  return reports::progress_files(p, context(s, r, coaches, p.coach_id), tr);
}

}  // namespace meedoen::server
