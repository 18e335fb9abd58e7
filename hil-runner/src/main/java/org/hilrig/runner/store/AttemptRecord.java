package org.hilrig.runner.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one attempt at one unit was and how it ended: kept whatever the unit's next attempt does. Immutable.
 *
 * @param attemptId unique over the station's life ({@code STATION-SOCKET-SERIAL-STAMP-N})
 * @param fixture the rig fixture's name as the socket used it
 * @param profileSha256 SHA-256 of the board profile revision tested ({@link ProfileRevision#sha256()})
 * @param profileRevision the exact profile revision tested ({@link ProfileRevision#revisionId()}); null for attempts
 *     recorded before migration 007
 * @param board the board's {@code VER} fields as it reported them (empty when it did not answer)
 * @param startedUtc when the scan was taken, ISO-8601 UTC
 * @param endedUtc when the attempt ended (after the outputs were safe and the evidence sealed)
 * @param runId the evidence folder's run id (null when nothing ran)
 * @param evidence the sealed evidence folder (null when nothing ran)
 * @param manifestSha256 the sealed folder's manifest hash (null when nothing ran)
 * @param abortReason who aborted it and when (null unless ABORTED)
 * @param why the verdict in words: the failing scenario, measurement, value and limit; the abort's reason and
 *     who gave it; or what stopped the attempt
 */
public record AttemptRecord(String attemptId, String serial, String socket, String station, String operator,
        String partNumber, String revision, String fixture, String profileSha256, String profileRevision,
        Map<String, String> board,
        String startedUtc, String endedUtc, Verdict verdict, String abortReason, String why, String runId, String evidence,
        String manifestSha256) {
    public AttemptRecord {
        board = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(board));
    }

    /** How an attempt ended. */
    public enum Verdict {
        /** every scenario of the suite passed */
        PASS,
        /** a scenario failed, or erred in the board's own behaviour */
        FAIL,
        /**
         * nothing failed, but the rig could not decide every limit (one lay inside the measurement's uncertainty): the
         * unit is not proven good and goes back for a retest; it does not count against the retest policy
         */
        INCONCLUSIVE,
        /** the operator aborted it; the outputs were safe before it said so */
        ABORTED,
        /** nothing conclusive ran: the board's serial was not the scanned one, or the rig broke */
        ERROR;

        /** Whether the suite ran to a verdict on the unit: only such attempts count against the retest policy. */
        public boolean conclusive() {
            return this == PASS || this == FAIL;
        }
    }
}
