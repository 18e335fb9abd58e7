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

    /**
     * Throws when a reply came out as beginning before its command reached the board, beyond the
     * measurement's uncertainty: the rig's model of the link is wrong (the board cannot answer a command it
     * has not received), never a latency of 0; the message gives the numbers and what to check. Stamps were moved by the link latency and, on a link with
     * wire timing, by each frame's bytes at the link's byte time.
     */
    static void checkLinkModel(String command, long latencyNanos, long uncertaintyNanos, int commandBytes,
                               int replyBytes, long byteNanos) {
        if (latencyNanos + uncertaintyNanos >= 0) {
            return;
        }
        String how = byteNanos == 0
                ? "the link has no wire timing (wire: none), only the fixture's link_latency moved the stamps"
                : "the rig counted the link as a wire at " + org.hilrig.timing.Durations.format(byteNanos) + " a byte"
                        + " (wire: uart): it added " + org.hilrig.timing.Durations.format(commandBytes * byteNanos)
                        + " for the command's " + commandBytes + " bytes and took "
                        + org.hilrig.timing.Durations.format(replyBytes * byteNanos) + " off the reply's stamp for its "
                        + replyBytes + "; a board on a pseudo-terminal or TCP that writes each frame at once has no wire"
                        + " (wire: none)";
        throw new org.hilrig.timing.RigFailureException("the reply to " + command + " began " + org.hilrig.timing.Durations.format(-latencyNanos)
                + " before the command's last byte reached the board, beyond the uncertainty of "
                + org.hilrig.timing.Durations.format(uncertaintyNanos) + ": the rig's model of the link is wrong ("
                + how + "; calibrate the fixture with scripts/measure-link-roundtrip.sh)");
    }
}
