#!/usr/bin/env python3
"""Going live, as the README tells it: runs the commands of the README's "Going live at a centre"
section (the ```sh blocks between <!-- go-live --> and <!-- /go-live -->) on an empty server and
a new kiosk, and checks the outcome: the centre, its roster, a coach with a PIN, the kiosk
enrolled, and the first check-in on the server.

What the test changes in the commands, and only that: /var/lib/meedoen becomes a temporary
folder, the enrolment code and server address printed as examples become the real ones, the
kiosk gets --replay (a card scan and a tap instead of a person) and runs on a display of its own
(tests/support/headless_display.sh), and the server's `serve` runs in the background. The coach's PIN is typed on standard input.

Usage: go_live_test.py REPO_ROOT BIN_DIR"""
import os
import pathlib
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time

COACH_PINS = ["258000", "147000", "369000"]  # one per add-coach line: two coaches cannot share a PIN


def blocks(readme):
    """The sh blocks of the go-live section, each a list of command lines (comments dropped)."""
    text = readme.read_text(encoding="utf-8")
    m = re.search(r"<!-- go-live -->(.*?)<!-- /go-live -->", text, re.S)
    if not m:
        sys.exit("README.md has no <!-- go-live --> section")
    out = []
    for block in re.findall(r"```sh\n(.*?)```", m.group(1), re.S):
        lines = []
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line and not line.startswith("#"):
                lines.append(line)
        out.append(lines)
    if len(out) != 3:
        sys.exit(f"the go-live section should have 3 sh blocks (server, kiosk, check), has {len(out)}")
    return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        if proc.poll() is not None:
            sys.exit(f"meedoen-server serve exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    sys.exit("meedoen-server did not start listening")


class Walk:
    def __init__(self, root, bin_dir, tmp):
        self.root, self.tmp = root, tmp
        self.headless = shlex.quote(str(root / "tests/support/headless_display.sh"))
        self.env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", XDG_DATA_HOME=str(tmp / "data"),
                        XDG_CONFIG_HOME=str(tmp / "config"), HOME=str(tmp))
        self.server = None
        self.port = free_port()
        self.code = None
        self.coaches = 0

    def sh(self, line, stdin=""):
        line = line.replace("/var/lib/meedoen", str(self.tmp / "lib"))
        print(f"$ {line}", flush=True)
        r = subprocess.run(["bash", "-c", line], cwd=self.tmp, env=self.env, input=stdin, capture_output=True,
                           text=True, timeout=120)
        print(r.stdout + r.stderr, end="", flush=True)
        if r.returncode != 0:
            sys.exit(f"failed with exit code {r.returncode}: {line}")
        return r.stdout

    def server_block(self, lines):
        (self.tmp / "lib").mkdir()
        shutil.copy(self.root / "docs/roster-example.csv", self.tmp / "roster.csv")
        for line in lines:
            if " serve" in line:
                line = re.sub(r"--listen \S+", f"--listen 127.0.0.1:{self.port}", line)
                line = line.replace("/var/lib/meedoen", str(self.tmp / "lib"))
                print(f"$ {line} &", flush=True)
                self.server = subprocess.Popen(["bash", "-c", "exec " + line], cwd=self.tmp, env=self.env,
                                               stderr=open(self.tmp / "server.log", "w"))
                wait_for_port(self.port, self.server)
                continue
            stdin = ""
            if "add-coach" in line:
                pin = COACH_PINS[self.coaches]
                self.coaches += 1
                stdin = f"{pin}\n"
            out = self.sh(line, stdin=stdin)
            if "enrol-kiosk" in line:
                m = re.search(r"code: (\S+)", out)
                if not m:
                    sys.exit("enrol-kiosk printed no code")
                self.code = m.group(1)

    def kiosk_block(self, lines, card):
        replay = self.tmp / "first.replay"
        replay.write_text(f"wait 1s\nscan {card}\ntap \"Inchecken\"\nexpect \"ingecheckt\"\nwait 3s\n")
        for line in lines:
            line = re.sub(r"--server \S+", f"--server http://127.0.0.1:{self.port}", line)
            line = re.sub(r"--enrol-code \S+", f"--enrol-code {self.code}", line)
            line = line.replace("--fullscreen", "--size 1280x800")
            line = f"{self.headless} 1280x800 {line} --replay {shlex.quote(str(replay))}"
            self.sh(line)

    def check_block(self, lines):
        return "".join(self.sh(line) for line in lines)


def first_card(roster):
    head, first = roster.read_text(encoding="utf-8-sig").splitlines()[:2]
    sep = ";" if head.count(";") > head.count(",") else ","
    fields = dict(zip(head.split(sep), first.split(sep)))
    return fields["card_code"], fields["first_name"]


def main():
    root, bin_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    server_lines, kiosk_lines, check_lines = blocks(root / "README.md")
    card, first_name = first_card(root / "docs/roster-example.csv")
    with tempfile.TemporaryDirectory(prefix="meedoen-go-live-") as t:
        walk = Walk(root, bin_dir, pathlib.Path(t))
        try:
            walk.server_block(server_lines)
            walk.kiosk_block(kiosk_lines, card)
            out = walk.check_block(check_lines)
        finally:
            if walk.server:
                walk.server.terminate()
                walk.server.wait(10)
        problems = []
        row = next((l.split() for l in out.splitlines() if " enrolled " in f" {l} "), None)
        head = next((l.split() for l in out.splitlines() if l.startswith("kiosk ")), None)
        if not row or not head:
            problems.append("the kiosk listing shows no enrolled kiosk")
        else:
            cols = dict(zip(head, row))
            if cols.get("events") != "1":
                problems.append(f"the server holds {cols.get('events')} events of the kiosk, not the first check-in")
            if cols.get("gaps") != "0":
                problems.append(f"the kiosk listing shows {cols.get('gaps')} gaps")
        if first_name not in out:
            problems.append(f"today's attendance report does not name {first_name}")
        for p in problems:
            print("FAILED:", p)
        sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
