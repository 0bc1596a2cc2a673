// The server URL's parts (sync/client.hpp): no cpp-httplib, so the kiosk checks its URL without
// loading the transport's module.
#include "sync/client.hpp"

namespace meedoen::sync {

bool split_url(const std::string& url, std::string& origin, std::string& prefix, std::string& error) {
  const bool https = url.rfind("https://", 0) == 0;
  if (!https && url.rfind("http://", 0) != 0) {
    error = "the server URL must start with http:// or https://, got \"" + url + "\"";
    return false;
  }
  const std::size_t host_start = https ? 8 : 7;
  const std::size_t slash = url.find('/', host_start);
  origin = url.substr(0, slash);
  prefix = slash == std::string::npos ? "" : url.substr(slash);
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  if (origin.size() <= host_start) {
    error = "the server URL has no host: \"" + url + "\"";
    return false;
  }
  return true;
}

}  // namespace meedoen::sync
