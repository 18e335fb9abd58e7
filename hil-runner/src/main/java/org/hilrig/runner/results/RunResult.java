package org.hilrig.runner.results;

import java.util.List;

/**
 * One run of {@code hil run}: what {@code results.json} holds (CONTRACT.md), plus the fields the evidence
 * adds. Times are ISO-8601 UTC strings ({@code 2026-11-27T20:00:00Z}).
 */
public record RunResult(String runId, String rig, long seed, List<String> defects, String startedUtc, String endedUtc,
        String toolVersion, List<ScenarioResult> scenarios) {
    public RunResult {
        defects = List.copyOf(defects);
        scenarios = List.copyOf(scenarios);
    }
}
