#!/usr/bin/env python3
"""An independent client measuring how fast `hil emulate` answers over a pseudo-terminal.

Independent of the rig: Python 3's standard library only (os, termios, tty, select), none of the rig's
code. It makes a pty pair (os.openpty; the emulator opens the pair's slave by path, the client holds the
master), or with --socat a socat pty pair as in the README, starts the emulator command given after `--`
with `{pty}` replaced by that path, waits for its "emulating ..." line, lets it settle, then sends N
commands (protocol.md v1 frames with their CRC-16/CCITT-FALSE) one at a time at a cadence of --every
plus a seeded jitter of up to one main-loop tick (so the commands do not lock to the board's tick), and
stamps the read that brings the first byte of each reply. At the end it stops the emulator with SIGTERM
and prints the emulator's own worst pacing lateness from its last line.

Two figures per reply, in microseconds:
  seen   first reply byte read - command write returned (what a host on the pty sees)
  reply  the protocol's reply latency, on the modelled cable: the emulator puts a frame on its pty when
         the frame's last byte has left its modelled UART (a whole frame a time), and takes a command's
         bytes onto its modelled UART line at the baud rate from when it read them. So, as the rig's own
         driver does (RealTimeRig.send, ScenarioEngine), the command's ETX is on the cable at
         write + len(command) byte times and the reply's first byte started at read - len(reply) byte
         times; `reply` is the second minus the first, which protocol.md limits to 5 ms.
Both include everything real-time: the pty, the emulator's reader and pacer, the JVM, this client's own
wake-up (run it with --client-rt so that is small).
"""
import argparse
import os
import random
import re
import select
import signal
import subprocess
import sys
import tempfile
import termios
import time
import tty

STX, ETX = 0x02, 0x03


