package org.hilrig.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hilrig.timing.rules.SourcePosition;
import org.junit.jupiter.api.Test;

/** The located message of bad input: {@code source:line:column: what}, unknown parts left out. */
class BadInputExceptionTest {

    @Test
    void whereLeavesOutWhatIsUnknown() {
        assertThat(BadInputException.where("rules.yaml", 14, 7)).isEqualTo("rules.yaml:14:7: ");
        assertThat(BadInputException.where("rules.yaml", 14, 0)).isEqualTo("rules.yaml:14: ");
        assertThat(BadInputException.where("rules.yaml", 0, 7)).as("a column without a line says nothing")
                .isEqualTo("rules.yaml: ");
        assertThat(BadInputException.where(null, 3, 1)).isEqualTo("line 3:1: ");
        assertThat(BadInputException.where("", 3, 0)).isEqualTo("line 3: ");
        assertThat(BadInputException.where(null, 0, 0)).isEmpty();
        assertThat(BadInputException.where("", 1, 1)).isEqualTo("line 1:1: ");
    }

    @Test
    void aLocatedProblemKeepsItsPlaceAndIsItsOwnOnlyProblem() {
        IllegalStateException cause = new IllegalStateException("inner");
        BadInputException e = new BadInputException("door.yaml", 2, 5, "step 'wait': 5 is not a duration", cause);
        assertThat(e).hasMessage("door.yaml:2:5: step 'wait': 5 is not a duration").hasCause(cause);
        assertThat(e.source()).isEqualTo("door.yaml");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.problems()).containsExactly("door.yaml:2:5: step 'wait': 5 is not a duration");
        assertThat(new BadInputException(null, 0, 0, "no scenario given")).hasMessage("no scenario given").hasNoCause();
    }

    @Test
    void severalProblemsShowTheFirstAndCountTheRest() {
        BadInputException one = new BadInputException(List.of(InputProblem.at("a.yaml", 1, 1, "first")));
        assertThat(one).hasMessage("a.yaml:1:1: first");
        assertThat(one.problems()).containsExactly("a.yaml:1:1: first");
        BadInputException three = new BadInputException(List.of(InputProblem.at("a.yaml", 1, 1, "first"),
                InputProblem.at("a.yaml", 4, 2, "second"), InputProblem.at("a.yaml", 9, 3, "third")));
        assertThat(three).hasMessage("a.yaml:1:1: first (and 2 more)");
        assertThat(three.problems()).hasSize(3);
        assertThat(three.source()).isNull();
        assertThat(three.line()).isZero();
        assertThat(three.column()).isZero();
        assertThat(new BadInputException(List.of())).hasMessage("bad input");
    }

    @Test
    void everyProblemKeepsItsPlaceAndReadsAsItsLocatedLine() {
        BadInputException e = new BadInputException(List.of(InputProblem.at("a.yaml", 4, 2, "second"),
                InputProblem.unplaced("--tcp 70000: port out of range"), InputProblem.at("b.yaml", 0, 0, "no such file")));
        assertThat(e.located()).extracting(p -> p.at()).containsExactly(new SourcePosition("a.yaml", 4, 2),
                SourcePosition.UNKNOWN, new SourcePosition("b.yaml", 0, 0));
        assertThat(e.problems()).containsExactly("a.yaml:4:2: second", "--tcp 70000: port out of range",
                "b.yaml: no such file");
        BadInputException one = new BadInputException("c.yaml", 3, 7, "what\nnext");
        assertThat(one.located()).containsExactly(new InputProblem(new SourcePosition("c.yaml", 3, 7), "what next"));
    }
}
