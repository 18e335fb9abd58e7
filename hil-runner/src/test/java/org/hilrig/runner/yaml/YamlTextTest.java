package org.hilrig.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hilrig.timing.BadInputException;
import org.junit.jupiter.api.Test;

class YamlTextTest {

    @Test
    void aSyntaxErrorIsBadInputAtTheParsersPlaceWithItsContext() {
        assertThatThrownBy(() -> YamlText.compose("rules.yaml", "rules:\n  - id: A\n    within: [1ms, 2ms\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("rules.yaml:4:1: not valid YAML: ")
                .hasMessageContaining("that starts at line 3");
    }

    @Test
    void nodesKeepTheirPositionsAndAnEmptyDocumentIsEmpty() {
        assertThat(YamlText.compose("e.yaml", "")).isEmpty();
        assertThat(YamlText.compose("e.yaml", "\n\nkey: value\n").orElseThrow().getStartMark().orElseThrow().getLine())
                .isEqualTo(2);
    }
}
