package org.hilrig.runner.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.trace.TraceHeader;

/**
 * A trace read back per signal, for drawing: each signal's change times and values in arrays, and the serial
 * frames. Digital values are {@link Level} ordinals, reals their value, vectors a running index (only the
 * transitions are drawn). Read for some time windows only (the diagrams'), a series keeps the changes inside
 * them and the last one before each, which is all a diagram of such a window reads: a line that toggles
 * through a long idle stretch costs nothing outside them. Every frame is kept. Confined to one thread.
 */
final class Waveforms {
    /** One signal's changes, times non-decreasing. */
    static final class Series {
        final SignalInfo info;
        long[] times = new long[16];
        double[] values = new double[16];
        int size;

        Series(SignalInfo info) {
            this.info = info;
        }

        void add(long t, double v) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = t;
            values[size] = v;
            size++;
        }

        /** Index of the last change at or before {@code t}, or -1 when the signal has no value yet. */
        int indexAt(long t) {
            int lo = 0;
            int hi = size - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (times[mid] <= t) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }

    /** A serial frame with its time. */
    record Frame(long timeNanos, String link, String direction, byte[] bytes) {
    }

    final List<Series> series = new ArrayList<>();
    final List<Frame> frames = new ArrayList<>();
    long endNanos;

    /** The whole trace. */
    static Waveforms of(Trace trace) {
        return of(trace, null);
    }

    /**
     * The trace as diagrams of these windows read it.
     *
     * @param windows {@code {t0, t1}} pairs, ns, in any order; null for the whole trace
     */
    static Waveforms of(Trace trace, List<long[]> windows) {
        Waveforms w = new Waveforms();
        Windows kept = windows == null ? null : new Windows(windows, w, trace.signals().size());
        trace.replay(new ChangeListener() {
            @Override
            public void begin(TraceHeader header) {
                for (SignalInfo s : header.signals()) {
                    w.series.add(new Series(s));
                }
            }

            @Override
            public void digital(long timeNanos, int signalId, Level level) {
                offer(w.series.get(signalId), timeNanos, level.ordinal());
            }

            @Override
            public void vector(long timeNanos, int signalId, String bits) {
                Series s = w.series.get(signalId);
                offer(s, timeNanos, s.size);
            }

            @Override
            public void real(long timeNanos, int signalId, double value) {
                offer(w.series.get(signalId), timeNanos, value);
            }

            private void offer(Series s, long t, double v) {
                if (kept == null) {
                    s.add(t, v);
                } else {
                    kept.offer(s, t, v);
                }
            }

            @Override
            public void frame(long timeNanos, String link, String direction, byte[] bytes) {
                w.frames.add(new Frame(timeNanos, link, direction, bytes.clone()));
            }

            @Override
            public void end(long endNanos) {
                if (kept != null) {
                    kept.flush();
                }
                w.endNanos = endNanos;
            }
        });
        return w;
    }

    /**
     * Which changes a series keeps: those inside a window, and the last one before each window's start (held
     * back as pending until the next window starts). Changes arrive in time order.
     */
    private static final class Windows {
        private final long[][] merged;
        private final Waveforms w;
        private final long[] pendingTimes;
        private final double[] pendingValues;
        private final boolean[] pending;
        private int next;
        private int flushedFor = -1;

        Windows(List<long[]> windows, Waveforms w, int signals) {
            List<long[]> sorted = new ArrayList<>(windows);
            sorted.sort((a, b) -> Long.compare(a[0], b[0]));
            List<long[]> out = new ArrayList<>();
            for (long[] win : sorted) {
                long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && win[0] <= last[1]) {
                    last[1] = Math.max(last[1], win[1]);
                } else {
                    out.add(new long[] {win[0], win[1]});
                }
            }
            this.merged = out.toArray(new long[0][]);
            this.w = w;
            this.pendingTimes = new long[signals];
            this.pendingValues = new double[signals];
            this.pending = new boolean[signals];
        }

        void offer(Series s, long t, double v) {
            while (next < merged.length && t >= merged[next][0]) {
                if (flushedFor < next) {
                    flush(); // every series' last change before this window's start
                    flushedFor = next;
                }
                if (t <= merged[next][1]) {
                    s.add(t, v);
                    return;
                }
                next++;
            }
            int id = s.info.id();
            pendingTimes[id] = t;
            pendingValues[id] = v;
            pending[id] = true;
        }

        void flush() {
            for (Series s : w.series) {
                int id = s.info.id();
                if (pending[id]) {
                    s.add(pendingTimes[id], pendingValues[id]);
                    pending[id] = false;
                }
            }
        }
    }

    /** The series of the signal with this path or reference (path first), or null. */
    Series find(String name) {
        for (Series s : series) {
            if (s.info.path().equals(name)) {
                return s;
            }
        }
        for (Series s : series) {
            if (s.info.reference().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
