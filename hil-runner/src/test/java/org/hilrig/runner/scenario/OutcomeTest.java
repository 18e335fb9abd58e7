package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

class OutcomeTest {
    @Test
    void theFirstFindingGivesTheMessageAndLaterInconclusiveOnesKeepIt() {
        Outcome o = Outcome.PASS.with(Verdict.INCONCLUSIVE, "first").with(Verdict.INCONCLUSIVE, "second");

        assertThat(o).isEqualTo(new Outcome(Verdict.INCONCLUSIVE, "first", false));
    }

    @Test
    void theFirstFailureReplacesAnInconclusiveMessageAndLaterFailuresKeepIt() {
        Outcome o = Outcome.PASS.with(Verdict.INCONCLUSIVE, "unsure").with(Verdict.FAIL, "broken")
                .with(Verdict.FAIL, "broken again").with(Verdict.INCONCLUSIVE, "unsure again");

        assertThat(o).isEqualTo(new Outcome(Verdict.FAIL, "broken", false));
    }

    @Test
    void aFailedRunKeepsItsMessageWhenAnInvariantAlsoFails() {
        Outcome o = new Outcome(Verdict.FAIL, "line 9 (expect): late", false).with(Verdict.FAIL, "line 4 (always): never");

        assertThat(o.message()).isEqualTo("line 9 (expect): late");
    }

    @Test
    void anErrorSaysWhetherTheRigBroke() {
        assertThat(Outcome.error("boot: link lost", true)).isEqualTo(new Outcome(Verdict.ERROR, "boot: link lost", true));
        assertThat(Outcome.PASS.verdict()).isEqualTo(Verdict.PASS);
        assertThat(Outcome.PASS.message()).isNull();
    }
}
