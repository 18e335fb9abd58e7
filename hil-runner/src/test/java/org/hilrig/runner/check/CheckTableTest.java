package org.hilrig.runner.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.hilrig.timing.rules.BoundedResponse;
import org.hilrig.timing.rules.Edge;
import org.hilrig.timing.rules.LatencyWindow;
import org.hilrig.timing.rules.Listing;
import org.hilrig.timing.rules.RuleChecker;
import org.hilrig.timing.rules.SignalEdge;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.Test;

class CheckTableTest {

    @Test
    void timesAreExactInTheLargestWholeUnit() {
        assertThat(CheckTable.time(37)).isEqualTo("37 ns");
        assertThat(CheckTable.time(412_000)).isEqualTo("412 us");
        assertThat(CheckTable.time(5_412_345)).isEqualTo("5.412345 ms");
        assertThat(CheckTable.time(1_550_412_000)).isEqualTo("1.550412 s");
        assertThat(CheckTable.time(0)).isEqualTo("0 ns");
    }

    @Test
    void aRuleWithManyOccurrencesListsOnlyThoseThatDidNotPass() {
        Trace trace = new Trace();
        int trigger = trace.declareDigital("tb.trigger");
        int answer = trace.declareDigital("tb.answer");
        trace.digital(0, trigger, Level.LOW);
        trace.digital(0, answer, Level.LOW);
        for (int i = 0; i < 20; i++) {
            long t = 10_000L * (i + 1);
            trace.digital(t, trigger, Level.HIGH);
            trace.digital(t + (i == 7 || i == 15 ? 2_500 : 400), answer, Level.HIGH);
            trace.digital(t + 5_000, trigger, Level.LOW);
            trace.digital(t + 5_000, answer, Level.LOW);
        }
        trace.end(300_000);
        RuleChecker checker = new RuleChecker(List.of(BoundedResponse.of("ANSWER",
                SignalEdge.of("trigger", Edge.RISES), SignalEdge.of("answer", Edge.RISES), LatencyWindow.atMost(2_000))));
        trace.replay(checker);
        StringWriter text = new StringWriter();

        CheckTable.write(new CheckReport("t.vcd", "r.yaml", checker.uncertaintyNanos(), checker.endNanos(),
                checker.results(), Set.of(), Listing.ALL), new PrintWriter(text));

        assertThat(text.toString()).isEqualTo("""
                trace t.vcd (ends at 300 us)
                rules r.yaml (times judged with an uncertainty of +/-1 ns)

                RULE    STATUS  CHECKED      WORST   LIMIT
                ANSWER  FAIL    20 triggers  2.5 us  <= 2 us

                ANSWER: after trigger rises expect answer rises within 2 us
                  FAIL  trigger rises at 80 us, answer rises at 82.5 us: latency 2.5 us
                  FAIL  trigger rises at 160 us, answer rises at 162.5 us: latency 2.5 us
                  ... and 18 more occurrences, 18 of all 20 passed (--json lists every one)

                1 rule: 0 pass, 1 fail, 0 inconclusive -> FAIL
                """);
    }
}
