// The kiosk's HTTP(S) client for the sync protocol (cpp-httplib). Never throws: a failed
// request comes back as status 0 with the reason. Used from the sync worker's thread only.
#pragma once
#include <memory>
#include <string>

#include "core/time.hpp"

namespace meedoen::sync {

// Timeouts and keep-alive, chosen against the server's (docs/sync-protocol.md, "Connections and
// timeouts"): a connection serves the requests of one sync cycle, never one the server may be closing.
struct ClientOptions {
  std::string server_url;         // http://host:port/prefix or https://...
  std::string ca_bundle;          // PEM file of trusted CAs for https ("" = the system's)
  int connect_timeout_ms = 3000;  // TCP connect: one SYN retransmission (after 1 s) fits, a dead host fails fast
  int read_timeout_ms = 15000;    // per read/write: the server answers in ms, or in s when its database is busy
  int keep_alive_ms = 5000;       // reuse a connection idle at most this long (the server closes at 15 s)
};

struct HttpResult {
  int status = 0;  // 0: no answer (refused, timed out, cut off, TLS failure)
  std::string body;
  std::string error;       // why there was no answer
  int retry_after_s = -1;  // Retry-After in seconds, -1 when absent
};

class Client {
 public:
  explicit Client(ClientOptions options);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // "" when the URL is usable, else why not.
  const std::string& url_error() const;
  HttpResult post(const std::string& path, const std::string& body, const std::string& token);
  HttpResult get(const std::string& path, const std::string& token);
  // Closes the connection (the sync worker, after each cycle): the server need not keep an idle
  // connection until its timeout, and the next cycle starts on a fresh one.
  void close();
  // Aborts a request in progress from another thread (shutdown).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

// Splits "https://host:8443/base/" into scheme+host+port and a path prefix ("/base").
bool split_url(const std::string& url, std::string& origin, std::string& prefix, std::string& error);

}  // namespace meedoen::sync
