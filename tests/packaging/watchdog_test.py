#!/usr/bin/env python3
"""The kiosk's systemd notifications, without systemd: a datagram socket stands in for
$NOTIFY_SOCKET, and WATCHDOG_PID names this script, the kiosk's parent (as cage is under
meedoen-kiosk.service). The kiosk must send READY=1 after its first frame and then WATCHDOG=1
at least every half interval while it sleeps idle on the welcome screen, and STOPPING=1 when
asked to quit. Needs a display (ctest runs it under tests/support/headless_display.sh).
Usage: watchdog_test.py KIOSK_BIN"""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

INTERVAL_S = 2.0  # WatchdogSec=2s: pings every <= 1 s
WATCH_S = 6.0


def main():
    kiosk = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "notify")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(path)
        sock.settimeout(0.2)
        env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC=str(int(INTERVAL_S * 1e6)), WATCHDOG_PID=str(os.getpid()))
        proc = subprocess.Popen([kiosk, "--demo", "--db", os.path.join(tmp, "k.db")], env=env)
        got, ready_at, start = [], None, time.monotonic()
        try:
            while time.monotonic() - start < 30 and (ready_at is None or time.monotonic() - ready_at < WATCH_S):
                try:
                    msg = sock.recv(4096).decode()
                except socket.timeout:
                    if proc.poll() is not None:
                        raise SystemExit(f"the kiosk exited with {proc.returncode} before the test ended")
                    continue
                now = time.monotonic()
                for line in msg.split("\n"):
                    if line == "READY=1" and ready_at is None:
                        ready_at = now
                    if line == "WATCHDOG=1" and ready_at is not None:
                        got.append(now)
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
            stopping = False
            try:
                while True:
                    stopping |= "STOPPING=1" in sock.recv(4096).decode()
            except socket.timeout:
                pass
        finally:
            if proc.poll() is None:
                proc.kill()
    if ready_at is None:
        raise SystemExit("no READY=1 within 30 s")
    gaps = [b - a for a, b in zip([ready_at] + got, got)]
    print(f"READY=1 after {ready_at - start:.2f} s; {len(got)} WATCHDOG=1 in {WATCH_S:.0f} s idle, "
          f"largest gap {max(gaps, default=0):.2f} s (interval {INTERVAL_S:.0f} s); STOPPING=1: {stopping}")
    if len(got) < WATCH_S / INTERVAL_S or max(gaps, default=WATCH_S) > INTERVAL_S * 0.75:
        raise SystemExit("the kiosk did not ping the watchdog at least every half interval while idle")
    if not stopping:
        raise SystemExit("no STOPPING=1 when the kiosk was asked to quit")


if __name__ == "__main__":
    main()
