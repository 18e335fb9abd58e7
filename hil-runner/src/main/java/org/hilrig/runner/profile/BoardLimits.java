package org.hilrig.runner.profile;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hilrig.device.board.Boards;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ProfileKey;
import org.hilrig.device.profile.TechniqueTable;
import org.hilrig.device.profile.Tolerance;
import org.hilrig.runner.scenario.ProfileLimits;
import org.hilrig.runner.scenario.Technique;
import org.hilrig.runner.scenario.Window;

/**
 * The limits scenarios may take from the board profiles ({@code profile.NAME}):
 *
 * <ul>
 *   <li>every duration of a profile, by its dotted path, as an upper bound: the verification limits
 *       ({@code profile.limits.interlock_to_hv_off}, {@code profile.limits.serial_reply}, ...) and the
 *       firmware's own parameters where they are the limit ({@code profile.prep.rotor_timeout},
 *       {@code profile.prep.handswitch_mismatch}, ...);</li>
 *   <li>windows derived from the profile and the scenario's technique or another key, each a formula of
 *       profile entries only:
 *     <ul>
 *       <li>{@code profile.backup_time}: from the set time to {@code exposure.backup_factor} x set time +
 *           {@code exposure.backup_margin};</li>
 *       <li>{@code profile.exposure_window}: the set time +- ({@code limits.exposure_time_fraction} x set
 *           time + {@code limits.exposure_time_offset});</li>
 *       <li>{@code profile.aec_backup_time}: the AEC backup's time from HV on, the lesser of
 *           {@code technique.mas_max} / mA and {@code technique.kws_max} / kW, +- the same exposure time
 *           accuracy (the set time of the technique is not used: in AEC there is none);</li>
 *       <li>{@code profile.rotor_timeout_window}: {@code prep.rotor_timeout} +-
 *           {@code limits.rotor_timeout_tolerance}.</li>
 *     </ul></li>
 * </ul>
 *
 * A key is read from the profile of the board that holds it; a key several boards' profiles hold is taken from
 * the board under test, else from the first holder in {@link Board} order. Nothing here names a board: a
 * derived window reads its keys from whichever board's profile has them. Immutable and thread-safe.
 */
public final class BoardLimits implements ProfileLimits {
    /** The backup timer's end for the technique. */
    public static final String BACKUP_TIME = "backup_time";
    /** The exposure time accuracy window around the technique's set time. */
    public static final String EXPOSURE_WINDOW = "exposure_window";
    /** The AEC backup's end for the technique's kV and mA (600 mAs or 60 kWs), with the exposure time accuracy. */
    public static final String AEC_BACKUP_TIME = "aec_backup_time";
    /** When F04 may come: the rotor timeout with its tolerance. */
    public static final String ROTOR_TIMEOUT_WINDOW = "rotor_timeout_window";

    private final Map<Board, BoardProfile> profiles;
    private final Set<String> names;

    /**
     * @param profiles one profile per board, at most one per board
     * @throws IllegalArgumentException when two profiles are of the same board, or none is given
     */
    public BoardLimits(Collection<BoardProfile> profiles) {
        Map<Board, BoardProfile> byBoard = new EnumMap<>(Board.class);
        for (BoardProfile p : profiles) {
            if (byBoard.put(p.board(), p) != null) {
                throw new IllegalArgumentException("two profiles of board " + p.board());
            }
        }
        if (byBoard.isEmpty()) {
            throw new IllegalArgumentException("no board profile");
        }
        this.profiles = Collections.unmodifiableMap(byBoard);
        Set<String> n = new TreeSet<>();
        for (ProfileKey k : Boards.profileKeys()) {
            if (k.kind() == ProfileKey.Kind.DURATION) {
                n.add(k.path());
            }
        }
        n.add(BACKUP_TIME);
        n.add(EXPOSURE_WINDOW);
        n.add(AEC_BACKUP_TIME);
        n.add(ROTOR_TIMEOUT_WINDOW);
        this.names = Collections.unmodifiableSet(n);
    }

    @Override
    public Set<String> names() {
        return names;
    }

