package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.timing.rules.Edge.FALLS;
import static org.hilrig.timing.trace.Level.HIGH;
import static org.hilrig.timing.trace.Level.LOW;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.sched.Timer;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rule checker watching a simulated rig on virtual time, the way a scenario engine uses it: subscribed
 * to the live trace, told when time moves on at the moments it asks for, and stopping the run at the
 * first violation.
 */
class LiveRuleCheckTest {
    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;

    private final Scheduler scheduler = new Scheduler();
    private final Trace trace = new Trace();
    private final SignalSet signals = new SignalSet(scheduler, trace);
    private final DigitalSignal door = signals.digital("rig.door_closed", true);
    private final DigitalSignal hv = signals.digital("rig.hv_enable", true);
    private final DigitalSignal xray = signals.digital("rig.xray_on", true);
    private final List<Violation> heard = new ArrayList<>();
    private final List<Long> heardAtNanos = new ArrayList<>();
    private RuleChecker checker;
    private Timer decide;

    @BeforeEach
    void watch() {
        checker = new RuleChecker(List.of(
                BoundedResponse.of("DOOR-HV", SignalEdge.of("door_closed", FALLS), SignalEdge.of("hv_enable", FALLS),
                        LatencyWindow.atMost(1 * MS)),
                NeverWhile.of("NO-XRAY-WITH-DOOR-OPEN", SignalState.of("xray_on", HIGH),
                        SignalState.of("door_closed", LOW)).longerThan(2 * MS)),
                0L, v -> {
                    heard.add(v);
                    heardAtNanos.add(scheduler.nowNanos());
                });
        trace.subscribe(checker);
        decide = scheduler.timer("rules", () -> checker.advanceTo(scheduler.nowNanos()));
        signals.start();
    }

    /** Runs the rig until the first violation or {@code deadlineNanos}; true when one was heard. */
    private boolean runUntilFirstViolation(long deadlineNanos) {
        BooleanSupplier violated = () -> {
            long next = checker.nextDecisionNanos();
            if (next != Long.MAX_VALUE && (!decide.isPending() || decide.dueNanos() != next + 1)) {
                decide.at(next + 1);
            }
            return !heard.isEmpty();
        };
        return scheduler.runUntil(violated, deadlineNanos);
    }

    @Test
    void hvThatNeverDropsIsHeardOneNanosecondAfterTheWindowCloses() {
        scheduler.at(5 * MS, "door opens", () -> door.set(false));

        boolean stopped = runUntilFirstViolation(100 * MS);

        assertThat(stopped).isTrue();
        assertThat(heardAtNanos).containsExactly(6 * MS + 1);
        assertThat(heard.get(0).rule().id()).isEqualTo("DOOR-HV");
        assertThat(heard.get(0).knownAtNanos()).isEqualTo(6 * MS);
    }

    @Test
    void xrayOnPastTheToleranceIsHeardTheMomentItOutgrowsIt() {
        scheduler.at(5 * MS, "door opens", () -> door.set(false));
        scheduler.at(5 * MS + 400 * US, "hv off", () -> hv.set(false));

        boolean stopped = runUntilFirstViolation(100 * MS);

        assertThat(stopped).isTrue();
        assertThat(heard).extracting(v -> v.rule().id()).containsExactly("NO-XRAY-WITH-DOOR-OPEN");
        assertThat(heardAtNanos).containsExactly(7 * MS + 1);
    }

    @Test
    void aRigThatKeepsTheRulesRunsToItsDeadlineAndPasses() {
        scheduler.at(5 * MS, "door opens", () -> door.set(false));
        scheduler.at(5 * MS + 412 * US, "hv off", () -> hv.set(false));
        scheduler.at(5 * MS + 1900 * US, "x-rays tail off", () -> xray.set(false));

        boolean stopped = runUntilFirstViolation(20 * MS);
        trace.end(scheduler.nowNanos());

        assertThat(stopped).isFalse();
        assertThat(heard).isEmpty();
        assertThat(checker.verdict()).isEqualTo(Verdict.PASS);
        assertThat(((ResponseResult) checker.results().get(0)).occurrences())
                .containsExactly(new Occurrence(5 * MS, 5_412_000L, 412_000L, Verdict.PASS));
        assertThat(((NeverResult) checker.results().get(1)).longestOverlapNanos()).isEqualTo(1_900_000L);
    }
}
