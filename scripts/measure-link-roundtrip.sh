#!/usr/bin/env bash
# Request/reply round trip of the BoardDriver against a scripted board answering at once.
# Usage: scripts/measure-link-roundtrip.sh [pty|tcp] [exchanges] [baud]
#        scripts/measure-link-roundtrip.sh loopback /dev/ttyAMA0 [exchanges] [baud]   (TX jumpered to RX:
#        prints the port's one-way latency for the fixture's link_latency)
#        scripts/measure-link-roundtrip.sh fixture FIXTURE.yaml [exchanges]   (the board running, nothing else on
#        its link: short and long replies in turn; prints which 'wire:' the link has, uart or none, and the
#        round trips' spread)
# Needs socat for pty. Builds test classes (never installs), then runs RoundTripProbe.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -B -Dstyle.color=never test-compile dependency:build-classpath -pl hil-runner -am \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
java -cp "hil-runner/target/test-classes:hil-runner/target/classes:$(cat "$cp_file")" \
    org.hilrig.runner.driver.RoundTripProbe "$@"
