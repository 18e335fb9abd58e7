package org.hilrig.runner.store;

import java.util.List;

/**
 * A unit's status, derived from its attempts (oldest first) and rework steps and never stored, so that no attempt's
 * record is ever changed to tell it. Only conclusive attempts ({@link AttemptRecord.Verdict#conclusive()}: the
 * suite ran to PASS or FAIL) count; an aborted attempt or one the rig broke in tested nothing.
 */
public enum UnitStatus {
    /** no conclusive attempt yet */
    UNTESTED,
    /** its first conclusive attempt passed */
    PASSED_FIRST_TIME,
    /** it passed after one or more failed attempts */
    PASSED_AFTER_RETEST,
    /** its last conclusive attempt failed and it may be tested again (rework recorded, or not required) */
    FAILED,
    /** its last conclusive attempt failed, its product requires rework first, and no rework step is recorded since */
    IN_REWORK,
    /** it failed as many conclusive attempts as its product allows */
    SCRAPPED;

    /** The status of a unit with these attempts, oldest first, under a product that allows {@code maxAttempts}. */
    public static UnitStatus of(List<AttemptRecord> attempts, int maxAttempts) {
        return of(attempts, List.of(), maxAttempts, false);
    }

    /**
     * The status of a unit with these attempts and rework steps under its product's retest policy.
     *
     * @param reworkAfterFail whether a failed unit must have a rework step recorded after its last failure before
     *     it is tested again
     */
    public static UnitStatus of(List<AttemptRecord> attempts, List<ReworkRecord> reworks, int maxAttempts,
            boolean reworkAfterFail) {
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
        if (conclusive.size() >= maxAttempts) {
            return SCRAPPED;
        }
        String lastFail = conclusive.get(conclusive.size() - 1).attemptId();
        boolean reworked = reworks.stream().anyMatch(w -> w.afterAttempt().equals(lastFail));
        return reworkAfterFail && !reworked ? IN_REWORK : FAILED;
    }

    /** How many conclusive attempts a unit has had. */
    public static int conclusiveAttempts(List<AttemptRecord> attempts) {
        return (int) attempts.stream().filter(a -> a.verdict() != null && a.verdict().conclusive()).count();
    }

    /** The status in words, as pages and the command line show it ({@code passed after retest}). */
    public String words() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
