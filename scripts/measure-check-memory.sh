#!/usr/bin/env bash
# Memory of `hil check` on a long trace: generates a VCD with N door openings (default 3000000), each
# answered by hv_enable 400 us later, in a temporary folder (deleted afterwards, never committed), and
# checks DOOR-HV and NO-XRAY-WITH-DOOR-OPEN on it with a small heap, as on a Raspberry Pi.
# Usage: scripts/measure-check-memory.sh [triggers] [heap] [extra hil check options...]
#   e.g. scripts/measure-check-memory.sh 3000000 64m
#        scripts/measure-check-memory.sh 3000000 64m --all-occurrences   (the full list: needs more heap)
# HIL_JAR=path/to/hil.jar measures another build (e.g. an older one) with the same trace.
# UNANSWERED=1 leaves hv_enable stuck high (a dead probe): every trigger fails, unanswered.
# Prints the exit code, the last lines of the output, the peak resident set and the largest heap left
# live after a collection (from -Xlog:gc). The machine is shared: run it when it is quiet.
set -euo pipefail
home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
triggers="${1:-3000000}"
heap="${2:-64m}"
shift $(( $# > 2 ? 2 : $# ))
jar="${HIL_JAR:-$home/hil-runner/target/hil.jar}"
if [ -z "${HIL_JAR:-}" ]; then
  "$home/scripts/hil" --version >/dev/null # builds the jar when the sources changed
fi
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

awk -v n="$triggers" -v unanswered="${UNANSWERED:-0}" 'BEGIN {
  print "$timescale 1ns $end"
  print "$scope module rig $end"
  print "$var wire 1 ! door_closed $end"
  print "$var wire 1 \" hv_enable $end"
  print "$var wire 1 # xray_on $end"
  print "$upscope $end"
  print "$enddefinitions $end"
  print "#0"; print "1!"; print "1\""; print "0#"
  t = 1000000
  for (i = 0; i < n; i++) {
    if (unanswered == 1) {
      printf "#%.0f\n0!\n#%.0f\n1!\n", t, t + 1400000
    } else {
      printf "#%.0f\n0!\n#%.0f\n0\"\n#%.0f\n1!\n1\"\n", t, t + 400000, t + 1400000
    }
    t += 2000000
  }
  printf "#%.0f\n", t
}' > "$dir/long.vcd"
cat > "$dir/rules.yaml" <<'RULES'
rules:
  - id: DOOR-HV
    after: door_closed falls
    expect: hv_enable falls
    within: 1ms
  - id: NO-XRAY-WITH-DOOR-OPEN
    never: xray_on high while door_closed low
RULES

echo "trace: $triggers triggers, $(( $(stat -c %s "$dir/long.vcd") / 1000000 )) MB; heap -Xmx$heap; jar $jar"
set +e
/usr/bin/time -f "%M" -o "$dir/rss" java -XX:+UseSerialGC -Xmx"$heap" -Xlog:gc:file="$dir/gc.log" \
    -jar "$jar" check "$dir/long.vcd" --rules "$dir/rules.yaml" "$@" >"$dir/out" 2>"$dir/err"
rc=$?
set -e
echo "exit code: $rc"
tail -n 3 "$dir/out" | sed 's/^/  out: /'
head -n 3 "$dir/err" | sed 's/^/  err: /'
echo "peak resident set: $(( $(tail -n 1 "$dir/rss") / 1024 )) MB"
live=$(grep -o '[0-9]*M->[0-9]*M' "$dir/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -n 1)
echo "largest heap live after a collection: ${live:-?} MB"
