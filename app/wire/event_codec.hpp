// The JSON payloads of journal events (docs/events.md) <-> typed core event bodies, for every
// type of the event table (core/events.hpp) from its describe(). Shared by the kiosk's store, its
// sync worker and the server, so every side reads events the same way.
#pragma once
#include <string>

#include "core/events.hpp"

namespace meedoen::wire {

// The payload JSON of a body (an object; "{}" for ev::Other).
std::string encode_payload(const core::EventBody& body);

// Reads a payload of a given type. Unknown types give ev::Other (kept, not folded). A known type
// with a malformed payload gives ev::Other too and, when error is given, the reason in it.
// wall is the event's wall clock: the time of a check-in or check-out without an "at".
core::EventBody decode_payload(const std::string& type, const std::string& payload, core::TimeMs wall,
                               std::string* error = nullptr);

// The first time in body's payload (an `at`, an `end`, ...) outside the times an event may carry
// (wire::event_time_problem), named with its value; "" when every one is inside. 0 is "no time"
// (an end nobody set) and always passes.
std::string payload_time_problem(const core::EventBody& body);

}  // namespace meedoen::wire
