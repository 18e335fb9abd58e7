package org.hilrig.device.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.timing.Durations;

/**
 * The limits and parameters of one board (and of the plant it drives), as written in a board profile
 * under {@code fixtures/boards/}. The emulated firmware and plant take every limit from here, never from
 * code. Built from text entries keyed by dotted path ({@link ProfileKey#path()}); the YAML loader in
 * hil-runner flattens a file into such entries and turns {@link #check} problems into located messages.
 *
 * <p>Immutable and thread-safe.
 *
 * @param board the board this profile describes
 * @param entries every key of this board with its text value, as written
 * @param spreads how far each component named in the profile's {@code units:} section may lie from its
 *     nominal value from unit to unit ({@link Units} draws a unit within them); empty when every unit is
 *     the nominal one
 * @param techniques the technique tables of the profile's {@code techniques:} section ({@link TechniqueTable}), by
 *     name in file order; empty for a board that takes no technique or a profile without tables
 */
public record BoardProfile(Board board, Map<ProfileKey, String> entries, Map<ProfileKey, Spread> spreads,
        Map<String, TechniqueTable> techniques) {

    /** One thing wrong with the entries of a profile. */
    public record Problem(String path, String message) {
    }

    public BoardProfile {
        List<Problem> problems = checkParsed(board, entries);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(describe(problems));
        }
        entries = Collections.unmodifiableMap(new EnumMap<>(entries));
        spreads = spreads.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(spreads));
        techniques = Collections.unmodifiableMap(new LinkedHashMap<>(techniques));
        for (ProfileKey k : spreads.keySet()) {
            String why = varianceProblem(board, k);
            if (why != null) {
                throw new IllegalArgumentException("bad board profile: " + why);
            }
        }
    }

    /** A profile whose units are all the nominal one (no {@code units:} section). */
    public BoardProfile(Board board, Map<ProfileKey, String> entries) {
        this(board, entries, Map.of(), Map.of());
    }

    /** A profile without technique tables. */
    public BoardProfile(Board board, Map<ProfileKey, String> entries, Map<ProfileKey, Spread> spreads) {
        this(board, entries, spreads, Map.of());
    }

    /**
     * Why {@code key} cannot vary from unit to unit on {@code board}, or null when it can: only components
     * do (numbers and durations of the board's own keys); identity, technique ranges and verification
     * limits are the same for every unit of a design.
     */
    public static String varianceProblem(Board board, ProfileKey key) {
        if (!key.belongsTo(board)) {
            return "units." + key.path() + ": key '" + key.path() + "' does not apply to board " + board;
        }
        String section = key.path().substring(0, key.path().indexOf('.'));
        if (section.equals("limits") || section.equals("technique") || section.equals("identity")) {
            return "units." + key.path() + ": " + section + " keys are the same for every unit of a design;"
                    + " only components vary";
        }
        if (key.kind() != ProfileKey.Kind.NUMBER && key.kind() != ProfileKey.Kind.DURATION) {
            return "units." + key.path() + ": only numbers and durations vary from unit to unit";
        }
        return null;
    }

    /**
     * Builds a profile from entries keyed by dotted path.
     *
     * @throws IllegalArgumentException naming every problem {@link #check} finds
     */
    public static BoardProfile of(Board board, Map<String, String> entriesByPath) {
        List<Problem> problems = check(board, entriesByPath);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(describe(problems));
        }
        Map<ProfileKey, String> m = new EnumMap<>(ProfileKey.class);
        entriesByPath.forEach((path, value) -> m.put(ProfileKey.byPath(path), value));
        return new BoardProfile(board, m);
    }

    /** A copy with the spreads of a {@code units:} section. */
    public BoardProfile withSpreads(Map<ProfileKey, Spread> unitSpreads) {
        return new BoardProfile(board, entries, unitSpreads, techniques);
    }

    /** A copy with the technique tables of a {@code techniques:} section, by name in file order. */
    public BoardProfile withTechniques(Map<String, TechniqueTable> tables) {
        return new BoardProfile(board, entries, spreads, tables);
    }

    /**
     * Every problem with these entries for this board, in key order: unknown keys, keys of the other board,
     * missing keys, values that do not parse or lie out of range, and inconsistent pairs (a minimum above
     * its maximum). Empty when the entries make a valid profile.
     */
    public static List<Problem> check(Board board, Map<String, String> entriesByPath) {
        List<Problem> problems = new ArrayList<>();
        Map<ProfileKey, String> known = new EnumMap<>(ProfileKey.class);
        for (Map.Entry<String, String> e : entriesByPath.entrySet()) {
            ProfileKey k = ProfileKey.byPath(e.getKey());
            if (k == null) {
                problems.add(new Problem(e.getKey(), "unknown profile key '" + e.getKey() + "'"));
            } else if (!k.belongsTo(board)) {
                problems.add(new Problem(e.getKey(), "key '" + e.getKey() + "' does not apply to board " + board));
            } else {
                known.put(k, e.getValue());
            }
        }
        problems.addAll(checkParsed(board, known));
        return problems;
    }

    private static List<Problem> checkParsed(Board board, Map<ProfileKey, String> entries) {
        List<Problem> problems = new ArrayList<>();
        for (ProfileKey k : ProfileKey.values()) {
            if (!k.belongsTo(board)) {
                continue;
            }
            String v = entries.get(k);
            if (v == null) {
                problems.add(new Problem(k.path(), "missing key '" + k.path() + "'"));
                continue;
            }
            String bad = valueProblem(k, v);
            if (bad != null) {
                problems.add(new Problem(k.path(), k.path() + ": " + bad));
            }
        }
        if (problems.isEmpty()) {
            pair(problems, entries, ProfileKey.KV_MIN, ProfileKey.KV_MAX);
            pair(problems, entries, ProfileKey.MA_MIN, ProfileKey.MA_MAX);
            pair(problems, entries, ProfileKey.MS_MIN, ProfileKey.MS_MAX);
            pair(problems, entries, ProfileKey.HOST_WDG_MIN, ProfileKey.HOST_WDG_MAX);
            pair(problems, entries, ProfileKey.RPM_LOW, ProfileKey.RPM_HIGH);
        }
        return problems;
    }

    private static void pair(List<Problem> problems, Map<ProfileKey, String> e, ProfileKey lo, ProfileKey hi) {
        if (!e.containsKey(lo) || !e.containsKey(hi)) {
            return;
        }
        if (numeric(lo, e.get(lo)) > numeric(hi, e.get(hi))) {
            problems.add(new Problem(lo.path(), lo.path() + ": " + e.get(lo) + " is above " + hi.path() + " " + e.get(hi)));
        }
    }

    private static double numeric(ProfileKey k, String v) {
        return k.kind() == ProfileKey.Kind.DURATION ? Durations.parse(v) : Double.parseDouble(v.trim());
    }

    private static String valueProblem(ProfileKey k, String v) {
        if (k.kind() == ProfileKey.Kind.TOLERANCE) {
            try {
                Tolerance.parse(v);
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        if (k.kind() == ProfileKey.Kind.TEXT) {
            if (v.isBlank() || !v.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != ',')) {
                return "'" + v + "' is not printable text without spaces or commas";
            }
            return null;
        }
        double value;
        try {
            if (k.kind() == ProfileKey.Kind.DURATION) {
                value = Durations.parse(v);
            } else if (k.kind() == ProfileKey.Kind.INTEGER) {
                value = Long.parseLong(v.trim());
            } else {
                value = Double.parseDouble(v.trim());
                if (!Double.isFinite(value)) {
                    return "'" + v + "' is not a finite number";
                }
            }
        } catch (IllegalArgumentException e) {
            return switch (k.kind()) {
                case DURATION -> e.getMessage();
                case INTEGER -> "'" + v + "' is not a whole number";
                default -> "'" + v + "' is not a number";
            };
        }
        if (value < k.min() || value > k.max()) {
            return v.trim() + " is out of range, allowed " + show(k, k.min()) + " to " + show(k, k.max());
        }
        return null;
    }

    private static String show(ProfileKey k, double v) {
        if (k.kind() == ProfileKey.Kind.DURATION) {
            return Durations.format((long) v).replace(" ", "");
        }
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String describe(List<Problem> problems) {
        StringBuilder b = new StringBuilder("bad board profile: ");
        for (int i = 0; i < problems.size(); i++) {
            b.append(i == 0 ? "" : "; ").append(problems.get(i).message());
        }
        return b.toString();
    }

    /** A copy with one entry replaced (tests and scenarios tighten or loosen a single limit). */
    public BoardProfile with(ProfileKey key, String value) {
        Map<ProfileKey, String> m = new EnumMap<>(entries);
        m.put(key, value);
        return new BoardProfile(board, m, spreads, techniques);
    }

    /** The entries keyed by dotted path, in key order. */
    public Map<String, String> entriesByPath() {
        Map<String, String> m = new LinkedHashMap<>();
        entries.forEach((k, v) -> m.put(k.path(), v));
        return m;
    }

    /** A duration entry in nanoseconds. */
    public long nanos(ProfileKey key) {
        expect(key, ProfileKey.Kind.DURATION);
        return Durations.parse(entries.get(key));
    }

    /** A number or whole-number entry. */
    public double number(ProfileKey key) {
        if (key.kind() != ProfileKey.Kind.NUMBER && key.kind() != ProfileKey.Kind.INTEGER) {
            throw new IllegalArgumentException(key.path() + " is a " + key.kind() + ", not a number");
        }
        return Double.parseDouble(value(key).trim());
    }

    /** A whole-number entry. */
    public int integer(ProfileKey key) {
        expect(key, ProfileKey.Kind.INTEGER);
        return Integer.parseInt(value(key).trim());
    }

    /** A tolerance entry ({@code accuracy.kv}). */
    public Tolerance tolerance(ProfileKey key) {
        expect(key, ProfileKey.Kind.TOLERANCE);
        return Tolerance.parse(value(key));
    }

    /** A text entry. */
    public String text(ProfileKey key) {
        expect(key, ProfileKey.Kind.TEXT);
        return value(key);
    }

    private String value(ProfileKey key) {
        String v = entries.get(key);
        if (v == null) {
            throw new IllegalArgumentException(key.path() + " does not apply to board " + board);
        }
        return v;
    }

    private void expect(ProfileKey key, ProfileKey.Kind kind) {
        if (key.kind() != kind) {
            throw new IllegalArgumentException(key.path() + " is a " + key.kind() + ", not a " + kind);
        }
        value(key);
    }
}
