// HTTP routes of meedoen-server: enrol, push, pull, time and the reports, as one table over the
// HTTP layer (server/http_server: libmicrohttpd, workers for the routes that use the store).
#include "server/api.hpp"

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "server/enrol_limiter.hpp"
#include "server/report_files.hpp"
#include "server/reports.hpp"
#include "version.hpp"

namespace meedoen::server {

namespace {

// [SECTION] Helpers

std::atomic<core::TimeMs> g_clock_offset{0};  // test hook: a server whose clock is elsewhere

core::TimeMs now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
             .count() +
         g_clock_offset.load();
}

void log(const std::string& line) { std::fprintf(stderr, "meedoen-server: %s\n", line.c_str()); }

void reply_error(Response& res, int status, const std::string& code, const std::string& reason) {
  res.status = status;
  res.set_content(wire::encode_error(code, reason, now_ms()), "application/json");
}

std::string bearer(const Request& req) {
  const std::string h = req.get_header_value("Authorization");
  return h.rfind("Bearer ", 0) == 0 ? h.substr(7) : std::string();
}

bool is_date(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
}

// The client's address: the peer's, or behind the trusted proxy the last X-Forwarded-For entry
// (the one that proxy added; anything before it the client may have written itself).
std::string client_address(const Request& req, const std::string& trusted_proxy) {
  if (trusted_proxy.empty() || req.remote_addr != trusted_proxy) return req.remote_addr;
  std::string forwarded = req.get_header_value("X-Forwarded-For");
  const auto comma = forwarded.rfind(',');
  if (comma != std::string::npos) forwarded.erase(0, comma + 1);
  const auto first = forwarded.find_first_not_of(" \t");
  const auto last = forwarded.find_last_not_of(" \t");
  if (first == std::string::npos || last - first + 1 > 64) return req.remote_addr;
  return forwarded.substr(first, last - first + 1);
}

class Api {
 public:
  Api(ServerStore& store, std::string trusted_proxy) : m_store(store), m_trusted_proxy(std::move(trusted_proxy)) {}

  // Every route: method, path, where it runs (http_server.hpp: RouteKind) and its handler.
  std::vector<Route> routes() {
    return {
        {"GET", "/v1/time", RouteKind::Quick,  // no token, no database: the no-op round trip
         [](const Request&, Response& res) {
           res.set_content(
               "{\"server_time\":" + std::to_string(now_ms()) + ",\"version\":\"meedoen-server " + kVersion + "\"}",
               "application/json");
         }},
        {"GET", "/v1/health", RouteKind::Store, [this](const Request&, Response& res) { health(res); }},
        {"POST", "/v1/enrol", RouteKind::Store, using_store([this](auto& req, auto& res) { enrol(req, res); })},
        {"POST", "/v1/push", RouteKind::Sync,
         using_store([this](auto& req, auto& res) { guarded(req, res, &Api::push); })},
        {"GET", "/v1/pull", RouteKind::Sync,
         using_store([this](auto& req, auto& res) { guarded(req, res, &Api::pull); })},
        {"GET", "/v1/reports/attendance", RouteKind::Store,
         using_store([this](auto& req, auto& res) { report(req, res, true); })},
        {"GET", "/v1/reports/exceptions", RouteKind::Store,
         using_store([this](auto& req, auto& res) { report(req, res, false); })},
        {"GET", "/v1/reports/month", RouteKind::Store,
         using_store([this](auto& req, auto& res) { document(req, res, true); })},
        {"GET", "/v1/reports/progress", RouteKind::Store,
         using_store([this](auto& req, auto& res) { document(req, res, false); })},
    };
  }

 private:
  // [SECTION] Monitoring: no token, no data; 503 tells a load balancer or a probe why.
  void health(Response& res) {
    const std::string why = m_store.check_writable();
    nlohmann::json j{{"status", why.empty() ? "ok" : "unavailable"},
                     {"version", kVersion},
                     {"database", why.empty() ? "writable" : why}};
    if (!why.empty()) log("health: " + why);
    res.status = why.empty() ? 200 : 503;
    res.set_content(j.dump(), "application/json");
  }

  // [SECTION] Kiosk endpoints: authenticated, limited in flight.
  using KioskHandler = void (Api::*)(const KioskAuth&, const Request&, Response&);

