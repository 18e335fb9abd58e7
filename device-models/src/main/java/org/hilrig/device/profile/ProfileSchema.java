package org.hilrig.device.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The keys a profile of one board holds, in the order its problems are reported in, and the ordered pairs
 * among them (a minimum never above its maximum). Each board's definition gives its schema; the keys every
 * board holds are {@link CommonKeys}. Immutable.
 *
 * @param board the board whose profiles this schema describes
 * @param keys every key such a profile holds, each once
 * @param ordered pairs of keys, flattened: {@code lo1, hi1, lo2, hi2, ...}; each {@code lo} may not exceed its {@code hi}
 */
public record ProfileSchema(Board board, List<ProfileKey> keys, List<ProfileKey> ordered) {
    public ProfileSchema {
        Objects.requireNonNull(board, "board");
        keys = List.copyOf(keys);
        ordered = List.copyOf(ordered);
        Map<String, ProfileKey> seen = new LinkedHashMap<>();
        for (ProfileKey k : keys) {
            if (seen.put(k.path(), k) != null) {
                throw new IllegalArgumentException(board + " lists profile key " + k.path() + " twice");
            }
        }
        if (ordered.size() % 2 != 0) {
            throw new IllegalArgumentException(board + ": ordered keys come in pairs, found " + ordered.size());
        }
        for (ProfileKey k : ordered) {
            if (!seen.containsKey(k.path())) {
                throw new IllegalArgumentException(board + " orders profile key " + k.path() + " it does not list");
            }
        }
    }

    /**
     * The schema of a board that holds the {@link CommonKeys} and its own keys after them, with the host
     * watchdog's pair and its own pairs ordered.
     *
     * @param own the board's own keys, in report order
     * @param ordered its own ordered pairs, flattened ({@code lo1, hi1, ...})
     */
    public static ProfileSchema withCommon(Board board, List<ProfileKey> own, List<ProfileKey> ordered) {
        List<ProfileKey> keys = new ArrayList<>(CommonKeys.ALL);
        keys.addAll(own);
        List<ProfileKey> pairs = new ArrayList<>(List.of(CommonKeys.HOST_WDG_MIN, CommonKeys.HOST_WDG_MAX));
        pairs.addAll(ordered);
        return new ProfileSchema(board, keys, pairs);
    }

    /** The key of this board with this path, or null. */
    public ProfileKey key(String path) {
        for (ProfileKey k : keys) {
            if (k.path().equals(path)) {
                return k;
            }
        }
        return null;
    }

    /** True when a profile of this board holds {@code key}. */
    public boolean holds(ProfileKey key) {
        return key(key.path()) != null;
    }

    /** The keys by path, in schema order. */
    public Map<String, ProfileKey> byPath() {
        Map<String, ProfileKey> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k.path(), k));
        return Collections.unmodifiableMap(m);
    }
}
