package org.hilrig.runner.scenario;

import java.util.List;
import org.hilrig.device.profile.Board;
import org.hilrig.timing.Durations;

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
     * A sum of terms, each a number or a profile limit's upper end, added or subtracted in order:
     * {@code 500ms + profile.limits.comms_loss_margin}.
     *
     * @param terms the terms in order (at least two); the first is normally added
     */
    public record Sum(List<Term> terms) implements Bound {
        public Sum {
            terms = List.copyOf(terms);
        }
    }

    /**
     * One term of a {@link Sum}.
     *
     * @param value a {@link Fixed} number or a {@link ProfileRef}, never a sum
     * @param subtracted true when the term is subtracted
     */
    public record Term(Bound value, boolean subtracted) {
        public Term {
            if (value instanceof Sum) {
                throw new IllegalArgumentException("a sum does not nest");
            }
        }
    }

    public static Limit upTo(long nanos, String text) {
        return new Limit(null, new Fixed(nanos), text);
    }

    /** The window this limit means under the given profile, board and technique. */
    public Window resolve(ProfileLimits profile, Board board, Technique technique) {
        if (min == null && max instanceof ProfileRef ref) {
            return profile.window(ref.name(), board, technique);
        }
        return new Window(end(min, profile, board, technique), end(max, profile, board, technique));
    }

    private static Long end(Bound b, ProfileLimits profile, Board board, Technique technique) {
        if (b == null) {
            return null;
        }
        if (b instanceof Fixed f) {
            return f.nanos();
        }
        if (b instanceof ProfileRef r) {
            return profile.window(r.name(), board, technique).maxNanos();
        }
        long total = 0;
        for (Term t : ((Sum) b).terms()) {
            long value = end(t.value(), profile, board, technique);
            total += t.subtracted() ? -value : value;
        }
        if (total < 0) {
            throw new IllegalArgumentException("a limit end is below zero under this profile: "
                    + Durations.format(total));
        }
        return total;
    }

    @Override
    public String toString() {
        return text;
    }
}
