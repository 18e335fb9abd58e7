package org.hilrig.runner.cli;

import java.util.Map;
import java.util.stream.Collectors;
import org.hilrig.runner.store.AttemptPurpose;
import org.hilrig.timing.BadInputException;

/**
 * What {@code hil yield} and {@code hil cpk} share: the database they read (as {@code hil history} finds it) and the
 * purpose asked for. Stateless.
 */
final class QualityDatabase {
    private QualityDatabase() {
    }

    /**
     * The purpose of a {@code --purpose} word.
     *
     * @throws BadInputException naming the word and the allowed ones
     */
    static AttemptPurpose purpose(String word) {
        return AttemptPurpose.of(word).orElseThrow(() -> new BadInputException("--purpose", 0, 0, "is '" + word
                + "' (allowed: " + AttemptPurpose.words() + ")"));
    }

    /** {@code golden 3, engineering 0, ci 1}: how many attempts ended with each purpose other than {@code asked}. */
    static String others(Map<AttemptPurpose, Integer> ended, AttemptPurpose asked) {
        return ended.entrySet().stream().filter(e -> e.getKey() != asked)
                .map(e -> e.getKey().word() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** A share 0 to 1 as {@code 90.0 %}; {@code -} for NaN. */
    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(java.util.Locale.ROOT, "%.1f %%", 100 * share);
    }
}
