// libFuzzer target: the event payload codec (wire/event_codec.hpp). An input is a type name, a
// newline and a payload (the seeds are the golden payloads of every type). Decoding never throws
// or crashes; a payload it accepts re-encodes to one that decodes to the same body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "fuzz_support.hpp"
#include "wire/event_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace meedoen;
  const std::string input = fuzz::text(data, size);
  const std::size_t newline = input.find('\n');
  const std::string type = input.substr(0, newline);
  const std::string payload = newline == std::string::npos ? std::string() : input.substr(newline + 1);
  constexpr core::TimeMs kWall = 1'795'423'320'123;  // Monday 2026-11-23 09:42 CET

  std::string error;
  const core::EventBody body = wire::decode_payload(type, payload, kWall, &error);
  if (!error.empty() || std::holds_alternative<core::ev::Other>(body)) return 0;
  const std::string encoded = wire::encode_payload(body);
  std::string again_error;
  const core::EventBody again = wire::decode_payload(type, encoded, kWall, &again_error);
  fuzz::require(again_error.empty(), "an accepted payload's encoding is accepted");
  fuzz::require(again == body, "an accepted payload's encoding decodes to the same body");
  (void)core::validate(body);
  (void)core::event_subject("p-1", body);
  return 0;
}
