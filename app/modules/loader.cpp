// The one module loader (modules/loader.hpp): dlopen by full path, the entry's table, its version.
#include "modules/loader.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <utility>

#include "platform/log.hpp"
#include "version.hpp"

namespace meedoen::modules {

namespace {

struct Loaded {
  const ModuleHead* head = nullptr;
  std::string error;
};

// The first folder that holds file, else the last folder's path (its dlerror() says it is missing).
std::string module_path(const std::string& file) {
  const std::vector<std::string> dirs = module_dirs();
  std::error_code ec;
  for (const auto& d : dirs)
    if (std::filesystem::exists(std::filesystem::path(d) / file, ec)) return (std::filesystem::path(d) / file).string();
  return (std::filesystem::path(dirs.back()) / file).string();
}

Loaded open(const ModuleSpec& spec) {
  const std::string path = module_path(spec.file);
  Loaded out;
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* e = dlerror();
    std::string why = e ? e : "cannot be opened";
    if (why.rfind(path + ": ", 0) == 0) why.erase(0, path.size() + 2);  // dlerror() names the path too
    out.error = "module " + path + ": " + why;
    return out;
  }
  using Entry = const ModuleHead* (*)();
  dlerror();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, spec.entry));
  if (!entry) {
    const char* why = dlerror();
    out.error = "module " + path + ": " + (why ? why : std::string("no ") + spec.entry);
  } else if (const ModuleHead* head = entry();
             !head || head->abi != spec.abi || std::strcmp(head->version, kVersion) != 0) {
    out.error = "module " + path + ": built for Meedoen " + (head ? head->version : "?") + " (table " +
                std::to_string(head ? head->abi : 0) + "), this is " + kVersion + " (table " +
                std::to_string(spec.abi) + ")";
  } else {
    out.head = head;
    return out;
  }
  dlclose(handle);
  return out;
}

}  // namespace

std::vector<std::string> module_dirs() {
  if (const char* dir = std::getenv("MEEDOEN_MODULE_DIR"); dir && *dir) return {dir};
  std::vector<std::string> dirs;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) dirs.push_back(exe.parent_path().string());
  dirs.emplace_back(MEEDOEN_INSTALLED_MODULE_DIR);
  return dirs;
}

const ModuleHead* load(const ModuleSpec& spec, std::string* error) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, std::uint32_t>, Loaded> loaded;  // by file and table: tried once
  std::lock_guard lock(mutex);
  const std::pair<std::string, std::uint32_t> key{spec.file, spec.abi};
  auto it = loaded.find(key);
  if (it == loaded.end()) {
    it = loaded.emplace(key, open(spec)).first;
    if (!it->second.head) platform::log_line(it->second.error);
  }
  if (!it->second.head && error) *error = it->second.error;
  return it->second.head;
}

}  // namespace meedoen::modules