  void guarded(const Request& req, Response& res, KioskHandler h) {
    if (m_busy_left.load() > 0 && m_busy_left.fetch_sub(1) > 0) {
      res.set_header("Retry-After", "1");
      reply_error(res, 429, "busy", "too many requests; try again after Retry-After seconds");
      return;
    }
    const std::string token = bearer(req);
    if (token.empty()) return reply_error(res, 401, "unauthorized", "missing Authorization: Bearer <device token>");
    std::string why;
    const auto kiosk = m_store.kiosk_for_token(token, why);
    if (!kiosk) {
      if (m_store.reader_for_token(token)) return reply_error(res, 403, "forbidden", "a read token cannot sync");
      log("refused " + req.path + ": " + why);
      return reply_error(res, 401, "unauthorized", why);
    }
    (this->*h)(*kiosk, req, res);
  }

  // Failed tries cost the client's address a token (enrol_limiter): a guesser gets 429s after a
  // few, and the log one line per address and minute.
  void enrol(const Request& req, Response& res) {
    const std::string addr = client_address(req, m_trusted_proxy);
    if (const int wait = m_enrol_limiter.wait_s(addr, now_ms()); wait > 0) {
      res.set_header("Retry-After", std::to_string(wait));
      return reply_error(res, 429, "too_many_attempts",
                         "too many failed enrolments from this address; try again in " + std::to_string(wait) + " s");
    }
    wire::EnrolRequest r;
    std::string error;
    if (!wire::decode_enrol_request(req.body, r, error)) {
      m_enrol_limiter.failed(addr, error, now_ms());
      return reply_error(res, 400, "bad_request", error);
    }
    bool device_taken = false;
    const auto a = m_store.enrol(r, now_ms(), error, &device_taken);
    if (!a && device_taken) {  // a right code: not a guess, logged whole
      log("enrolment refused (" + addr + "): " + error);
      return reply_error(res, 409, "device_enrolled", error);
    }
    if (!a) {
      m_enrol_limiter.failed(addr, error, now_ms());
      return reply_error(res, 401, "unauthorized", error);
    }
    log("kiosk " + a->kiosk_id + " of centre " + a->centre_id + " enrolled (device " + r.device_id + ")");
    res.set_content(wire::encode_enrol_answer(*a), "application/json");
  }

  void push(const KioskAuth& k, const Request& req, Response& res) {
    wire::PushRequest r;
    std::string error;
    if (!wire::decode_push_request(req.body, r, error)) {
      log("push from kiosk " + k.kiosk_id + " refused: " + error);
      return reply_error(res, 400, "bad_request", error + "; nothing was stored");
    }
    if (r.device_id != k.device_id)
      return reply_error(res, 403, "forbidden", "device_id " + r.device_id + " is not the device of this token");
    const wire::PushAnswer a = m_store.push(k, r, now_ms());
    for (const auto& w : a.warnings) log("kiosk " + k.kiosk_id + ": " + w);
    for (const auto& x : a.results)
      if (x.status == wire::PushStatus::Rejected || x.status == wire::PushStatus::Conflict)
        log("kiosk " + k.kiosk_id + ": event " + x.id + " " + wire::push_status_key(x.status) + ": " + x.reason);
    res.set_content(wire::encode_push_answer(a), "application/json");
  }

  void pull(const KioskAuth& k, const Request& req, Response& res) {
    int limit = wire::kDefaultPullLimit;
    if (req.has_param("limit")) {
      const std::string v = req.get_param_value("limit");
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 1 || n > wire::kMaxPullLimit)
        return reply_error(res, 400, "bad_request", "limit must be 1 to " + std::to_string(wire::kMaxPullLimit));
      limit = static_cast<int>(n);
    }
    const std::string cursor = req.has_param("cursor") ? req.get_param_value("cursor") : "";
    if (cursor.size() > 100) return reply_error(res, 400, "bad_request", "cursor is too long");
    const wire::PullPage page = m_store.pull(k, cursor, limit, now_ms());
    res.set_content(wire::encode_pull_page(page), "application/json");
  }

