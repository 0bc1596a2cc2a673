// meedoen-server: the composition root of the municipal sync server. Each subcommand's options
// are parsed here and handed to its function in cli/server_commands.hpp, which does the work.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>

#include "cli/card_commands.hpp"
#include "cli/server_commands.hpp"
#include "config/server_config.hpp"
#include "version.hpp"

namespace {

using namespace meedoen;
using Command = std::function<int(server::ServerStore&)>;

// Registers a subcommand whose options fill a T; when given, it leaves `fn` bound to them in `run`.
template <class T, class Fn>
std::pair<CLI::App*, std::shared_ptr<T>> subcommand(CLI::App& parent, const char* name, const char* about, Command& run,
                                                    Fn fn) {
  auto opt = std::make_shared<T>();
  CLI::App* sub = parent.add_subcommand(name, about);
  sub->callback([opt, fn, &run] { run = [opt, fn](server::ServerStore& s) { return fn(s, *opt); }; });
  return {sub, opt};
}

void add_serve(CLI::App& app, Command& run, const config::ServerConfig& file) {
  auto [sub, c] = subcommand<cli::ServeCommand>(
      app, "serve", "Run the HTTP API until SIGINT/SIGTERM", run,
      [](server::ServerStore& s, const cli::ServeCommand& o) { return cli::serve(s, o); });
  server::ServeOptions& so = c->options;
  cli::apply_server_config(file, *c);  // the settings file first: the flags below override it
  sub->add_option("--listen", c->listen, "HOST:PORT (port 0: any free port)");
  sub->add_option("--port-file", so.port_file, "Write the bound port to this file once listening");
  sub->add_option("--tls-cert", so.tls_cert, "PEM certificate: serve HTTPS");
  sub->add_option("--tls-key", so.tls_key, "PEM private key for --tls-cert");
  sub->add_option("--max-body-bytes", so.max_body_bytes, "Largest request body (413 above)");
  sub->add_option("--workers", so.workers, "Threads that run requests using the database")->check(CLI::Range(1, 256));
  sub->add_option("--max-in-flight", so.max_in_flight, "Pushes and pulls queued or running (503 above)")
      ->check(CLI::Range(1, 100000));
  sub->add_option("--idle-timeout", so.idle_timeout_s, "Seconds a silent connection stays open")
      ->check(CLI::Range(1, 3600));
  sub->add_option("--max-connections", so.max_connections, "Open connections at most")->check(CLI::Range(1, 1000000));
  sub->add_option("--trusted-proxy", so.trusted_proxy,
                  "The address of a reverse proxy (nginx) whose X-Forwarded-For names the client (enrolment limits)");
  sub->add_option("--fault-fail-after", so.faults.fail_after_events, "Test hook: fail a push after N inserts");
  sub->add_option("--fault-push-delay-ms", so.faults.push_delay_ms, "Test hook: sleep before committing a push");
  sub->add_option("--fault-busy", so.busy_first_requests, "Test hook: answer 429 to the first N sync requests");
  sub->add_option("--fault-clock-offset-ms", so.clock_offset_ms, "Test hook: the server's clock runs this far ahead");
}

void add_kiosk_commands(CLI::App& app, Command& run) {
  auto [create, c] = subcommand<cli::CentreCommand>(app, "create-centre", "Create a centre", run, cli::create_centre);
  create->add_option("--id", c->id, "Centre id, e.g. de-cirkel")->required();
  create->add_option("--name", c->name, "Centre name")->required();
  create->add_flag("--demo", c->demo, "Fill it with the kiosk's demo centre (42 participants, cards DEMO0001...)");
  create->add_option("--go-live", c->go_live, "YYYY-MM-DD: nobody is expected or a no-show before it");
  auto [go_live, g] = subcommand<cli::GoLiveCommand>(
      app, "set-go-live", "Set the date a centre goes live (synced to its kiosks)", run, cli::set_go_live);
  go_live->add_option("--centre", g->centre)->required();
  go_live->add_option("--date", g->date, "YYYY-MM-DD")->required();
  auto [locale, l] = subcommand<cli::LocaleCommand>(
      app, "set-locale", "Set a centre's locale: nl-NL (the default) gives its CSV ';' and decimal commas", run,
      cli::set_locale);
  locale->add_option("--centre", l->centre)->required();
  locale->add_option("--locale", l->locale, "e.g. nl-NL or en")->required();
  auto [enrol, e] = subcommand<cli::EnrolCommand>(app, "enrol-kiosk", "Make a one-time enrolment code for a new kiosk",
                                                  run, cli::enrol_kiosk);
  enrol->add_option("--centre", e->centre)->required();
  enrol->add_option("--name", e->name, "The kiosk's name, e.g. 'hal'");
  enrol->add_option("--valid-hours", e->valid_hours, "How long the code works")->check(CLI::Range(1, 24 * 14));
  enrol->add_option("--replace", e->replace,
                    "The id of a kiosk of the centre this one replaces: enrolling revokes it and may take over its "
                    "device id (one device id, one live kiosk)");
  auto [many, n] = subcommand<cli::EnrolManyCommand>(
      app, "enrol-kiosks", "A roll-out: one-time enrolment codes for many kiosks, as CSV (kiosk_id,name,code,expires)",
      run, cli::enrol_kiosks);
  many->add_option("--centre", n->centre)->required();
  auto* names = many->add_option("--names", n->names_file, "A file with the kiosks' names, one a line");
  many->add_option("--count", n->count, "Or this many kiosks, named kiosk-001 ...")->excludes(names);
  many->add_option("--valid-days", n->valid_days, "How long the codes work (a roll-out takes weeks)")
      ->check(CLI::Range(1, 60));
  many->add_option("--out", n->out, "The CSV file to write (must not exist: the codes are only there)")->required();
  auto [revoke, k] = subcommand<std::string>(
      app, "revoke-kiosk", "Stop a kiosk's token (its queue waits for a new enrolment)", run, cli::revoke_kiosk);
  revoke->add_option("--kiosk", *k)->required();
  auto [kiosks, centre] = subcommand<std::string>(
      app, "kiosks", "List kiosks, their sequence numbers, gaps and restored databases", run, cli::list_kiosks);
  kiosks->add_option("--centre", *centre);
}

void add_programme_commands(CLI::App& app, Command& run) {
  auto [coach, c] = subcommand<cli::CoachCommand>(
      app, "add-coach", "Add a coach, or rename and re-PIN one; the PIN is read from standard input", run,
      cli::add_coach);
  coach->add_option("--centre", c->centre)->required();
  coach->add_option("--id", c->id)->required();
  coach->add_option("--name", c->name)->required();
  auto [uncoach, u] = subcommand<cli::CoachCommand>(
      app, "remove-coach", "Remove a coach: the kiosks stop taking their PIN at their next sync", run,
      cli::remove_coach);
  uncoach->add_option("--centre", u->centre)->required();
  uncoach->add_option("--id", u->id)->required();
  auto [activity, a] = subcommand<cli::ActivityCommand>(
      app, "add-activity", "Add, change or (--remove) an activity of the weekly programme", run, cli::add_activity);
  activity->add_option("--centre", a->centre)->required();
  activity->add_option("--id", a->id)->required();
  activity->add_option("--title", a->title);
  activity->add_option("--weekday", a->weekday, "0 = Monday")->check(CLI::Range(0, 6));
  activity->add_option("--dagdeel", a->dagdeel, "morning, afternoon or evening");
  activity->add_option("--start", a->start, "HH:MM");
  activity->add_option("--end", a->end, "HH:MM");
  activity->add_option("--place", a->place);
  activity->add_option("--leader", a->leader);
  activity->add_option("--icon", a->icon);
  activity->add_option("--capacity", a->capacity, "0 = no limit")->check(CLI::Range(0, 10000));
  activity->add_flag("--volunteer-work", a->volunteer);
  activity->add_flag("--remove", a->remove, "Remove it from the programme (a tombstone for the kiosks)");
}

struct CentreAndName {
  std::string centre, name;
};

struct RosterImport {
  std::string centre, file;
};

void add_roster_and_reader(CLI::App& app, Command& run) {
  auto [roster, r] = subcommand<RosterImport>(
      app, "import-roster", "Import the centre's roster from CSV (all or nothing)", run,
      [](server::ServerStore& s, const RosterImport& o) { return cli::import_roster(s, o.centre, o.file); });
  roster->add_option("--centre", r->centre)->required();
  roster->add_option("file", r->file, "CSV with a header row; the columns are in docs/roster.md")->required();
  auto [reader, d] = subcommand<CentreAndName>(
      app, "add-reader", "Make a read token for a municipal user (reports)", run,
      [](server::ServerStore& s, const CentreAndName& o) { return cli::add_reader(s, o.name, o.centre); });
  reader->add_option("--name", d->name)->required();
  reader->add_option("--centre", d->centre, "Only this centre (default: every centre)");
}

// The kiosk's month overview and progress report, as CSV, xlsx and PDF files.
void add_documents(CLI::App& report, Command& run) {
  auto [month, m] = subcommand<cli::DocumentCommand>(
      report, "month", "The month overview (CSV, xlsx, PDF) as the kiosk's", run, cli::report_month);
  auto [progress, p] = subcommand<cli::DocumentCommand>(
      report, "progress", "A participant's progress report (CSV, xlsx, PDF) as the kiosk's", run, cli::report_progress);
  month->add_option("--month", m->month, "YYYY-MM")->required();
  progress->add_option("--participant", p->participant, "The participant's id")->required();
  for (auto [sub, c] : {std::pair{month, m.get()}, std::pair{progress, p.get()}}) {
    sub->add_option("--centre", c->centre)->required();
    sub->add_option("--out", c->out, "Folder for the files (made when missing)")->required();
    sub->add_option("--as-of", c->as_of, "Figures as of this local time, e.g. 2026-11-30T17:00 (default: now)");
    sub->add_option("--lang", c->lang, "nl, en, tr or pl (default: the centre's default_language, else nl)");
  }
}

void add_reports(CLI::App& app, Command& run) {
  auto* report = app.add_subcommand("report", "Print a report");
  report->require_subcommand(1);
  auto [att, a] = subcommand<cli::ReportCommand>(
      *report, "attendance", "Attendance per dagdeel, absences and volunteer hours", run, cli::report_attendance);
  att->add_option("--centre", a->centre)->required();
  att->add_option("--from", a->from, "YYYY-MM-DD")->required();
  att->add_option("--to", a->to, "YYYY-MM-DD")->required();
  att->add_option("--format", a->format, "json or csv")->check(CLI::IsMember({"json", "csv"}));
  auto [exc, e] = subcommand<cli::ReportCommand>(
      *report, "exceptions", "Mandatory no-shows and participants not seen for N days", run, cli::report_exceptions);
  exc->add_option("--centre", e->centre)->required();
  exc->add_option("--date", e->date, "YYYY-MM-DD")->required();
  exc->add_option("--days", e->days)->check(CLI::Range(1, 365));
  exc->add_option("--format", e->format, "json or csv")->check(CLI::IsMember({"json", "csv"}));
  add_documents(*report, run);
}

void add_cards(CLI::App& app, Command& run) {
  auto [cards, c] = subcommand<cli::PrintCardsCommand>(
      app, "print-cards", "Print participant cards (first name, centre, QR code of the card code) as an A4 PDF", run,
      cli::print_cards);
  cards->add_option("--centre", c->centre)->required();
  cards->add_option("--out", c->out, "The PDF file to write")->required();
  cards->add_option("--participant", c->participants, "Only this participant (repeat for more; default: everyone)");
  cards->add_flag("--assign-missing", c->assign_missing,
                  "Give participants without a card code a new random one first (kiosks pull it)");
}

// backup and restore work on the database file, not through an opened store (restore must be
// the only one to have it open).
void add_backup(CLI::App& app, std::function<int(const std::string&)>& offline) {
  auto file = std::make_shared<std::string>();
  CLI::App* backup = app.add_subcommand("backup", "Copy the database to FILE while the server runs (SQLite backup)");
  backup->add_option("file", *file, "The new backup file (must not exist)")->required();
  backup->callback([file, &offline] { offline = [file](const std::string& db) { return cli::backup(db, *file); }; });
  CLI::App* restore = app.add_subcommand("restore", "Put a backup FILE back as the database (the server stopped)");
  restore->add_option("file", *file, "A file written by backup")->required();
  restore->callback([file, &offline] { offline = [file](const std::string& db) { return cli::restore(db, *file); }; });
}

}  // namespace

