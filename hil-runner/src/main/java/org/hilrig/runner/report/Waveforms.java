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
 * transitions are drawn). Confined to one thread.
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

    static Waveforms of(Trace trace) {
        Waveforms w = new Waveforms();
        trace.replay(new ChangeListener() {
            @Override
            public void begin(TraceHeader header) {
                for (SignalInfo s : header.signals()) {
                    w.series.add(new Series(s));
                }
            }

            @Override
            public void digital(long timeNanos, int signalId, Level level) {
                w.series.get(signalId).add(timeNanos, level.ordinal());
            }

            @Override
            public void vector(long timeNanos, int signalId, String bits) {
                Series s = w.series.get(signalId);
                s.add(timeNanos, s.size);
            }

            @Override
            public void real(long timeNanos, int signalId, double value) {
                w.series.get(signalId).add(timeNanos, value);
            }

            @Override
            public void frame(long timeNanos, String link, String direction, byte[] bytes) {
                w.frames.add(new Frame(timeNanos, link, direction, bytes.clone()));
            }

            @Override
            public void end(long endNanos) {
                w.endNanos = endNanos;
            }
        });
        return w;
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
