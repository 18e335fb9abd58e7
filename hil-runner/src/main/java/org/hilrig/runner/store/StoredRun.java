package org.hilrig.runner.store;

import java.util.List;

/**
 * A run as the database holds it.
 *
 * @param endedUtc null while the run is going on, or when it was killed before it ended
 * @param scenarioCount how many scenario results were committed for it
 */
public record StoredRun(String runId, String rig, String rigId, String host, long seed, List<String> defects,
        String toolVersion, String startedUtc, String endedUtc, int scenarioCount) {
    public StoredRun {
        defects = List.copyOf(defects);
    }
}
