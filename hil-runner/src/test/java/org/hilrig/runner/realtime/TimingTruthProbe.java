package org.hilrig.runner.realtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.hilrig.device.protocol.Frame;
import org.hilrig.runner.fixture.RigFixtureLoader;
import org.hilrig.runner.gpio.EmulatedGenBench;
import org.hilrig.runner.rig.Rig;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;

/**
 * Timing truth of the real-time rig (a measurement, not a test; run by scripts/measure-timing-truth.sh):
 * the emulated GEN of the shipped emulated fixture, in this process, paced on the rig's own clock so its
 * virtual times are true times in the rig's time base; the rig reaches it over a socat pty pair
 * (jSerialComm both ends) and Pi4J's mock GPIO. For each stimulus the latency the rig measures (as the
 * scenario engine computes it) is compared with the true latency from the board's own trace:
 * <ul>
 *   <li>serial: {@code HBT} sent, reply start = reply ETX - length x byte time; measured from the rig's
 *       send stamp and the rig's ETX stamp, true from the board's received-ETX and sent-ETX times;</li>
 *   <li>gpio: {@code PREP_REQ} driven, answered by {@code ROTOR_START}; measured between the rig's drive
 *       stamp and its edge stamp, true between the board's rig-side PREP line and its ROTOR_START pin.</li>
 * </ul>
 * Prints p50, p99 and max of |measured - true|, and the uncertainty the rig declared.
 * Usage: {@code TimingTruthProbe [stimuli]} (default 1000 each).
 */
public final class TimingTruthProbe {
    private static final long MS = 1_000_000L;
    private static final long LOST = Long.MIN_VALUE;

    private TimingTruthProbe() {
    }

