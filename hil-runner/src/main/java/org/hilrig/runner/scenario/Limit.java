package org.hilrig.runner.scenario;

import java.util.List;

/**
 * A time limit as a scenario wrote it: {@code 1ms}, a window {@code [20ms, 1500ms]}, a board-profile
 * limit {@code profile.limits.interlock_to_hv_off} (a window or an upper bound the profile defines, possibly
 * from the technique), or a sum of those ({@code 500ms + profile.limits.comms_loss_margin}). Resolved to a
 * {@link Window} when the scenario runs against a profile.
 *
 * @param text the limit exactly as written, for messages and reports
 */
public record Limit(Bound min, Bound max, String text) {

    /** One end of a limit. */
    public sealed interface Bound permits Fixed, ProfileRef, Sum {
    }

    /** A number written in the scenario. */
    public record Fixed(long nanos) implements Bound {
    }

    /**
     * A named limit of the board profile. As the whole limit it stands for the profile's window; as
     * one end of a window it stands for that window's upper end.
     */
    public record ProfileRef(String name) implements Bound {
    }

    /**
     * A sum of terms, each a number or a profile limit's upper end, each added or subtracted:
     * {@code 500ms + profile.limits.comms_loss_margin}.
     *
     * @param terms the terms in order (at least two)
     * @param negative for each term, true when it is subtracted
     */
    public record Sum(List<Bound> terms, List<Boolean> negative) implements Bound {
        public Sum {
            terms = List.copyOf(terms);
            negative = List.copyOf(negative);
            if (terms.size() != negative.size() || terms.stream().anyMatch(t -> t instanceof Sum)) {
                throw new IllegalArgumentException("a sum needs one sign per term and no nested sums");
            }
        }
    }

    public static Limit upTo(long nanos, String text) {
        return new Limit(null, new Fixed(nanos), text);
    }

    /** True when either end is, or adds in, a limit of the board profile. */
    public boolean namesProfile() {
        return names(min) || names(max);
    }

    private static boolean names(Bound b) {
        return b instanceof ProfileRef || b instanceof Sum s && s.terms().stream().anyMatch(t -> t instanceof ProfileRef);
    }

    /** The window this limit means under the given profile, board and technique. */
    public Window resolve(ProfileLimits profile, String board, Technique technique) {
        if (min == null && max instanceof ProfileRef ref) {
            return profile.window(ref.name(), board, technique);
        }
        return new Window(end(min, profile, board, technique), end(max, profile, board, technique));
    }

    private static Long end(Bound b, ProfileLimits profile, String board, Technique technique) {
        if (b == null) {
            return null;
        }
        if (b instanceof Fixed f) {
            return f.nanos();
        }
        if (b instanceof ProfileRef r) {
            return profile.window(r.name(), board, technique).maxNanos();
        }
        Sum s = (Sum) b;
        long total = 0;
        for (int i = 0; i < s.terms().size(); i++) {
            long term = end(s.terms().get(i), profile, board, technique);
            total += s.negative().get(i) ? -term : term;
        }
        if (total < 0) {
            throw new IllegalArgumentException("a limit end is below zero under this profile: " + s);
        }
        return total;
    }

    @Override
    public String toString() {
        return text;
    }
}
