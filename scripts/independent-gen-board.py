#!/usr/bin/env python3
"""An independent generator controller (board GEN) on a serial port, for checking the rig against a board
nobody here wrote: written from ../shared/protocol.md (framing, CRC, exchanges, the GEN command and event
tables, NAK and fault codes) and docs/protocol-additions.md (a remote exposure needs the host watchdog
armed), not from the Java emulator. Python 3 standard library only.

It has no hardware lines and no plant: prep takes ROTOR_UP_S (the rotor and the filament boost), an
exposure lasts its set time exactly and reports it (XOFF ms = the set time, mas = mA x ms / 1000), the anode
never heats, no interlock is ever open. Only what a serial-only rig can see is modelled: states, modes,
technique limits (kV x mA at most 80 kW; no mAs limit on a manual technique, protocol-additions.md), the host
watchdog (F12, an exposure ended with XOFF end=COMMS), faults latched until RST, the event counter,
duplicate frames answered again without being executed, CRC errors counted.

A pseudo-terminal has no baud rate: each frame is written whole, at once, so a rig reaching this board
over a pty has no wire timing (fixture 'wire: none').

Usage: independent-gen-board.py --serial PATH [--reply-delay 8ms] [--no-boot] [--rt-priority N]
  --serial PATH      the board's end of the cable (one end of a socat pty pair), opened raw
  --reply-delay D    answer every command D after its last byte (ms or us; default 0: at once); events are
                     not delayed
  --no-boot          send no EVT,BOOT when it starts (a rig that opens later would read it stale)
  --rt-priority N    run in SCHED_FIFO at priority N (1-99; needs CAP_SYS_NICE): a board is hardware of its own,
                     and on a loaded machine a program at ordinary priority answers tens of ms late
Prints 'board ready on PATH' when it listens; SIGTERM or SIGINT stops it (exit 0).
"""
import argparse
import heapq
import os
import select
import signal
import sys
import termios
import time
import tty

STX, ETX = 0x02, 0x03
MAX_FRAME = 128
INTER_BYTE_S = 0.010
ROTOR_UP_S = 1.2
HV_RISE_S = 0.001
POWER_MAX_KW = 80.0
FAULT_NAMES = {"F12": "COMMS_LOSS"}