def crc16_ccitt_false(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def frame(seq, name, *args):
    body = ",".join([f"{seq:02X}", name, *args]) + ","
    return bytes([STX]) + body.encode("ascii") + f"{crc16_ccitt_false(body.encode('ascii')):04X}".encode() + bytes([ETX])


assert crc16_ccitt_false(b"123456789") == 0x29B1
assert frame(1, "VER") == b"\x0201,VER,683C\x03"


def percentile(sorted_values, p):
    """Nearest rank: the smallest value with at least p percent of the values at or below it."""
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, -(-len(sorted_values) * p // 100) - 1))
    return sorted_values[int(k)]


class Reader:
    """Splits the master's byte stream into frames; remembers when each frame's STX was read."""

    def __init__(self, fd):
        self.fd = fd
        self.partial = None
        self.partial_read_ns = 0
        self.frames = []  # (stx_read_ns, bytes)

    def read_until(self, deadline_ns, want):
        """Reads until want(frame_bytes) matches a complete frame or the deadline passes; returns (read_ns, bytes) or None."""
        while True:
            for i, (t, f) in enumerate(self.frames):
                if want(f):
                    del self.frames[: i + 1]
                    return t, f
            self.frames.clear()
            left = deadline_ns - time.monotonic_ns()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.fd], [], [], left / 1e9)
            if not ready:
                continue
            now = time.monotonic_ns()
            chunk = os.read(self.fd, 4096)
            for b in chunk:
                if b == STX:
                    self.partial = bytearray([b])
                    self.partial_read_ns = now
                elif self.partial is not None:
                    self.partial.append(b)
                    if b == ETX:
                        self.frames.append((self.partial_read_ns, bytes(self.partial)))
                        self.partial = None
                    elif len(self.partial) > 128:
                        self.partial = None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=2000, help="commands to send (default 2000)")
    ap.add_argument("--every", type=float, default=10.0, help="ms between commands, before the jitter (default 10)")
    ap.add_argument("--jitter", type=float, default=1.0, help="ms of seeded uniform jitter added to each gap (default 1)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the jitter (default 1)")
    ap.add_argument("--command", default="HBT", help="command to send, with arguments after commas (default HBT)")
    ap.add_argument("--baud", type=int, default=115200, help="the emulated board's baud rate (default 115200)")
    ap.add_argument("--settle", type=float, default=2.0, help="s to wait after the emulator is up (default 2)")
    ap.add_argument("--client-rt", type=int, default=0, help="run this client SCHED_FIFO at this priority (0: ordinary)")
    ap.add_argument("--socat", action="store_true", help="go through a socat pty pair instead of one pty")
    ap.add_argument("--samples", help="write every sample (index, send time, seen, reply) to this CSV file")
    ap.add_argument("--label", default="", help="label for the result line")
    ap.add_argument("emulator", nargs=argparse.REMAINDER, help="-- then the emulator command, {pty} for the port path")
    a = ap.parse_args()
    cmd = a.emulator[1:] if a.emulator[:1] == ["--"] else a.emulator
    if not cmd:
        ap.error("the emulator command is missing (after --)")

    byte_ns = round(10e9 / a.baud)

    socat = None
    tmp = tempfile.mkdtemp(prefix="hil-latency-")
    if a.socat:
        board, rig = os.path.join(tmp, "board"), os.path.join(tmp, "rig")
        socat = subprocess.Popen(["socat", f"pty,raw,echo=0,link={board}", f"pty,raw,echo=0,link={rig}"])
        for _ in range(200):
            if os.path.exists(board) and os.path.exists(rig):
                break
            time.sleep(0.01)
        fd = os.open(rig, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(fd)
        pty_path = board
        keep = None
    else:
        fd, keep = os.openpty()
        tty.setraw(keep)
        attrs = termios.tcgetattr(keep)
        attrs[3] &= ~termios.ECHO
        termios.tcsetattr(keep, termios.TCSANOW, attrs)
        pty_path = os.ttyname(keep)

    emu = subprocess.Popen([c.replace("{pty}", pty_path) for c in cmd], stdout=subprocess.PIPE, text=True)
    try:
        if a.client_rt > 0:  # after the emulator started: a child would inherit the policy
            os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(a.client_rt))
        line = emu.stdout.readline()
        if not line.startswith("emulating"):
            sys.exit(f"emulator-latency-client: the emulator did not start: {line.strip()!r} (exit {emu.poll()})")
        reader = Reader(fd)
        reader.read_until(time.monotonic_ns() + int(a.settle * 1e9), lambda f: False)  # boot event, JIT of start-up

        name, *args = a.command.split(",")
        rnd = random.Random(a.seed)
        seen, reply, lost, rows = [], [], 0, []
        next_ns = time.monotonic_ns()
        start_ns = next_ns
        for i in range(a.count):
            next_ns += int((a.every + rnd.uniform(0, a.jitter)) * 1e6)
            while time.monotonic_ns() < next_ns:
                left = next_ns - time.monotonic_ns()
                if left > 200_000:
                    time.sleep((left - 150_000) / 1e9)
            seq = i & 0xFF
            f = frame(seq, name, *args)
            os.write(fd, f)
            written = time.monotonic_ns()
            tag = f"{seq:02X},".encode()
            got = reader.read_until(written + 100_000_000,
                                    lambda r: r[1:4] == tag and (r[4:8] == b"ACK," or r[4:8] == b"NAK,"))
            if got is None:
                lost += 1
                rows.append((i, written, None, None))
                continue
            read_ns, r = got
            s = read_ns - written
            p = (read_ns - len(r) * byte_ns) - (written + len(f) * byte_ns)
            seen.append(s)
            reply.append(p)
            rows.append((i, written, s, p))
    finally:
        emu.send_signal(signal.SIGTERM)
        try:
            rest, _ = emu.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            emu.kill()
            rest, _ = emu.communicate()
        if socat is not None:
            socat.terminate()
            socat.wait()
    found = re.findall(r"worst pacing lateness ([^,)]+)(?:, after a start-up catch-up of ([^,)]+))?", rest)
    lateness = found[-1][0] if found else "?"
    catch_up = found[-1][1] if found and found[-1][1] else "not reported"

    if a.samples:
        with open(a.samples, "w") as out:
            out.write("index,sent_monotonic_ns,seen_us,reply_us\n")
            for i, t, s, p in rows:
                out.write(f"{i},{t},,\n" if s is None else f"{i},{t},{s / 1e3:.1f},{p / 1e3:.1f}\n")

    def stats(values):
        v = sorted(values)
        return "p50 %7.0f  p99 %7.0f  p99.9 %7.0f  max %7.0f us" % tuple(x / 1e3 for x in (
            percentile(v, 50), percentile(v, 99), percentile(v, 99.9), v[-1] if v else float("nan")))

    over = sum(1 for p in reply if p > 5_000_000)
    print(f"{a.label}{a.count} x {a.command}, every {a.every}+U(0,{a.jitter}) ms, {'socat pair' if a.socat else 'one pty'}, "
          f"client {'SCHED_FIFO ' + str(a.client_rt) if a.client_rt else 'ordinary'}")
    print(f"{a.label}  reply (protocol, modelled cable): {stats(reply)}  over 5 ms: {over}  lost: {lost}")
    print(f"{a.label}  seen  (write to first byte read): {stats(seen)}")
    print(f"{a.label}  emulator's worst pacing lateness: {lateness} (start-up catch-up: {catch_up})")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
