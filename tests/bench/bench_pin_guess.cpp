// What an offline guess at a coach PIN costs with the kiosk's own argon2id parameters
// (storage/pin_hash.cpp): the time of one verify, times the 10^4 PINs of 4 digits and the 10^6 of
// 6 digits, on one core. A thief with the database file runs as many cores as they have; the
// figure per core is what docs/security.md multiplies.
//   build/tests/bench/bench_pin_guess [tries]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/plain_build.hpp"
#include "storage/pin_hash.hpp"

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  meedoen::bench::say_if_sanitized("bench_pin_guess");
  const int tries = argc > 1 ? std::atoi(argv[1]) : 200;
  if (tries <= 0) {
    std::fprintf(stderr, "usage: bench_pin_guess [tries > 0]\n");
    return 2;
  }
  const std::string hash = meedoen::storage::hash_pin("246810");
  int found = 0;
  const auto start = Clock::now();
  for (int i = 0; i < tries; ++i) {
    char pin[16];
    std::snprintf(pin, sizeof pin, "%06d", 999999 - i);  // wrong ones: a guesser's usual case
    found += meedoen::storage::verify_pin_hash(hash, pin) ? 1 : 0;
  }
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count() / tries;
  std::printf("argon2id verify (the kiosk's parameters): %.2f ms per guess, %d tries, %d matched\n", ms, tries, found);
  std::printf("all 10^4 PINs of 4 digits: %.0f s on one core\n", ms * 1e4 / 1e3);
  std::printf("all 10^6 PINs of 6 digits: %.0f s = %.1f h on one core (half that on average)\n", ms * 1e6 / 1e3,
              ms * 1e6 / 3.6e6);
  return 0;
}