    /** Stimuli per board: the emulated GEN stops answering prep pulses after about 60 of them, so boards are fresh per batch. */
    private static final int BATCH = 50;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path fixture = Path.of(System.getProperty("hil.home", "..")).resolve("fixtures/rigs/emulated-gen-pty.yaml");
        List<long[]> serialM = new ArrayList<>();
        List<long[]> serialT = new ArrayList<>();
        List<long[]> gpioM = new ArrayList<>();
        List<long[]> gpioT = new ArrayList<>();
        long declared = 0;
        RealTimeRigs rigs = null;
        for (int done = 0; done < n; done += BATCH) {
            int k = Math.min(BATCH, n - done);
            AtomicReference<EmulatedGenBench.PoweredBoard> board = new AtomicReference<>();
            rigs = new RealTimeRigs(RigFixtureLoader.load(fixture), new EmulatedGenBench(board::set, true));
            long[][] m = batch(rigs, k);
            Trace truth = board.get().board().machine().trace();
            serialM.add(m[0]);
            gpioM.add(m[1]);
            serialT.add(serialTruth(truth, k));
            gpioT.add(gpioTruth(truth, k));
            declared = Math.max(declared, m[2][0]);
        }
        report("serial reply latency (HBT)", concat(serialM), concat(serialT));
        report("gpio PREP_REQ -> ROTOR_START", concat(gpioM), concat(gpioT));
        System.out.printf(Locale.ROOT, "declared uncertainty of the rig (worst over the boards): %.1f us (fixture: edge %.1f us,"
                + " frame %.1f us)%n", declared / 1e3, rigs.fixture().gpio().edgeUncertaintyNanos() / 1e3,
                rigs.fixture().frameUncertaintyNanos() / 1e3);
    }

    private static long[] concat(List<long[]> parts) {
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /** One fresh rig and board: k HBTs, then k prep pulses; measured latencies and the declared uncertainty. */
    private static long[][] batch(RealTimeRigs rigs, int n) {
        Rig rig = rigs.open(1, List.of());
        long[] serialMeasured = new long[n];
        long[] gpioMeasured = new long[n];
        try {
            rig.runUntil(() -> false, 600 * MS);
            // serial: HBT, n times
            for (int i = 0; i < n; i++) {
                int seq = (i % 250) + 1;
                byte[] cmd = Frame.command(seq, "HBT").encode();
                long etx = rig.send(cmd);
                long[] reply = {-1, 0};
                rig.runUntil(() -> (reply[0] = replyEtx(rig.trace(), seq, etx, reply)) >= 0, etx + 200 * MS);
                if (reply[0] < 0) {
                    serialMeasured[i] = LOST; // the rig discarded the reply (e.g. a gap over 10 ms in it: a stall)
                    continue;
                }
                serialMeasured[i] = reply[0] - reply[1] * rig.byteNanos() - etx;
                rig.runUntil(() -> false, rig.nowNanos() + 2 * MS);
            }
            // gpio: PREP_REQ -> ROTOR_START, n times. An edge may be stamped before the drive's own stamp (its
            // clock bracket is wide when the rig's thread is descheduled mid-write), so each edge is looked
            // for after the previous one, not after the stimulus
            long[] lastEdge = {rig.nowNanos()};
            for (int i = 0; i < n; i++) {
                long t = rig.drive("PREP_REQ", true);
                long[] edge = {-1};
                if (!rig.runUntil(() -> (edge[0] = firstEdge(rig.trace(), "gen.rotor_start", true, lastEdge[0] + 1)) >= 0,
                        t + 2_000 * MS)) {
                    dump(rig.trace(), t - 500 * MS);
                    throw new IllegalStateException("no ROTOR_START after PREP_REQ #" + i);
                }
                lastEdge[0] = edge[0];
                gpioMeasured[i] = edge[0] - t;
                rig.runUntil(() -> false, rig.nowNanos() + 5 * MS);
                long r = rig.drive("PREP_REQ", false);
                if (!rig.runUntil(() -> (edge[0] = firstEdge(rig.trace(), "gen.rotor_start", false, lastEdge[0] + 1)) >= 0,
                        r + 2_000 * MS)) {
                    dump(rig.trace(), r - 500 * MS);
                    throw new IllegalStateException("ROTOR_START stayed active after PREP_REQ #" + i + " was released");
                }
                lastEdge[0] = edge[0];
                rig.runUntil(() -> false, rig.nowNanos() + 5 * MS);
            }
        } finally {
            rig.close();
        }
        return new long[][] {serialMeasured, gpioMeasured, {rig.timestampUncertaintyNanos()}};
    }

    private static void dump(Trace trace, long from) {
        var sig = trace.signals();
        trace.replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
                if (timeNanos > from && !sig.get(signalId).path().endsWith("alive")) {
                    System.out.println(timeNanos + " " + sig.get(signalId).path() + " " + level);
                }
            }

            @Override
            public void frame(long timeNanos, String link, String direction, byte[] bytes) {
                if (timeNanos > from) {
                    System.out.println(timeNanos + " " + direction + " " + text(bytes));
                }
            }
        });
    }

    private static void report(String what, long[] allMeasured, long[] allTruth) {
        int kept = 0;
        for (long m : allMeasured) {
            kept += m == LOST ? 0 : 1;
        }
        long[] measured = new long[kept];
        long[] truth = new long[kept];
        for (int i = 0, k = 0; i < allMeasured.length; i++) {
            if (allMeasured[i] != LOST) {
                measured[k] = allMeasured[i];
                truth[k++] = allTruth[i];
            }
        }
        if (kept < allMeasured.length) {
            System.out.printf(Locale.ROOT, "%s: %d of %d responses not received by the rig (discarded or late)%n", what,
                    allMeasured.length - kept, allMeasured.length);
        }
        long[] err = new long[measured.length];
        long[] signed = new long[measured.length];
        for (int i = 0; i < measured.length; i++) {
            signed[i] = measured[i] - truth[i];
            err[i] = Math.abs(signed[i]);
        }
        long[] sortedSigned = signed.clone();
        Arrays.sort(err);
        Arrays.sort(sortedSigned);
        long[] t = truth.clone();
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "%s, %d stimuli: true latency p50 %.1f us; |measured - true| p50 %.1f us, p99 %.1f us,"
                        + " max %.1f us; measured - true min %.1f us, max %.1f us%n", what, measured.length, t[t.length / 2] / 1e3,
                err[err.length / 2] / 1e3, err[(int) Math.ceil(err.length * 0.99) - 1] / 1e3, err[err.length - 1] / 1e3,
                sortedSigned[0] / 1e3, sortedSigned[sortedSigned.length - 1] / 1e3);
    }

    /** The ETX time of the first ACK with {@code seq} recorded at or after {@code after}; its length into out[1]. */
    private static long replyEtx(Trace trace, int seq, long after, long[] out) {
        long[] found = {-1};
        trace.replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
            }

            @Override
            public void frame(long timeNanos, String link, String direction, byte[] bytes) {
                if (found[0] < 0 && direction.equals("tx") && timeNanos >= after && seqOf(bytes) == seq && text(bytes).contains(",ACK,HBT")) {
                    found[0] = timeNanos;
                    out[1] = bytes.length;
                }
            }
        });
        return found[0];
    }

    private static long firstEdge(Trace trace, String path, boolean high, long after) {
        int id = trace.find(path).id();
        long[] found = {-1};
        trace.replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
                if (found[0] < 0 && signalId == id && timeNanos >= after && (level == Level.HIGH) == high) {
                    found[0] = timeNanos;
                }
            }
        });
        return found[0];
    }

    /** From the board's trace: for each HBT (in order), reply start minus the command's ETX. */
    private static long[] serialTruth(Trace board, int n) {
        List<Long> out = new ArrayList<>();
        Map<Integer, Long> commandEtx = new HashMap<>();
        long byteNanos = 10_000_000_000L / 115_200;
        board.replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
            }

            @Override
            public void frame(long timeNanos, String link, String direction, byte[] bytes) {
                String text = text(bytes);
                if (direction.equals("rx") && text.contains(",HBT,")) {
                    commandEtx.put(seqOf(bytes), timeNanos);
                } else if (direction.equals("tx") && text.contains(",ACK,HBT") && commandEtx.containsKey(seqOf(bytes))) {
                    out.add(timeNanos - bytes.length * byteNanos - commandEtx.remove(seqOf(bytes)));
                }
            }
        });
        return first(out, n, "HBT replies");
    }

    /** From the board's trace: for each PREP_REQ rise at the rig side, the next ROTOR_START rise minus it. */
    private static long[] gpioTruth(Trace board, int n) {
        int prep = board.find("rig.prep_req").id();
        int start = board.find("gen.rotor_start").id();
        List<Long> out = new ArrayList<>();
        long[] pending = {-1};
        board.replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
                if (signalId == prep && level == Level.HIGH) {
                    pending[0] = timeNanos;
                } else if (signalId == start && level == Level.HIGH && pending[0] >= 0) {
                    out.add(timeNanos - pending[0]);
                    pending[0] = -1;
                }
            }
        });
        return first(out, n, "PREP -> ROTOR_START pairs");
    }

    private static long[] first(List<Long> values, int n, String what) {
        if (values.size() < n) {
            throw new IllegalStateException("the board's trace has " + values.size() + " " + what + ", expected " + n);
        }
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = values.get(i);
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
