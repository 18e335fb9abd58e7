package org.hilrig.runner.store;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How far a run got, as the results database knows it: {@code runs.state}. A run is recorded as ended only after
 * its evidence folder was sealed, and only a run that ended counts (latest results, trends); the others are
 * shown as incomplete, saying what they lack.
 *
 * <pre>
 * startRun            -> RUNNING    results go in one scenario at a time
 * resultsRecorded     -> SEALING    every result is in; the evidence folder is being sealed
 * sealed              -> SEALED     the folder is sealed and chained; ended_utc and its manifest's hash set
 * (schema 2 or older) -> ENDED      ended before the database recorded seals
 * </pre>
 */
public enum RunState {
    /** Started, not every result recorded: still running, or killed or failed before its scenarios were done. */
    RUNNING("running", "its end: still running, or killed before its scenarios were done"),
    /** Every result recorded, the seal of its evidence folder not: killed or failed while sealing (or just after). */
    SEALING("sealing", "its seal: every result recorded, but no seal of its evidence folder was recorded (killed or "
            + "failed while sealing; 'hil verify' its folder)"),
    /** Ended, its evidence folder sealed; {@code ended_utc} and the manifest's hash are recorded. */
    SEALED("sealed", null),
    /** Ended before the database recorded seals (migrated from schema 2): counted, its seal not known here. */
    ENDED("ended", null);

    /** SQL condition on {@code r.state} (the runs table as {@code r}) true for the runs that count. */
    static final String COUNTED_SQL = "r.state IN (" + Arrays.stream(values()).filter(RunState::counted)
            .map(s -> "'" + s.word + "'").collect(Collectors.joining(", ")) + ")";

    private final String word;
    private final String lacks;

    RunState(String word, String lacks) {
        this.word = word;
        this.lacks = lacks;
    }

    /** The word in the database. */
    public String word() {
        return word;
    }

    /** Whether the run ended, so that its results count. */
    public boolean counted() {
        return lacks == null;
    }

    /** What a run that does not count lacks, for people ("its seal: ..."); null for one that counts. */
    public String lacks() {
        return lacks;
    }

    /**
     * The state a database word names.
     *
     * @throws IllegalStateException for a word no version of the tool writes
     */
    static RunState of(String word) {
        for (RunState s : values()) {
            if (s.word.equals(word)) {
                return s;
            }
        }
        throw new IllegalStateException("runs.state is '" + word + "', not one of running, sealing, sealed, ended");
    }
}
