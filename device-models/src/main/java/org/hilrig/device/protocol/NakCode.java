package org.hilrig.device.protocol;

import java.util.Optional;

/** The refusal codes of a {@code NAK} reply ({@code protocol.md} section 6), on the wire as two digits. */
public enum NakCode {
    MALFORMED_FIELDS("01"),
    UNKNOWN_COMMAND("02"),
    OUT_OF_RANGE("03"),
    WRONG_STATE("04"),
    INTERLOCK_OPEN("05"),
    THERMAL_INHIBIT("06"),
    BUSY("07"),
    NOT_REMOTE("08"),
    FAULT_LATCHED("09");

    private final String code;

    NakCode(String code) {
        this.code = code;
    }

    /** The code as sent in a {@code NAK} frame, e.g. {@code "04"}. */
    public String code() {
        return code;
    }

    /** The code for its wire text, or empty when protocol version 1 defines no such code. */
    public static Optional<NakCode> fromCode(String code) {
        for (NakCode c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
