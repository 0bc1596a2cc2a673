// argon2id through libsodium's crypto_pwhash_str (self-describing, salted hash strings).
#include "storage/pin_hash.hpp"

#include <sodium.h>

#include <stdexcept>

namespace meedoen::storage {

namespace {
// Small limits on purpose: a PIN check runs on the kiosk's UI thread (~10 ms here).
constexpr unsigned long long kOps = 2;
constexpr std::size_t kMem = 4u << 20;

void ensure_sodium() {
  static const int ok = sodium_init();
  if (ok < 0) throw std::runtime_error("libsodium could not be initialised");
}
}  // namespace

std::string hash_pin(const std::string& pin) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), kOps, kMem, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a PIN");
  return out;
}

bool verify_pin_hash(const std::string& hash, const std::string& pin) {
  ensure_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace meedoen::storage
