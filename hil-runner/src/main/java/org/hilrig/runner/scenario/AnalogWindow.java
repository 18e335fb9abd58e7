package org.hilrig.runner.scenario;

/**
 * The samples of one analog line over a window {@code [start, end]}, read as the rig's acquisition holds them:
 * each sample's value holds until the next. The statistics a {@code measure} step takes ({@link AnalogStat}).
 * Immutable view of arrays the caller no longer changes.
 */
final class AnalogWindow {
    /** Where the statistic found no answer (the line never reached the level, for instance). */
    static final class NoValue extends RuntimeException {
        NoValue(String message) {
            super(message, null, false, false);
        }
    }

    private final long[] times;
    private final double[] values;
    private final int count;
    private final long start;
    private final long end;

    /**
     * @param times sample times, ascending; {@code times[0]} at or before {@code start}
     * @param values the samples
     * @param count how many of the arrays' entries are samples
     */
    AnalogWindow(long[] times, double[] values, int count, long start, long end) {
        if (end <= start) {
            throw new IllegalArgumentException("an empty window");
        }
        if (count == 0 || times[0] > start) {
            throw new NoValue("the line has no sample at the window's start");
        }
        this.times = times;
        this.values = values;
        this.count = count;
        this.start = start;
        this.end = end;
    }

    /** The window's length, ns. */
    long length() {
        return end - start;
    }

    /**
     * The number of recorded samples inside the window (its start's held value not counted): the line's changes, as
     * the trace records a sample only when it differs from the one before.
     */
    int samplesInside() {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (times[i] > start && times[i] <= end) {
                n++;
            }
        }
        return n;
    }

    double value(AnalogStat stat, double level) {
        return switch (stat) {
            case MEAN -> integral(start, end) / (end - start);
            case PEAK -> extreme(true);
            case MIN -> extreme(false);
            case RIPPLE -> extreme(true) - extreme(false);
            case INTEGRAL -> integral(start, end) * 1e-9;
            case RISE -> rise();
            case WIDTH -> width(level);
        };
    }

    /** The sample in force at {@code t}: the last taken at or before it. */
    private int at(long t) {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (times[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Value x nanoseconds over {@code [a, b]}. */
    private double integral(long a, long b) {
        double sum = 0;
        int i = at(a);
        long t = a;
        while (t < b) {
            long next = i + 1 < count ? Math.min(times[i + 1], b) : b;
            sum += values[i] * (next - t);
            t = next;
            i++;
        }
        return sum;
    }

    private double extreme(boolean max) {
        int i = at(start);
        double e = values[i];
        for (i++; i < count && times[i] <= end; i++) {
            e = max ? Math.max(e, values[i]) : Math.min(e, values[i]);
        }
        return e;
    }

    /** The first time in {@code [from, end]} the held value is at or above {@code level} (below it for {@code !up}), or -1. */
    private long first(long from, double level, boolean up) {
        int i = at(from);
        if (up ? values[i] >= level : values[i] < level) {
            return from;
        }
        for (i++; i < count && times[i] <= end; i++) {
            if (up ? values[i] >= level : values[i] < level) {
                return times[i];
            }
        }
        return -1;
    }

    private double rise() {
        long half = start + (end - start) / 2;
        double settled = integral(half, end) / (end - half);
        if (!(settled > 0)) {
            throw new NoValue("the line settles at " + settled + ", so it has no rise");
        }
        long t10 = first(start, 0.1 * settled, true);
        long t90 = t10 < 0 ? -1 : first(t10, 0.9 * settled, true);
        if (t90 < 0) {
            throw new NoValue("the line never reached 90 % of the level it settles at (" + round(settled) + ")");
        }
        return t90 - t10;
    }

    /**
     * From the first time the line reaches {@code level} to the last time it falls below it, in the window:
     * ripple around the level on the way up or down does not cut the span short (IEC 60788 loading time).
     */
    private double width(double level) {
        long up = first(start, level, true);
        if (up < 0) {
            throw new NoValue("the line never reached " + round(level));
        }
        int last = -1;
        int i = at(up);
        for (; i < count && times[i] <= end; i++) {
            if (values[i] >= level) {
                last = i;
            }
        }
        if (last + 1 >= count || times[last + 1] > end) {
            throw new NoValue("the line did not fall below " + round(level) + " before the window ended");
        }
        return times[last + 1] - up;
    }

    static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
