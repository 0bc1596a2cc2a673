// meedoen-server's HTTP layer on libmicrohttpd: event-driven I/O threads (epoll) that never run a
// route that touches the database, a fixed pool of worker threads that does, and a route table.
// Idle keep-alive and slow clients cost a socket and a little memory, never a thread: that is why
// it replaced cpp-httplib's thread per connection (docs/sync-protocol.md, "Connections and timeouts").
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace meedoen::server {

// A whole request: head and body, read before any route runs. The accessors follow the names
// cpp-httplib gave them, so route code reads the same.
struct Request {
  std::string method, path, body;
  std::multimap<std::string, std::string> params;            // query, decoded
  std::vector<std::pair<std::string, std::string>> headers;  // names as sent
  std::string remote_addr;                                   // the peer's address, numeric ("" if unknown)

  std::string get_header_value(const std::string& name) const;  // case-insensitive, "" when absent
  bool has_param(const std::string& key) const { return params.count(key) > 0; }
  std::string get_param_value(const std::string& key) const;  // the first, "" when absent
};

struct Response {
  int status = 200;
  std::string body, content_type = "text/plain";
  std::vector<std::pair<std::string, std::string>> headers;

  void set_content(std::string b, const std::string& type) {
    body = std::move(b);
    content_type = type;
  }
  void set_header(const std::string& name, const std::string& value) { headers.emplace_back(name, value); }
};

using Handler = std::function<void(const Request&, Response&)>;

// Where a route runs. Quick: on the I/O thread (no database, no blocking). Store: on a worker.
// Sync: on a worker, and refused with 503 + Retry-After when max_in_flight are queued or running
// (a stampede after an outage is spread out instead of queued for minutes).
enum class RouteKind { Quick, Store, Sync };

struct Route {
  std::string method, path;
  RouteKind kind;
  Handler handler;
};

struct HttpOptions {
  std::string host = "127.0.0.1";
  int port = 8470;                // 0: any free port
  std::string tls_cert, tls_key;  // PEM files; both set: HTTPS (GnuTLS)
  std::size_t max_body_bytes = 4 << 20;
  int max_in_flight = 512;                   // Sync requests queued or running; above: 503
  int workers = 8;                           // threads that run Store and Sync routes
  int io_threads = 0;                        // epoll threads; 0: one per core, at most 4
  int idle_timeout_s = 15;                   // a connection silent this long is closed (idle keep-alive or stalled)
  int max_connections = 10000;               // open connections at most (also bounded by RLIMIT_NOFILE)
  std::size_t connection_memory = 32 << 10;  // per connection: request head and read buffer
  int stop_grace_s = 10;                     // on stop, requests already received get this long to finish
};

// Builds an error answer (the API's JSON body) for the errors the HTTP layer gives itself.
using ErrorReply = std::function<void(Response&, int status, const std::string& code, const std::string& reason)>;

class HttpServer {
 public:
  HttpServer(HttpOptions options, std::vector<Route> routes, ErrorReply error);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving; returns the bound port, or -1 with why.
  int start(std::string& why);
  // Stops accepting, lets requests already received finish (stop_grace_s at most), closes the rest.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

}  // namespace meedoen::server
