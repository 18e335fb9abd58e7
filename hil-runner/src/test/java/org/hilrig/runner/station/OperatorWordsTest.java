package org.hilrig.runner.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.StepResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** A test not passed, in the words the station's panel shows an operator. */
class OperatorWordsTest {
    private static ScenarioResult result(Verdict v, String message, List<MeasurementResult> ms, List<ValueResult> values,
            List<StepResult> steps) {
        return new ScenarioResult("COM-SER-001", "The board answers every command in time.", null, v, List.of(), List.of(),
                ms, null, null, message, 0, steps, values);
    }

    @Test
    void aLateReplyIsTheTestsTitleTheCommandItsTimeAndTheLimit() {
        MeasurementResult late = new MeasurementResult("ver_reply", 11_638_000, null, 5_000_000L, 0, Verdict.FAIL);
        assertThat(OperatorWords.of(result(Verdict.FAIL, "line 10 (send): reply to VER took 11.638 ms, limit <= 5 ms",
                List.of(late), List.of(), List.of()))).isEqualTo("Failed: The board answers every command in time. The reply"
                        + " to VER took 11.638 ms, allowed at most 5 ms.");
    }

    @Test
    void theTimeThatStoppedTheScenarioComesBeforeAnotherMeasurementOutOfItsLimit() {
        MeasurementResult ver = new MeasurementResult("ver_reply", 6_133_000, null, 5_000_000L, 0, Verdict.FAIL);
        assertThat(OperatorWords.of(result(Verdict.FAIL, "line 12 (send): reply to XYZ took 41.063 ms, limit <= 5 ms",
                List.of(ver), List.of(), List.of()))).endsWith(". The reply to XYZ took 41.063 ms, allowed at most 5 ms.");
    }

    @Test
    void aNamedTimeAndAValueInItsUnitSayWhatWasMeasuredAgainstWhichLimits() {
        MeasurementResult door = new MeasurementResult("door_to_hv_off", 1_200_000, 100_000L, 1_000_000L, 0, Verdict.FAIL);
        assertThat(OperatorWords.of(result(Verdict.FAIL, "x", List.of(door), List.of(), List.of())))
                .endsWith(". Door to hv off: 1.2 ms, allowed between 100 us and 1 ms.");
        ValueResult kv = new ValueResult("kv_mean", 83.5, "kV", 80.0, null, 82.0, 0.1, Verdict.FAIL, 0, 1, List.of(), 10);
        assertThat(OperatorWords.of(result(Verdict.FAIL, "x", List.of(), List.of(kv), List.of())))
                .endsWith(". Kv mean: 83.5 kV, allowed at most 82.0 kV.");
    }

    @Test
    void anUnnamedTimeIsReadFromTheEnginesMessageAndAnUndecidedOneSaysTestAgain() {
        assertThat(OperatorWords.of(result(Verdict.FAIL, "line 12 (send): reply to STA took 7.2 ms, limit <= 5 ms",
                List.of(), List.of(), List.of()))).isEqualTo("Failed: The board answers every command in time. The reply"
                        + " to STA took 7.2 ms, allowed at most 5 ms.");
        assertThat(OperatorWords.of(result(Verdict.INCONCLUSIVE, "line 12 (send): reply to STA took 4.9 ms +- 0.4 ms:"
                + " the limit <= 5 ms lies inside the uncertainty", List.of(), List.of(), List.of()))).isEqualTo(
                        "Not decided (inconclusive): The board answers every command in time. The reply to STA took 4.9 ms"
                                + " (give or take 0.4 ms), allowed at most 5 ms. Too close to the limit to decide: test the"
                                + " unit again.");
    }

    @Test
    void aReplyThatNeverCameSaysWhichCommandTheBoardDidNotAnswer() {
        assertThat(OperatorWords.of(result(Verdict.FAIL, "line 10 (send): no reply to 01,VER,683C within <= 5 ms of its"
                + " last byte at 27.306 ms", List.of(), List.of(), List.of()))).isEqualTo("Failed: The board answers every"
                        + " command in time. The board did not answer VER in time (allowed at most 5 ms).");
    }

    @Test
    void aFailureWithoutAMeasurementNamesTheStepThatWasNotMet() {
        StepResult step = new StepResult(0, "send", "SKV 120 with a wrong CRC: no reply within 100 ms", 12, 0, 10,
                Verdict.FAIL, "SKV was answered, which it must discard");
        assertThat(OperatorWords.of(result(Verdict.FAIL, "SKV was answered, which it must discard", List.of(), List.of(),
                List.of(step)))).isEqualTo("Failed: The board answers every command in time. The board did not do what the"
                        + " test expects at: SKV 120 with a wrong CRC: no reply within 100 ms.");
    }
}
