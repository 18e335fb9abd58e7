package org.hilrig.runner.scenario;

import java.util.List;
import org.hilrig.device.profile.Board;

/**
 * One scenario as loaded and validated from a YAML file.
 *
 * @param board the board under test
 * @param emulateOtherBoard true when the other board is the emulated firmware too, false when it is a
 *     plant model
 * @param technique the technique set before the first step, or null (the board's default)
 * @param catches the emulator defects this scenario is written to catch (self-qualification)
 * @param file the file it came from, relative to the library root where there is one
 * @param limit how long the scenario may run (rig time, from its time 0 to its end), an upper bound; null for
 *     the board profile's {@link ProfileLimits#SCENARIO_LIMIT}
 * @param boardAt where the scenario names its board (its {@code board:} value), for problems about the board
 */
public record Scenario(String id, String title, List<String> requirements, List<String> tags, Board board,
        boolean emulateOtherBoard, Technique technique, List<String> catches, List<Step> steps,
        List<Invariant> always, String file, Position at, Limit limit, Position boardAt, Repeat repeat, Sweep sweep) {
    /**
     * {@code sweep: {techniques: [{kv: 80, ma: 100, ms: 100}, ...], linearity: {of: mas, max: 0.10}}}, or {@code
     * sweep: {table: NAME, ...}} for a technique table of the board profile: the steps run once per technique (each
     * set as {@code technique:} is, before its steps), and with {@code linearity} the value {@code of} per set mAs,
     * station by station, must not differ between adjacent techniques by more than {@code max} of their sum (21 CFR
     * 1020.31(c)); {@code of} null: no linearity bound.
     *
     * @param techniques the techniques written in the scenario; empty when {@code table} names them
     * @param table the profile's technique table, or null when the scenario lists its techniques
     */
    public record Sweep(List<Technique> techniques, String table, String of, Double max) {
        public Sweep {
            techniques = List.copyOf(techniques);
        }

        /** A sweep over techniques written in the scenario. */
        public Sweep(List<Technique> techniques, String of, Double max) {
            this(techniques, null, of, max);
        }

        /**
         * The sweep with its techniques: as written, or the table's from {@code profile}.
         *
         * @throws IllegalArgumentException when the profile has no such table
         */
        public Sweep resolved(ProfileLimits profile) {
            return table == null ? this : new Sweep(profile.techniques(table), table, of, max);
        }
    }

    /** A scenario without a sweep. */
    public Scenario(String id, String title, List<String> requirements, List<String> tags, Board board,
            boolean emulateOtherBoard, Technique technique, List<String> catches, List<Step> steps,
            List<Invariant> always, String file, Position at, Limit limit, Position boardAt, Repeat repeat) {
        this(id, title, requirements, tags, board, emulateOtherBoard, technique, catches, steps, always, file, at,
                limit, boardAt, repeat, null);
    }

    /**
     * {@code repeat: {times: 10, cv_max: 0.05}}: the steps run this many times in a row on one rig (consecutive
     * exposures), and every measurement taken in each of them must vary by at most {@code cvMax} (coefficient of
     * variation, 21 CFR 1020.31(b) reproducibility); null: no bound.
     */
    public record Repeat(int times, Double cvMax) {
        public static final Repeat ONCE = new Repeat(1, null);
    }

    /** A scenario whose steps run once. */
    public Scenario(String id, String title, List<String> requirements, List<String> tags, Board board,
            boolean emulateOtherBoard, Technique technique, List<String> catches, List<Step> steps,
            List<Invariant> always, String file, Position at, Limit limit, Position boardAt) {
        this(id, title, requirements, tags, board, emulateOtherBoard, technique, catches, steps, always, file, at,
                limit, boardAt, Repeat.ONCE);
    }

    public Scenario {
        repeat = repeat == null ? Repeat.ONCE : repeat;
        requirements = List.copyOf(requirements);
        tags = List.copyOf(tags);
        catches = List.copyOf(catches);
        steps = List.copyOf(steps);
        always = List.copyOf(always);
    }

    /** A scenario whose board is named where the scenario starts. */
    public Scenario(String id, String title, List<String> requirements, List<String> tags, Board board,
            boolean emulateOtherBoard, Technique technique, List<String> catches, List<Step> steps,
            List<Invariant> always, String file, Position at, Limit limit) {
        this(id, title, requirements, tags, board, emulateOtherBoard, technique, catches, steps, always, file, at,
                limit, at);
    }

    /** A scenario held to the board profile's limit. */
    public Scenario(String id, String title, List<String> requirements, List<String> tags, Board board,
            boolean emulateOtherBoard, Technique technique, List<String> catches, List<Step> steps,
            List<Invariant> always, String file, Position at) {
        this(id, title, requirements, tags, board, emulateOtherBoard, technique, catches, steps, always, file, at,
                null);
    }

    /** The analog lines the scenario's steps take statistics of ({@code measure}), each once, in order of mention. */
    public java.util.Set<String> sampled() {
        return StepNeeds.of(steps).sampled();
    }
}
