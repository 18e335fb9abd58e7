package org.hilrig.device.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One frame of protocol version 1 as a value: sequence number, name and fields, without the CRC, which
 * {@link #encode()} computes.
 *
 * <p>On the wire ({@code protocol.md} section 2), every byte ASCII except STX and ETX:
 *
 * <pre>
 * +------+-------+-----+-------+-----+---------+-----+---------+-----+-------+------+
 * | STX  | seq   | ,   | name  | ,   | field 1 | ... | field n | ,   | crc   | ETX  |
 * | 0x02 | 2 hex | 2C  | 3 A-Z | 2C  | 1..*    |     | 1..*    | 2C  | 4 hex | 0x03 |
 * +------+-------+-----+-------+-----+---------+-----+---------+-----+-------+------+
 *        |&lt;------------- CRC-16/CCITT-FALSE over these bytes ------------------&gt;|
 * </pre>
 *
 * <ul>
 *   <li>{@code seq}: 2 uppercase hex digits, {@code 00..FF}; for an event, the board's event counter;</li>
 *   <li>{@code name}: 3 uppercase letters, a command or {@code ACK}, {@code NAK}, {@code EVT};</li>
 *   <li>{@code field}: 1 or more printable ASCII characters 0x21..0x7E except {@code ,};</li>
 *   <li>{@code crc}: 4 uppercase hex digits of {@link Crc16Ccitt} over every byte after STX up to and
 *       including the comma before it;</li>
 *   <li>the whole frame, STX and ETX included, is at most {@link ProtocolV1#MAX_FRAME_BYTES} bytes.</li>
 * </ul>
 *
 * <p>Example: {@code 2A,SKV,80.0,B2DF} between STX and ETX.
 *
 * <p>Beyond the grammar, a frame named {@code ACK} or {@code NAK} has a command name as its first
 * field, a {@code NAK} has exactly one more field (its code), and an {@code EVT} has its event name as
 * its first field. Construction with anything else raises {@link IllegalArgumentException} saying what
 * was wrong, what was found and what is allowed.
 *
 * @param seq the sequence number, 0..255
 * @param name the frame name
 * @param fields the fields in order (arguments of a command; command name, then key=value fields of a
 *     reply; event name, then key=value fields of an event)
 */
public record Frame(int seq, String name, List<String> fields) {
    /** The name of a positive reply. */
    public static final String ACK = "ACK";
    /** The name of a refusal. */
    public static final String NAK = "NAK";
    /** The name of an unsolicited event. */
    public static final String EVT = "EVT";

    /** Bytes of a frame that are not fields: STX, seq, comma, name, comma before crc, crc, ETX. */
    private static final int OVERHEAD_BYTES = 1 + 2 + 1 + 3 + 1 + 4 + 1;

    public Frame {
        if (seq < 0 || seq > 0xFF) {
            throw new IllegalArgumentException("seq " + seq + " is out of range (allowed: 0..255)");
        }
        checkName("name", name);
        fields = List.copyOf(fields);
        int length = OVERHEAD_BYTES;
        for (int i = 0; i < fields.size(); i++) {
            checkField(i + 1, fields.get(i));
            length += 1 + fields.get(i).length();
        }
        if (length > ProtocolV1.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("frame " + name + " would be " + length
                    + " bytes long (allowed: at most " + ProtocolV1.MAX_FRAME_BYTES + ", STX and ETX included)");
        }
        switch (name) {
            case ACK, NAK -> {
                if (fields.isEmpty()) {
                    throw new IllegalArgumentException(name + " without the command it answers"
                            + " (allowed: seq," + name + ",CMD,...)");
                }
                checkName(name + " command", fields.get(0));
                if (name.equals(NAK) && fields.size() != 2) {
                    throw new IllegalArgumentException("NAK with " + (fields.size() - 1)
                            + " fields after the command (allowed: exactly 1, the code)");
                }
            }
            case EVT -> {
                if (fields.isEmpty()) {
                    throw new IllegalArgumentException("EVT without an event name (allowed: ee,EVT,NAME,...)");
                }
            }
            default -> {
            }
        }
    }

    /** A command from the host: {@code seq,CMD[,arg...]}. */
    public static Frame command(int seq, String command, String... args) {
        return new Frame(seq, command, List.of(args));
    }

    /** A positive reply: {@code seq,ACK,CMD[,key=value...]}. */
    public static Frame ack(int seq, String command, KeyValues values) {
        List<String> fields = new ArrayList<>();
        fields.add(command);
        fields.addAll(values.toFields());
        return new Frame(seq, ACK, fields);
    }

    /** A refusal: {@code seq,NAK,CMD,code}. */
    public static Frame nak(int seq, String command, NakCode code) {
        return new Frame(seq, NAK, List.of(command, code.code()));
    }

    /** An unsolicited event: {@code ee,EVT,NAME[,key=value...]} with {@code counter} as {@code ee}. */
    public static Frame event(int counter, String event, KeyValues values) {
        List<String> fields = new ArrayList<>();
        fields.add(event);
        fields.addAll(values.toFields());
        return new Frame(counter, EVT, fields);
    }

    /** What this frame is, by its name. */
    public FrameKind kind() {
        return switch (name) {
            case ACK -> FrameKind.ACK;
            case NAK -> FrameKind.NAK;
            case EVT -> FrameKind.EVENT;
            default -> FrameKind.COMMAND;
        };
    }

    /** The command a command frame sends or a reply answers, or the name of an event. */
    public String subject() {
        return kind() == FrameKind.COMMAND ? name : fields.get(0);
    }

    /** The fields after the subject: a command's arguments, a reply's or an event's key=value fields. */
    public List<String> arguments() {
        return kind() == FrameKind.COMMAND ? fields : fields.subList(1, fields.size());
    }

    /**
     * The {@code key=value} fields of an ACK or an event.
     *
     * @throws IllegalArgumentException if a field is not {@code key=value} or a key repeats
     */
    public KeyValues values() {
        return KeyValues.parse(arguments());
    }

    /** The code of a NAK as sent (e.g. {@code "04"}). */
    public String nakCodeText() {
        if (kind() != FrameKind.NAK) {
            throw new IllegalStateException("frame " + text() + " is not a NAK");
        }
        return fields.get(1);
    }

    /** The frame's bytes from STX to ETX, CRC computed. */
    public byte[] encode() {
        String body = body();
        byte[] out = new byte[1 + body.length() + 4 + 1];
        out[0] = ProtocolV1.STX;
        for (int i = 0; i < body.length(); i++) {
            out[1 + i] = (byte) body.charAt(i);
        }
        writeHex(out, 1 + body.length(), Crc16Ccitt.of(out, 1, body.length()), 4);
        out[out.length - 1] = ProtocolV1.ETX;
        return out;
    }

    /** The frame's text between STX and ETX, CRC included, e.g. {@code 01,VER,683C}. */
    public String text() {
        byte[] b = encode();
        return new String(b, 1, b.length - 2, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return text();
    }

    /** Whether {@code c} may appear in a field: printable ASCII 0x21..0x7E except comma. */
    static boolean isFieldChar(int c) {
        return c >= 0x21 && c <= 0x7E && c != ',';
    }

    /** Whether {@code c} is an uppercase hex digit, the only hex the protocol sends. */
    static boolean isUpperHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }

    /** {@code seq,name,field...,} with the trailing comma: exactly the bytes the CRC covers. */
    private String body() {
        StringBuilder b = new StringBuilder(ProtocolV1.MAX_FRAME_BYTES);
        b.append(HEX[seq >>> 4]).append(HEX[seq & 0xF]).append(',').append(name).append(',');
        for (String f : fields) {
            b.append(f).append(',');
        }
        return b.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static void writeHex(byte[] out, int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = (byte) HEX[value & 0xF];
            value >>>= 4;
        }
    }

    private static void checkName(String what, String name) {
        boolean ok = name.length() == 3;
        for (int i = 0; ok && i < 3; i++) {
            ok = name.charAt(i) >= 'A' && name.charAt(i) <= 'Z';
        }
        if (!ok) {
            throw new IllegalArgumentException(what + " '" + name + "' is not 3 uppercase letters");
        }
    }

    private static void checkField(int position, String field) {
        if (field.isEmpty()) {
            throw new IllegalArgumentException("field " + position + " is empty (allowed: 1 or more"
                    + " printable ASCII characters except ',')");
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (!isFieldChar(c)) {
                throw new IllegalArgumentException("field " + position + " '" + field + "' has character 0x"
                        + String.format("%02X", (int) c) + " (allowed: printable ASCII 0x21..0x7E except ',')");
            }
        }
    }

    static String escape(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            int c = x & 0xFF;
            if (c >= 0x20 && c <= 0x7E && c != '\\') {
                b.append((char) c);
            } else if (c == ProtocolV1.STX) {
                b.append("<STX>");
            } else if (c == ProtocolV1.ETX) {
                b.append("<ETX>");
            } else {
                b.append(String.format("\\x%02X", c));
            }
        }
        return b.toString();
    }

    static byte[] copy(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length);
    }
}
