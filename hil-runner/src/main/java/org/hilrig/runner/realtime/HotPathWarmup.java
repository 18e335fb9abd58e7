package org.hilrig.runner.realtime;

import java.util.List;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.FrameKind;
import org.hilrig.device.protocol.ProtocolV1;
import org.hilrig.device.protocol.ReceivedFrame;
import org.hilrig.device.sim.Machine;

/**
 * Runs the code every exchange with a board goes through (the host link, the UART, the firmware's framing,
 * command handling and replies, the trace) on a throwaway copy of the board, on virtual time, so that the
 * JIT compiles it before the real board's port opens. Otherwise the first few thousand exchanges of a
 * real-time session run interpreted, and each method that crosses the compile threshold on a real-time
 * thread makes that thread take the compile queue's lock, which an ordinary-priority compiler thread can
 * hold while a loaded machine keeps it off the CPU: the reply then waits for the compiler (seen at 54 ms on a
 * 2-core machine at load 13; see {@code scripts/measure-emulator-latency.sh}).
 *
 * <p>The copy is the caller's to throw away; nothing here reads the wall clock.
 */
public final class HotPathWarmup {
    /** Exchanges run by default: each method of the path runs well past the compile thresholds. */
    public static final int DEFAULT_EXCHANGES = 2_000;
    /** Virtual time given to each exchange: the longest reply at 9600 baud would not fit, at 115200 all do. */
    private static final long EXCHANGE_NANOS = 10_000_000L;
    /**
     * Commands of both boards, with arguments the reference profiles accept, and a name neither knows (its
     * NAK); none starts prep or an exposure, so the copy stays in its idle state.
     */
    private static final List<String[]> COMMANDS = List.of(
            new String[] {"HBT"}, new String[] {"STA"}, new String[] {"VER"}, new String[] {"FLT"},
            new String[] {"HEA"}, new String[] {"LXP"}, new String[] {"WDG", "0"}, new String[] {"MOD", "REMOTE"},
            new String[] {"SKV", "80.0"}, new String[] {"SMA", "100"}, new String[] {"SMS", "100"},
            new String[] {"MOD", "LOCAL"}, new String[] {"RST"}, new String[] {"SRS", "LOW"}, new String[] {"XYZ"});

    private HotPathWarmup() {
    }

    /** Rounds of {@link #exposures} by default: each exposure path runs past the compile thresholds. */
    public static final int DEFAULT_EXPOSURE_ROUNDS = 3;
    /** Between two rounds: the tube starts its rotor at most twice a minute (T03 START_RATE). */
    private static final long ROTOR_REST_NANOS = 61_000_000_000L;

    /**
     * Runs remote prep and exposures on a generator {@code scratch} (already booted, in STANDBY, as {@link
     * #run} leaves it), so that the exposure path (prep, the HV and dose-meter models sampled every 50 us, the
     * events, every way an exposure ends) is compiled before the real board's port opens, as the idle path
     * is: otherwise a board's first exposure runs interpreted, slower than real time, and its pacer falls
     * behind by tens of ms (seen: the reply to the first {@code EXP 1} 53 to 108 ms late on a 2-core machine
     * at load 2). Each round: one prep with four exposures, ended by the timer, {@code EXP 0}, {@code WDG 0}
     * and {@code ABT}; a second prep whose exposure the host watchdog ends ({@code F12}), reset; then the
     * rotor rests a minute. A tube controller has no exposure: nothing is run on one.
     *
     * @return how many exposures ended ({@code XOFF} events)
     */
    public static int exposures(Machine scratch, int rounds) {
        if (rounds < 0) {
            throw new IllegalArgumentException("warm-up of " + rounds + " exposure rounds is negative");
        }
        if (scratch.boardUnderTest() != org.hilrig.device.profile.Board.GEN) {
            return 0;
        }
        int[] xoff = {0};
        FrameDecoder fromBoard = new FrameDecoder(new DecodeListener() {
            @Override
            public void frame(ReceivedFrame f) {
                if (f.frame().kind() == FrameKind.EVENT && f.frame().subject().equals("XOFF")) {
                    xoff[0]++;
                }
            }

            @Override
            public void discarded(DiscardedInput d) {
            }
        });
        scratch.hostLink().onReceive((t, b) -> fromBoard.accept(b, t));
        Exchange x = new Exchange(scratch);
        for (int r = 0; r < rounds; r++) {
            x.send(1_000, "SKV", "80.0").send(1_000, "SMA", "250").send(1_000, "SMS", "100").send(1_000, "MOD", "REMOTE")
                    .send(1_000, "WDG", "2000").send(2_000_000, "PRP", "1")
                    .send(150_000, "EXP", "1")
                    .send(30_000, "EXP", "1").send(20_000, "EXP", "0")
                    .send(30_000, "EXP", "1").send(20_000, "WDG", "0").send(1_000, "WDG", "2000")
                    .send(30_000, "EXP", "1").send(20_000, "ABT")
                    .send(1_000, "WDG", "500").send(1_300_000, "PRP", "1").send(1_000, "HBT")
                    .send(700_000, "EXP", "1").send(1_000, "WDG", "0").send(10_000, "RST")
                    .send(1_000, "PRP", "0").send(1_000, "MOD", "LOCAL");
            scratch.runFor(ROTOR_REST_NANOS);
        }
        return xoff[0];
    }

    /** Commands to a scratch board on virtual time, each followed by a run of the board. */
    private static final class Exchange {
        private final Machine board;
        private int seq;

        Exchange(Machine board) {
            this.board = board;
        }

        /** Sends {@code name args}, then runs the board {@code runMicros} us; this exchange. */
        Exchange send(long runMicros, String name, String... args) {
            board.hostLink().send(Frame.command(seq++ & 0xFF, name, args).encode());
            board.runFor(runMicros * 1_000L);
            return this;
        }
    }

    /**
     * Runs {@code scratch} through its boot ({@link ProtocolV1#BOOT_EVENT_NANOS}), then sends it {@code
     * exchanges} commands, one each {@value #EXCHANGE_NANOS} ns of its virtual
     * time (cycling through every command, one in sixteen with a corrupted CRC), and runs it meanwhile.
     *
     * @param scratch a board built like the real one (same profiles, defects and seed), not yet run
     * @return how many replies (ACK or NAK) the board sent back
     */
    public static int run(Machine scratch, int exchanges) {
        if (exchanges < 0) {
            throw new IllegalArgumentException("warm-up of " + exchanges + " exchanges is negative");
        }
        int[] replies = {0};
        FrameDecoder fromBoard = new FrameDecoder(new DecodeListener() {
            @Override
            public void frame(ReceivedFrame f) {
                if (f.frame().kind() == FrameKind.ACK || f.frame().kind() == FrameKind.NAK) {
                    replies[0]++;
                }
            }

            @Override
            public void discarded(DiscardedInput d) {
            }
        });
        scratch.hostLink().onReceive((t, b) -> fromBoard.accept(b, t));
        scratch.runFor(ProtocolV1.BOOT_EVENT_NANOS); // booted by then (its first main-loop pass), as protocol.md promises
        for (int i = 0; i < exchanges; i++) {
            String[] c = COMMANDS.get(i % COMMANDS.size());
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            byte[] bytes = Frame.command(i & 0xFF, c[0], args).encode();
            if (i % 16 == 15) {
                bytes[bytes.length - 2] ^= 0x01; // the CRC's last digit: discarded and counted
            }
            scratch.hostLink().send(bytes);
            scratch.runFor(EXCHANGE_NANOS);
        }
        return replies[0];
    }
}
