// Data at rest (storage/at_rest): the database's block device found from a fake /proc and /sys
// tree as the kernel lays them out, encrypted only when dm-crypt holds it (directly, or under
// LVM); and the kiosk database readable by its owner only (participants' data, the token).
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "storage/at_rest.hpp"
#include "storage/store.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
namespace fs = std::filesystem;

namespace {

// A block device in the fake tree: /sys/class/block/<name> with dev and, for device-mapper,
// dm/uuid; /sys/dev/block/M:m links to it, as in the kernel's sysfs.
void block_device(const fs::path& root, const std::string& name, const std::string& numbers,
                  const std::string& dm_uuid = "", const std::vector<std::string>& slaves = {}) {
  const fs::path dir = root / "sys/devices/virtual/block" / name;
  fs::create_directories(dir / "slaves");
  test::write_file(dir / "dev", numbers + "\n");
  if (!dm_uuid.empty()) {
    fs::create_directories(dir / "dm");
    test::write_file(dir / "dm" / "uuid", dm_uuid + "\n");
  }
  for (const auto& s : slaves) fs::create_directory_symlink("../../" + s, dir / "slaves" / s);
  fs::create_directories(root / "sys/class/block");
  fs::create_directories(root / "sys/dev/block");
  fs::create_directory_symlink("../../devices/virtual/block/" + name, root / "sys/class/block" / name);
  fs::create_directory_symlink("../../devices/virtual/block/" + name, root / "sys/dev/block" / numbers);
}

}  // namespace

TEST_CASE("at rest: a database on dm-crypt (LUKS2) is encrypted, on a plain partition it is not",
          "[storage][security]") {
  test::TempDir dir;
  const fs::path root = dir.path();
  block_device(root, "sda2", "8:2");
  block_device(root, "dm-0", "254:0", "CRYPT-LUKS2-3f0e1c2a9b7d4e58a1c2d3e4f5a6b7c8-kiosk", {"sda2"});
  block_device(root, "dm-1", "254:1", "LVM-abcdef", {"dm-0"});  // LVM on top of LUKS
  block_device(root, "dm-2", "254:2", "LVM-plain", {"sda2"});   // LVM straight on the disk
  block_device(root, "dm-3", "254:3", "LVM-mixed", {"dm-0", "sda2"});

  const storage::AtRest luks = storage::classify_block_device(root.string(), 254, 0);
  CHECK(luks.encrypted);
  CHECK(luks.device == "dm-0 (CRYPT-LUKS2)");
  CHECK(storage::classify_block_device(root.string(), 254, 1).encrypted);

  const storage::AtRest plain = storage::classify_block_device(root.string(), 8, 2);
  CHECK_FALSE(plain.encrypted);
  CHECK(plain.device == "sda2");
  CHECK(plain.detail.find("not dm-crypt") != std::string::npos);
  CHECK_FALSE(storage::classify_block_device(root.string(), 254, 2).encrypted);
  CHECK_FALSE(storage::classify_block_device(root.string(), 254, 3).encrypted);  // half of it is plain

  const storage::AtRest unknown = storage::classify_block_device(root.string(), 9, 9);
  CHECK_FALSE(unknown.encrypted);
  CHECK(unknown.detail.find("9:9") != std::string::npos);
}

TEST_CASE("at rest: a file system without a device number of its own is found by its mount", "[storage][security]") {
  // btrfs and tmpfs give files device major 0: the mount table names the source.
  test::TempDir dir;
  const fs::path root = dir.path();
  block_device(root, "dm-0", "254:0", "CRYPT-LUKS2-0011-kiosk", {});
  block_device(root, "sda1", "8:1");
  fs::create_directories(root / "dev/mapper");
  fs::create_symlink("../dm-0", root / "dev/mapper/kiosk");
  fs::create_directories(root / "proc/self");
  test::write_file(root / "proc/self/mountinfo",
                   "22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n"
                   "40 22 0:35 / /var/lib/meedoen rw,relatime - btrfs /dev/mapper/kiosk rw\n"
                   "41 22 0:36 / /var/lib/meedoen\\040x rw,relatime - tmpfs tmpfs rw\n"
                   "42 22 0:37 / /run rw,relatime - tmpfs tmpfs rw\n");
  const storage::AtRest btrfs = storage::classify_mount(root.string(), "/var/lib/meedoen/kiosk/kiosk.db");
  CHECK(btrfs.encrypted);
  CHECK(btrfs.device == "dm-0 (CRYPT-LUKS2)");
  const storage::AtRest spaced = storage::classify_mount(root.string(), "/var/lib/meedoen x/kiosk.db");
  CHECK_FALSE(spaced.encrypted);  // "\040" is a space: its own tmpfs mount, not the one above
  CHECK(spaced.device == "tmpfs");
  const storage::AtRest tmp = storage::classify_mount(root.string(), "/run/kiosk.db");
  CHECK_FALSE(tmp.encrypted);
  CHECK(tmp.detail.find("not on a block device") != std::string::npos);
  const storage::AtRest rest = storage::classify_mount(root.string(), "/home/kiosk.db");
  CHECK_FALSE(rest.encrypted);
  CHECK(rest.device == "sda1");
}

TEST_CASE("at rest: this machine's own database folder gets an answer, never a crash", "[storage][security]") {
  test::TempDir dir;
  const storage::AtRest r = storage::check_at_rest((dir.path() / "not-yet" / "kiosk.db").string());
  CHECK_FALSE(r.device.empty());
  CHECK_FALSE(r.detail.empty());
}

TEST_CASE("at rest: the kiosk database and its WAL are readable by their owner only", "[storage][security]") {
  test::TempDir dir;
  const std::string path = dir / "kiosk.db";
  auto mode = [](const std::string& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
  };
  {
    auto store = storage::Store::open(path);
    store.set_setting("x", "y");  // a write: the WAL exists
    CHECK(mode(path) == 0600);
    CHECK(mode(path + "-wal") == 0600);
  }
  // One made before (the umask's 0644) is tightened when opened.
  ::chmod(path.c_str(), 0644);
  auto store = storage::Store::open(path);
  CHECK(mode(path) == 0600);
}
