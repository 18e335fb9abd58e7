package org.hilrig.runner.scenario;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.results.StepResult;
import org.hilrig.timing.verdict.Verdict;

/**
 * The scenario file's steps as they ran: the running step (its index, when it began, the verdict its
 * measurements gave so far) and a {@link StepResult} for each step that ended. The boot and technique
 * preamble runs outside any step and is not logged.
 *
 * <p>Owned by one {@link EngineRun}; confined to the scenario's thread.
 */
final class StepLog {
    private final List<Step> steps;
    private final List<StepResult> results = new ArrayList<>();
    private int index = -1;
    private long startNanos;
    private Verdict verdict = Verdict.PASS;

    /** A log of {@code steps}, the scenario's steps in file order. */
    StepLog(List<Step> steps) {
        this.steps = steps;
    }

    /** Step {@code index} begins at rig time {@code nowNanos}. */
    void begin(int index, long nowNanos) {
        this.index = index;
        this.startNanos = nowNanos;
        this.verdict = Verdict.PASS;
    }

    /** A measurement of the running step lay inside its uncertainty. */
    void inconclusive() {
        verdict = verdict.worst(Verdict.INCONCLUSIVE);
    }

    /** The running step ended as it went (passed, or inconclusive by a measurement) at {@code nowNanos}. */
    void done(long nowNanos) {
        end(nowNanos, verdict, null);
    }

    /** Records the running step, if any, as ended at {@code nowNanos} with {@code status} because of {@code why}. */
    void end(long nowNanos, Verdict status, String why) {
        if (index < 0) {
            return;
        }
        Step step = steps.get(index);
        results.add(new StepResult(index, step.keyword(), step.text(), step.at().line(), startNanos,
                Math.max(startNanos, nowNanos), status, why));
        index = -1;
    }

    /** The steps that ended, in order. */
    List<StepResult> results() {
        return results;
    }
}
