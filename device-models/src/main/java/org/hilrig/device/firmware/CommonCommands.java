package org.hilrig.device.firmware;

import java.util.List;
import java.util.function.Supplier;
import org.hilrig.device.profile.CommonKeys;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.protocol.FieldText;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.NakCode;
import org.hilrig.device.protocol.ProtocolV1;

/**
 * The commands every board answers alike, in one idiom: {@code VER}, {@code HBT}, {@code FLT}, {@code WDG}
 * ({@code protocol.md} sections 4 and 5) and {@code LNK} (docs/protocol-additions.md). Each refuses any
 * argument it does not take with {@code NAK 01}; {@code WDG} takes exactly one whole number of ms, 0 (off)
 * or within the profile's {@code host_wdg} range, else {@code 03}.
 *
 * <p>Also the two replies every board's dispatch shares: {@link #unknown} ({@code NAK 02}, for a command the
 * board does not speak) and {@link #bare} ({@code NAK 01} for arguments to a command that takes none).
 * No defect changes these commands.
 *
 * <p>Confined to the board's scheduler thread.
 */
public final class CommonCommands {
    private final Board board;
    private final BoardProfile profile;
    private final HostPort host;
    private final Supplier<String> faultList;

    /**
     * @param board the board {@code VER} names
     * @param faultList the {@code FLT} list of the board's latched faults
     */
    public CommonCommands(Board board, BoardProfile profile, HostPort host, Supplier<String> faultList) {
        this.board = board;
        this.profile = profile;
        this.host = host;
        this.faultList = faultList;
    }

    /** {@code VER}: board, firmware version, protocol version, serial number, build. */
    public Frame ver(Frame c) {
        return bare(c, () -> ack(c, KeyValues.of("board", board.name(),
                "fw", profile.text(CommonKeys.FIRMWARE_VERSION), "proto", Integer.toString(ProtocolV1.VERSION),
                "sn", profile.text(CommonKeys.SERIAL_NUMBER), "build", profile.text(CommonKeys.BUILD))));
    }

    /** {@code HBT}: an empty ACK (the frame itself fed the watchdog). */
    public Frame hbt(Frame c) {
        return bare(c, () -> ack(c, KeyValues.empty()));
    }

    /** {@code FLT}: the latched codes joined by {@code +}, or {@code none}. */
    public Frame flt(Frame c) {
        return bare(c, () -> ack(c, KeyValues.of("list", faultList.get())));
    }

    /** {@code WDG ms}: 0 (off) or the profile's range in ms, else 03; restarts the host watchdog. */
    public Frame wdg(Frame c) {
        List<String> args = c.arguments();
        if (args.size() != 1 || !FieldText.isDecimal(args.get(0)) || args.get(0).indexOf('.') >= 0) {
            return nak(c, NakCode.MALFORMED_FIELDS);
        }
        long ms = FieldText.parseInteger(args.get(0));
        long min = profile.nanos(CommonKeys.HOST_WDG_MIN) / 1_000_000;
        long max = profile.nanos(CommonKeys.HOST_WDG_MAX) / 1_000_000;
        if (ms != 0 && (ms < min || ms > max)) {
            return nak(c, NakCode.OUT_OF_RANGE);
        }
        host.setWatchdog(ms * 1_000_000);
        return ack(c, KeyValues.of("wdg", Long.toString(ms)));
    }

    /** {@code LNK}: the serial counters since boot, taken before this reply is queued. */
    public Frame lnk(Frame c) {
        return bare(c, () -> {
            SerialCounters n = host.countersSinceBoot();
            return ack(c, KeyValues.of("rx", Long.toString(n.receivedBytes()),
                    "ovr", Long.toString(n.overrunBytes()), "txdrop", Long.toString(n.droppedReplies()),
                    "evdrop", Long.toString(n.droppedEvents())));
        });
    }

    /** {@code NAK 02}: a command of protocol version 1 this board does not speak, or no command at all. */
    public static Frame unknown(Frame c) {
        return nak(c, NakCode.UNKNOWN_COMMAND);
    }

    /** {@code NAK 01} when {@code c} carries any argument, else what {@code execute} replies. */
    public static Frame bare(Frame c, Supplier<Frame> execute) {
        return c.arguments().isEmpty() ? execute.get() : nak(c, NakCode.MALFORMED_FIELDS);
    }

    public static Frame ack(Frame c, KeyValues values) {
        return Frame.ack(c.seq(), c.name(), values);
    }

    public static Frame nak(Frame c, NakCode code) {
        return Frame.nak(c.seq(), c.name(), code);
    }
}
