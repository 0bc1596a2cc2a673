// meedoen-server's HTTP API (docs/sync-protocol.md) over a ServerStore. Every request is
// answered; bad input gets a 4xx with a JSON reason and changes nothing.
#pragma once
#include <string>

#include "server/http_server.hpp"
#include "server/server_store.hpp"

namespace meedoen::server {

// The HTTP layer's settings (listen address, TLS, limits, timeouts: server/http_server.hpp and
// docs/sync-protocol.md, "Connections and timeouts") and what serve adds to them.
struct ServeOptions : HttpOptions {
  std::string port_file;          // written with the bound port once listening (tests)
  int busy_first_requests = 0;    // test hook: answer 429 Retry-After 1 to the first N syncs
  long long clock_offset_ms = 0;  // test hook: the server's clock runs this far ahead
  // The address of a reverse proxy in front (nginx): for its requests the client is the last
  // address of X-Forwarded-For. "" (default): the peer is the client, the header is ignored.
  std::string trusted_proxy;
  Faults faults;
};

// Runs until SIGINT/SIGTERM. Returns a process exit code; messages go to stderr.
int serve(ServerStore& store, const ServeOptions& options);

}  // namespace meedoen::server