def crc16(data):
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR."""
    crc = 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


assert crc16(b"123456789") == 0x29B1


def encode(seq, name, fields):
    body = ("%02X," % seq + ",".join([name] + fields) + ",").encode("ascii")
    return bytes([STX]) + body + ("%04X" % crc16(body)).encode("ascii") + bytes([ETX])


def duration(text):
    for unit, scale in (("ms", 1e-3), ("us", 1e-6), ("s", 1.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * scale
    raise argparse.ArgumentTypeError("%s is not a duration (use ms, us or s)" % text)


def number(text):
    """A protocol number ('80', '80.0', '-3.5'), or None when the field is not one."""
    try:
        if text.strip() != text or text in ("", "+", "-") or "e" in text.lower() or "n" in text.lower():
            return None
        return float(text)
    except ValueError:
        return None


def fmt(v):
    return "%.1f" % v


class Nak(Exception):
    def __init__(self, code):
        self.code = code


class Board:
    def __init__(self, fd, reply_delay_s):
        self.fd = fd
        self.reply_delay_s = reply_delay_s
        self.timers = []  # (due, order, action)
        self.order = 0
        self.state = "STANDBY"
        self.mode = "LOCAL"
        self.kv, self.ma, self.ms = 80.0, 250.0, 100.0
        self.wdg_ms = 0
        self.last_frame_s = time.monotonic()
        self.faults = []
        self.crcerr = 0
        self.events = 0
        self.last_command = None
        self.last_reply = None
        self.exposure = None  # (start, token)
        self.prep_token = 0
        self.last_exposure = None
        self.rx = bytearray()
        self.in_frame = False
        self.last_byte_s = 0.0

    # ---- output ----
    def write(self, data):
        view = memoryview(data)
        while view:
            try:
                n = os.write(self.fd, view)
                view = view[n:]
            except BlockingIOError:
                select.select([], [self.fd], [], 0.1)

    def event(self, name, fields):
        self.write(encode(self.events & 0xFF, "EVT", [name] + fields))
        self.events += 1

    def at(self, delay_s, action):
        self.order += 1
        heapq.heappush(self.timers, (time.monotonic() + delay_s, self.order, action))

    def set_state(self, s):
        if s != self.state:
            self.state = s
            self.event("STATE", ["s=" + s])

    # ---- receiving ----
    def receive(self, data, now):
        for b in data:
            if self.in_frame and now - self.last_byte_s > INTER_BYTE_S:
                self.in_frame = False  # more than 10 ms between two bytes: discarded
            self.last_byte_s = now
            if b == STX:
                self.rx = bytearray([b])
                self.in_frame = True
            elif not self.in_frame:
                continue  # outside a frame: ignored
            elif b == ETX:
                self.rx.append(b)
                self.in_frame = False
                self.frame(bytes(self.rx))
            else:
                self.rx.append(b)
                if len(self.rx) >= MAX_FRAME:
                    self.in_frame = False  # longer than 128 bytes: discarded

    def frame(self, raw):
        body = raw[1:-1]
        cut = body.rfind(b",")
        if cut < 0 or len(body) - cut - 1 != 4:
            return
        try:
            crc = int(body[cut + 1:].decode("ascii"), 16)
        except ValueError:
            return
        if crc16(body[: cut + 1]) != crc or body[cut + 1:].upper() != body[cut + 1:]:
            self.crcerr += 1  # discarded silently, counted, never acted on
            return
        parts = body[:cut].decode("ascii", "replace").split(",")
        if len(parts) < 2 or len(parts[0]) != 2:
            return
        try:
            seq = int(parts[0], 16)
        except ValueError:
            return
        self.last_frame_s = time.monotonic()  # any valid frame feeds the host watchdog
        if raw == self.last_command and self.last_reply is not None:
            reply = self.last_reply  # the same seq and bytes again: not executed, answered again
        else:
            name, args = parts[1], parts[2:]
            try:
                reply = encode(seq, "ACK", [name] + self.execute(name, args))
            except Nak as n:
                reply = encode(seq, "NAK", [name, n.code])
            self.last_command, self.last_reply = raw, reply
        if self.reply_delay_s > 0:
            self.at(self.reply_delay_s, lambda: self.write(reply))
        else:
            self.write(reply)

    # ---- commands ----
    def execute(self, name, args):
        handler = getattr(self, "cmd_" + name, None) if len(name) == 3 and name.isupper() else None
        if handler is None:
            raise Nak("02")
        return handler(args)

    @staticmethod
    def no_args(args):
        if args:
            raise Nak("01")

    @staticmethod
    def one_number(args):
        if len(args) != 1 or number(args[0]) is None:
            raise Nak("01")
        return number(args[0])

    def technique(self, kv, ma, ms, low, high, value):
        if not low <= value <= high:
            raise Nak("03")
        if kv * ma / 1000.0 > POWER_MAX_KW:
            raise Nak("03")
        if self.state != "STANDBY":
            raise Nak("04")

    def cmd_VER(self, args):
        self.no_args(args)
        return ["board=GEN", "fw=0.9.0", "proto=1", "sn=IND-0001", "build=0"]

    def cmd_STA(self, args):
        self.no_args(args)
        return ["state=" + self.state, "mode=" + self.mode, "kv=" + fmt(self.kv), "ma=" + fmt(self.ma),
                "ms=" + fmt(self.ms), "ilk=0", "flt=%d" % len(self.faults), "anode=0", "crcerr=%d" % self.crcerr]

    def cmd_MOD(self, args):
        if len(args) != 1:
            raise Nak("01")
        if args[0] not in ("LOCAL", "REMOTE"):
            raise Nak("03")
        if self.state != "STANDBY":
            raise Nak("04")
        self.mode = args[0]
        return ["mode=" + self.mode]

    def cmd_SKV(self, args):
        v = self.one_number(args)
        self.technique(v, self.ma, self.ms, 40.0, 150.0, v)
        self.kv = v
        return ["kv=" + fmt(v)]

    def cmd_SMA(self, args):
        v = self.one_number(args)
        self.technique(self.kv, v, self.ms, 10.0, 1000.0, v)
        self.ma = v
        return ["ma=" + fmt(v)]

    def cmd_SMS(self, args):
        v = self.one_number(args)
        self.technique(self.kv, self.ma, v, 1.0, 6000.0, v)
        self.ms = v
        return ["ms=" + fmt(v)]

    def cmd_PRP(self, args):
        if len(args) != 1 or args[0] not in ("0", "1"):
            raise Nak("01")
        if self.mode != "REMOTE":
            raise Nak("08")
        if args[0] == "1":
            if self.faults:
                raise Nak("09")
            if self.state == "STANDBY":
                self.set_state("PREP")
                self.prep_token += 1
                token = self.prep_token
                self.at(ROTOR_UP_S, lambda: self.ready(token))
        else:
            self.end_exposure("HANDSWITCH")
            self.prep_token += 1
            if self.state in ("PREP", "READY"):
                self.set_state("STANDBY")
        return ["state=" + self.state]

    def ready(self, token):
        if token == self.prep_token and self.state == "PREP":
            self.set_state("READY")

    def cmd_EXP(self, args):
        if len(args) != 1 or args[0] not in ("0", "1"):
            raise Nak("01")
        if self.mode != "REMOTE":
            raise Nak("08")
        if args[0] == "1":
            if self.state != "READY" or self.wdg_ms == 0:
                raise Nak("04")
            self.set_state("EXPOSING")
            token = object()
            self.exposure = (time.monotonic(), token)
            self.at(HV_RISE_S, lambda: self.x_on(token))
            self.at(self.ms / 1000.0, lambda: self.timer_end(token))
        else:
            self.end_exposure("HANDSWITCH")
        return ["state=" + self.state]

    def x_on(self, token):
        if self.exposure is not None and self.exposure[1] is token:
            self.event("XON", ["kv=" + fmt(self.kv), "ma=" + fmt(self.ma)])

    def timer_end(self, token):
        if self.exposure is not None and self.exposure[1] is token:
            self.end_exposure("TIMER")

    def end_exposure(self, why, then="READY"):
        if self.exposure is None:
            return
        start, _ = self.exposure
        self.exposure = None
        ms = self.ms if why == "TIMER" else (time.monotonic() - start) * 1000.0
        mas = self.ma * ms / 1000.0
        self.last_exposure = (self.kv, self.ma, ms, mas, why)
        self.set_state(then)
        self.event("XOFF", ["ms=" + fmt(ms), "mas=%.2f" % mas, "end=" + why])

    def cmd_ABT(self, args):
        self.end_exposure("ABORT", then="STANDBY")
        self.prep_token += 1
        if self.state in ("PREP", "READY"):
            self.set_state("STANDBY")
        return ["state=" + self.state]

    def cmd_RST(self, args):
        self.no_args(args)
        cleared, self.faults = self.faults, []
        for code in cleared:
            self.event("CLEAR", ["code=" + code])
        if self.state == "FAULT":
            self.set_state("STANDBY")
        return ["flt=0"]

    def cmd_WDG(self, args):
        if len(args) != 1 or not args[0].isdigit():
            raise Nak("01")
        v = int(args[0])
        if v != 0 and not 100 <= v <= 10000:
            raise Nak("03")
        self.wdg_ms = v
        if v == 0 and self.exposure is not None and self.mode == "REMOTE":
            self.end_exposure("HANDSWITCH")  # protocol-additions.md: WDG 0 ends a remote exposure, as EXP 0
        return ["wdg=%d" % v]

    def cmd_HBT(self, args):
        self.no_args(args)
        return []

    def cmd_FLT(self, args):
        self.no_args(args)
        return ["list=" + ("+".join(self.faults) if self.faults else "none")]

    def cmd_HEA(self, args):
        self.no_args(args)
        return ["anode=0", "housing=OK", "wait_s=0"]

    def cmd_LXP(self, args):
        self.no_args(args)
        if self.last_exposure is None:
            return ["kv=0.0", "ma=0.0", "ms=0.0", "mas=0.00", "arcs=0", "end=NONE"]
        kv, ma, ms, mas, why = self.last_exposure
        return ["kv=" + fmt(kv), "ma=" + fmt(ma), "ms=" + fmt(ms), "mas=%.2f" % mas, "arcs=0", "end=" + why]

    # ---- time ----
    def tick(self, now):
        if self.wdg_ms and now - self.last_frame_s > self.wdg_ms / 1000.0 and "F12" not in self.faults:
            self.faults.append("F12")
            self.event("FAULT", ["code=F12", "name=" + FAULT_NAMES["F12"]])
            self.end_exposure("COMMS", then="FAULT")
            self.prep_token += 1
            self.set_state("FAULT")
        while self.timers and self.timers[0][0] <= now:
            heapq.heappop(self.timers)[2]()

    def next_due(self, now):
        due = [t[0] for t in self.timers[:1]]
        if self.wdg_ms and "F12" not in self.faults:
            due.append(self.last_frame_s + self.wdg_ms / 1000.0 + 0.0002)
        return max(0.0, min(due) - now) if due else 0.5


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--serial", required=True)
    p.add_argument("--reply-delay", type=duration, default=0.0)
    p.add_argument("--no-boot", action="store_true")
    p.add_argument("--rt-priority", type=int, default=0)
    a = p.parse_args()
    if a.rt_priority:
        try:
            os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(a.rt_priority))
        except OSError as e:
            print("independent-gen-board: --rt-priority %d: %s" % (a.rt_priority, e.strerror), file=sys.stderr)
            return 3
    try:
        fd = os.open(a.serial, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError as e:
        print("independent-gen-board: %s: %s" % (a.serial, e.strerror), file=sys.stderr)
        return 3
    tty.setraw(fd, termios.TCSANOW)
    board = Board(fd, a.reply_delay)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    if not a.no_boot:
        board.event("BOOT", ["fw=0.9.0", "reason=POWERON"])
    print("board ready on %s (reply delay %.3f ms)" % (a.serial, a.reply_delay * 1e3), flush=True)
    while not stop:
        now = time.monotonic()
        board.tick(now)
        try:
            ready, _, _ = select.select([fd], [], [], board.next_due(time.monotonic()))
        except InterruptedError:
            continue
        if ready:
            try:
                data = os.read(fd, 4096)
            except BlockingIOError:
                continue
            except OSError as e:
                print("independent-gen-board: %s: %s" % (a.serial, e.strerror), file=sys.stderr)
                return 3
            board.receive(data, time.monotonic())
    os.close(fd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
