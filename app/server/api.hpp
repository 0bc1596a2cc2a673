// meedoen-server's HTTP API (docs/sync-protocol.md) over a ServerStore. Every request is
// answered; bad input gets a 4xx with a JSON reason and changes nothing.
#pragma once
#include <string>

#include "server/server_store.hpp"

namespace meedoen::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8470;                // 0: any free port
  std::string port_file;          // written with the bound port once listening (tests)
  std::string tls_cert, tls_key;  // both set: HTTPS
  std::size_t max_body_bytes = 4 << 20;
  int max_in_flight = 512;  // pushes and pulls queued or running; above, 503 with Retry-After
  // Connections (docs/sync-protocol.md, "Connections and timeouts"):
  int workers = 8;                // threads that run the routes using the database
  int idle_timeout_s = 15;        // a connection silent this long is closed
  int max_connections = 10000;    // open connections at most
  int busy_first_requests = 0;    // test hook: answer 429 Retry-After 1 to the first N syncs
  long long clock_offset_ms = 0;  // test hook: the server's clock runs this far ahead
  Faults faults;
};

// Runs until SIGINT/SIGTERM. Returns a process exit code; messages go to stderr.
int serve(ServerStore& store, const ServeOptions& options);

}  // namespace meedoen::server
