// The sync transport's module entry (sync/transport.hpp): sync/client.cpp's Client behind the table.
#include "sync/transport.hpp"
#include "version.hpp"

namespace meedoen::sync {
namespace {

Client& client(void* c) { return *static_cast<Client*>(c); }

const TransportTable kTable{
    {kTransportModule.abi, kVersion},
    [](const ClientOptions& options) -> void* {
      Client* c = nullptr;
      std::string error;
      modules::guarded(error, [&] { c = new Client(options); });
      return c;
    },
    [](void* c) { delete static_cast<Client*>(c); },
    [](void* c, const std::string& path, const std::string* body, const std::string& token, HttpResult& out) {
      return modules::guarded(out.error,
                              [&] { out = body ? client(c).post(path, *body, token) : client(c).get(path, token); });
    },
    [](void* c) { client(c).close(); },
    [](void* c) { client(c).stop(); },
};

}  // namespace
}  // namespace meedoen::sync

MEEDOEN_MODULE_ENTRY const meedoen::modules::ModuleHead* meedoen_transport_module() {
  return &meedoen::sync::kTable.head;
}
