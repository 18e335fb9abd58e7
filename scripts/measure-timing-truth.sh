#!/usr/bin/env bash
# Timing truth of the real-time rig: measured minus true latency over N stimuli (serial HBT replies and
# GPIO PREP_REQ -> ROTOR_START) against an in-process emulated GEN on a socat pty pair and Pi4J mock GPIO.
# Usage: scripts/measure-timing-truth.sh [stimuli]   (default 1000 each). Needs socat.
# Builds test classes (never installs), then runs TimingTruthProbe; prints the load average too.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -B -Dstyle.color=never test-compile dependency:build-classpath -pl hil-runner -am \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
java -Dhil.home="$PWD" -cp "hil-runner/target/test-classes:hil-runner/target/classes:device-models/target/classes:timing-core/target/classes:$(cat "$cp_file")" \
    org.hilrig.runner.realtime.TimingTruthProbe "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
