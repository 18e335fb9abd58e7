package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The step keywords are one list, and it agrees with the records: a keyword missing from
 * {@link StepKeywords#ALL}, a record no keyword yields, a duplicate word or an example that does not read
 * fails here.
 */
class StepKeywordsTest {
    private final ScenarioLoader loader = new ScenarioLoader(TestVocabulary.vocabulary());

    private List<Step> stepsOf(StepKeyword keyword) {
        StringBuilder yaml = new StringBuilder("""
                id: EXAMPLES-001
                title: the examples of one keyword
                requirements: [REQ-ILK-001]
                board: GEN
                steps:
                """);
        for (String example : keyword.examples()) {
            yaml.append("  - ").append(example).append('\n');
        }
        return loader.load(keyword.word() + ".yaml", yaml.toString()).steps();
    }

    @Test
    void everyKeywordsExamplesReadAsStepsOfThatKeywordWithATextEach() {
        for (StepKeyword k : StepKeywords.ALL) {
            assertThat(k.examples()).as(k.word()).isNotEmpty();
            List<Step> steps = stepsOf(k);
            assertThat(steps).as(k.word()).hasSameSizeAs(k.examples());
            for (Step s : steps) {
                assertThat(s.keyword()).as(k.word()).isEqualTo(k.word());
                assertThat(s.text()).as(k.word()).isNotBlank();
            }
        }
    }

    @Test
    void theExamplesTogetherYieldEveryKindOfStepThereIs() {
        Set<Class<?>> yielded = new HashSet<>();
        for (StepKeyword k : StepKeywords.ALL) {
            for (Step s : stepsOf(k)) {
                yielded.add(s.getClass());
            }
        }

        assertThat(yielded).containsExactlyInAnyOrder(Step.class.getPermittedSubclasses());
    }

    @Test
    void everyWordIsListedOnceAndLooksUpItsKeyword() {
        List<String> words = StepKeywords.ALL.stream().map(StepKeyword::word).toList();

        assertThat(words).doesNotHaveDuplicates();
        assertThat(StepKeywords.words()).isEqualTo(String.join(", ", words));
        for (StepKeyword k : StepKeywords.ALL) {
            assertThat(StepKeywords.of(k.word())).isSameAs(k);
        }
        assertThat(StepKeywords.of("wiat")).isNull();
    }
}
