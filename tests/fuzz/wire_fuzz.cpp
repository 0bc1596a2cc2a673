// libFuzzer target: the sync protocol's decoders (wire/wire.hpp) on any body a peer could send.
// They never throw or crash, and what one of them accepts encodes to a body it reads back the same
// (compared as re-encoded bytes: decode(encode(x)) encodes to encode(x)).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "wire/wire.hpp"

namespace {

using namespace meedoen;

// decode -> encode -> decode -> encode gives the same bytes twice.
template <class Message, class Decode, class Encode>
void round_trip(const std::string& body, Decode decode, Encode encode, const char* property) {
  Message first;
  std::string error;
  if (!decode(body, first, error)) return;
  const std::string encoded = encode(first);
  Message second;
  fuzz::require(decode(encoded, second, error), property);
  fuzz::require(encode(second) == encoded, property);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body = fuzz::text(data, size);
  round_trip<wire::PushRequest>(body, wire::decode_push_request, wire::encode_push_request,
                                "an accepted push request reads back as it was");
  round_trip<wire::PushAnswer>(body, wire::decode_push_answer, wire::encode_push_answer,
                               "an accepted push answer reads back as it was");
  round_trip<wire::PullPage>(body, wire::decode_pull_page, wire::encode_pull_page,
                             "an accepted pull page reads back as it was");
  round_trip<wire::EnrolRequest>(body, wire::decode_enrol_request, wire::encode_enrol_request,
                                 "an accepted enrol request reads back as it was");
  round_trip<wire::EnrolAnswer>(body, wire::decode_enrol_answer, wire::encode_enrol_answer,
                                "an accepted enrol answer reads back as it was");
  (void)wire::error_reason(body);
  (void)wire::server_time_of(body);
  return 0;
}
