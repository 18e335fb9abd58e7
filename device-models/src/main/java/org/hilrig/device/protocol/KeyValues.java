package org.hilrig.device.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code key=value} fields of a reply or an event, in wire order. Immutable.
 *
 * <p>A key is one or more printable ASCII characters other than {@code ,} and {@code =}; a value is one
 * or more printable ASCII characters other than {@code ,} (it may contain {@code =}). Keys are unique.
 * Getters for a missing key or a value of the wrong form raise {@link IllegalArgumentException} naming
 * the key, the value found and what was allowed.
 */
public final class KeyValues {
    private static final KeyValues EMPTY = new KeyValues(new LinkedHashMap<>());

    private final Map<String, String> map;

    private KeyValues(LinkedHashMap<String, String> map) {
        this.map = Collections.unmodifiableMap(map);
    }

    /** No fields. */
    public static KeyValues empty() {
        return EMPTY;
    }

    /** Fields from alternating keys and values: {@code of("board", "GEN", "fw", "1.0.0")}. */
    public static KeyValues of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate, found an odd count "
                    + keysAndValues.length);
        }
        KeyValues kv = EMPTY;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            kv = kv.and(keysAndValues[i], keysAndValues[i + 1]);
        }
        return kv;
    }

    /** Parses fields of the form {@code key=value}, e.g. the fields of an ACK after the command name. */
    public static KeyValues parse(List<String> fields) {
        KeyValues kv = EMPTY;
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("field '" + field + "' is not key=value");
            }
            kv = kv.and(field.substring(0, eq), field.substring(eq + 1));
        }
        return kv;
    }

    /** These fields with one more at the end. */
    public KeyValues and(String key, String value) {
        checkKey(key);
        checkValue(key, value);
        if (map.containsKey(key)) {
            throw new IllegalArgumentException("key '" + key + "' appears twice");
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return new KeyValues(copy);
    }

    /** The fields as {@code key=value} texts, in order. */
    public List<String> toFields() {
        List<String> fields = new ArrayList<>(map.size());
        map.forEach((k, v) -> fields.add(k + "=" + v));
        return List.copyOf(fields);
    }

    /** An unmodifiable, ordered view. */
    public Map<String, String> asMap() {
        return map;
    }

    public boolean has(String key) {
        return map.containsKey(key);
    }

    /** The value of {@code key} as sent. */
    public String text(String key) {
        String v = map.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no field '" + key + "' (found " + map.keySet() + ")");
        }
        return v;
    }

    /** The value of {@code key} as a protocol number. */
    public double decimal(String key) {
        try {
            return FieldText.parseDecimal(text(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + key + "': " + e.getMessage(), e);
        }
    }

    /** The value of {@code key} as a whole protocol number. */
    public long integer(String key) {
        try {
            return FieldText.parseInteger(text(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + key + "': " + e.getMessage(), e);
        }
    }

    /** The value of {@code key} as a protocol boolean ({@code 0} or {@code 1}). */
    public boolean bool(String key) {
        try {
            return FieldText.parseBoolean(text(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + key + "': " + e.getMessage(), e);
        }
    }

    public int size() {
        return map.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyValues other && map.equals(other.map)
                && List.copyOf(map.keySet()).equals(List.copyOf(other.map.keySet()));
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return String.join(",", toFields());
    }

    private static void checkKey(String key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty key (allowed: 1 or more printable ASCII characters"
                    + " other than ',' and '=')");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Frame.isFieldChar(c) || c == '=') {
                throw new IllegalArgumentException("key '" + key + "' has character 0x"
                        + Integer.toHexString(c) + " (allowed: printable ASCII 0x21..0x7E except ',' and '=')");
            }
        }
    }

    private static void checkValue(String key, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("field '" + key + "' has an empty value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Frame.isFieldChar(c)) {
                throw new IllegalArgumentException("field '" + key + "' value '" + value + "' has character 0x"
                        + Integer.toHexString(c) + " (allowed: printable ASCII 0x21..0x7E except ',')");
            }
        }
    }
}
