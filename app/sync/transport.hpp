// The sync transport's module (meedoen-transport.so): sync/client.cpp's Client over cpp-httplib and
// OpenSSL, behind one table. meedoen-kiosk loads it when its sync worker makes its first request
// (modules/loader.hpp; sync/client_loader.cpp); meedoen-server's tests and benchmarks link the
// client directly. Without the module a request fails as a network error would, saying why.
#pragma once
#include <string>

#include "modules/loader.hpp"
#include "sync/client.hpp"

namespace meedoen::sync {

// A connection is an opaque handle (the module's Client); nothing throws across the table.
struct TransportTable {
  modules::ModuleHead head;
  void* (*open)(const ClientOptions& options);
  void (*destroy)(void* client);
  // post when body is not null, else get; false when it threw (out.error says why).
  bool (*request)(void* client, const std::string& path, const std::string* body, const std::string& token,
                  HttpResult& out);
  void (*close)(void* client);
  void (*stop)(void* client);
};

// Bump the last number when TransportTable or a type it passes (ClientOptions, HttpResult) changes.
inline constexpr modules::ModuleSpec kTransportModule{"meedoen-transport.so", "meedoen_transport_module", 1};

}  // namespace meedoen::sync
