package org.hilrig.timing.vcd;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The identifier codes of a VCD file, each mapped to a dense index, looked up straight from the bytes
 * of a token without making a String. Codes of one character use a table; codes of up to nine
 * characters are packed into a long (base 95, no zero digit, so the length is implied) in an open
 * addressing table; longer codes, rare in practice, fall back to a map. Confined to one thread.
 */
final class IdCodes {
    private static final int MAX_PACKED = 9;

    private final int[] single = new int[128];
    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int packedCount;
    private final Map<String, Integer> longCodes = new HashMap<>();
    private int count;

    IdCodes() {
        Arrays.fill(single, -1);
    }

    int count() {
        return count;
    }

    /** The index of this code, adding it when new. The code must consist of printable ASCII ({@code !..~}). */
    int add(String code) {
        byte[] b = code.getBytes(StandardCharsets.ISO_8859_1);
        int found = find(b, 0, b.length);
        if (found >= 0) {
            return found;
        }
        int index = count++;
        if (b.length == 1) {
            single[b[0]] = index;
        } else if (b.length <= MAX_PACKED) {
            putPacked(pack(b, 0, b.length), index);
        } else {
            longCodes.put(code, index);
        }
        return index;
    }

    /** The index of the code {@code b[from, to)}, or -1 when it was never declared. */
    int find(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 1) {
            int c = b[from];
            return c >= 0 ? single[c] : -1;
        }
        if (n <= 0) {
            return -1;
        }
        if (n <= MAX_PACKED) {
            long key = pack(b, from, to);
            if (key == 0) {
                return -1;
            }
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == key) {
                    return values[i];
                }
                if (k == 0) {
                    return -1;
                }
            }
        }
        if (longCodes.isEmpty()) {
            return -1;
        }
        Integer i = longCodes.get(new String(b, from, n, StandardCharsets.ISO_8859_1));
        return i == null ? -1 : i;
    }

    /** Packs printable ASCII into a long; 0 when a byte is not printable (such a code is never declared). */
    private static long pack(byte[] b, int from, int to) {
        long key = 0;
        for (int i = to - 1; i >= from; i--) {
            int c = b[i];
            if (c < '!' || c > '~') {
                return 0;
            }
            key = key * 95 + (c - 32);
        }
        return key;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void putPacked(long key, int value) {
        if ((packedCount + 1) * 2 > keys.length) {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }
        insert(key, value);
        packedCount++;
    }

    private void insert(long key, int value) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }
}
