package org.hilrig.runner.scenario;

/**
 * A time limit as a scenario wrote it: {@code 1ms}, a window {@code [20ms, 1500ms]}, or a board-profile
 * limit {@code profile.door_to_hv_off} (a window or an upper bound the profile defines, possibly from the
 * technique). Resolved to a {@link Window} when the scenario runs against a profile.
 *
 * @param text the limit exactly as written, for messages and reports
 */
public record Limit(Bound min, Bound max, String text) {

    /** One end of a limit. */
    public sealed interface Bound {
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

    public static Limit upTo(long nanos, String text) {
        return new Limit(null, new Fixed(nanos), text);
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
        return profile.window(((ProfileRef) b).name(), board, technique).maxNanos();
    }

    @Override
    public String toString() {
        return text;
    }
}
