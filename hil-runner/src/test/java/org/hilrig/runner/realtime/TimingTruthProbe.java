package org.hilrig.runner.realtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.hilrig.device.protocol.Frame;
import org.hilrig.runner.fixture.RigFixtureLoader;
import org.hilrig.runner.gpio.EmulatedGenBench;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.rig.StampKind;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;

/**
 * Timing truth of the real-time rig (a measurement, not a test; run by scripts/measure-timing-truth.sh):
 * the emulated GEN of the shipped emulated fixture, in this process, paced on the rig's own clock so the
 * board's times are in the rig's time base; the rig reaches it over a socat pty pair (jSerialComm both
 * ends) and Pi4J's mock GPIO. For each stimulus the latency the rig measures (as the scenario engine
 * computes it) is compared with the true latency, taken at the board's pins on the same clock:
 * <ul>
 *   <li>serial: {@code HBT} sent, reply start = reply ETX - length x byte time. Measured from the rig's
 *       send stamp to the rig's receive stamp; true from the command's ETX at the board (the board's port
 *       reader stamps the bytes, its UART model clocks them in) to the reply going on the cable (the wall
 *       time the board handed it to its port);</li>
 *   <li>gpio: {@code PREP_REQ} driven, answered by {@code ROTOR_START}. Measured between the rig's drive
 *       stamp and its edge stamp; true between the board seeing PREP (stamped in the mock pin's listener)
 *       and the wall time the board set its ROTOR_START pin.</li>
 * </ul>
 * The firmware's own (virtual) times are also compared: they differ from its pins by the pacer's
 * lateness, an error of the emulated board rather than of the rig. Prints p50, p99 and max of |measured -
 * true|, the signed spread, and how many errors exceed the uncertainty the rig declared.
 * Usage: {@code TimingTruthProbe [stimuli]} (default 1000 each); with {@code -Dprobe.outliers=true} it also
 * lists each serial stimulus whose error exceeds 500 us, split into its two one-way parts.
 */
public final class TimingTruthProbe {
    private static final long MS = 1_000_000L;
    private static final long LOST = Long.MIN_VALUE;
    /** Stimuli per board: the emulated GEN stops answering prep pulses after about 60 of them, so boards are fresh per batch. */
    private static final int BATCH = 50;
    /** Exchanges with a fresh board before its stimuli are measured. */
    private static final int WARM_UP = 3;

