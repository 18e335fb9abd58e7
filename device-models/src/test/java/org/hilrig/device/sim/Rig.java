package org.hilrig.device.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ReferenceProfiles;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.FrameKind;
import org.hilrig.device.protocol.ReceivedFrame;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * A test's view of a {@link Machine}: every digital edge recorded, every frame from the board decoded,
 * commands sent with fresh sequence numbers, and waits on virtual time. Times are nanoseconds.
 */
public final class Rig {
    public static final long MS = 1_000_000L;
    public static final long US = 1_000L;

    /** One recorded edge. */
    public record Edge(String path, boolean high, long timeNanos) {
    }

    public final Machine m;
    public final List<Edge> edges = new ArrayList<>();
    public final List<ReceivedFrame> fromBoard = new ArrayList<>();
    /** Bytes from the board the host's decoder threw away (a reset cuts a frame short). */
    public final List<DiscardedInput> discardedFromBoard = new ArrayList<>();
    private int seq;

    public Rig(Machine m) {
        this.m = m;
        for (DigitalSignal s : m.signals().digitalSignals()) {
            s.onEdge((sig, high, t) -> edges.add(new Edge(sig.path(), high, t)));
        }
        FrameDecoder d = new FrameDecoder(new DecodeListener() {
            @Override
            public void frame(ReceivedFrame f) {
                fromBoard.add(f);
            }

            @Override
            public void discarded(DiscardedInput discarded) {
                discardedFromBoard.add(discarded);
            }
        });
        m.hostLink().onReceive((t, b) -> d.accept(b, t));
    }

    /** A generator under test, reference profiles, no contact bounce (exact times), these defects. */
    public static Rig gen(Defect... defects) {
        return gen(p -> p, defects);
    }

    public static Rig gen(UnaryOperator<BoardProfile> tweak, Defect... defects) {
        Set<Defect> set = Set.of(defects);
        // no contact bounce and no noise: the exact instants and values these tests compute by hand
        BoardProfile gen = tweak.apply(ReferenceProfiles.gen().with(GeneratorKeys.BOUNCE_MAX, "0ns")
                .with(GeneratorKeys.DIVIDER_NOISE_KV, "0").with(GeneratorKeys.KV_SHOT_NOISE, "0").with(GeneratorKeys.MA_SHOT_NOISE, "0"));
        return new Rig(Machine.builder().genProfile(gen).tubProfile(ReferenceProfiles.tub())
                .boardUnderTest(Board.GEN).defects(set).seed(7).build());
    }

    public long now() {
        return m.scheduler().nowNanos();
    }

    public void run(long nanos) {
        m.runFor(nanos);
    }

    /** Runs until the condition holds or {@code maxNanos} pass; true when it held. */
    public boolean runUntil(BooleanSupplier condition, long maxNanos) {
        return m.scheduler().runUntil(condition, now() + maxNanos);
    }

    public boolean isHigh(String line) {
        return m.line(line).isHigh();
    }

    /** Time of the first edge of {@code line} to {@code high} at or after {@code fromNanos}, or -1. */
    public long edge(String line, boolean high, long fromNanos) {
        String path = m.line(line).path();
        for (Edge e : edges) {
            if (e.path().equals(path) && e.high() == high && e.timeNanos() >= fromNanos) {
                return e.timeNanos();
            }
        }
        return -1;
    }

    /** Number of edges of {@code line} to {@code high} at or after {@code fromNanos}. */
    public long edgeCount(String line, boolean high, long fromNanos) {
        String path = m.line(line).path();
        return edges.stream().filter(e -> e.path().equals(path) && e.high() == high && e.timeNanos() >= fromNanos).count();
    }

    /** Sends a command with the next sequence number and runs until its reply arrives (at most 200 ms). */
    public Frame command(String name, String... args) {
        int s = seq;
        seq = (seq + 1) & 0xFF;
        Frame f = Frame.command(s, name, args);
        send(f.encode());
        int before = fromBoard.size();
        Frame[] reply = new Frame[1];
        runUntil(() -> {
            for (int i = before; i < fromBoard.size(); i++) {
                Frame r = fromBoard.get(i).frame();
                if (r.kind() != FrameKind.EVENT && r.seq() == s) {
                    reply[0] = r;
                    return true;
                }
            }
            return false;
        }, 200 * MS);
        return reply[0];
    }

    public void send(byte[] bytes) {
        m.hostLink().send(bytes);
    }

    /** The events named {@code name} sent so far. */
    public List<ReceivedFrame> events(String name) {
        return fromBoard.stream().filter(f -> f.frame().kind() == FrameKind.EVENT && f.frame().subject().equals(name)).toList();
    }

    /** The events named {@code name} with field {@code key=value}. */
    public List<ReceivedFrame> events(String name, String key, String value) {
        return events(name).stream().filter(f -> value.equals(f.frame().values().asMap().get(key))).toList();
    }

    public void press(String... lines) {
        for (String l : lines) {
            m.drive(l, true);
        }
    }

    public void release(String... lines) {
        for (String l : lines) {
            m.drive(l, false);
        }
    }

    /** Boots, presses prep and runs until READY (asserting it comes within 2 s). */
    public void toReady() {
        if (now() < 60 * MS) {
            run(60 * MS - now());
        }
        press("PREP_REQ");
        if (!runUntil(() -> isHigh("READY"), 2_500 * MS)) {
            throw new AssertionError("READY did not come; state " + m.generator().state() + " faults " + m.generator().faults());
        }
    }

    /** From boot: prep, READY, both expose channels, until XRAY_ON. Returns the time expose was pressed. */
    public long toExposing() {
        toReady();
        long t = now();
        press("EXP_REQ_A", "EXP_REQ_B");
        if (!runUntil(() -> isHigh("XRAY_ON"), 10 * MS)) {
            throw new AssertionError("XRAY_ON did not come; faults " + m.generator().faults());
        }
        return t;
    }
}
