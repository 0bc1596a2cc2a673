// Sets (or unsets) an environment variable for one scope and restores the old value after it.
#pragma once
#include <cstdlib>
#include <optional>
#include <string>

namespace meedoen::test {

class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::optional<std::string>& value) : m_name(std::move(name)) {
    if (const char* old = std::getenv(m_name.c_str())) m_old = old;
    apply(value);
  }
  ~ScopedEnv() { apply(m_old); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void apply(const std::optional<std::string>& v) {
    if (v) ::setenv(m_name.c_str(), v->c_str(), 1);
    else ::unsetenv(m_name.c_str());
  }
  std::string m_name;
  std::optional<std::string> m_old;
};

}  // namespace meedoen::test
