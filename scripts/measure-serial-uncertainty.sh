#!/usr/bin/env bash
# The serial library (hil run --tags serial) over a socat pty pair against a board in its own process, RUNS
# times, each on a fresh cable and a fresh board (a running board starts its tube's rotor twice a minute at
# most): the verdicts, and the declared uncertainty and value of every reply measurement (*_reply).
# Usage: scripts/measure-serial-uncertainty.sh [RUNS] [RT_PRIORITY]   (default 3 runs, 0: ordinary scheduling;
#        N: cable and rig at SCHED_FIFO N, the board at N - 10, the CPUs kept out of idle states while the rig runs)
#   EMULATE_OPTS adds options to hil emulate, e.g. "--spin 50us" (its pacer then busy-waits before each event,
#        every 50 us during an exposure: at real-time priority on 2 cores that kept socat and the kernel's tty
#        work off a CPU, replies came 12-53 ms late; its default is 0, park only)
#   BOARD=emulate (default: hil emulate --board GEN, fixtures/rigs/emulate-gen-serial.yaml)
#   BOARD=independent (scripts/independent-gen-board.py, fixtures/rigs/pty-gen-serial.yaml); REPLY_DELAY=8ms
# Needs socat. Prints the load average before and after.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
prio="${2:-0}"
board="${BOARD:-emulate}"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
# shellcheck disable=SC2206
rt=(); emu_rt=(${EMULATE_OPTS:-}); run_rt=(); board_rt=()
if [[ "$prio" != 0 ]]; then
  # shellcheck disable=SC2206
  rt=(chrt -f "$prio"); emu_rt=(--rt-priority $((prio - 10)) ${EMULATE_OPTS:-}); run_rt=(--rt-priority "$prio")
  board_rt=(--rt-priority $((prio - 10)))
fi
"$root/scripts/hil" defects >/dev/null # builds the jar first if needed
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; board $board, rt priority $prio, $runs runs"
for i in $(seq 1 "$runs"); do
  "${rt[@]}" socat "pty,raw,echo=0,link=$work/board$i" "pty,raw,echo=0,link=$work/rig$i" & pids+=($!)
  for _ in $(seq 50); do [[ -e "$work/rig$i" && -e "$work/board$i" ]] && break; sleep 0.1; done
  if [[ "$board" == independent ]]; then
    fixture="$root/fixtures/rigs/pty-gen-serial.yaml"
    python3 "$root/scripts/independent-gen-board.py" --serial "$work/board$i" --no-boot --reply-delay "${REPLY_DELAY:-0ms}" \
        "${board_rt[@]}" >"$work/board$i.log" 2>&1 & pids+=($!)
    ready="board ready"
  else
    fixture="$root/fixtures/rigs/emulate-gen-serial.yaml"
    "$root/scripts/hil" emulate --board GEN --serial "$work/board$i" "${emu_rt[@]}" >"$work/board$i.log" 2>&1 & pids+=($!)
    ready="emulating"
  fi
  for _ in $(seq 300); do grep -qs "$ready" "$work/board$i.log" && break; sleep 0.1; done
  sed "s|/tmp/hil-gen-rig|$work/rig$i|" "$fixture" >"$work/fixture$i.yaml"
  if [[ "$prio" != 0 ]]; then printf 'realtime: {priority: %s, cpu_latency: 0us}\n' "$prio" >>"$work/fixture$i.yaml"; fi
  "$root/scripts/hil" run --rig "$work/fixture$i.yaml" --tags serial --no-db --rig-home "$work/home" --out "$work/out$i" \
      "${run_rt[@]}" >"$work/run$i.log" 2>&1 || true
  kill "${pids[-1]}" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "${pids[-1]}" 2>/dev/null || break; sleep 0.1; done
  kill "${pids[-2]}" 2>/dev/null || true
  if [[ "$board" == emulate ]]; then echo "run $i: $(grep -o 'worst pacing lateness [^,]*' "$work/board$i.log" || true)"; fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" "$runs" <<'PY'
import json, sys, statistics
work, runs = sys.argv[1], int(sys.argv[2])
verdicts, u, v = {}, [], []
for i in range(1, runs + 1):
    try:
        r = json.load(open(f"{work}/out{i}/results.json"))
    except OSError:
        print(f"run {i}: no results.json:", open(f"{work}/run{i}.log").read()[-800:]); continue
    for s in r["scenarios"]:
        verdicts[s["status"]] = verdicts.get(s["status"], 0) + 1
        if s["status"] in ("fail", "error"):
            print(f"run {i} {s['id']} {s['status']}: {s.get('message', '')}")
        for m in s["measurements"]:
            if m["name"].endswith("_reply"):
                u.append(m["uncertainty_ns"] / 1e6); v.append(m["value_ns"] / 1e6)
def q(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(len(xs) * p))]
print("verdicts of the scenarios:", ", ".join(f"{k} {n}" for k, n in sorted(verdicts.items())))
if u:
    print(f"reply measurements: {len(u)}; declared uncertainty median {statistics.median(u):.3f} ms, p90 {q(u, .9):.3f} ms,"
          f" max {max(u):.3f} ms; value median {statistics.median(v):.3f} ms, max {max(v):.3f} ms, min {min(v):.3f} ms")
PY
