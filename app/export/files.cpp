// Atomic file writes with POSIX calls (std::ofstream cannot fsync).
#include "export/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace meedoen::exports {

namespace {

std::string why(int err) {
  if (err == ENOSPC || err == EDQUOT) return "the disk is full";
  if (err == EACCES || err == EPERM || err == EROFS) return "no permission to write there";
  return std::strerror(err);
}

}  // namespace

void ensure_dir(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw ExportError("cannot create the folder " + dir + ": " + why(ec.value()));
  if (!std::filesystem::is_directory(dir, ec)) throw ExportError(dir + " is not a folder");
}

void write_file_atomic(const std::string& path, std::string_view bytes) {
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw ExportError("cannot write " + path + ": " + why(errno));
  auto fail = [&](const std::string& what) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    throw ExportError("cannot write " + path + ": " + what + why(err));
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("");
    done += static_cast<std::size_t>(n);
  }
  // The data must be on disk before the rename makes it visible under its real name.
  if (::fsync(fd) != 0) fail("");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw ExportError("cannot write " + path + ": " + why(err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw ExportError("cannot write " + path + ": " + why(err));
  }
  // And the rename itself must survive a power cut.
  const std::string dir = std::filesystem::path(path).parent_path().string();
  const int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

std::string slug(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(static_cast<char>(c));
    else if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if (c >= 0x80) continue;  // an accented letter is left out: "Jasmijn Ölmez" -> "jasmijn-lmez"
    else if (!out.empty() && out.back() != '-') out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "export" : out;
}

}  // namespace meedoen::exports
