package org.hilrig.device.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hilrig.timing.Durations;

/**
 * The limits and parameters of one board (and of the plant it drives), as written in a board profile
 * under {@code fixtures/boards/}. The emulated firmware and plant take every limit from here, never from
 * code. Built from text entries keyed by dotted path ({@link ProfileKey#path()}); the YAML loader in
 * hil-runner flattens a file into such entries and turns {@link #check} problems into located messages.
 *
 * <p>Immutable and thread-safe.
 *
 * @param schema the keys a profile of its board holds ({@link #board()} is the schema's)
 * @param entries every key of the schema with its text value, as written
 * @param spreads how far each component named in the profile's {@code units:} section may lie from its
 *     nominal value from unit to unit ({@link Units} draws a unit within them); empty when every unit is
 *     the nominal one
 * @param techniques the technique tables of the profile's {@code techniques:} section ({@link TechniqueTable}), by
 *     name in file order; empty for a board that takes no technique or a profile without tables
 */
public record BoardProfile(ProfileSchema schema, Map<ProfileKey, String> entries, Map<ProfileKey, Spread> spreads,
        Map<String, TechniqueTable> techniques) {

    /** One thing wrong with the entries of a profile. */
    public record Problem(String path, String message) {
    }

    public BoardProfile {
        List<Problem> problems = checkParsed(schema, entries);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(describe(problems));
        }
        for (ProfileKey k : entries.keySet()) {
            if (!schema.holds(k)) {
                throw new IllegalArgumentException("bad board profile: key '" + k.path() + "' does not apply to board "
                        + schema.board());
            }
        }
        entries = Collections.unmodifiableMap(inSchemaOrder(schema, entries));
        spreads = spreads.isEmpty() ? Map.of() : Collections.unmodifiableMap(inSchemaOrder(schema, spreads));
        techniques = Collections.unmodifiableMap(new LinkedHashMap<>(techniques));
        for (ProfileKey k : spreads.keySet()) {
            String why = varianceProblem(schema, k);
            if (why != null) {
                throw new IllegalArgumentException("bad board profile: " + why);
            }
        }
    }

    /** A profile whose units are all the nominal one (no {@code units:} section). */
    public BoardProfile(ProfileSchema schema, Map<ProfileKey, String> entries) {
        this(schema, entries, Map.of(), Map.of());
    }

    /** A profile without technique tables. */
    public BoardProfile(ProfileSchema schema, Map<ProfileKey, String> entries, Map<ProfileKey, Spread> spreads) {
        this(schema, entries, spreads, Map.of());
    }

    /** The board this profile describes. */
    public Board board() {
        return schema.board();
    }

    /** The entries of a map that the schema lists, in the schema's order (which entries are kept and read in). */
    private static <V> Map<ProfileKey, V> inSchemaOrder(ProfileSchema schema, Map<ProfileKey, V> m) {
        Map<ProfileKey, V> ordered = new LinkedHashMap<>();
        for (ProfileKey k : schema.keys()) {
            V v = m.get(k);
            if (v != null) {
                ordered.put(k, v);
            }
        }
        return ordered;
    }

    /**
     * Why {@code key} cannot vary from unit to unit on the schema's board, or null when it can: only components
     * do (numbers and durations of the board's own keys); identity, technique ranges and verification
     * limits are the same for every unit of a design.
     */
    public static String varianceProblem(ProfileSchema schema, ProfileKey key) {
        if (!schema.holds(key)) {
            return "units." + key.path() + ": key '" + key.path() + "' does not apply to board " + schema.board();
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
    public static BoardProfile of(ProfileSchema schema, Map<String, String> entriesByPath) {
        List<Problem> problems = check(schema, entriesByPath);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(describe(problems));
        }
        Map<ProfileKey, String> m = new LinkedHashMap<>();
        entriesByPath.forEach((path, value) -> m.put(schema.key(path), value));
        return new BoardProfile(schema, m);
    }

    /** A copy with the spreads of a {@code units:} section. */
    public BoardProfile withSpreads(Map<ProfileKey, Spread> unitSpreads) {
        return new BoardProfile(schema, entries, unitSpreads, techniques);
    }

    /** A copy with the technique tables of a {@code techniques:} section, by name in file order. */
    public BoardProfile withTechniques(Map<String, TechniqueTable> tables) {
        return new BoardProfile(schema, entries, spreads, tables);
    }

    /**
     * Every problem with these entries for the schema's board, in key order: unknown keys, missing keys,
     * values that do not parse or lie out of range, and inconsistent pairs (a minimum above its maximum).
     * Empty when the entries make a valid profile.
     */
    public static List<Problem> check(ProfileSchema schema, Map<String, String> entriesByPath) {
        return check(schema, entriesByPath, path -> false);
    }

    /**
     * As {@link #check(ProfileSchema, Map)}, telling a key another board's profile holds ({@code key 'x' does
     * not apply to board GEN}) from one no board has ({@code unknown profile key 'x'}).
     *
     * @param anotherBoards whether a path not in the schema is another board's key
     */
    public static List<Problem> check(ProfileSchema schema, Map<String, String> entriesByPath,
            Predicate<String> anotherBoards) {
        List<Problem> problems = new ArrayList<>();
        Map<ProfileKey, String> known = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entriesByPath.entrySet()) {
            ProfileKey k = schema.key(e.getKey());
            if (k != null) {
                known.put(k, e.getValue());
            } else if (anotherBoards.test(e.getKey())) {
                problems.add(new Problem(e.getKey(), "key '" + e.getKey() + "' does not apply to board "
                        + schema.board()));
            } else {
                problems.add(new Problem(e.getKey(), "unknown profile key '" + e.getKey() + "'"));
            }
        }
        problems.addAll(checkParsed(schema, known));
        return problems;
    }

    private static List<Problem> checkParsed(ProfileSchema schema, Map<ProfileKey, String> entries) {
        List<Problem> problems = new ArrayList<>();
        for (ProfileKey k : schema.keys()) {
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
            List<ProfileKey> ordered = schema.ordered();
            for (int i = 0; i < ordered.size(); i += 2) {
                pair(problems, entries, ordered.get(i), ordered.get(i + 1));
            }
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
        Map<ProfileKey, String> m = new LinkedHashMap<>(entries);
        m.put(key, value);
        return new BoardProfile(schema, m, spreads, techniques);
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
            throw new IllegalArgumentException(key.path() + " does not apply to board " + board());
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
