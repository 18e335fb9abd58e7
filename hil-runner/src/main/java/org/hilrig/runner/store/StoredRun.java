package org.hilrig.runner.store;

import java.util.List;

/**
 * A run as the database holds it.
 *
 * @param endedUtc set once the run ended and its evidence folder was sealed ({@link RunState#SEALED}, or
 *     {@link RunState#ENDED} from before seals were recorded); null while it runs or seals, or when it was killed
 * @param state how far it got
 * @param manifestSha256 the SHA-256 of its sealed {@code manifest.json}, or null before the seal (and for runs
 *     recorded without an evidence folder or before seals were recorded)
 * @param scenarioCount how many scenario results were committed for it
 * @param unitSeed the emulated unit it ran as ({@code --unit-seed}, a lot's unit), or null for the nominal unit,
 *     a real board, and runs recorded before schema version 5
 */
public record StoredRun(String runId, String rig, String rigId, String host, long seed, List<String> defects,
        String toolVersion, String startedUtc, String endedUtc, RunState state, String manifestSha256,
        int scenarioCount, Long unitSeed) {
    public StoredRun {
        defects = List.copyOf(defects);
    }

    /** A run of the nominal unit (or a real board): no unit seed. */
    public StoredRun(String runId, String rig, String rigId, String host, long seed, List<String> defects,
            String toolVersion, String startedUtc, String endedUtc, RunState state, String manifestSha256,
            int scenarioCount) {
        this(runId, rig, rigId, host, seed, defects, toolVersion, startedUtc, endedUtc, state, manifestSha256,
                scenarioCount, null);
    }
}
