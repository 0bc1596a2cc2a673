// Writing export files safely: to NAME.tmp, fsync, rename over NAME, fsync the directory. A
// reader (a spreadsheet, a mail client) never sees half a file, and a full disk or a directory
// the kiosk may not write gives an ExportError with a readable message, never a crash.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace meedoen::exports {

struct ExportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Creates dir (and its parents) when missing.
void ensure_dir(const std::string& dir);
void write_file_atomic(const std::string& path, std::string_view bytes);
// "De Cirkel" -> "de-cirkel": lowercase ASCII letters and digits, the rest one '-'.
std::string slug(std::string_view s);

}  // namespace meedoen::exports
