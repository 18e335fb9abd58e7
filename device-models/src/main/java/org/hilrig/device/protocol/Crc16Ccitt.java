package org.hilrig.device.protocol;

/**
 * CRC-16/CCITT-FALSE, the frame check of protocol version 1: polynomial 0x1021, initial value 0xFFFF,
 * no reflection of input or output, no final XOR. The check value of the ASCII bytes {@code 123456789}
 * is {@code 0x29B1}.
 *
 * <p>Stateless and thread-safe. Results are in {@code 0..0xFFFF}.
 */
public final class Crc16Ccitt {
    /** The initial register value; also the CRC of no bytes. */
    public static final int INITIAL = 0xFFFF;

    private static final int POLYNOMIAL = 0x1021;
    private static final int[] TABLE = table();

    private Crc16Ccitt() {
    }

    /** The CRC of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static int of(byte[] bytes, int offset, int length) {
        int crc = INITIAL;
        for (int i = offset; i < offset + length; i++) {
            crc = update(crc, bytes[i]);
        }
        return crc;
    }

    /** The CRC of every byte of {@code bytes}. */
    public static int of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** Feeds one byte into a running CRC (start from {@link #INITIAL}) and returns the new value. */
    public static int update(int crc, byte b) {
        return ((crc << 8) ^ TABLE[((crc >>> 8) ^ b) & 0xFF]) & 0xFFFF;
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ POLYNOMIAL : c << 1;
            }
            t[i] = c & 0xFFFF;
        }
        return t;
    }
}
