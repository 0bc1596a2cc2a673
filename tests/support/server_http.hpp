// meedoen-server spoken to as a kiosk or a reader would, over HTTP on loopback: a client with a
// bearer token, an enrolled device, and a push event written by hand (so a test can make it as
// odd as an attacker would).
#pragma once
#include <httplib.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "support/server_process.hpp"

namespace meedoen::test {

struct Http {
  httplib::Client c;
  std::string token;
  std::string forwarded_for;  // sent as X-Forwarded-For when set (a client behind a proxy)
  explicit Http(int port, std::string t = "") : c("127.0.0.1", port), token(std::move(t)) {}
  httplib::Headers headers() const {
    httplib::Headers h;
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    if (!forwarded_for.empty()) h.emplace("X-Forwarded-For", forwarded_for);
    return h;
  }
  httplib::Result post(const std::string& path, const std::string& body) {
    return c.Post(path.c_str(), headers(), body, "application/json");
  }
  httplib::Result get(const std::string& path) { return c.Get(path.c_str(), headers()); }
};

inline std::string reason_of(const httplib::Result& r) { return nlohmann::json::parse(r->body).value("reason", ""); }

// An enrolled device: its token and device id.
inline std::pair<std::string, std::string> enrol(ServerProcess& s,
                                                 const std::string& device = "0193a000-0000-7000-8000-000000000001") {
  Http h(s.port());
  auto r = h.post("/v1/enrol", nlohmann::json{{"code", s.enrol_code()}, {"device_id", device}}.dump());
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return {nlohmann::json::parse(r->body)["token"].get<std::string>(), device};
}

inline std::string event_json(const std::string& device, int seq, const std::string& type, const std::string& pid,
                              const std::string& payload = R"({"date":"2026-11-23","dagdeel":"morning"})") {
  char id[40];
  std::snprintf(id, sizeof id, "0193a000-0000-7000-8000-%012d", seq);
  return "{\"id\":\"" + std::string(id) + "\",\"device_id\":\"" + device + "\",\"seq\":" + std::to_string(seq) +
         ",\"wall_ms\":1795423320000,\"hlc\":\"0001795423320000.0000000000\",\"type\":\"" + type +
         "\",\"participant_id\":\"" + pid + "\",\"payload\":" + payload + "}";
}

// A serving store of the demo centre with one enrolled device and its client: how most tests of
// the HTTP API start.
struct ServedKiosk {
  ServerProcess server;
  std::string token, device;
  Http http;
  ServedKiosk(const TempDir& dir, Store store, const std::string& device_id)
      : server(dir, "de-cirkel", store), http((server.start(), server.port())) {
    std::tie(token, device) = enrol(server, device_id);
    http.token = token;
  }
};

// A push event with every field chosen by the test (event_json's defaults otherwise).
struct PushEvent {
  std::string id, device;
  std::int64_t seq = 1;
  std::int64_t wall_ms = 1795423320000;
  std::string hlc = "0001795423320000.0000000000";
  std::string type = "check_in", participant = "demo-p-0001";
  nlohmann::json payload = {{"date", "2026-11-23"}, {"dagdeel", "morning"}};

  nlohmann::json to_json() const {
    return {{"id", id},     {"device_id", device},           {"seq", seq},        {"wall_ms", wall_ms}, {"hlc", hlc},
            {"type", type}, {"participant_id", participant}, {"payload", payload}};
  }
};

// A push body of these events from device.
inline std::string push_body(const std::string& device, const std::vector<PushEvent>& events) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : events) list.push_back(e.to_json());
  return nlohmann::json{{"device_id", device}, {"events", list}}.dump();
}

}  // namespace meedoen::test
