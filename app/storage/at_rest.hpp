// Data at rest: is the kiosk's database on an encrypted block device (dm-crypt: LUKS2 unlocked
// by the machine's TPM2, docs/deploy.md)? Read from /proc and /sys only, no lsblk: the device the
// file lives on, then down through device-mapper layers (LVM over LUKS) to what holds the data.
#pragma once
#include <string>

namespace meedoen::storage {

struct AtRest {
  bool encrypted = false;
  std::string device;  // what holds the file: "dm-0 (CRYPT-LUKS2-...)", "sda2", "tmpfs", ...
  std::string detail;  // for the log: how that was found, or why it is not encrypted
};

// Where the database at db_path (or, before it exists, its folder) lives. root is "/" on a
// kiosk; tests pass a fake tree with proc/self/mountinfo, sys/dev/block and sys/class/block.
AtRest check_at_rest(const std::string& db_path, const std::string& root = "/");

// The block device major:minor, read in root's /sys: encrypted when it is dm-crypt (its
// dm/uuid starts with "CRYPT-"), or a device-mapper device (LVM) all of whose slaves are.
AtRest classify_block_device(const std::string& root, unsigned major, unsigned minor);

// For a file system whose files have no device number of their own (btrfs, tmpfs, overlay):
// the mount that holds path, from root's /proc/self/mountinfo, and the device it names.
AtRest classify_mount(const std::string& root, const std::string& path);

}  // namespace meedoen::storage
