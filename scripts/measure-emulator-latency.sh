#!/usr/bin/env bash
# How fast `hil emulate` answers, seen by an independent client over a pseudo-terminal.
# Usage: scripts/measure-emulator-latency.sh [commands] [load]
#   commands  HBT commands per run (default 2000, one every 10-11 ms)
#   load      CPU-bound `yes > /dev/null` processes to add while measuring (default 0; 2 gives "load about 2"
#             on an idle 2-core machine)
# Runs the emulator twice, at ordinary scheduling and with --rt-priority 80, each against
# scripts/emulator-latency-client.py (Python's standard library only, SCHED_FIFO 90 when permitted, so the
# instrument's own wake-up stays small), and prints p50, p99, p99.9 and max of the reply latency (protocol.md:
# command's last byte to the reply's first, on the emulated cable), the emulator's worst pacing lateness, and
# the load average around each run. Extra client options go in LATENCY_CLIENT_OPTS (e.g. --socat, --samples F);
# RT_PRIORITIES picks the runs (default "0 80"); HIL_CMD runs another build of the rig (default scripts/hil; e.g. "java -jar /tmp/hil-old.jar" for a before).
# EMULATE_OPTS adds options to every hil emulate (e.g. "--spin 50us" to compare against its default pacer).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-2000}"
load="${2:-0}"
scripts/hil defects >/dev/null # builds the jar now, not inside a measurement
client_rt=90
chrt -f 1 true 2>/dev/null || client_rt=0
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
for _ in $(seq 1 "$load"); do
  yes >/dev/null &
  pids+=("$!")
done
[ "$load" -gt 0 ] && sleep 5 # let the load average see them
echo "$(nproc) cores, $load added yes processes, client SCHED_FIFO ${client_rt} (0: ordinary)"
for rt in ${RT_PRIORITIES:-0 80}; do
  label="rt-priority $rt${EMULATE_OPTS:+ $EMULATE_OPTS}: "
  before="$(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  python3 scripts/emulator-latency-client.py --count "$count" --client-rt "$client_rt" --label "$label" \
      ${LATENCY_CLIENT_OPTS:-} -- ${HIL_CMD:-scripts/hil} emulate --board GEN --serial '{pty}' --rt-priority "$rt" ${EMULATE_OPTS:-} || true
  echo "${label} load average before: $before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
