package org.hilrig.runner.scenario;

import java.util.Map;

/** The small arithmetic and wording of {@link EngineRun}: deadlines that do not overflow, fields for messages. */
final class EngineTimes {
    private EngineTimes() {
    }

    /** How long after a missed limit the engine still watches for the late edge: 10 times the limit, 1 s at most. */
    static long lateWatchNanos(long limitNanos) {
        return Math.min(limitNanos > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : 10 * limitNanos,
                Math.max(limitNanos, 1_000_000_000L));
    }

    /** {@code t + d} for a duration {@code d} of 0 or more, {@link Long#MAX_VALUE} where that overflows. */
    static long later(long t, long d) {
        return d > Long.MAX_VALUE - t ? Long.MAX_VALUE : t + d;
    }

    static String fieldText(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(',').append(k).append('=').append(v));
        return b.toString();
    }

    /** A technique's number as a command argument: {@code 80}, {@code 0.5}. */
    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
