// meedoen-server: the composition root of the municipal sync server. Subcommands run the HTTP
// API and administer centres, kiosks, coaches, the roster, read tokens and reports.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/api.hpp"
#include "server/reports.hpp"
#include "server/roster_csv.hpp"
#include "server/server_store.hpp"
#include "storage/demo_centre.hpp"
#include "storage/pin_hash.hpp"
#include "storage/store.hpp"

using namespace meedoen;

namespace {

core::TimeMs now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
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
    for (const auto& c : kiosk.load_coaches()) s.add_coach(centre, c);
    for (const auto& a : kiosk.load_programme()) s.put_activity(centre, a, true);
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"meedoen-server: the municipal sync server for Meedoen kiosks (docs/sync-protocol.md)"};
  app.require_subcommand(1);
  std::string db = "meedoen-server.db";
  app.add_option("--db", db, "Server database (SQLite, WAL)")->envname("MEEDOEN_SERVER_DB");

  // [SECTION] serve
  server::ServeOptions so;
  std::string listen = "127.0.0.1:8470";
  auto* serve = app.add_subcommand("serve", "Run the HTTP API until SIGINT/SIGTERM");
  serve->add_option("--listen", listen, "HOST:PORT (port 0: any free port)");
  serve->add_option("--port-file", so.port_file, "Write the bound port to this file once listening");
  serve->add_option("--tls-cert", so.tls_cert, "PEM certificate: serve HTTPS");
  serve->add_option("--tls-key", so.tls_key, "PEM private key for --tls-cert");
  serve->add_option("--max-body-bytes", so.max_body_bytes, "Largest request body (413 above)");
  serve->add_option("--fault-fail-after", so.faults.fail_after_events, "Test hook: fail a push after N inserts");
  serve->add_option("--fault-push-delay-ms", so.faults.push_delay_ms, "Test hook: sleep before committing a push");
  serve->add_option("--fault-busy", so.busy_first_requests, "Test hook: answer 429 to the first N sync requests");
  serve->add_option("--fault-clock-offset-ms", so.clock_offset_ms, "Test hook: the server's clock runs this far ahead");

  // [SECTION] administration
  std::string centre, name, id, file, kiosk, format = "json", from, to, date, title, dagdeel = "morning", start, end,
      place, leader, icon;
  int valid_hours = 24, days = 14, weekday = 0, capacity = 0;
  bool demo = false, volunteer = false, remove = false;
  auto* create = app.add_subcommand("create-centre", "Create a centre");
  create->add_option("--id", id, "Centre id, e.g. de-cirkel")->required();
  create->add_option("--name", name, "Centre name")->required();
  create->add_flag("--demo", demo, "Fill it with the kiosk's demo centre (42 participants, cards DEMO0001...)");
  auto* enrol = app.add_subcommand("enrol-kiosk", "Make a one-time enrolment code for a new kiosk");
  enrol->add_option("--centre", centre)->required();
  enrol->add_option("--name", name, "The kiosk's name, e.g. 'hal'");
  enrol->add_option("--valid-hours", valid_hours, "How long the code works")->check(CLI::Range(1, 24 * 14));
  auto* revoke = app.add_subcommand("revoke-kiosk", "Stop a kiosk's token (its queue waits for a new enrolment)");
  revoke->add_option("--kiosk", kiosk)->required();
  auto* kiosks = app.add_subcommand("kiosks", "List kiosks, their sequence numbers, gaps and restored databases");
  kiosks->add_option("--centre", centre);
  auto* coach = app.add_subcommand("add-coach", "Add or rename a coach");
  coach->add_option("--centre", centre)->required();
  coach->add_option("--id", id)->required();
  coach->add_option("--name", name)->required();
  auto* activity = app.add_subcommand("add-activity", "Add, change or (--remove) an activity of the weekly programme");
  activity->add_option("--centre", centre)->required();
  activity->add_option("--id", id)->required();
  activity->add_option("--title", title);
  activity->add_option("--weekday", weekday, "0 = Monday")->check(CLI::Range(0, 6));
  activity->add_option("--dagdeel", dagdeel, "morning, afternoon or evening");
  activity->add_option("--start", start, "HH:MM");
  activity->add_option("--end", end, "HH:MM");
  activity->add_option("--place", place);
  activity->add_option("--leader", leader);
  activity->add_option("--icon", icon);
  activity->add_option("--capacity", capacity, "0 = no limit")->check(CLI::Range(0, 10000));
  activity->add_flag("--volunteer-work", volunteer);
  activity->add_flag("--remove", remove, "Remove it from the programme (a tombstone for the kiosks)");
  auto* roster = app.add_subcommand("import-roster", "Import the centre's roster from CSV (all or nothing)");
  roster->add_option("--centre", centre)->required();
  roster->add_option("file", file, "CSV: id,first_name,last_name,card_code,pin,language,mandatory,coach_id")->required();
  auto* reader = app.add_subcommand("add-reader", "Make a read token for a municipal user (reports)");
  reader->add_option("--name", name)->required();
  reader->add_option("--centre", centre, "Only this centre (default: every centre)");
  auto* report = app.add_subcommand("report", "Print a report");
  report->require_subcommand(1);
  auto* att = report->add_subcommand("attendance", "Attendance per dagdeel, absences and volunteer hours");
  att->add_option("--centre", centre)->required();
  att->add_option("--from", from, "YYYY-MM-DD")->required();
  att->add_option("--to", to, "YYYY-MM-DD")->required();
  att->add_option("--format", format, "json or csv")->check(CLI::IsMember({"json", "csv"}));
  auto* exc = report->add_subcommand("exceptions", "Mandatory no-shows and participants not seen for N days");
  exc->add_option("--centre", centre)->required();
  exc->add_option("--date", date, "YYYY-MM-DD")->required();
  exc->add_option("--days", days)->check(CLI::Range(1, 365));
  exc->add_option("--format", format, "json or csv")->check(CLI::IsMember({"json", "csv"}));

  CLI11_PARSE(app, argc, argv);

  try {
    auto store = server::ServerStore::open(db);
    if (*serve) {
      const auto colon = listen.rfind(':');
      if (colon == std::string::npos) throw server::UsageError("--listen: expected HOST:PORT, got \"" + listen + "\"");
      so.host = listen.substr(0, colon);
      try {
        so.port = std::stoi(listen.substr(colon + 1));
      } catch (const std::exception&) {
        throw server::UsageError("--listen: the port must be a number, got \"" + listen + "\"");
      }
      if (so.port < 0 || so.port > 65535) throw server::UsageError("--listen: the port must be 0-65535");
      return server::serve(*store, so);
    }
    if (*create) {
      store->create_centre(id, name, now_ms());
      if (demo) seed_demo(*store, id);
      std::printf("centre %s \"%s\" created%s\n", id.c_str(), name.c_str(), demo ? " with the demo roster" : "");
    } else if (*enrol) {
      const auto c = store->enrol_kiosk(centre, name, now_ms(), static_cast<core::TimeMs>(valid_hours) * 3'600'000);
      std::printf("code: %s\nkiosk: %s\nexpires: %s\n", c.code.c_str(), c.kiosk_id.c_str(), iso_local(c.expires).c_str());
    } else if (*revoke) {
      store->revoke_kiosk(kiosk);
      std::printf("kiosk %s revoked\n", kiosk.c_str());
    } else if (*kiosks) {
      std::printf("%-36s %-14s %-10s %-8s %8s %8s %5s %9s %s\n", "kiosk", "centre", "name", "state", "last_seq", "events",
                  "gaps", "restored", "last seen");
      for (const auto& k : store->kiosks(centre))
        std::printf("%-36s %-14s %-10s %-8s %8lld %8lld %5lld %9lld %s\n", k.kiosk_id.c_str(), k.centre_id.c_str(),
                    k.name.c_str(), k.revoked ? "revoked" : k.enrolled ? "enrolled" : "waiting", (long long)k.last_seq,
                    (long long)k.events, (long long)k.gaps, (long long)k.seq_reused,
                    k.last_seen ? iso_local(k.last_seen).c_str() : "-");
    } else if (*coach) {
      store->add_coach(centre, {id, name});
      std::printf("coach %s saved\n", id.c_str());
    } else if (*activity) {
      core::Activity a;
      a.id = id;
      a.title = title.empty() ? id : title;
      a.weekday = weekday;
      if (!core::dagdeel_from_key(dagdeel, a.dagdeel)) throw server::UsageError("--dagdeel: morning, afternoon or evening");
      a.start = core::parse_hhmm(start.empty() ? "09:00" : start);
      a.end = core::parse_hhmm(end.empty() ? "12:00" : end);
      if (a.start < 0 || a.end <= a.start) throw server::UsageError("--start and --end: times like 09:30, end after start");
      a.place = place;
      a.leader = leader;
      a.icon = icon;
      a.capacity = capacity;
      a.volunteer_work = volunteer;
      store->put_activity(centre, a, !remove, now_ms());
      std::printf("activity %s %s\n", id.c_str(), remove ? "removed" : "saved");
    } else if (*roster) {
      std::ifstream in(file, std::ios::binary);
      if (!in) throw server::UsageError("cannot read " + file);
      std::ostringstream ss;
      ss << in.rdbuf();
      const auto parsed = server::parse_roster_csv(ss.str());
      if (!parsed.errors.empty()) {
        for (const auto& e : parsed.errors) std::fprintf(stderr, "%s: %s\n", file.c_str(), e.c_str());
        std::fprintf(stderr, "meedoen-server: nothing was imported (%zu problem%s)\n", parsed.errors.size(),
                     parsed.errors.size() == 1 ? "" : "s");
        return 2;
      }
      const auto n = store->import_roster(centre, parsed.rows, &hash_pin);
      std::printf("roster of %s: %d added, %d updated, %d no longer active\n", centre.c_str(), n.added, n.updated,
                  n.deactivated);
    } else if (*reader) {
      std::printf("token: %s\n", store->add_reader(name, centre).c_str());
    } else if (*att || *exc) {
      if (!store->centre_exists(centre)) throw server::UsageError("there is no centre \"" + centre + "\"");
      const auto t = *att ? server::attendance_report(*store, centre, from, to)
                          : server::exceptions_report(*store, centre, date, days);
      const std::string out = format == "csv" ? server::to_csv(t) : server::to_json(t);
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
    return 0;
  } catch (const server::UsageError& e) {
    std::fprintf(stderr, "meedoen-server: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "meedoen-server: %s\n", e.what());
    return 3;
  }
}
