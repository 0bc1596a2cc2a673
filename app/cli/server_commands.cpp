// meedoen-server's subcommands: what used to be the branches of its main.
#include "cli/server_commands.hpp"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "core/coach.hpp"
#include "export/csv.hpp"
#include "export/files.hpp"
#include "server/db/database.hpp"
#include "server/report_files.hpp"
#include "server/reports.hpp"
#include "server/roster_csv.hpp"
#include "server/store_copy.hpp"
#include "storage/backup.hpp"
#include "storage/demo_centre.hpp"
#include "storage/pin_hash.hpp"
#include "storage/store.hpp"

namespace meedoen::cli {

namespace {

core::TimeMs now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string hash_pin(const std::string& pin) { return storage::hash_pin(pin); }

std::string iso_local(core::TimeMs t) {
  const core::LocalTime lt = core::to_local(t);
  return core::format_date_iso(lt) + " " + core::format_hhmm(lt.minute_of_day);
}

// The kiosk's embedded demo centre, copied into the server (same ids, cards and PINs).
void seed_demo(server::ServerStore& s, const std::string& centre) {
  const auto dir = std::filesystem::temp_directory_path() / ("meedoen-demo-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::vector<server::RosterRow> rows;
  {
    auto kiosk = storage::Store::open((dir / "seed.db").string());
    storage::seed_demo_centre(kiosk, now_ms());
    // With their demo PINs: a demo kiosk synced to a demo server still opens coach mode.
    for (const auto& c : storage::kDemoCoaches) s.add_coach(centre, {c.id, c.name}, hash_pin(c.pin), now_ms());
    for (const auto& a : kiosk.load_programme()) s.put_activity(centre, a, true);
    // The demo's history begins on its go-live date: nobody is a no-show before it.
    s.set_setting(centre, "go_live", kiosk.setting("go_live"));
    int line = 1;
    const core::Roster people = kiosk.load_roster();  // kept: all() refers into it
    for (const auto& p : people.all()) {
      server::RosterRow r;
      r.line = ++line;
      r.p = p;
      r.pin = p.card_code.size() == 8 ? p.card_code.substr(4) : "";  // DEMO0001 has PIN 0001
      rows.push_back(std::move(r));
    }
  }
  std::filesystem::remove_all(dir);
  s.import_roster(centre, rows, &hash_pin);
}

std::string read_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw server::UsageError("cannot read " + file);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int print_report(const server::Table& t, const std::string& format) {
  const std::string out = format == "csv" ? server::to_csv(t) : server::to_json(t);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

// [SECTION] Reading a coach's PIN

// One line from standard input, without its line end; false at end of input.
bool read_line(std::string& line) {
  if (!std::getline(std::cin, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

// Echo off on the terminal while a PIN is typed, and back on whatever happens.
class NoEcho {
 public:
  NoEcho() : m_ok(::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
    if (!m_ok) return;
    termios quiet = m_saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~NoEcho() {
    if (m_ok) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
  }
  NoEcho(const NoEcho&) = delete;
  NoEcho& operator=(const NoEcho&) = delete;

 private:
  termios m_saved{};
  bool m_ok = false;
};

std::string ask_pin(const char* prompt) {
  std::string pin;
  bool got = false;
  {
    NoEcho quiet;  // before the prompt, as getpass does: what is typed once it shows is never echoed
    std::fprintf(stderr, "%s ", prompt);
    std::fflush(stderr);
    got = read_line(pin);
  }
  std::fputc('\n', stderr);  // the Enter was not echoed
  if (!got) throw server::UsageError("no PIN was typed; nothing was stored");
  return pin;
}

// The new coach's PIN, checked by the kiosk's rules (core::check_coach_pin); never echoed back.
std::string read_coach_pin() {
  std::string pin;
  if (::isatty(STDIN_FILENO)) {
    pin = ask_pin("PIN:");
    if (const std::string why = core::check_coach_pin(pin); !why.empty())
      throw server::UsageError(why + "; nothing was stored");
    if (ask_pin("PIN again:") != pin) throw server::UsageError("the two PINs differ; nothing was stored");
    return pin;
  }
  if (!read_line(pin))
    throw server::UsageError("no PIN on standard input (one line with " + std::to_string(core::kCoachPinLength) +
                             " digits); nothing was stored");
  if (const std::string why = core::check_coach_pin(pin); !why.empty())
    throw server::UsageError(why + " on standard input; nothing was stored");
  return pin;
}

void require_centre(const server::ServerStore& store, const std::string& centre) {
  if (!store.centre_exists(centre)) throw server::UsageError("there is no centre \"" + centre + "\"");
}

std::string checked_go_live(const std::string& option, const std::string& date) {
  if (!core::valid_date_iso(date))
    throw server::UsageError(option + ": expected a date like 2026-11-02 (YYYY-MM-DD), got \"" + date + "\"");
  return date;
}

// --as-of: "2026-11-23T17:00" local, or a date alone for the end of that day; "" = now.
core::TimeMs as_of(const std::string& s) {
  if (s.empty()) return now_ms();
  const std::string date = s.substr(0, s.find('T'));
  const int minute = s.size() > 11 && s[10] == 'T' ? core::parse_hhmm(s.substr(11)) : s.size() == 10 ? 24 * 60 - 1 : -1;
  if (!core::valid_date_iso(date) || minute < 0)
    throw server::UsageError("--as-of: expected a local time like 2026-11-23T17:00 or a date, got \"" + s + "\"");
  return core::from_local(date, minute);
}

server::ReportRequest request_of(const DocumentCommand& c) {
  return {c.centre, c.month, c.participant, c.lang, as_of(c.as_of)};
}

int write_report(const reports::ReportFiles& f, const std::string& out) {
  try {
    for (const auto& path : reports::write_files(f, out)) std::printf("%s\n", path.c_str());
  } catch (const exports::ExportError& e) {
    std::fprintf(stderr, "meedoen-server: the report was not written: %s\n", e.what());
    return 3;
  }
  return 0;
}

}  // namespace

int run_server_command(const std::string& db, const std::function<int(server::ServerStore&)>& command) {
  return run_standalone([&] {
    auto store = server::ServerStore::open(db);
    return command(*store);
  });
}

int run_standalone(const std::function<int()>& command) {
  try {
    return command();
  } catch (const server::UsageError& e) {
    std::fprintf(stderr, "meedoen-server: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "meedoen-server: %s\n", e.what());
    return 3;
  }
}

int read_server_config(int argc, char** argv, std::string& path, config::ServerConfig& out) {
  std::string given;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--config" && i + 1 < argc) given = argv[i + 1];
    else if (a.rfind("--config=", 0) == 0) given = a.substr(9);
  }
  path = config::find_server_config(given);
  if (path.empty()) return 0;
  try {
    out = config::load_server_config(path);
  } catch (const config::ConfigError& e) {
    std::fprintf(stderr, "meedoen-server: configuration error: %s\n", e.what());
    return 2;
  }
  return 0;
}

void apply_server_config(const config::ServerConfig& file, ServeCommand& c) {
  if (file.listen) c.listen = *file.listen;
  if (file.tls_cert) c.options.tls_cert = *file.tls_cert;
  if (file.tls_key) c.options.tls_key = *file.tls_key;
  if (file.max_body_bytes) c.options.max_body_bytes = static_cast<std::size_t>(*file.max_body_bytes);
  if (file.max_in_flight) c.options.max_in_flight = *file.max_in_flight;
  if (file.workers) c.options.workers = *file.workers;
  if (file.idle_timeout) c.options.idle_timeout_s = *file.idle_timeout;
  if (file.max_connections) c.options.max_connections = *file.max_connections;
  if (file.trusted_proxy) c.options.trusted_proxy = *file.trusted_proxy;
}

namespace {

int file_command(const std::string& db, const char* what, const std::function<void(const std::string&)>& f) {
  const server::db::Location at = server::db::parse_location(db);
  if (at.backend != server::db::Backend::Sqlite) {
    std::fprintf(stderr, "meedoen-server: %s works on a SQLite database; back up %s with its own tools (pg_dump)\n",
                 what, server::db::redacted(db).c_str());
    return 2;
  }
  const std::string& path = at.target;
  try {
    f(path);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "meedoen-server: %s\n", e.what());
    return 3;
  }
}

}  // namespace

int backup(const std::string& db, const std::string& file) {
  return file_command(db, "backup", [&](const std::string& path) {
    const int pages = storage::backup_database(path, file);
    std::printf("backup of %s written to %s (%d pages, integrity ok)\n", path.c_str(), file.c_str(), pages);
  });
}

int restore(const std::string& db, const std::string& file) {
  return file_command(db, "restore", [&](const std::string& path) {
    storage::restore_database(file, path, "kiosks");
    std::printf("%s restored from %s; start the server again (schema migrations run at start)\n", path.c_str(),
                file.c_str());
  });
}

int serve(server::ServerStore& store, ServeCommand c) {
  const std::string& listen = c.listen;
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw server::UsageError("--listen: expected HOST:PORT, got \"" + listen + "\"");
  c.options.host = listen.substr(0, colon);
  try {
    c.options.port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
    throw server::UsageError("--listen: the port must be a number, got \"" + listen + "\"");
  }
  if (c.options.port < 0 || c.options.port > 65535) throw server::UsageError("--listen: the port must be 0-65535");
  return server::serve(store, c.options);
}

int create_centre(server::ServerStore& store, const CentreCommand& c) {
  if (!c.go_live.empty()) checked_go_live("--go-live", c.go_live);  // before anything is created
  store.create_centre(c.id, c.name, now_ms());
  if (c.demo) seed_demo(store, c.id);
  if (!c.go_live.empty()) store.set_setting(c.id, "go_live", c.go_live);
  std::printf("centre %s \"%s\" created%s\n", c.id.c_str(), c.name.c_str(), c.demo ? " with the demo roster" : "");
  return 0;
}

int set_go_live(server::ServerStore& store, const GoLiveCommand& c) {
  store.set_setting(c.centre, "go_live", checked_go_live("--date", c.date));
  std::printf("centre %s goes live on %s (the kiosks take it at their next sync)\n", c.centre.c_str(), c.date.c_str());
  return 0;
}

int set_locale(server::ServerStore& store, const LocaleCommand& c) {
  if (!core::valid_locale(c.locale))
    throw server::UsageError("--locale: a language, maybe with a region, like nl-NL or en; got \"" + c.locale + "\"");
  require_centre(store, c.centre);
  store.set_setting(c.centre, "locale", c.locale);
  std::printf("centre %s: locale %s (CSV with %s; the kiosks take it at their next sync)\n", c.centre.c_str(),
              c.locale.c_str(), exports::csv_style(c.locale).separator == ';' ? "';'" : "','");
  return 0;
}

int enrol_kiosk(server::ServerStore& store, const EnrolCommand& c) {
  const core::TimeMs valid = static_cast<core::TimeMs>(c.valid_hours) * 3'600'000;
  const auto code = store.enrol_kiosk(c.centre, c.name, now_ms(), valid, c.replace);
  std::printf("code: %s\nkiosk: %s\nexpires: %s\n", code.code.c_str(), code.kiosk_id.c_str(),
              iso_local(code.expires).c_str());
  if (!c.replace.empty()) std::printf("replaces: %s (its token stops when this code is used)\n", c.replace.c_str());
  return 0;
}

namespace {

constexpr int kMaxRollout = 5000;  // kiosks in one enrol-kiosks: a municipality's worth

// The kiosks' names from a file: one a line, trimmed; every bad line named.
std::vector<std::string> read_kiosk_names(const std::string& file) {
  std::istringstream in(read_file(file));
  std::vector<std::string> names, problems;
  std::set<std::string> seen;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (n == 1 && line.rfind(exports::kUtf8Bom, 0) == 0) line.erase(0, exports::kUtf8Bom.size());
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    line.erase(0, line.find_first_not_of(" \t"));
    if (line.empty() || line[0] == '#') continue;
    const std::string at = file + " line " + std::to_string(n) + ": ";
    if (line.size() > 64) problems.push_back(at + "a kiosk name is at most 64 characters");
    else if (std::any_of(line.begin(), line.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20; }))
      problems.push_back(at + "the name has a control character");
    else if (!seen.insert(line).second) problems.push_back(at + "\"" + line + "\" is in the file twice");
    else names.push_back(line);
  }
  if (names.empty() && problems.empty()) problems.push_back(file + ": no kiosk names in it (one name a line)");
  if (names.size() > kMaxRollout)
    problems.push_back(file + ": " + std::to_string(names.size()) + " names; at most " + std::to_string(kMaxRollout) +
                       " in one go");
  if (!problems.empty()) {
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.c_str());
    throw server::UsageError("no kiosk was enrolled (" + std::to_string(problems.size()) + " problem" +
                             (problems.size() == 1 ? "" : "s") + " in " + file + ")");
  }
  return names;
}

std::vector<std::string> numbered_kiosks(int count) {
  if (count < 1 || count > kMaxRollout)
    throw server::UsageError("--count: 1 to " + std::to_string(kMaxRollout) + " kiosks, got " + std::to_string(count));
  std::vector<std::string> names;
  char name[32];
  for (int i = 1; i <= count; ++i) {
    std::snprintf(name, sizeof name, "kiosk-%03d", i);
    names.emplace_back(name);
  }
  return names;
}

}  // namespace

int enrol_kiosks(server::ServerStore& store, const EnrolManyCommand& c) {
  if (c.names_file.empty() == (c.count == 0))
    throw server::UsageError("give the kiosks' names with --names FILE or a number with --count N (one of them)");
  if (c.valid_days < 1 || c.valid_days > 60) throw server::UsageError("--valid-days: 1 to 60");
  // The codes exist only in this file: an existing one (an earlier roll-out's) is never overwritten.
  namespace fs = std::filesystem;
  const fs::path out(c.out);
  if (fs::exists(out)) throw server::UsageError("--out " + c.out + " exists already; nothing was enrolled");
  const fs::path dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
  if (!fs::is_directory(dir) || ::access(dir.c_str(), W_OK) != 0)
    throw server::UsageError("--out " + c.out + ": cannot write in " + dir.string() + "; nothing was enrolled");
  require_centre(store, c.centre);
  const auto names = c.names_file.empty() ? numbered_kiosks(c.count) : read_kiosk_names(c.names_file);
  const core::TimeMs valid = static_cast<core::TimeMs>(c.valid_days) * 24 * 3'600'000;
  const auto codes = store.enrol_kiosks(c.centre, names, now_ms(), valid);
  std::vector<std::vector<std::string>> rows{{"kiosk_id", "name", "code", "expires"}};
  for (const auto& k : codes) rows.push_back({k.kiosk_id, k.name, k.code, iso_local(k.expires)});
  try {
    exports::write_file_atomic(c.out, exports::csv_records(rows));
  } catch (const std::exception& e) {
    for (const auto& k : codes) store.revoke_kiosk(k.kiosk_id);  // codes nobody can read must not stay valid
    throw server::ServerError("cannot write " + c.out + " (" + e.what() + "); the " + std::to_string(codes.size()) +
                              " new kiosks were revoked again");
  }
  std::printf("%zu enrolment codes for %s in %s (valid until %s)\n", codes.size(), c.centre.c_str(), c.out.c_str(),
              iso_local(codes.front().expires).c_str());
  return 0;
}

int migrate(const MigrateCommand& c) {
  const auto counts = server::copy_store(c.from, c.to);
  std::printf("%-14s %12s %12s\n", "table", "from", "to");
  bool same = true;
  for (const auto& t : counts) {
    std::printf("%-14s %12lld %12lld%s\n", t.table.c_str(), static_cast<long long>(t.from),
                static_cast<long long>(t.to), t.from == t.to ? "" : "  DIFFERENT");
    same = same && t.from == t.to;
  }
  if (!same) {
    std::fprintf(stderr, "meedoen-server: migrate: the counts differ; do not use the target\n");
    return 1;
  }
  std::printf("migrated: every table has the same number of rows; point the servers at --db %s\n",
              server::db::redacted(c.to).c_str());
  return 0;
}

int revoke_kiosk(server::ServerStore& store, const std::string& kiosk) {
  store.revoke_kiosk(kiosk);
  std::printf("kiosk %s revoked\n", kiosk.c_str());
  return 0;
}

int list_kiosks(server::ServerStore& store, const std::string& centre) {
  std::printf("%-36s %-14s %-10s %-8s %8s %8s %5s %9s %s\n", "kiosk", "centre", "name", "state", "last_seq", "events",
              "gaps", "restored", "last seen");
  for (const auto& k : store.kiosks(centre))
    std::printf("%-36s %-14s %-10s %-8s %8lld %8lld %5lld %9lld %s\n", k.kiosk_id.c_str(), k.centre_id.c_str(),
                k.name.c_str(),
                k.revoked    ? "revoked"
                : k.enrolled ? "enrolled"
                             : "waiting",
                (long long)k.last_seq, (long long)k.events, (long long)k.gaps, (long long)k.seq_reused,
                k.last_seen ? iso_local(k.last_seen).c_str() : "-");
  return 0;
}

int add_coach(server::ServerStore& store, const CoachCommand& c) {
  require_centre(store, c.centre);
  const std::string pin = read_coach_pin();
  // Coach mode is opened by the PIN alone: two coaches with one PIN would both be the first.
  for (const auto& [other, hash] : store.coach_pins(c.centre))
    if (other != c.id && storage::verify_pin_hash(hash, pin))
      throw server::UsageError("coach " + other + " of " + c.centre +
                               " has this PIN already (coaches log in by PIN alone); choose another. Nothing was "
                               "stored");
  store.add_coach(c.centre, {c.id, c.name}, hash_pin(pin), now_ms());
  std::printf("coach %s saved with a new PIN; the centre's kiosks take it at their next sync\n", c.id.c_str());
  return 0;
}

int remove_coach(server::ServerStore& store, const CoachCommand& c) {
  store.remove_coach(c.centre, c.id);
  std::printf("coach %s removed; the centre's kiosks stop taking their PIN at their next sync\n", c.id.c_str());
  return 0;
}

int add_activity(server::ServerStore& store, const ActivityCommand& c) {
  core::Activity a;
  a.id = c.id;
  a.title = c.title.empty() ? c.id : c.title;
  a.weekday = c.weekday;
  if (!core::dagdeel_from_key(c.dagdeel, a.dagdeel))
    throw server::UsageError("--dagdeel: morning, afternoon or evening");
  a.start = core::parse_hhmm(c.start.empty() ? "09:00" : c.start);
  a.end = core::parse_hhmm(c.end.empty() ? "12:00" : c.end);
  if (a.start < 0 || a.end <= a.start) throw server::UsageError("--start and --end: times like 09:30, end after start");
  a.place = c.place;
  a.leader = c.leader;
  a.icon = c.icon;
  a.capacity = c.capacity;
  a.volunteer_work = c.volunteer;
  store.put_activity(c.centre, a, !c.remove, now_ms());
  std::printf("activity %s %s\n", c.id.c_str(), c.remove ? "removed" : "saved");
  return 0;
}

// All or nothing: one bad line and nothing is imported (docs/roster.md). A coach_id that is not
// (yet) a coach of the centre is a warning, not a refusal: the roster often comes before the
// coaches are added, and the participant shows up in that coach's list once add-coach runs.
int import_roster(server::ServerStore& store, const std::string& centre, const std::string& file) {
  require_centre(store, centre);
  const auto parsed = server::parse_roster_csv(read_file(file));
  if (!parsed.errors.empty()) {
    constexpr std::size_t kShown = 100;  // a file with every line wrong: the first hundred tell enough
    for (std::size_t i = 0; i < parsed.errors.size() && i < kShown; ++i)
      std::fprintf(stderr, "%s: %s\n", file.c_str(), parsed.errors[i].c_str());
    if (parsed.errors.size() > kShown)
      std::fprintf(stderr, "%s: ... and %zu more\n", file.c_str(), parsed.errors.size() - kShown);
    std::fprintf(stderr, "meedoen-server: nothing was imported (%zu problem%s)\n", parsed.errors.size(),
                 parsed.errors.size() == 1 ? "" : "s");
    return 2;
  }
  std::set<std::string> coaches;
  for (const auto& r : parsed.rows)
    if (!r.p.coach_id.empty()) coaches.insert(r.p.coach_id);
  for (const auto& id : store.unknown_coaches(centre, coaches)) {
    for (const auto& r : parsed.rows)
      if (r.p.coach_id == id) {
        std::fprintf(stderr, "%s: warning: line %d: coach_id %s is not a coach of %s (yet); add it with add-coach\n",
                     file.c_str(), r.line, id.c_str(), centre.c_str());
        break;
      }
  }
  const auto n = store.import_roster(centre, parsed.rows, &hash_pin, now_ms());
  std::printf("roster of %s: %d added, %d updated, %d no longer active\n", centre.c_str(), n.added, n.updated,
              n.deactivated);
  return 0;
}

int add_reader(server::ServerStore& store, const std::string& name, const std::string& centre) {
  std::printf("token: %s\n", store.add_reader(name, centre).c_str());
  return 0;
}

int report_attendance(server::ServerStore& store, const ReportCommand& c) {
  require_centre(store, c.centre);
  return print_report(server::attendance_report(store, c.centre, c.from, c.to), c.format);
}

int report_exceptions(server::ServerStore& store, const ReportCommand& c) {
  require_centre(store, c.centre);
  return print_report(server::exceptions_report(store, c.centre, c.date, c.days), c.format);
}

int report_month(server::ServerStore& store, const DocumentCommand& c) {
  return write_report(server::month_files(store, request_of(c)), c.out);
}

int report_progress(server::ServerStore& store, const DocumentCommand& c) {
  return write_report(server::progress_files(store, request_of(c)), c.out);
}

}  // namespace meedoen::cli
