// meedoen-server's store in process: an enrolled kiosk and events as a kiosk would push them, for
// tests of what the server does with an event without an HTTP round trip.
#pragma once
#include <string>

#include "core/hlc.hpp"
#include "core/ids.hpp"
#include "server/server_store.hpp"
#include "wire/event_codec.hpp"

namespace meedoen::test {

// A kiosk enrolled through the store, with the token it would send (load tests drive it over HTTP).
struct EnrolledKiosk {
  server::KioskAuth auth;
  std::string token;
};

// A kiosk of the centre, enrolled with a fixed device id (n picks one of several, up to 2^28).
inline EnrolledKiosk enrol_test_kiosk(server::ServerStore& s, const std::string& centre, core::TimeMs now, int n = 1) {
  const server::EnrolCode code = s.enrol_kiosk(centre, "kiosk " + std::to_string(n), now, 3'600'000);
  core::RandomBytes r{};
  r[0] = static_cast<std::uint8_t>(n);  // its low 4 bits (the uuid's version nibble takes the rest)
  for (int i = 0; i < 3; ++i) r[3 + i] = static_cast<std::uint8_t>(n >> (4 + 8 * i));
  std::string why;
  const auto answer = s.enrol({code.code, core::make_uuid_v7(now, r)}, now, why);
  if (!answer) throw std::runtime_error("enrolment failed: " + why);
  auto auth = s.kiosk_for_token(answer->token, why);
  if (!auth) throw std::runtime_error("no kiosk for the token: " + why);
  return {*auth, answer->token};
}

inline server::KioskAuth enrolled_kiosk(server::ServerStore& s, const std::string& centre, core::TimeMs now,
                                        int n = 1) {
  return enrol_test_kiosk(s, centre, now, n).auth;
}

// One event of that kiosk as it pushes it: seq, wall clock (also its HLC stamp) and body.
// salt: distinct for kiosks whose events may share a millisecond and seq (load tests).
inline wire::WireEvent kiosk_event(const server::KioskAuth& k, std::int64_t seq, core::TimeMs wall,
                                   const std::string& participant_id, const core::EventBody& body,
                                   std::uint32_t salt = 0) {
  core::RandomBytes r{};
  r[1] = static_cast<std::uint8_t>(seq);
  for (int i = 0; i < 4; ++i) r[3 + i] = static_cast<std::uint8_t>(salt >> (8 * i));
  r[7] = static_cast<std::uint8_t>(seq >> 8);
  r[8] = static_cast<std::uint8_t>(seq >> 16);
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
