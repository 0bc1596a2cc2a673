// cpp-httplib behind the sync client: a keep-alive connection for the requests of one cycle (never
// one idle longer than keep_alive_ms), TLS with a configurable CA bundle.
#include "sync/client.hpp"

#include <httplib.h>

#include <chrono>
#include <mutex>

namespace meedoen::sync {

struct Client::Impl {
  ClientOptions opt;
  std::string origin, prefix, url_error;
  std::mutex mu;  // guards cli against stop() from another thread
  std::unique_ptr<httplib::Client> cli;
  std::chrono::steady_clock::time_point last_answer;

  httplib::Client* client() {
    std::lock_guard lock(mu);
    // Idle too long: the server may be closing it right now, and a request written into a closing
    // connection fails. A new connection costs a loopback/LAN round trip; a failed sync costs a backoff.
    if (cli && std::chrono::steady_clock::now() - last_answer > std::chrono::milliseconds(opt.keep_alive_ms))
      cli.reset();
    if (!cli && url_error.empty()) {
      cli = std::make_unique<httplib::Client>(origin);
      if (!cli->is_valid()) {
        url_error = "cannot use the server URL " + opt.server_url;
        cli.reset();
        return nullptr;
      }
      cli->set_keep_alive(true);
      cli->set_tcp_nodelay(true);  // else Nagle + delayed ACK add ~40 ms to every small request
      cli->set_connection_timeout(std::chrono::milliseconds(opt.connect_timeout_ms));
      cli->set_read_timeout(std::chrono::milliseconds(opt.read_timeout_ms));
      cli->set_write_timeout(std::chrono::milliseconds(opt.read_timeout_ms));
      if (origin.rfind("https://", 0) == 0) {
        if (!opt.ca_bundle.empty()) cli->set_ca_cert_path(opt.ca_bundle.c_str());
        cli->enable_server_certificate_verification(true);
      }
    }
    return cli.get();
  }

  HttpResult finish(httplib::Result r) {
    HttpResult out;
    if (!r) {
      out.error = httplib::to_string(r.error());
      std::lock_guard lock(mu);
      cli.reset();  // a fresh connection next time (the old one may be half-read)
      return out;
    }
    {
      std::lock_guard lock(mu);
      last_answer = std::chrono::steady_clock::now();
    }
    out.status = r->status;
    out.body = std::move(r->body);
    if (r->has_header("Retry-After")) {
      const std::string v = r->get_header_value("Retry-After");
      char* end = nullptr;
      const long s = std::strtol(v.c_str(), &end, 10);
      // As sent (bounded to fit an int); the worker caps what it honours (kMaxRetryAfterS).
      if (!v.empty() && *end == '\0' && s >= 0) out.retry_after_s = static_cast<int>(std::min(s, 24L * 3600));
    }
    return out;
  }
};

Client::Client(ClientOptions options) : m(std::make_unique<Impl>()) {
  m->opt = std::move(options);
  split_url(m->opt.server_url, m->origin, m->prefix, m->url_error);
}
Client::~Client() = default;

const std::string& Client::url_error() const { return m->url_error; }

HttpResult Client::post(const std::string& path, const std::string& body, const std::string& token) {
  httplib::Client* c = m->client();
  if (!c) return HttpResult{0, "", m->url_error, -1};
  httplib::Headers h;
  if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
  return m->finish(c->Post((m->prefix + path).c_str(), h, body, "application/json"));
}

HttpResult Client::get(const std::string& path, const std::string& token) {
  httplib::Client* c = m->client();
  if (!c) return HttpResult{0, "", m->url_error, -1};
  httplib::Headers h;
  if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
  return m->finish(c->Get((m->prefix + path).c_str(), h));
}

void Client::close() {
  std::lock_guard lock(m->mu);
  m->cli.reset();
}

void Client::stop() {
  std::lock_guard lock(m->mu);
  if (m->cli) m->cli->stop();
}

}  // namespace meedoen::sync
