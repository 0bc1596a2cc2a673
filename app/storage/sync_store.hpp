// The kiosk's side of sync in its database: the outbox (unsent journal events), the device
// token, the pull cursor, and applying pulled pages. Its own SQLite connection, for the sync
// worker's thread; the Store (UI thread) keeps its own. Open the Store first: it migrates.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "storage/store.hpp"
#include "wire/wire.hpp"

namespace meedoen::storage {

struct PullApplied {
  int participants = 0, coaches = 0, activities = 0, settings = 0;
  int events = 0;  // new events of other kiosks (already known ones are ignored)
  // What was skipped and why, one line each for the kiosk's log (a coach's malformed PIN hash).
  std::vector<std::string> warnings;
  bool changed() const { return participants + coaches + activities + settings + events > 0; }
};

class SyncStore {
 public:
  static SyncStore open(const std::string& path);
  SyncStore(SyncStore&&) noexcept;
  SyncStore& operator=(SyncStore&&) noexcept;
  ~SyncStore();

  const std::string& device_id() const;

  // [SECTION] Enrolment and cursor (sync_state table)
  std::string state(const std::string& key, const std::string& fallback = "") const;
  void set_state(const std::string& key, const std::string& value);
  std::string token() const { return state("token"); }
  std::string cursor() const { return state("cursor"); }

  // [SECTION] Outbox
  // This kiosk's unsent events after seq after_seq, in seq order, at most max_events and about
  // max_bytes of JSON. (A range on UNIQUE (device_id, seq) from the seq through which every event
  // is sent: a backlog is read in linear time, and a tap writes no index of unsent events.)
  std::vector<wire::WireEvent> pending(std::size_t max_events, std::size_t max_bytes, std::int64_t after_seq = 0) const;
  std::int64_t unsent_count() const;
  // Marks the answered events sent (rejected ones and conflicts too, with their reason kept: a
  // conflict's starts with "conflict: "), one transaction.
  // Marks the answered events sent, in one transaction. When every event of a batch from
  // pending() was answered, first_seq..last_seq names the batch: the unsent events of this
  // device in that range are exactly the batch, and one range update marks them (the
  // per-id update costs a lookup in the id index per event).
  void mark_pushed(const std::vector<wire::PushResult>& results, core::TimeMs now, std::int64_t first_seq = 0,
                   std::int64_t last_seq = 0);
  std::vector<std::pair<std::string, std::string>> rejected() const;  // event id, reason

  // [SECTION] Pull
  // Applies one page and its cursor in one transaction; pulled events are inserted by id (never
  // twice) and the read models re-derived from them.
  PullApplied apply_pull(const wire::PullPage& page, core::TimeMs now);

 private:
  struct Impl;
  explicit SyncStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m;
};

}  // namespace meedoen::storage
