package org.hilrig.runner.scenario;

import org.hilrig.timing.verdict.Verdict;

/**
 * A run's verdict so far, with the one line that says why it did not pass and whether the rig itself broke.
 *
 * <p>Immutable; a run replaces its outcome as findings come in.
 *
 * @param verdict the worst verdict so far
 * @param message why it did not pass, naming the scenario line; null while it passes
 * @param rigFailed whether an error was the rig breaking ({@link org.hilrig.timing.RigFailureException})
 */
record Outcome(Verdict verdict, String message, boolean rigFailed) {
    /** Nothing found yet. */
    static final Outcome PASS = new Outcome(Verdict.PASS, null, false);

    /** The scenario could not run on: {@code message} says where and why. */
    static Outcome error(String message, boolean rigFailed) {
        return new Outcome(Verdict.ERROR, message, rigFailed);
    }

    /**
     * This outcome with a finding of verdict {@code v} added (an inconclusive measurement, an invariant not
     * held): the verdict is the worse of the two; {@code what} becomes the message when it is the first
     * failure or when there is no message yet.
     */
    Outcome with(Verdict v, String what) {
        boolean firstFailure = v == Verdict.FAIL && verdict != Verdict.FAIL;
        return new Outcome(verdict.worst(v), firstFailure || message == null ? what : message, rigFailed);
    }
}
