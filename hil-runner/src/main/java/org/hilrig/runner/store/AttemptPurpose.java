package org.hilrig.runner.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why an attempt was run (migration 008: {@code attempts.purpose}): only {@link #PRODUCTION} attempts make the
 * production figures of {@code hil yield} and {@code hil cpk}, the others are counted apart when asked for by name.
 * Every attempt recorded before migration 008 is production. An aborted attempt needs no purpose of its own: its
 * verdict ({@link AttemptRecord.Verdict#ABORTED}) keeps it out of every figure, whatever its purpose.
 */
public enum AttemptPurpose {
    /** a unit of the line, tested to ship (the default) */
    PRODUCTION,
    /** a reference unit, known good or known bad, run to check the station itself */
    GOLDEN,
    /** trying out a suite, a fixture, a board revision */
    ENGINEERING,
    /** an automated run of the station's own tests */
    CI;

    /** The word the database, the station file and the command line use: {@code production}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The purpose of a word, if it is one. */
    public static Optional<AttemptPurpose> of(String word) {
        return Arrays.stream(values()).filter(p -> p.word().equals(word)).findFirst();
    }

    /** The words, comma-separated, for messages. */
    public static String words() {
        return String.join(", ", Arrays.stream(values()).map(AttemptPurpose::word).toList());
    }
}
