package org.hilrig.runner.store;

import java.util.List;

/**
 * A unit's status, derived from its attempts (oldest first) and never stored, so that no attempt's record is ever
 * changed to tell it. Only conclusive attempts ({@link AttemptRecord.Verdict#conclusive()}: the suite ran to PASS
 * or FAIL) count; an aborted attempt or one the rig broke in tested nothing.
 */
public enum UnitStatus {
    /** no conclusive attempt yet */
    UNTESTED,
    /** its first conclusive attempt passed */
    PASSED_FIRST_TIME,
    /** it passed after one or more failed attempts */
    PASSED_AFTER_RETEST,
    /** its last conclusive attempt failed and it may be tested again */
    FAILED,
    /** it failed as many conclusive attempts as its product allows */
    SCRAPPED;

    /** The status of a unit with these attempts, oldest first, under a product that allows {@code maxAttempts}. */
    public static UnitStatus of(List<AttemptRecord> attempts, int maxAttempts) {
        List<AttemptRecord> conclusive = attempts.stream().filter(a -> a.verdict() != null && a.verdict().conclusive())
                .toList();
        if (conclusive.isEmpty()) {
            return UNTESTED;
        }
        for (int i = 0; i < conclusive.size(); i++) {
            if (conclusive.get(i).verdict() == AttemptRecord.Verdict.PASS) {
                return i == 0 ? PASSED_FIRST_TIME : PASSED_AFTER_RETEST;
            }
        }
        return conclusive.size() >= maxAttempts ? SCRAPPED : FAILED;
    }

    /** How many conclusive attempts a unit has had. */
    public static int conclusiveAttempts(List<AttemptRecord> attempts) {
        return (int) attempts.stream().filter(a -> a.verdict() != null && a.verdict().conclusive()).count();
    }
}