    private TimingTruthProbe() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path fixture = Path.of(System.getProperty("hil.home", "..")).resolve("fixtures/rigs/emulated-gen-pty.yaml");
        Samples serial = new Samples();
        Samples gpio = new Samples();
        long declared = 0;
        long lateness = 0;
        RealTimeRigs rigs = null;
        for (int done = 0; done < n; done += BATCH) {
            int k = Math.min(BATCH, n - done);
            AtomicReference<EmulatedGenBench.PoweredBoard> board = new AtomicReference<>();
            BoardPins pins = new BoardPins();
            rigs = new RealTimeRigs(RigFixtureLoader.load(fixture), new EmulatedGenBench(b -> {
                board.set(b);
                pins.watch(b);
            }, true));
            declared = Math.max(declared, batch(rigs, k, serial, gpio));
            Trace truth = board.get().board().machine().trace();
            serial.addTruth(serialTruth(truth, pins, k));
            gpio.addTruth(gpioTruth(truth, pins, k));
            lateness = Math.max(lateness, board.get().board().pacer().worstLatenessNanos());
        }
        serial.report("serial reply latency (HBT)");
        long latency = rigs.fixture().linkLatencyNanos();
        long[] uncorrected = serial.errors().stream().mapToLong(e -> e + 2 * latency).sorted().toArray();
        System.out.printf(Locale.ROOT, "  calibration: the link's one-way latency, half the median uncorrected error: %.0f us"
                + " (the fixture says %.0f us)%n", uncorrected[uncorrected.length / 2] / 2e3, latency / 1e3);
        gpio.report("gpio PREP_REQ -> ROTOR_START");
        System.out.printf(Locale.ROOT, "worst-case uncertainty of the rig, any stamps (worst over the boards): %.1f us"
                + " (fixture: edge %.1f us,"
                + " frame %.1f us, serial latency %.1f us); the emulated board's pacer was late by up to %.1f us%n", declared / 1e3,
                rigs.fixture().gpio().edgeUncertaintyNanos() / 1e3, rigs.fixture().frameUncertaintyNanos() / 1e3,
                rigs.fixture().linkLatencyNanos() / 1e3, lateness / 1e3);
    }

    /** Measured latencies (as the scenario engine computes them) and true ones, at the pins and virtual. */
    private static final class Samples {
        final List<Long> measured = new ArrayList<>();
        /** The uncertainty the rig declared when the response had come in, as the scenario engine reads it. */
        final List<Long> declared = new ArrayList<>();
        final List<Long> pins = new ArrayList<>();
        final List<Long> virtual = new ArrayList<>();
        /** Serial only: the rig's stamp of the command's ETX at the board, and the board's, per stimulus. */
        final List<Long> stimulusRig = new ArrayList<>();
        final List<Long> stimulusBoard = new ArrayList<>();

        void addTruth(long[][] truth) {
            for (int i = 0; i < truth[0].length; i++) {
                pins.add(truth[0][i]);
                virtual.add(truth[1][i]);
                if (truth.length > 2) {
                    stimulusBoard.add(truth[2][i]);
                }
            }
        }

        /** Measured minus true at the pins, for the stimuli the rig received a response to. */
        List<Long> errors() {
            List<Long> err = new ArrayList<>();
            for (int i = 0; i < measured.size(); i++) {
                if (measured.get(i) != LOST) {
                    err.add(measured.get(i) - pins.get(i));
                }
            }
            return err;
        }

        void report(String what) {
            int lost = 0;
            List<Long> err = new ArrayList<>();
            List<Long> errVirtual = new ArrayList<>();
            for (int i = 0; i < measured.size(); i++) {
                if (measured.get(i) == LOST) {
                    lost++;
                    continue;
                }
                err.add(measured.get(i) - pins.get(i));
                errVirtual.add(measured.get(i) - virtual.get(i));
            }
            if (lost > 0) {
                System.out.printf(Locale.ROOT, "%s: %d of %d responses not received by the rig (discarded or late)%n", what,
                        lost, measured.size());
            }
            long over = 0;
            List<Long> declaredKept = new ArrayList<>();
            for (int i = 0, k = 0; i < measured.size(); i++) {
                if (measured.get(i) != LOST) {
                    declaredKept.add(declared.get(i));
                    if (Math.abs(err.get(k++)) > declared.get(i)) {
                        over++;
                    }
                }
            }
            long[] d = sorted(declaredKept);
            System.out.printf(Locale.ROOT, "%s, %d stimuli, true latency p50 %.1f us%n  vs the board's pins: %s;"
                    + " %d beyond the uncertainty the rig declared (p50 %.1f us, max %.1f us)%n  vs the firmware's virtual"
                    + " times: %s%n", what, err.size(), pct(sorted(pins), 0.5) / 1e3, spread(err), over, pct(d, 0.5) / 1e3,
                    d[d.length - 1] / 1e3, spread(errVirtual));
            if (!stimulusRig.isEmpty()) {
                List<Long> stimulus = new ArrayList<>();
                List<Long> response = new ArrayList<>();
                for (int i = 0, k = 0; i < measured.size(); i++) {
                    if (measured.get(i) != LOST) {
                        long s = stimulusBoard.get(i) - stimulusRig.get(i);
                        if (Boolean.getBoolean("probe.outliers") && Math.abs(err.get(k)) > 500_000) {
                            System.out.printf(Locale.ROOT, "    outlier #%d: arrival %.1f us, reply %.1f us, declared %.1f us%n", i,
                                    s / 1e3, (err.get(k) - s) / 1e3, declared.get(i) / 1e3);
                        }
                        stimulus.add(s);
                        response.add(err.get(k++) - s);
                    }
                }
                System.out.printf(Locale.ROOT, "  of which the command's arrival (board's stamp - rig's): %s%n"
                        + "  and the reply's (rig's stamp - board's): %s%n", spread(stimulus), spread(response));
            }
        }

        private static String spread(List<Long> signed) {
            long[] s = sorted(signed);
            long[] a = sorted(signed.stream().map(Math::abs).toList());
            return String.format(Locale.ROOT, "|measured - true| p50 %.1f us, p99 %.1f us, max %.1f us (measured - true"
                    + " %.1f .. %.1f us, median %.1f us)", pct(a, 0.5) / 1e3, pct(a, 0.99) / 1e3, a[a.length - 1] / 1e3,
                    s[0] / 1e3, s[s.length - 1] / 1e3, pct(s, 0.5) / 1e3);
        }

        private static long[] sorted(List<Long> values) {
            return values.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        private static long pct(long[] sorted, double q) {
            return sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)];
        }
    }

    /** What the board put on its port and pins, stamped on the wall clock (the pacer's) when it did. */
    private static final class BoardPins {
        final Map<Integer, Long> hbtReplyHanded = new ConcurrentHashMap<>();
        List<EmulatedGenBench.PinSet> pinsSet = List.of();

        List<Long> rotorStartRises() {
            return pinsSet.stream().filter(p -> p.line().equals("ROTOR_START") && p.high()).map(EmulatedGenBench.PinSet::wallNanos).toList();
        }

        void watch(EmulatedGenBench.PoweredBoard powered) {
            pinsSet = powered.pinsSet();
            PacedBoard board = powered.board();
            board.onWrite((bytes, wallNanos) -> {
                String text = text(bytes);
                int at = text.indexOf(",ACK,HBT");
                if (at >= 0) {
                    // one write may carry more than one frame: the reply's sequence number follows its STX
                    int stx = text.lastIndexOf(0x02, at);
                    hbtReplyHanded.put(Integer.parseInt(text.substring(stx + 1, stx + 3), 16), wallNanos);
                }
            });
        }
    }

    /** One fresh rig and board: k HBTs, then k prep pulses; returns the uncertainty the rig declared. */
    private static long batch(RealTimeRigs rigs, int n, Samples serial, Samples gpio) {
        Rig rig = rigs.open(1, List.of());
        Map<Integer, long[]> replies = new HashMap<>();
        List<Long> rises = new ArrayList<>();
        List<Long> falls = new ArrayList<>();
        try {
            int rotor = rig.trace().find("gen.rotor_start").id();
            rig.trace().subscribe(new ChangeListener() {
                @Override
                public void digital(long timeNanos, int signalId, Level level) {
                    if (signalId == rotor) {
                        (level == Level.HIGH ? rises : falls).add(timeNanos);
                    }
                }

                @Override
                public void frame(long timeNanos, String link, String direction, byte[] bytes) {
                    if (direction.equals("tx") && text(bytes).contains(",ACK,HBT")) {
                        replies.putIfAbsent(seqOf(bytes), new long[] {timeNanos, bytes.length});
                    }
                }
            });
            rig.runUntil(() -> false, 600 * MS);
            // not measured: a fresh board's first exchanges pay its threads' one-time costs (the first
            // wake-ups, the real-time priority set at the first read)
            for (int i = 0; i < WARM_UP; i++) {
                long etx = rig.send(Frame.command(250 - i, "HBT").encode());
                rig.runUntil(() -> false, etx + 5 * MS);
            }
            replies.clear();
            for (int i = 0; i < n; i++) {
                int seq = i % 250 + 1;
                replies.remove(seq);
                long etx = rig.send(Frame.command(seq, "HBT").encode());
                serial.stimulusRig.add(etx);
                rig.runUntil(() -> replies.containsKey(seq), etx + 200 * MS);
                long[] reply = replies.get(seq);
                // a reply the rig discarded (e.g. a gap over 10 ms in it: a stall) is counted as lost
                serial.measured.add(reply == null ? LOST : reply[0] - reply[1] * rig.byteNanos() - etx);
                serial.declared.add(rig.uncertaintyNanos(StampKind.FRAME, StampKind.FRAME));
                rig.runUntil(() -> false, rig.nowNanos() + 2 * MS);
            }
            for (int i = 0; i < n; i++) {
                int seen = rises.size();
                long t = rig.drive("PREP_REQ", true);
                if (!rig.runUntil(() -> rises.size() > seen, t + 2_000 * MS)) {
                    throw new IllegalStateException("no ROTOR_START after PREP_REQ #" + i);
                }
                gpio.measured.add(rises.get(seen) - t);
                gpio.declared.add(rig.uncertaintyNanos(StampKind.LINE, StampKind.LINE));
                rig.runUntil(() -> false, rig.nowNanos() + 5 * MS);
                int fell = falls.size();
                long r = rig.drive("PREP_REQ", false);
                if (!rig.runUntil(() -> falls.size() > fell, r + 2_000 * MS)) {
                    throw new IllegalStateException("ROTOR_START stayed active after PREP_REQ #" + i + " was released");
                }
                rig.runUntil(() -> false, rig.nowNanos() + 5 * MS);
            }
        } finally {
            rig.close();
        }
        return rig.timestampUncertaintyNanos();
    }

    /**
     * For each HBT (in order): {reply on the cable - reply length x byte time - command's ETX at the board,
     * the same with the reply's virtual ETX time}.
     */
    private static long[][] serialTruth(Trace board, BoardPins pins, int n) {
        List<long[]> out = new ArrayList<>();
        Map<Integer, Long> commandEtx = new HashMap<>();
        long byteNanos = 10_000_000_000L / 115_200;
        board.replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
            }

            @Override
            public void frame(long timeNanos, String link, String direction, byte[] bytes) {
                String text = text(bytes);
                int seq = seqOf(bytes);
                if (direction.equals("rx") && text.contains(",HBT,")) {
                    commandEtx.put(seq, timeNanos);
                } else if (direction.equals("tx") && text.contains(",ACK,HBT") && commandEtx.containsKey(seq)) {
                    long rx = commandEtx.remove(seq);
                    long start = bytes.length * byteNanos;
                    out.add(new long[] {pins.hbtReplyHanded.get(seq) - start - rx, timeNanos - start - rx, rx});
                }
            }
        });
        return first(out.subList(Math.min(WARM_UP, out.size()), out.size()), n, "HBT replies after the warm-up");
    }

    /**
     * For each PREP_REQ rise the board saw: {its ROTOR_START pin set (wall) - the rise, the same with the
     * pin's virtual time}.
     */
    private static long[][] gpioTruth(Trace board, BoardPins pins, int n) {
        int prep = board.find("rig.prep_req").id();
        int start = board.find("gen.rotor_start").id();
        List<long[]> out = new ArrayList<>();
        List<Long> rises = pins.rotorStartRises();
        long[] pending = {-1};
        board.replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
                if (signalId == prep && level == Level.HIGH) {
                    pending[0] = timeNanos;
                } else if (signalId == start && level == Level.HIGH && pending[0] >= 0) {
                    out.add(new long[] {rises.get(out.size()) - pending[0], timeNanos - pending[0]});
                    pending[0] = -1;
                }
            }
        });
        return first(out, n, "PREP -> ROTOR_START pairs");
    }

    private static long[][] first(List<long[]> values, int n, String what) {
        if (values.size() < n) {
            throw new IllegalStateException("the board's trace has " + values.size() + " " + what + ", expected " + n);
        }
        long[][] a = new long[values.get(0).length][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < a.length; j++) {
                a[j][i] = values.get(i)[j];
            }
        }
        return a;
    }

    private static int seqOf(byte[] frame) {
        return Integer.parseInt(new String(frame, 1, 2, StandardCharsets.US_ASCII), 16);
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.US_ASCII);
    }
}
