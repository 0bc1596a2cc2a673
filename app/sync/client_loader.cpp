// meedoen-kiosk's sync client: sync/client.hpp through the transport's module, loaded by the first
// request (on the sync worker's thread). Without the module every request fails as a network error
// would (status 0), saying the transport is not available: the worker backs off and retries, and the
// outbox keeps every event until a request succeeds.
#include <mutex>

#include "sync/client.hpp"
#include "sync/transport.hpp"

namespace meedoen::sync {

struct Client::Impl {
  ClientOptions opt;
  std::string url_error;
  std::mutex mu;  // guards handle against stop() from another thread
  const TransportTable* table = nullptr;
  void* handle = nullptr;
  std::string load_error;

  // The module's client, opened on first use; nullptr with load_error set when the module is missing.
  void* client() {
    std::lock_guard lock(mu);
    if (!handle && load_error.empty()) {
      std::string error;
      table = modules::load_table<TransportTable>(kTransportModule, &error);
      if (!table) load_error = "the sync transport is not available on this kiosk: " + error;
      else if (!(handle = table->open(opt))) load_error = "the sync transport cannot start";
    }
    return handle;
  }

  HttpResult request(const std::string& path, const std::string* body, const std::string& token) {
    if (!url_error.empty()) return HttpResult{0, "", url_error, -1};
    void* c = client();
    if (!c) return HttpResult{0, "", load_error, -1};
    HttpResult out;
    table->request(c, path, body, token, out);
    return out;
  }
};

Client::Client(ClientOptions options) : m(std::make_unique<Impl>()) {
  m->opt = std::move(options);
  std::string origin, prefix;
  split_url(m->opt.server_url, origin, prefix, m->url_error);
}

Client::~Client() {
  if (m->handle) m->table->destroy(m->handle);
}

const std::string& Client::url_error() const { return m->url_error; }

HttpResult Client::post(const std::string& path, const std::string& body, const std::string& token) {
  return m->request(path, &body, token);
}

HttpResult Client::get(const std::string& path, const std::string& token) { return m->request(path, nullptr, token); }

void Client::close() {
  std::lock_guard lock(m->mu);
  if (m->handle) m->table->close(m->handle);
}

void Client::stop() {
  std::lock_guard lock(m->mu);
  if (m->handle) m->table->stop(m->handle);
}

}  // namespace meedoen::sync
