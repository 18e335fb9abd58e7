package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hilrig.timing.rules.Edge.FALLS;
import static org.hilrig.timing.trace.Level.HIGH;
import static org.hilrig.timing.trace.Level.LOW;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;
import org.hilrig.timing.trace.TraceHeader;
import org.junit.jupiter.api.Test;

/** Binding names to a trace's signals: how many ambiguous matches a message names, and the nearest names. */
class SignalDirectoryTest {
    private static final BoundedResponse ENABLE_DOOR = BoundedResponse.of("R", SignalEdge.of("enable", FALLS),
            SignalEdge.of("door_closed", FALLS), LatencyWindow.atMost(1_000));

    /** {@code count} one-bit signals rig.s0.enable, rig.s1.enable, ... and rig.door_closed. */
    private static TraceHeader enables(int count) {
        List<SignalInfo> signals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            signals.add(new SignalInfo(i, "rig.s" + i + ".enable", "enable", SignalKind.DIGITAL, 1));
        }
        signals.add(new SignalInfo(count, "rig.door_closed", "door_closed", SignalKind.DIGITAL, 1));
        return new TraceHeader(signals, 1_000);
    }

    private static List<String> problems(TimingRule rule, TraceHeader header) {
        RuleChecker checker = new RuleChecker(List.of(rule));
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> checker.begin(header));
        assertThat(e).as("bad input").isNotNull();
        return e.problems();
    }

    @Test
    void fiveAmbiguousMatchesAreAllNamed() {
        assertThat(problems(ENABLE_DOOR, enables(5))).containsExactly("rule 'R': signal 'enable' is ambiguous in the"
                + " trace: it matches rig.s0.enable, rig.s1.enable, rig.s2.enable, rig.s3.enable, rig.s4.enable"
                + " (write the full dotted path)");
    }

    @Test
    void pastFiveAmbiguousMatchesTheRestAreCounted() {
        assertThat(problems(ENABLE_DOOR, enables(7))).containsExactly("rule 'R': signal 'enable' is ambiguous in the"
                + " trace: it matches rig.s0.enable, rig.s1.enable, rig.s2.enable, rig.s3.enable, rig.s4.enable"
                + " and 2 more (write the full dotted path)");
    }

    @Test
    void aTraceWithNoOneBitSignalsSaysSoInsteadOfSuggesting() {
        TraceHeader analogue = new TraceHeader(List.of(
                new SignalInfo(0, "rig.kv", "kv", SignalKind.REAL, 64),
                new SignalInfo(1, "rig.kv_code", "kv_code", SignalKind.VECTOR, 8)), 1_000);
        NeverWhile rule = NeverWhile.of("N", SignalState.of("xray_on", HIGH),
                SignalState.of("kv", LOW));

        assertThatThrownBy(() -> new RuleChecker(List.of(rule)).begin(analogue))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).containsExactly(
                        "rule 'N': no signal 'xray_on' in the trace (it has no one-bit signals)",
                        "rule 'N': signal 'kv' (rig.kv) is a real; rules check one-bit signals"));
    }

    @Test
    void theNearestNamesAreThoseFewestEditsAway() {
        assertThat(SignalDirectory.distance("", "")).isZero();
        assertThat(SignalDirectory.distance("door", "door")).isZero();
        assertThat(SignalDirectory.distance("", "abc")).isEqualTo(3);
        assertThat(SignalDirectory.distance("abc", "")).isEqualTo(3);
        assertThat(SignalDirectory.distance("a", "b")).isEqualTo(1);
        assertThat(SignalDirectory.distance("door_closd", "door_closed")).as("one insertion").isEqualTo(1);
        assertThat(SignalDirectory.distance("door_closed", "door_closd")).as("one deletion").isEqualTo(1);
        assertThat(SignalDirectory.distance("ab", "ba")).isEqualTo(2);
        assertThat(SignalDirectory.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(SignalDirectory.distance("hv_enable", "xray_on")).isEqualTo(9);
    }
}
