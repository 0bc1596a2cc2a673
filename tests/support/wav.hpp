// WAV files for the read-aloud tests: write a 16-bit PCM clip, read one back.
#pragma once
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace meedoen::test {

// A RIFF/WAVE file with one fmt and one data chunk.
inline void write_wav(const std::filesystem::path& p, const std::vector<std::int16_t>& samples, int rate = 22050,
                      int channels = 1) {
  auto u32 = [](std::string& s, std::uint32_t v) { s.append(reinterpret_cast<const char*>(&v), 4); };
  auto u16 = [](std::string& s, std::uint16_t v) { s.append(reinterpret_cast<const char*>(&v), 2); };
  const auto bytes = static_cast<std::uint32_t>(samples.size() * 2);
  std::string f = "RIFF";
  u32(f, 36 + bytes);
  f += "WAVEfmt ";
  u32(f, 16);
  u16(f, 1);
  u16(f, static_cast<std::uint16_t>(channels));
  u32(f, static_cast<std::uint32_t>(rate));
  u32(f, static_cast<std::uint32_t>(rate * channels * 2));
  u16(f, static_cast<std::uint16_t>(channels * 2));
  u16(f, 16);
  f += "data";
  u32(f, bytes);
  f.append(reinterpret_cast<const char*>(samples.data()), bytes);
  write_file(p, f);
}

// The data chunk's size as the header says it, and the file's real size; -1 when not a WAV file.
inline long wav_data_bytes(const std::filesystem::path& p) {
  const std::string f = slurp(p);
  if (f.size() < 44 || f.compare(0, 4, "RIFF") != 0 || f.compare(36, 4, "data") != 0) return -1;
  std::uint32_t n = 0;
  std::memcpy(&n, f.data() + 40, 4);
  return f.size() == 44 + n ? static_cast<long>(n) : -1;
}

}  // namespace meedoen::test