    @Override
    public Window window(String name, Board board, Technique technique) {
        switch (name) {
            case BACKUP_TIME -> {
                long set = setTime(name, technique);
                long end = Math.round(set * holder(GeneratorKeys.BACKUP_FACTOR, board).number(GeneratorKeys.BACKUP_FACTOR))
                        + holder(GeneratorKeys.BACKUP_MARGIN, board).nanos(GeneratorKeys.BACKUP_MARGIN);
                return new Window(set, end);
            }
            case EXPOSURE_WINDOW -> {
                return around(setTime(name, technique), board);
            }
            case AEC_BACKUP_TIME -> {
                setTime(name, technique);
                double masSeconds = holder(GeneratorKeys.MAS_MAX, board).number(GeneratorKeys.MAS_MAX) / technique.milliamps();
                double kwsSeconds = holder(GeneratorKeys.KWS_MAX, board).number(GeneratorKeys.KWS_MAX)
                        / (technique.kilovolts() * technique.milliamps() / 1000.0);
                return around(Math.round(Math.min(masSeconds, kwsSeconds) * 1e9), board);
            }
            case ROTOR_TIMEOUT_WINDOW -> {
                long timeout = holder(GeneratorKeys.ROTOR_TIMEOUT, board).nanos(GeneratorKeys.ROTOR_TIMEOUT);
                long tolerance = holder(GeneratorKeys.LIMIT_ROTOR_TIMEOUT_TOLERANCE, board)
                        .nanos(GeneratorKeys.LIMIT_ROTOR_TIMEOUT_TOLERANCE);
                return new Window(Math.max(0, timeout - tolerance), timeout + tolerance);
            }
            default -> {
                ProfileKey key = Boards.profileKey(name);
                if (key == null || key.kind() != ProfileKey.Kind.DURATION) {
                    throw new IllegalArgumentException("no duration 'profile." + name + "' in the board profiles");
                }
                return Window.upTo(holder(key, board).nanos(key));
            }
        }
    }

    @Override
    public double number(String path, Board board) {
        ProfileKey key = Boards.profileKey(path);
        if (key == null || (key.kind() != ProfileKey.Kind.NUMBER && key.kind() != ProfileKey.Kind.INTEGER)) {
            throw new IllegalArgumentException("no number 'profile." + path + "' in the board profiles");
        }
        return holder(key, board).number(key);
    }

    @Override
    public Tolerance tolerance(String path, Board board) {
        ProfileKey key = Boards.profileKey(path);
        if (key == null || key.kind() != ProfileKey.Kind.TOLERANCE) {
            throw new IllegalArgumentException("no accuracy 'profile." + path + "' in the board profiles");
        }
        return holder(key, board).tolerance(key);
    }

    @Override
    public List<Technique> techniques(String table) {
        Set<String> known = new TreeSet<>();
        for (BoardProfile p : profiles.values()) {
            TechniqueTable t = p.techniques().get(table);
            if (t != null) {
                return t.stations().stream().map(s -> new Technique(s.kv(), s.ma(), s.ms())).toList();
            }
            known.addAll(p.techniques().keySet());
        }
        throw new IllegalArgumentException("no technique table '" + table + "' in the board profiles ("
                + (known.isEmpty() ? "they have none" : "tables: " + String.join(", ", known)) + ")");
    }

    /** The profile that holds the key: the board under test's when it has the key, else the first holder. */
    private BoardProfile holder(ProfileKey key, Board underTest) {
        BoardProfile own = profiles.get(underTest);
        if (own != null && own.schema().holds(key)) {
            return own;
        }
        for (BoardProfile p : profiles.values()) {
            if (p.schema().holds(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no board profile holds 'profile." + key.path() + "' (profiles: "
                + profiles.keySet() + ")");
    }

    /** {@code nanos} +- the exposure time accuracy: limits.exposure_time_fraction x nanos + limits.exposure_time_offset. */
    private Window around(long nanos, Board board) {
        long tolerance = Math.round(nanos * holder(GeneratorKeys.LIMIT_EXPOSURE_TIME_FRACTION, board)
                .number(GeneratorKeys.LIMIT_EXPOSURE_TIME_FRACTION))
                + holder(GeneratorKeys.LIMIT_EXPOSURE_TIME_OFFSET, board).nanos(GeneratorKeys.LIMIT_EXPOSURE_TIME_OFFSET);
        return new Window(Math.max(0, nanos - tolerance), nanos + tolerance);
    }

    private static long setTime(String name, Technique technique) {
        if (technique == null) {
            throw new IllegalArgumentException("profile." + name + " needs the scenario's technique");
        }
        return technique.exposureNanos();
    }
}
