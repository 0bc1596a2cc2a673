// meedoen-server's subcommands, one function each: each runs on the opened server database,
// prints to stdout and returns the exit code; a server::UsageError it throws means exit code 2.
#pragma once
#include <functional>
#include <string>

#include "config/server_config.hpp"
#include "server/api.hpp"
#include "server/server_store.hpp"

namespace meedoen::cli {

// Opens the server database and runs one subcommand: a usage error exits 2, any other error 3.
int run_server_command(const std::string& db, const std::function<int(server::ServerStore&)>& command);
// The same for a subcommand that opens its databases itself (migrate).
int run_standalone(const std::function<int()>& command);

struct ServeCommand {
  std::string listen = "127.0.0.1:8470";  // HOST:PORT (port 0: any free port)
  server::ServeOptions options;           // host and port come from listen
};
int serve(server::ServerStore& store, ServeCommand c);

// The settings file (--config FILE or --config=FILE found in argv, else find_server_config):
// path and contents, or the exit code 2 with the message on stderr.
int read_server_config(int argc, char** argv, std::string& path, config::ServerConfig& out);
// The file's [serve] keys as the command's defaults (flags parsed afterwards override them).
void apply_server_config(const config::ServerConfig& file, ServeCommand& c);

// backup FILE: a consistent copy while the server serves; restore FILE: refused while anything
// has the database open. db: a path, or "sqlite:PATH". Exit 0, 2 (usage) or 3 (failed).
int backup(const std::string& db, const std::string& file);
int restore(const std::string& db, const std::string& file);

struct CentreCommand {
  std::string id, name;
  bool demo = false;    // fill it with the kiosk's demo centre
  std::string go_live;  // YYYY-MM-DD: nobody is expected before it ("" = the first event's date)
};
int create_centre(server::ServerStore& store, const CentreCommand& c);

struct GoLiveCommand {
  std::string centre, date;  // YYYY-MM-DD
};
int set_go_live(server::ServerStore& store, const GoLiveCommand& c);

struct LocaleCommand {
  std::string centre, locale;  // "nl-NL", "en"
};
// The centre's locale (its reports' CSV: ';' for Dutch, else ','), synced to its kiosks.
int set_locale(server::ServerStore& store, const LocaleCommand& c);

struct EnrolCommand {
  std::string centre, name;
  int valid_hours = 24;
  std::string replace;  // --replace KIOSK_ID: the new kiosk takes over that kiosk's device (which then stops)
};
int enrol_kiosk(server::ServerStore& store, const EnrolCommand& c);

// A roll-out: one-time codes for many kiosks in one go, as CSV (kiosk_id,name,code,expires).
// The names come from a file (one a line; blank lines and lines starting with # skipped) or are
// numbered (kiosk-001 ...). Bad names or an --out that exists: a message, nothing stored.
struct EnrolManyCommand {
  std::string centre, names_file, out;
  int count = 0;
  int valid_days = 14;
};
int enrol_kiosks(server::ServerStore& store, const EnrolManyCommand& c);

// meedoen-server migrate: everything in from copied into the new, empty database to (both --db
// values); prints the rows per table on both sides; exit 1 when a count differs.
struct MigrateCommand {
  std::string from, to;
};
int migrate(const MigrateCommand& c);
int revoke_kiosk(server::ServerStore& store, const std::string& kiosk);
int list_kiosks(server::ServerStore& store, const std::string& centre);

struct CoachCommand {
  std::string centre, id, name;
};
// The PIN comes from standard input, never the command line: one line when it is not a
// terminal, else asked twice with echo off ("PIN:", "PIN again:"). Stored only as argon2id.
int add_coach(server::ServerStore& store, const CoachCommand& c);
int remove_coach(server::ServerStore& store, const CoachCommand& c);  // name unused

struct ActivityCommand {
  std::string centre, id, title, dagdeel = "morning", start, end, place, leader, icon;
  int weekday = 0;   // 0 = Monday
  int capacity = 0;  // 0 = no limit
  bool volunteer = false;
  bool remove = false;  // a tombstone for the kiosks
};
int add_activity(server::ServerStore& store, const ActivityCommand& c);

int import_roster(server::ServerStore& store, const std::string& centre, const std::string& file);
int add_reader(server::ServerStore& store, const std::string& name, const std::string& centre);

struct ReportCommand {
  std::string centre, from, to, date, format = "json";
  int days = 14;
};
int report_attendance(server::ServerStore& store, const ReportCommand& c);
int report_exceptions(server::ServerStore& store, const ReportCommand& c);

// The month overview and progress report as the kiosk makes them (CSV, xlsx and PDF into out); prints the paths.
struct DocumentCommand {
  std::string centre, month, participant, out, lang;
  std::string as_of;  // YYYY-MM-DDTHH:MM or YYYY-MM-DD (end of that day) local; "" = now
};
int report_month(server::ServerStore& store, const DocumentCommand& c);
int report_progress(server::ServerStore& store, const DocumentCommand& c);

}  // namespace meedoen::cli
