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
 * <p>What repeats is stored once: when the changes recorded next are the last {@code k} changes again
 * ({@code k} up to {@value #PATTERN_MAX}), each the same signal with the same value, one period later, one
 * entry counts them (a heartbeat line such as {@code ALIVE} toggling at 10 Hz through an idle hour, alone or
 * in step with another board's). Nothing is lost: replay, the hash and the VCD see every change, in the
 * order recorded, so memory follows what the trace holds that is new, not how long it ran.
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
    /** A stored entry that stands for changes repeating earlier ones: times = period, ids = k, values = count. */
    private static final byte REPEAT = 4;
    /** The longest run of changes that can repeat as one entry. */
    static final int PATTERN_MAX = 16;

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
    /** Changes recorded (a repeat entry counts each change it stands for), and the time of the last one. */
    private long changes;
    private long lastTimeNanos;
    private final Recent recent = new Recent();

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

    /** How many changes and frames were recorded ({@link Integer#MAX_VALUE} when more). */
    public int changeCount() {
        return (int) Math.min(Integer.MAX_VALUE, changes);
    }

    /** How many entries hold them: fewer than {@link #changeCount()} where changes repeat. */
    int storedCount() {
        return size;
    }

    /** Time of the end mark, or of the last change when the trace has not ended; 0 when empty. */
    public long endNanos() {
        if (endNanos >= 0) {
            return endNanos;
        }
        return changes == 0 ? 0 : lastTimeNanos;
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
        if (changes > 0 && t < lastTimeNanos) {
            throw new IllegalArgumentException("change at " + t + " ns is before the previous one at " + lastTimeNanos + " ns");
        }
        if (kind != FRAME && (id < 0 || id >= signals.size())) {
            throw new IllegalArgumentException("no signal with id " + id);
        }
        if (!repeats(t, id, kind, value)) {
            store(t, id, kind, value);
        }
        recent.add(changes, t, id, kind, value);
        changes++;
        lastTimeNanos = t;
    }

    /**
     * Whether the change continues the repeat stored last, or starts one (as one entry either way): it is the
     * change {@code k} back again, one period later. Only signal values repeat, never frames or vectors.
     */
    private boolean repeats(long t, int id, byte kind, long value) {
        if (kind != DIGITAL && kind != REAL) {
            return false;
        }
        if (size > 0 && kinds[size - 1] == REPEAT) {
            long back = changes - ids[size - 1];
            if (recent.is(back, id, kind, value) && recent.time(back) + times[size - 1] == t) {
                values[size - 1]++;
                return true;
            }
        }
        for (int k = 1; k <= Math.min(PATTERN_MAX, changes); k++) {
            long back = changes - k;
            if (recent.is(back, id, kind, value) && recent.time(back) < t) {
                store(t - recent.time(back), k, REPEAT, 1);
                return true;
            }
        }
        return false;
    }

    private void store(long t, int id, byte kind, long value) {
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
        forEachChange((t, id, kind, value) -> deliver(t, id, kind, value, listener));
        listener.end(endNanos());
    }

    private void deliver(long t, int id, byte kind, long value, ChangeListener l) {
        switch (kind) {
            case DIGITAL -> l.digital(t, id, Level.values()[(int) value]);
            case REAL -> l.real(t, id, Double.longBitsToDouble(value));
            case VECTOR -> l.vector(t, id, (String) blobs.get((int) value));
            default -> {
                Frame f = (Frame) blobs.get((int) value);
                l.frame(t, f.link, f.direction, f.bytes.clone());
            }
        }
    }

    /** One recorded change as stored: a frame's or vector's value is its blob's index. */
    @FunctionalInterface
    private interface Change {
        void at(long t, int id, byte kind, long value);
    }

    /** Every change in the order recorded, repeats written out. */
    private void forEachChange(Change c) {
        Recent seen = new Recent();
        long n = 0;
        for (int i = 0; i < size; i++) {
            if (kinds[i] != REPEAT) {
                c.at(times[i], ids[i], kinds[i], values[i]);
                seen.add(n++, times[i], ids[i], kinds[i], values[i]);
                continue;
            }
            for (long r = 0; r < values[i]; r++) {
                long back = n - ids[i];
                long t = seen.time(back) + times[i];
                int id = seen.id(back);
                byte kind = seen.kind(back);
                long value = seen.value(back);
                c.at(t, id, kind, value);
                seen.add(n++, t, id, kind, value);
            }
        }
    }

    /** The last {@link #PATTERN_MAX} changes, by their number in the order recorded. */
    private static final class Recent {
        private final long[] times = new long[PATTERN_MAX];
        private final int[] ids = new int[PATTERN_MAX];
        private final long[] values = new long[PATTERN_MAX];
        private final byte[] kinds = new byte[PATTERN_MAX];

        void add(long n, long t, int id, byte kind, long value) {
            int i = (int) (n % PATTERN_MAX);
            times[i] = t;
            ids[i] = id;
            kinds[i] = kind;
            values[i] = value;
        }

        boolean is(long n, int id, byte kind, long value) {
            int i = (int) (n % PATTERN_MAX);
            return kinds[i] == kind && ids[i] == id && values[i] == value;
        }

        long time(long n) {
            return times[(int) (n % PATTERN_MAX)];
        }

        int id(long n) {
            return ids[(int) (n % PATTERN_MAX)];
        }

        byte kind(long n) {
            return kinds[(int) (n % PATTERN_MAX)];
        }

        long value(long n) {
            return values[(int) (n % PATTERN_MAX)];
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
        forEachChange((t, id, kind, value) -> {
            b.clear();
            b.putLong(t).putInt(id).put(kind);
            if (kind == FRAME) {
                d.update(b.array(), 0, b.position());
                Frame f = (Frame) blobs.get((int) value);
                d.update((f.link + '\0' + f.direction + '\0').getBytes(StandardCharsets.UTF_8));
                b.clear();
                b.putInt(f.bytes.length);
                d.update(b.array(), 0, 4);
                d.update(f.bytes);
            } else if (kind == VECTOR) {
                d.update(b.array(), 0, b.position());
                d.update(((String) blobs.get((int) value)).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            } else {
                b.putLong(value);
                d.update(b.array(), 0, b.position());
            }
        });
        b.clear();
        b.putLong(endNanos());
        d.update(b.array(), 0, 8);
        return HexFormat.of().formatHex(d.digest());
    }

    private record Frame(String link, String direction, byte[] bytes) {
    }
}
