// PIN hashing with argon2id (libsodium). A 4-digit PIN has little entropy of its own: the hash
// keeps PINs out of backups and the wire; the per-participant pause after wrong tries does the rest.
#pragma once
#include <string>

namespace meedoen::storage {

std::string hash_pin(const std::string& pin);
bool verify_pin_hash(const std::string& hash, const std::string& pin);

}  // namespace meedoen::storage
