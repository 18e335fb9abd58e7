package org.hilrig.runner.scenario;

import java.util.Set;
import org.hilrig.device.profile.Board;

/**
 * The named timing limits of a board profile, as scenarios refer to them ({@code profile.NAME}). Limits
 * live in the profile files under {@code fixtures/boards}, never in scenarios or code; a limit may depend on
 * the technique (the exposure-time window follows the set time).
 */
public interface ProfileLimits {
    /**
     * The limit a {@code send} step holds the board's reply to when the step gives no {@code within}: from
     * the command's last byte to the reply's first (domain.md "serial reply").
     */
    String SERIAL_REPLY = "limits.serial_reply";

    /**
     * How long a scenario may run, from the rig's time 0 to its end, unless it sets its own {@code limit}:
     * virtual time on the simulated rig, wall time on a real one.
     */
    String SCENARIO_LIMIT = "limits.scenario_limit";

    /** Every limit name this profile defines (what {@code profile.NAME} may name). */
    Set<String> names();

    /**
     * The window of a named limit for a board and technique.
     *
     * @param board the board under test; a limit only the other board's profile
     *     defines is taken from that one
     * @param technique the scenario's technique, or null when it sets none
     * @throws IllegalArgumentException when the profile has no such limit, or it needs a technique and
     *     none was given
     */
    Window window(String name, Board board, Technique technique);

    /**
     * A number of the profiles by its dotted path ({@code exposure.over_kv_fraction}), from the board under
     * test's profile where it holds the key.
     *
     * @throws IllegalArgumentException when no profile holds such a number
     */
    default double number(String path, Board board) {
        throw new IllegalArgumentException("no number 'profile." + path + "' in the board profiles");
    }

    /**
     * An accuracy of the profiles by its dotted path ({@code accuracy.kv}).
     *
     * @throws IllegalArgumentException when no profile holds such an accuracy
     */
    default org.hilrig.device.profile.Tolerance tolerance(String path, Board board) {
        throw new IllegalArgumentException("no accuracy 'profile." + path + "' in the board profiles");
    }

    /**
     * A technique table of the generator's profile by name ({@code techniques: {NAME: [...]}}), in its order.
     *
     * @throws IllegalArgumentException when no profile holds such a table (the message lists the tables there are)
     */
    default java.util.List<Technique> techniques(String table) {
        throw new IllegalArgumentException("no technique table '" + table + "' in the board profiles (they have none)");
    }
}
