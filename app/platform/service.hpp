// Telling systemd the kiosk is alive (meedoen-kiosk.service: Type=notify, WatchdogSec=): READY=1
// once the first frame is on screen, WATCHDOG=1 from the main loop, so a hung kiosk is killed
// and restarted. Nothing happens when the kiosk does not run under systemd.
#pragma once
#include <cstdint>

namespace meedoen::platform {

class ServiceNotifier {
 public:
  ServiceNotifier();  // reads $NOTIFY_SOCKET and $WATCHDOG_USEC once

  // After the first frame was presented; once.
  void ready();
  // From every pass of the main loop: sends WATCHDOG=1 when a third of the interval has passed.
  void alive();
  // The longest the main loop may sleep: a third of the watchdog interval (no watchdog: a minute).
  int max_sleep_ms() const { return m_max_sleep_ms; }
  // Before the kiosk exits on purpose (STOPPING=1: systemd does not wait for a watchdog ping).
  void stopping();

 private:
  bool m_enabled = false;  // a notify socket is set
  bool m_ready = false;
  std::uint64_t m_interval_us = 0;  // 0: no watchdog
  std::uint64_t m_last_ping_us = 0;
  int m_max_sleep_ms = 60'000;
};

}  // namespace meedoen::platform
