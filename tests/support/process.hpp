// Running the real binaries from tests: a command line in, exit code and output out.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/temp_dir.hpp"

namespace meedoen::test {

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// Single-quotes a word for /bin/sh.
inline std::string sh_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs a shell command line; stdout and stderr are captured through files in dir.
inline RunResult run(const std::string& command, const TempDir& dir) {
  static int n = 0;
  const std::string out = dir / ("out" + std::to_string(++n));
  const std::string err = dir / ("err" + std::to_string(n));
  const int status = std::system((command + " >" + sh_quote(out) + " 2>" + sh_quote(err)).c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

}  // namespace meedoen::test
