// sd_notify from libsystemd. Under cage the kiosk is cage's child, not the unit's main process:
// systemd sets WATCHDOG_PID to cage's pid, so sd_watchdog_enabled() says "not for you". The unit
// has NotifyAccess=all, and the kiosk takes the watchdog when WATCHDOG_PID is itself or its parent.
#include "platform/service.hpp"

#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <string>

#include "platform/log.hpp"

namespace meedoen::platform {

namespace {

std::uint64_t monotonic_us() {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1'000'000u + static_cast<std::uint64_t>(ts.tv_nsec) / 1000u;
}

// WATCHDOG_USEC when the watchdog is meant for this process or the compositor that started it.
std::uint64_t watchdog_interval_us() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0) return usec;
  const char* pid = std::getenv("WATCHDOG_PID");
  const char* interval = std::getenv("WATCHDOG_USEC");
  if (!pid || !interval) return 0;
  if (std::strtoll(pid, nullptr, 10) != static_cast<long long>(::getppid())) return 0;
  return std::strtoull(interval, nullptr, 10);
}

}  // namespace

ServiceNotifier::ServiceNotifier() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  m_enabled = socket && *socket;
  if (!m_enabled) return;
  m_interval_us = watchdog_interval_us();
  if (m_interval_us > 0) {
    // A third of the interval, not the half systemd asks for at least: a frame that runs late (the
    // first ones open the audio device and speech) must not bring a ping near the deadline.
    m_max_sleep_ms = static_cast<int>(std::clamp<std::uint64_t>(m_interval_us / 3000u, 1, 60'000));
    log_line("systemd watchdog: every " + std::to_string(m_interval_us / 1000u) + " ms, pinged at least every " +
             std::to_string(m_max_sleep_ms) + " ms");
  }
}

void ServiceNotifier::ready() {
  if (!m_enabled || m_ready) return;
  m_ready = true;
  // cage stays the unit's main process: it exits when the kiosk does, and Restart=always restarts both.
  sd_notify(0, "READY=1\nSTATUS=showing the welcome screen");
  m_last_ping_us = monotonic_us();
  if (m_interval_us > 0) sd_notify(0, "WATCHDOG=1");
}

void ServiceNotifier::alive() {
  if (!m_enabled || !m_ready || m_interval_us == 0) return;
  const std::uint64_t now = monotonic_us();
  if (now - m_last_ping_us < m_interval_us / 3) return;
  m_last_ping_us = now;
  sd_notify(0, "WATCHDOG=1");
}

void ServiceNotifier::stopping() {
  if (m_enabled) sd_notify(0, "STOPPING=1");
}

}  // namespace meedoen::platform
