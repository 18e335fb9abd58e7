package org.hilrig.runner.run;

import java.util.Set;
import java.util.TreeSet;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ProfileKey;
import org.hilrig.runner.scenario.ProfileLimits;
import org.hilrig.runner.scenario.Technique;
import org.hilrig.runner.scenario.Window;

/**
 * The limits scenarios may take from the board profiles ({@code profile.NAME}):
 *
 * <ul>
 *   <li>every duration of a profile, by its dotted path, as an upper bound ({@code profile.prep.rotor_timeout},
 *       {@code profile.prep.handswitch_mismatch}, {@code profile.exposure.kv_regulation_time}, ...);</li>
 *   <li>{@code profile.backup_time}: the backup timer's end for the scenario's technique, the window from
 *       the set time to {@code exposure.backup_factor} x set time + {@code exposure.backup_margin}.</li>
 * </ul>
 *
 * A duration both boards' profiles hold is taken from the board under test. Immutable.
 */
final class BoardProfileLimits implements ProfileLimits {
    static final String BACKUP_TIME = "backup_time";
    private final BoardProfile gen;
    private final BoardProfile tub;
    private final Set<String> names;

    BoardProfileLimits(BoardProfile gen, BoardProfile tub) {
        this.gen = gen;
        this.tub = tub;
        Set<String> n = new TreeSet<>();
        for (ProfileKey k : ProfileKey.values()) {
            if (k.kind() == ProfileKey.Kind.DURATION) {
                n.add(k.path());
            }
        }
        n.add(BACKUP_TIME);
        this.names = java.util.Collections.unmodifiableSet(n);
    }

    @Override
    public Set<String> names() {
        return names;
    }

    @Override
    public Window window(String name, String board, Technique technique) {
        if (name.equals(BACKUP_TIME)) {
            if (technique == null) {
                throw new IllegalArgumentException("profile.backup_time needs the scenario's technique");
            }
            long set = technique.exposureNanos();
            long end = Math.round(set * gen.number(ProfileKey.BACKUP_FACTOR)) + gen.nanos(ProfileKey.BACKUP_MARGIN);
            return new Window(set, end);
        }
        ProfileKey key = ProfileKey.byPath(name);
        if (key == null || key.kind() != ProfileKey.Kind.DURATION) {
            throw new IllegalArgumentException("no duration 'profile." + name + "' in the board profiles");
        }
        BoardProfile first = "TUB".equals(board) ? tub : gen;
        BoardProfile other = first == gen ? tub : gen;
        BoardProfile p = key.belongsTo(Board.valueOf(first.board().name())) ? first : other;
        return Window.upTo(p.nanos(key));
    }
}
