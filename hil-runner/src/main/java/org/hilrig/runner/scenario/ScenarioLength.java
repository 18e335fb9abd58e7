package org.hilrig.runner.scenario;

import org.hilrig.timing.Durations;

/**
 * A scenario's length held against its limit before anything runs, where both are known from the file
 * (and the board profile, when the loader has it):
 *
 * <ul>
 *   <li>a {@code wait}, an {@code expect ... stays ... for}, an {@code expect_no_event} and a {@code heartbeat}
 *       each take their whole duration, so once their sum passes the limit the scenario cannot end in
 *       time: the step where it does is refused;</li>
 *   <li>a {@code within} whose end lies beyond the limit could never be judged: refused.</li>
 * </ul>
 *
 * What needs the profile without one (a {@code profile.NAME} limit or window), or a technique the scenario
 * does not set, is not checked here; the engine ends such a scenario in error when it reaches its limit.
 * Stateless.
 */
final class ScenarioLength {
    private ScenarioLength() {
    }

    /** The limit a scenario runs under, in nanoseconds, and how messages name it. */
    record Resolved(long nanos, String text) {
    }

    /**
     * The scenario's own {@code limit}, else the profile's {@link ProfileLimits#SCENARIO_LIMIT}.
     *
     * @param profile the board profiles, or null when not known (then only a plain duration resolves)
     * @return the limit, or null when it cannot be known without the profile
     * @throws IllegalArgumentException when the profile has no such limit or it needs a technique
     */
    static Resolved limit(Scenario s, ProfileLimits profile) {
        if (s.limit() != null) {
            if (s.limit().max() instanceof Limit.Fixed f) {
                return new Resolved(f.nanos(), "its limit " + s.limit().text());
            }
            if (profile == null) {
                return null;
            }
            Window w = s.limit().resolve(profile, s.board(), s.technique());
            return new Resolved(w.maxNanos(), "its limit " + s.limit().text() + " (" + Durations.format(w.maxNanos()) + ")");
        }
        if (profile == null) {
            return null;
        }
        Window w = profile.window(ProfileLimits.SCENARIO_LIMIT, s.board(), s.technique());
        return new Resolved(w.maxNanos(), "the limit of " + Durations.format(w.maxNanos()) + " (profile "
                + ProfileLimits.SCENARIO_LIMIT + "; a scenario sets a longer one with 'limit:')");
    }

    /** Adds a problem for each step that cannot end within the scenario's limit, placed at that step. */
    static void check(Scenario s, ProfileLimits profile, Problems problems) {
        Resolved limit;
        try {
            limit = limit(s, profile);
        } catch (IllegalArgumentException e) {
            return; // the engine reports it when the scenario runs
        }
        if (limit == null) {
            return;
        }
        long atLeast = 0;
        boolean over = false;
        for (Step step : s.steps()) {
            long takes = step.certainNanos();
            atLeast = takes > Long.MAX_VALUE - atLeast ? Long.MAX_VALUE : atLeast + takes;
            if (!over && takes > 0 && atLeast > limit.nanos()) {
                over = true;
                add(problems, step, "the steps up to here take at least " + Durations.format(atLeast) + ", beyond "
                        + limit.text());
            }
            Limit within = step.within();
            Long end = within == null ? null : end(within, s, profile);
            if (end != null && end > limit.nanos()) {
                add(problems, step, "'within' " + within.text() + " ends " + Durations.format(end)
                        + " after its start, beyond " + limit.text());
            }
        }
    }

    private static void add(Problems problems, Step step, String what) {
        Position at = step.at();
        problems.add(at.source(), at.line(), at.column(), "step '" + step.keyword() + "': " + what);
    }

    /** The upper end of a {@code within}, or null when it has none or it needs what is not known here. */
    private static Long end(Limit within, Scenario s, ProfileLimits profile) {
        if (within.max() instanceof Limit.Fixed f) {
            return f.nanos();
        }
        if (profile == null) {
            return null;
        }
        try {
            return within.resolve(profile, s.board(), s.technique()).maxNanos();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
