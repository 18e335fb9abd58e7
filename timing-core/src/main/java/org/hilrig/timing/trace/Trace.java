package org.hilrig.timing.trace;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The record of a run: every signal change and every serial frame with its time, kept in memory in
 * compact arrays (about 20 bytes a change).
 *
 * <p>Signals are declared first, changes follow in non-decreasing time order. Listeners added with
 * {@link #subscribe(ChangeListener)} see each change as it is recorded (online monitors); {@link
 * #replay(ChangeListener)} delivers the whole record again (offline checks, VCD writing). A trace is
 * itself a {@link ChangeListener}, so a VCD file can be read into one.
 *
 * <p>Confined to one thread.
 */
public final class Trace implements ChangeListener {
    private static final byte DIGITAL = 0;
    private static final byte REAL = 1;
    private static final byte FRAME = 2;
    private static final byte VECTOR = 3;

    private final List<SignalInfo> signals = new ArrayList<>();
    private final List<ChangeListener> subscribers = new ArrayList<>();
    private final List<Object> blobs = new ArrayList<>();
    private long resolutionPicos = 1_000L;
    private boolean begun;
    private long endNanos = -1;

    private int size;
    private long[] times = new long[1024];
    private int[] ids = new int[1024];
    private long[] values = new long[1024];
    private byte[] kinds = new byte[1024];

    /** Declares a digital signal by its dotted path and returns its id. Only before the first change. */
    public int declareDigital(String path) {
        return declare(path, SignalKind.DIGITAL, 1);
    }

    /** Declares a real-valued (analog) signal and returns its id. Only before the first change. */
    public int declareReal(String path) {
        return declare(path, SignalKind.REAL, 64);
    }

    private int declare(String path, SignalKind kind, int width) {
        if (begun) {
            throw new IllegalStateException("signal " + path + " declared after the trace began");
        }
        for (SignalInfo s : signals) {
            if (s.path().equals(path)) {
                throw new IllegalArgumentException("signal " + path + " is declared twice");
            }
        }
        int dot = path.lastIndexOf('.');
        SignalInfo info = new SignalInfo(signals.size(), path, path.substring(dot + 1), kind, width);
        signals.add(info);
        return info.id();
    }

    /** Watches every change from now on; a subscriber added before the first change also gets the header. */
    public void subscribe(ChangeListener listener) {
        subscribers.add(listener);
        if (begun) {
            listener.begin(header());
        }
    }

    public TraceHeader header() {
        return new TraceHeader(signals, resolutionPicos);
    }

    public List<SignalInfo> signals() {
        return List.copyOf(signals);
    }

    /** The signal with this path or reference, or null. A path match wins over a reference match. */
    public SignalInfo find(String name) {
        for (SignalInfo s : signals) {
            if (s.path().equals(name)) {
                return s;
            }
        }
        for (SignalInfo s : signals) {
            if (s.reference().equals(name)) {
                return s;
            }
        }
        return null;
    }

    public int changeCount() {
        return size;
    }

    /** Time of the end mark, or of the last change when the trace has not ended; 0 when empty. */
    public long endNanos() {
        if (endNanos >= 0) {
            return endNanos;
        }
        return size == 0 ? 0 : times[size - 1];
    }

    // ---- recording ---------------------------------------------------------------------------

    @Override
    public void begin(TraceHeader header) {
        if (begun || !signals.isEmpty()) {
            throw new IllegalStateException("a trace can take a header only while empty");
        }
        signals.addAll(header.signals());
        resolutionPicos = header.resolutionPicos();
        ensureBegun();
    }

    @Override
    public void digital(long timeNanos, int signalId, Level level) {
        append(timeNanos, signalId, DIGITAL, level.ordinal());
        for (int i = 0; i < subscribers.size(); i++) {
            subscribers.get(i).digital(timeNanos, signalId, level);
        }
    }

    @Override
    public void real(long timeNanos, int signalId, double value) {
        append(timeNanos, signalId, REAL, Double.doubleToLongBits(value));
        for (int i = 0; i < subscribers.size(); i++) {
            subscribers.get(i).real(timeNanos, signalId, value);
        }
    }

    @Override
    public void vector(long timeNanos, int signalId, String bits) {
        blobs.add(bits);
        append(timeNanos, signalId, VECTOR, blobs.size() - 1);
        for (int i = 0; i < subscribers.size(); i++) {
            subscribers.get(i).vector(timeNanos, signalId, bits);
        }
    }

    @Override
    public void frame(long timeNanos, String link, String direction, byte[] bytes) {
        byte[] copy = bytes.clone();
        blobs.add(new Frame(link, direction, copy));
        append(timeNanos, -1, FRAME, blobs.size() - 1);
        for (int i = 0; i < subscribers.size(); i++) {
            subscribers.get(i).frame(timeNanos, link, direction, copy);
        }
    }

    @Override
    public void end(long endNanos) {
        if (endNanos < endNanos()) {
            throw new IllegalArgumentException("trace end " + endNanos + " ns is before its last change at " + endNanos() + " ns");
        }
        ensureBegun();
        this.endNanos = endNanos;
        for (int i = 0; i < subscribers.size(); i++) {
            subscribers.get(i).end(endNanos);
        }
    }

    private void ensureBegun() {
        if (!begun) {
            begun = true;
            TraceHeader h = header();
            for (int i = 0; i < subscribers.size(); i++) {
                subscribers.get(i).begin(h);
            }
        }
    }

    private void append(long t, int id, byte kind, long value) {
        ensureBegun();
        if (endNanos >= 0) {
            throw new IllegalStateException("change at " + t + " ns after the trace ended");
        }
        if (size > 0 && t < times[size - 1]) {
            throw new IllegalArgumentException("change at " + t + " ns is before the previous one at " + times[size - 1] + " ns");
        }
        if (kind != FRAME && (id < 0 || id >= signals.size())) {
            throw new IllegalArgumentException("no signal with id " + id);
        }
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            ids = Arrays.copyOf(ids, n);
            values = Arrays.copyOf(values, n);
            kinds = Arrays.copyOf(kinds, n);
        }
        times[size] = t;
        ids[size] = id;
        values[size] = value;
        kinds[size] = kind;
        size++;
    }

    // ---- reading -----------------------------------------------------------------------------

    /** Delivers the whole trace to {@code listener}: header, every change in order, and the end. */
    public void replay(ChangeListener listener) {
        listener.begin(header());
        for (int i = 0; i < size; i++) {
            deliver(i, listener);
        }
        listener.end(endNanos());
    }

    private void deliver(int i, ChangeListener l) {
        switch (kinds[i]) {
            case DIGITAL -> l.digital(times[i], ids[i], Level.values()[(int) values[i]]);
            case REAL -> l.real(times[i], ids[i], Double.longBitsToDouble(values[i]));
            case VECTOR -> l.vector(times[i], ids[i], (String) blobs.get((int) values[i]));
            default -> {
                Frame f = (Frame) blobs.get((int) values[i]);
                l.frame(times[i], f.link, f.direction, f.bytes.clone());
            }
        }
    }

    /**
     * A stable SHA-256 of the trace's content (declarations, changes, frames, end) in a canonical binary
     * form that does not depend on any file format: equal traces give equal hashes on every platform.
     */
    public String sha256Hex() {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        ByteBuffer b = ByteBuffer.allocate(64);
        for (SignalInfo s : signals) {
            d.update(s.path().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update((byte) s.kind().ordinal());
        }
        for (int i = 0; i < size; i++) {
            b.clear();
            b.putLong(times[i]).putInt(ids[i]).put(kinds[i]);
            if (kinds[i] == FRAME) {
                d.update(b.array(), 0, b.position());
                Frame f = (Frame) blobs.get((int) values[i]);
                d.update((f.link + '\0' + f.direction + '\0').getBytes(StandardCharsets.UTF_8));
                b.clear();
                b.putInt(f.bytes.length);
                d.update(b.array(), 0, 4);
                d.update(f.bytes);
            } else if (kinds[i] == VECTOR) {
                d.update(b.array(), 0, b.position());
                d.update(((String) blobs.get((int) values[i])).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            } else {
                b.putLong(values[i]);
                d.update(b.array(), 0, b.position());
            }
        }
        b.clear();
        b.putLong(endNanos());
        d.update(b.array(), 0, 8);
        return HexFormat.of().formatHex(d.digest());
    }

    private record Frame(String link, String direction, byte[] bytes) {
    }
}