  // [SECTION] Reports: municipal read tokens.
  void report(const Request& req, Response& res, bool attendance) {
    const auto reader = m_store.reader_for_token(bearer(req));
    if (!reader) return reply_error(res, 401, "unauthorized", "missing or unknown read token");
    const std::string centre = req.get_param_value("centre");
    if (centre.empty() || !m_store.centre_exists(centre)) return reply_error(res, 400, "bad_request", "unknown centre");
    if (!reader->centre_id.empty() && reader->centre_id != centre)
      return reply_error(res, 403, "forbidden", "this token may read centre " + reader->centre_id + " only");
    const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
    if (format != "json" && format != "csv") return reply_error(res, 400, "bad_request", "format must be json or csv");
    Table t;
    if (attendance) {
      const std::string from = req.get_param_value("from"), to = req.get_param_value("to");
      if (!is_date(from) || !is_date(to))
        return reply_error(res, 400, "bad_request", "from and to must be dates like 2026-11-23");
      t = attendance_report(m_store, centre, from, to);
    } else {
      const std::string date = req.get_param_value("date");
      const int days = req.has_param("days") ? std::atoi(req.get_param_value("days").c_str()) : 14;
      if (!is_date(date) || days < 1 || days > 365)
        return reply_error(res, 400, "bad_request", "date must be like 2026-11-23, days 1 to 365");
      t = exceptions_report(m_store, centre, date, days);
    }
    if (format == "csv") res.set_content(to_csv(t), "text/csv; charset=utf-8");
    else res.set_content(to_json(t), "application/json");
  }

  // The month overview and progress report as the kiosk makes them (server/report_files), in the
  // centre's language or lang=. Checks in the order a caller fixes them: token, centre, the rest.
  void document(const Request& req, Response& res, bool month) {
    const auto reader = m_store.reader_for_token(bearer(req));
    if (!reader) return reply_error(res, 401, "unauthorized", "missing or unknown read token");
    ReportRequest r{req.get_param_value("centre"), req.get_param_value("month"), req.get_param_value("participant"),
                    req.get_param_value("lang"), now_ms()};
    if (!reader->centre_id.empty() && reader->centre_id != r.centre)
      return reply_error(res, 403, "forbidden", "this token may read centre " + reader->centre_id + " only");
    const std::string format = req.has_param("format") ? req.get_param_value("format") : "csv";
    if (format != "csv" && format != "xlsx" && format != "pdf" && (format != "json" || !month))
      return reply_error(res, 400, "bad_request",
                         std::string("format must be ") + (month ? "json, csv, xlsx or pdf" : "csv, xlsx or pdf"));
    try {
      if (format == "json") return res.set_content(month_json(month_figures(m_store, r)), "application/json");
      const reports::ReportFiles f = month ? month_files(m_store, r) : progress_files(m_store, r);
      res.set_header("Content-Disposition", "attachment; filename=\"" + f.stem + "." + format + "\"");
      if (format == "csv") res.set_content(f.csv, "text/csv; charset=utf-8");
      else if (format == "xlsx")
        res.set_content(f.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      else res.set_content(f.pdf, "application/pdf");
    } catch (const NotFound& e) {
      reply_error(res, 404, "not_found", e.what());
    } catch (const UsageError& e) {
      reply_error(res, 400, "bad_request", e.what());
    }
  }

  // A route that uses the store: a failing database is 503 with Retry-After, nothing stored (any
  // other exception is the HTTP layer's 500).
  static Handler using_store(Handler h) {
    return [h = std::move(h)](const Request& req, Response& res) {
      try {
        h(req, res);
      } catch (const ServerError& e) {
        log(req.path + ": " + e.what());
        res = Response{};
        res.set_header("Retry-After", "5");
        reply_error(res, 503, "unavailable", "the server's database failed; nothing was stored; try again later");
      }
    };
  }

  ServerStore& m_store;
  std::string m_trusted_proxy;
  EnrolLimiter m_enrol_limiter{&log};
  std::atomic<int> m_busy_left{0};

 public:
  void set_busy(int n) { m_busy_left = n; }
};

}  // namespace

// [SECTION] serve

int serve(ServerStore& store, const ServeOptions& o) {
  // Signals are waited for on this thread; the HTTP layer's threads, started below, never see them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  store.set_faults(o.faults);
  g_clock_offset = o.clock_offset_ms;
  Api api(store, o.trusted_proxy);
  api.set_busy(o.busy_first_requests);
  HttpServer server(o, api.routes(), &reply_error);
  std::string why;
  const int port = server.start(why);
  if (port <= 0) {
    log(why);
    return 2;
  }
  const std::string url =
      std::string(o.tls_cert.empty() ? "http" : "https") + "://" + o.host + ":" + std::to_string(port);
  log("listening on " + url);
  if (!o.port_file.empty()) {
    const std::string tmp = o.port_file + ".tmp";
    std::ofstream(tmp) << port << "\n";
    std::rename(tmp.c_str(), o.port_file.c_str());  // whole or absent, never half-written
  }
  int sig = 0;
  sigwait(&set, &sig);
  log("stopping (signal " + std::to_string(sig) + ")");
  server.stop();
  return 0;
}

}  // namespace meedoen::server