// migrate works on two databases, not on --db: it runs without opening one first.
void add_migrate(CLI::App& app, std::function<int()>& standalone) {
  auto c = std::make_shared<cli::MigrateCommand>();
  CLI::App* sub = app.add_subcommand(
      "migrate", "Copy a whole server database into a new, empty one (e.g. SQLite to PostgreSQL) and count the rows");
  sub->add_option("--from", c->from, "The database now: sqlite:PATH or postgresql://...")->required();
  sub->add_option("--to", c->to, "The new, empty database: postgresql://... or sqlite:PATH")->required();
  sub->callback([c, &standalone] { standalone = [c] { return cli::migrate(*c); }; });
}

int main(int argc, char** argv) {
  CLI::App app{"meedoen-server: the municipal sync server for Meedoen kiosks (docs/sync-protocol.md)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("meedoen-server ") + kVersion);
  config::ServerConfig file;
  std::string config_path;
  if (const int rc = cli::read_server_config(argc, argv, config_path, file)) return rc;
  app.add_option("--config", config_path,
                 "Settings file (default $MEEDOEN_SERVER_CONFIG, else /etc/meedoen/server.toml when it exists)");
  std::string db = file.db.value_or("meedoen-server.db");
  app.add_option("--db", db,
                 "Server database: sqlite:PATH (or a plain PATH; SQLite, WAL) or postgresql://... (a libpq URI)")
      ->envname("MEEDOEN_SERVER_DB");
  Command run;
  std::function<int()> standalone;
  std::function<int(const std::string&)> offline;
  add_migrate(app, standalone);
  add_serve(app, run, file);
  add_backup(app, offline);
  add_kiosk_commands(app, run);
  add_programme_commands(app, run);
  add_roster_and_reader(app, run);
  add_reports(app, run);
  add_cards(app, run);
  CLI11_PARSE(app, argc, argv);
  if (standalone) return cli::run_standalone(standalone);
  if (offline) return offline(db);
  return cli::run_server_command(db, run);
}
