package org.hilrig.runner.results;

import java.util.List;

/**
 * One run of {@code hil run}: what {@code results.json} holds (CONTRACT.md), plus the fields the evidence
 * adds. Times are ISO-8601 UTC strings ({@code 2026-11-27T20:00:00Z}). {@code unitSeed} is the emulated unit's
 * seed ({@code --unit-seed}, a lot's unit, or the seed of a {@code --serial-number}); null for the nominal unit
 * and for real boards.
 */
public record RunResult(String runId, String rig, long seed, List<String> defects, String startedUtc, String endedUtc,
        String toolVersion, List<ScenarioResult> scenarios, Long unitSeed) {
    public RunResult {
        defects = List.copyOf(defects);
        scenarios = List.copyOf(scenarios);
    }

    /** A run of the nominal unit (or a real board): no unit seed. */
    public RunResult(String runId, String rig, long seed, List<String> defects, String startedUtc, String endedUtc,
            String toolVersion, List<ScenarioResult> scenarios) {
        this(runId, rig, seed, defects, startedUtc, endedUtc, toolVersion, scenarios, null);
    }
}
