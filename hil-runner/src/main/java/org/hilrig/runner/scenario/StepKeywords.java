package org.hilrig.runner.scenario;

import java.util.List;

/**
 * The step keywords of the scenario language, in the order messages and documentation list them: the one list
 * the loader reads steps with. A new keyword is one {@link StepKeyword} class, its record in {@link Step} and
 * one line here ({@code StepKeywordsTest} demands all three agree).
 */
final class StepKeywords {
    /** Every step keyword, once. */
    static final List<StepKeyword> ALL = List.of(SetKeyword.INSTANCE, WaitKeyword.INSTANCE, FaultKeyword.INSTANCE,
            AwaitKeyword.INSTANCE, ExpectKeyword.INSTANCE, ExpectEventKeyword.INSTANCE, NoEventKeyword.INSTANCE,
            SendKeyword.INSTANCE, HeartbeatKeyword.INSTANCE, MeasureKeyword.INSTANCE);

    private StepKeywords() {
    }

    /** The keyword of that word, or null. */
    static StepKeyword of(String word) {
        for (StepKeyword k : ALL) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        return null;
    }

    /** The words, comma-separated, for messages: {@code set, wait, fault, ...}. */
    static String words() {
        return String.join(", ", ALL.stream().map(StepKeyword::word).toList());
    }
}
