// Running the real binaries from tests: a command line in, exit code and output out.
#pragma once
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

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
  if (status == -1) r.err += "\n[system() failed: errno " + std::to_string(errno) + "]";
  else if (WIFSIGNALED(status)) r.err += "\n[the shell was killed by signal " + std::to_string(WTERMSIG(status)) + "]";
  return r;
}

// Runs a command on a pseudo-terminal as an operator would: each answer is typed (with Enter) only
// once its prompt has appeared, however slowly the program starts. out is everything the terminal
// showed (echoed keys included). A prompt that does not come within the deadline ends the run
// (exit_code -1).
inline RunResult run_on_terminal(const std::string& command,
                                 const std::vector<std::pair<std::string, std::string>>& prompts_and_answers,
                                 std::chrono::seconds deadline = std::chrono::seconds(120)) {
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) return {};
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  RunResult r;
  std::size_t next = 0, seen = 0;
  const auto until = std::chrono::steady_clock::now() + deadline;
  for (char buf[512];;) {
    if (next < prompts_and_answers.size()) {
      const std::size_t at = r.out.find(prompts_and_answers[next].first, seen);
      if (at != std::string::npos) {
        const std::string keys = prompts_and_answers[next].second + "\r";
        if (::write(master, keys.data(), keys.size()) < 0) break;
        seen = at + prompts_and_answers[next++].first.size();
      }
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    pollfd p{master, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
      ::kill(pid, SIGKILL);
      break;
    }
    const ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO: the program has ended and closed the terminal
    r.out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace meedoen::test
