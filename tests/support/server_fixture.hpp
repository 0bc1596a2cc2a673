// meedoen-server's store in process: an enrolled kiosk and events as a kiosk would push them, for
// tests of what the server does with an event without an HTTP round trip.
#pragma once
#include <string>

#include "core/hlc.hpp"
#include "core/ids.hpp"
#include "server/server_store.hpp"
#include "wire/event_codec.hpp"

namespace meedoen::test {

// A kiosk of the centre, enrolled with a fixed device id (n picks one of several).
inline server::KioskAuth enrolled_kiosk(server::ServerStore& s, const std::string& centre, core::TimeMs now,
                                        int n = 1) {
  const server::EnrolCode code = s.enrol_kiosk(centre, "kiosk " + std::to_string(n), now, 3'600'000);
  core::RandomBytes r{};
  r[0] = static_cast<std::uint8_t>(n);
  std::string why;
  const auto answer = s.enrol({code.code, core::make_uuid_v7(now, r)}, now, why);
  if (!answer) throw std::runtime_error("enrolment failed: " + why);
  auto auth = s.kiosk_for_token(answer->token, why);
  if (!auth) throw std::runtime_error("no kiosk for the token: " + why);
  return *auth;
}

// One event of that kiosk as it pushes it: seq, wall clock (also its HLC stamp) and body.
inline wire::WireEvent kiosk_event(const server::KioskAuth& k, std::int64_t seq, core::TimeMs wall,
                                   const std::string& participant_id, const core::EventBody& body) {
  core::RandomBytes r{};
  r[1] = static_cast<std::uint8_t>(seq);
  return {core::make_uuid_v7(wall, r),
          k.device_id,
          seq,
          wall,
          core::hlc_to_string(core::Hlc{wall, 0}),
          core::event_type(body),
          participant_id,
          wire::encode_payload(body)};
}

}  // namespace meedoen::test
