// Encrypted storage, found from /proc and /sys (storage/at_rest.hpp).
#include "storage/at_rest.hpp"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace meedoen::storage {

namespace fs = std::filesystem;

namespace {

std::string first_line(const fs::path& p) {
  std::ifstream in(p);
  std::string line;
  std::getline(in, line);
  return line;
}

// A device-mapper chain is short (LUKS, LVM, maybe a RAID); the depth limit stops a loop in a
// broken or hostile tree.
constexpr int kMaxDepth = 8;

// dev_dir: a folder of /sys/class/block/<name> (or /sys/dev/block/M:m): dm-crypt, or made only
// of dm-crypt devices underneath.
bool encrypted_device(const fs::path& dev_dir, int depth, std::string& found) {
  if (depth > kMaxDepth) return false;
  std::error_code ec;
  const std::string uuid = first_line(dev_dir / "dm" / "uuid");
  if (uuid.rfind("CRYPT-", 0) == 0) {
    found = fs::canonical(dev_dir, ec).filename().string() + " (" + uuid.substr(0, uuid.find('-', 6)) + ")";
    return true;
  }
  // Another device-mapper target (LVM, RAID) or a partition: what lies under it decides.
  std::vector<fs::path> below;
  for (const auto& e : fs::directory_iterator(dev_dir / "slaves", ec)) below.push_back(e.path());
  if (below.empty()) return false;
  for (const auto& b : below)
    if (!encrypted_device(b, depth + 1, found)) return false;
  return true;
}

// "\040" in /proc/self/mountinfo is a space, and so on: octal escapes of the kernel.
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size()) {
      const std::string oct = s.substr(i + 1, 3);
      if (oct.find_first_not_of("01234567") == std::string::npos) {
        out.push_back(static_cast<char>(std::stoi(oct, nullptr, 8)));
        i += 3;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

struct Mount {
  std::string point, fstype, source;
};

// The mount that holds path: the longest mount point that is a prefix of it (the last listed
// wins among equal ones, as the kernel stacks them).
bool mount_of(const std::string& root, const std::string& path, Mount& out) {
  std::ifstream in(fs::path(root) / "proc/self/mountinfo");
  std::string line;
  std::size_t best = 0;
  bool found = false;
  while (std::getline(in, line)) {
    // id parent major:minor root mount-point options [optional...] - fstype source super-options
    std::istringstream f(line);
    std::string id, parent, devno, mroot, point;
    if (!(f >> id >> parent >> devno >> mroot >> point)) continue;
    const std::size_t dash = line.find(" - ");
    if (dash == std::string::npos) continue;
    std::istringstream tail(line.substr(dash + 3));
    Mount m;
    tail >> m.fstype >> m.source;
    m.point = unescape(point);
    m.source = unescape(m.source);
    const bool under = m.point == "/" || path == m.point || path.rfind(m.point + "/", 0) == 0;
    if (under && m.point.size() >= best) {
      best = m.point.size();
      out = m;
      found = true;
    }
  }
  return found;
}

}  // namespace

AtRest classify_block_device(const std::string& root, unsigned major, unsigned minor) {
  AtRest r;
  const std::string id = std::to_string(major) + ":" + std::to_string(minor);
  const fs::path dev = fs::path(root) / "sys/dev/block" / id;
  std::error_code ec;
  if (!fs::exists(dev, ec)) {
    r.device = id;
    r.detail = "block device " + id + " is not in /sys/dev/block";
    return r;
  }
  const std::string name = fs::canonical(dev, ec).filename().string();
  std::string found;
  r.encrypted = encrypted_device(dev, 0, found);
  r.device = r.encrypted ? found : (name.empty() ? id : name);
  r.detail = r.encrypted ? "on dm-crypt device " + found
                         : "block device " + r.device + " (" + id + ") is not dm-crypt, nor built only on dm-crypt";
  return r;
}

AtRest check_at_rest(const std::string& db_path, const std::string& root) {
  std::error_code ec;
  fs::path p = fs::absolute(db_path, ec);
  // Before the database exists: the folder it will be made in (the nearest that exists).
  while (!p.empty() && !fs::exists(p, ec) && p.has_parent_path() && p.parent_path() != p) p = p.parent_path();
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return AtRest{false, db_path, "cannot stat " + p.string()};
  if (::major(st.st_dev) != 0) return classify_block_device(root, ::major(st.st_dev), ::minor(st.st_dev));
  // Major 0: a file system without a block device number of its own: the mount table names it.
  return classify_mount(root, fs::weakly_canonical(p, ec).string());
}

AtRest classify_mount(const std::string& root, const std::string& path) {
  std::error_code ec;
  Mount m;
  if (!mount_of(root, path, m)) return AtRest{false, path, "no mount found for " + path};
  if (m.source.rfind("/dev/", 0) != 0)
    return AtRest{false, m.fstype, path + " is on " + m.fstype + " (" + m.source + "), not on a block device"};
  // /dev/mapper/name is a link to ../dm-N; its /sys/class/block entry has the major:minor.
  const fs::path src = fs::path(root) / m.source.substr(1);
  const fs::path target = fs::is_symlink(src, ec) ? fs::read_symlink(src, ec) : fs::path(m.source);
  const std::string numbers = first_line(fs::path(root) / "sys/class/block" / target.filename() / "dev");
  unsigned maj = 0, min = 0;
  char colon = 0;
  std::istringstream in(numbers);
  if (!(in >> maj >> colon >> min) || colon != ':')
    return AtRest{false, m.source, "cannot find the block device of " + m.source};
  return classify_block_device(root, maj, min);
}

}  // namespace meedoen::storage
