package org.hilrig.runner.store;

/**
 * A product's retest policy as of one change: how many conclusive attempts a unit may have, and whether a unit that
 * failed must have a rework step recorded before it is tested again. Immutable.
 *
 * @param number 1, 2, ... per part number (1 from the station file, by {@link ProfileRevision#STATION_FILE})
 * @param changedUtc ISO-8601 UTC
 */
public record RetestPolicy(String partNumber, int number, int maxAttempts, boolean reworkAfterFail, String changedBy,
        String changedUtc, String reason) {
}
