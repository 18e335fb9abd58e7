package org.hilrig.runner.store;

/**
 * A rework step recorded on a unit after one of its failed attempts. Immutable.
 *
 * @param afterAttempt the failed attempt it answers
 * @param operator who recorded it
 * @param recordedUtc ISO-8601 UTC
 * @param note what was done, in the operator's words
 */
public record ReworkRecord(String reworkId, String serial, String afterAttempt, String station, String operator,
        String recordedUtc, String note) {
}
