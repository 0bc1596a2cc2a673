// Modules loaded on first use: the libraries the welcome screen never needs (the exports' renderers,
// espeak-ng, the sync transport) live in shared modules next to the kiosk, so its dynamic loader does
// not map and bind them before main. One loader for all of them: where a module is looked for, the
// check that it was built with this program, and the error text when it cannot be used.
//
// A module is one shared object (meedoen-render.so, ...) that exports one extern "C" function
// returning its table of function pointers; the table starts with a ModuleHead. Everything else in a
// module is hidden, and nothing throws across its edge (a table's functions return an error text).
// Each module has an interface header in its layer, a direct implementation (meedoen-server and the
// tests link the library itself) and a loader implementation (meedoen-kiosk): app/CMakeLists.txt.
#pragma once
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

namespace meedoen::modules {

// The first member of every module's table.
struct ModuleHead {
  std::uint32_t abi;    // the table's layout and the types it passes: bumped when they change
  const char* version;  // meedoen::kVersion of the build the module came from
};

// What a caller asks for: the file, its entry function, and the table layout it was compiled with.
struct ModuleSpec {
  const char* file;   // "meedoen-render.so"
  const char* entry;  // "meedoen_render_module"
  std::uint32_t abi;
};

// Where modules are looked for, first match wins: $MEEDOEN_MODULE_DIR alone when set (for tests:
// an empty folder stands for a kiosk installed without its modules), else the executable's own
// folder (a build tree: build/app/), then the installed folder (MEEDOEN_MODULE_DIR at configure
// time, /usr/lib/<multiarch>/meedoen). Never LD_LIBRARY_PATH: a module is opened by its full path.
std::vector<std::string> module_dirs();

// The module's table, loaded once per process (thread-safe; never unloaded), or nullptr with the
// reason in *error. A failure is logged once, naming the path and dlerror() or the version found.
const ModuleHead* load(const ModuleSpec& spec, std::string* error);

template <class Table>
const Table* load_table(const ModuleSpec& spec, std::string* error) {
  return reinterpret_cast<const Table*>(load(spec, error));
}

// Inside a module: runs f, turning an exception into false and its text, so nothing throws across
// the module's edge.
template <class F>
bool guarded(std::string& error, F&& f) noexcept {
  try {
    f();
    return true;
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "unknown error";
  }
  return false;
}

}  // namespace meedoen::modules

// A module's entry function, the one symbol it exports.
#define MEEDOEN_MODULE_ENTRY extern "C" __attribute__((visibility("default")))
