package org.hilrig.runner.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a scenario, in the words of the YAML file. Every step knows where it was written.
 *
 * <p>Limits on responses ({@code within}) are measured from an anchor: by default the last stimulus
 * (the trace time of the last edge a {@code set} drove, of the last byte of the last frame a {@code send}
 * sent, or of the last injected fault), never from when the engine asked for it. {@code from} names
 * another anchor: the last time a signal entered a state.
 */
public sealed interface Step {
    Position at();

    /** The YAML key of this kind of step, for messages. */
    String keyword();

    /**
     * Tells {@code needs} what this step needs of the rig and of the trace watch: the lines it drives,
     * reads and looks back on, the faults it injects, the commands it sends, the events it waits for.
     * {@code again} sends no command of its own (the frame it repeats was told by its first send).
     */
    void needs(StepNeeds needs);

    /**
     * The step as a reviewer reads it, on one line, for reports, without its keyword (which reports show
     * beside it): {@code HV_ENABLE becomes inactive within 1ms} for an {@code expect}, {@code PREP_REQ active}
     * for a {@code set}. Never empty.
     */
    String text();

    /** Runs this step with the {@link StepRun} method of its record (the compiler asks every record for one). */
    void run(StepRun run);

    /**
     * How long this step takes whatever the board does, ns: a {@code wait}, a {@code stays ... for}, an
     * {@code expect_no_event} or a {@code heartbeat} run their whole length; a step that ends when something
     * happens takes 0 here. The scenario's length limit adds these up at load time.
     */
    default long certainNanos() {
        return 0;
    }

    /** The step's response limit ({@code within}), or null when it has none or takes the profile's. */
    default Limit within() {
        return null;
    }

    /** {@code set: {PREP_REQ: active, ...}}: drives input lines, all at the same instant. */
    record Set(Position at, Map<String, LineState> lines) implements Step {
        public Set {
            lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        }

        @Override
        public String keyword() {
            return SetKeyword.INSTANCE.word();
        }

        @Override
        public void run(StepRun run) {
            run.set(this);
        }

        @Override
        public void needs(StepNeeds needs) {
            SetKeyword.needs(this, needs);
        }

        @Override
        public String text() {
            return SetKeyword.text(this);
        }
    }

    /** {@code wait: 100ms}: lets time pass. */
    record Wait(Position at, long nanos) implements Step {
        @Override
        public long certainNanos() {
            return nanos;
        }

        @Override
        public String keyword() {
            return WaitKeyword.INSTANCE.word();
        }

        @Override
        public void run(StepRun run) {
            run.waitFor(this);
        }

        @Override
        public void needs(StepNeeds needs) {
            WaitKeyword.needs(this, needs);
        }

        @Override
        public String text() {
            return WaitKeyword.text(this);
        }
    }

    /**
     * {@code fault: door_open} or {@code fault: {name: arc_burst, arcs: 4}}: injects a plant fault, parsed
     * at load ({@code FaultText.parse}); {@code params} are its parameters as written, for reports.
     */
    record Fault(Position at, org.hilrig.device.fault.PlantFault fault, Map<String, String> params) implements Step {
        public Fault {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        /** The fault's name as scenarios write it ({@code arc_burst}). */
        public String name() {
            return fault.kind().faultName();
        }

        @Override
        public String keyword() {
            return FaultKeyword.INSTANCE.word();
        }

        @Override
        public void run(StepRun run) {
            run.fault(this);
        }

        @Override
        public void needs(StepNeeds needs) {
            FaultKeyword.needs(this, needs);
        }

        @Override
        public String text() {
            return FaultKeyword.text(this);
        }
    }

    /**
     * {@code await: {signal: READY, is: active, within: 2s}}: waits until a line is in a state (at once when
     * it already is); fails when it is not by the limit. Measured from the last stimulus.
     */
    record Await(Position at, String signal, LineState state, Limit within, String measure) implements Step {
        @Override
        public String keyword() {
            return AwaitKeyword.INSTANCE.word();
        }

        @Override
        public void run(StepRun run) {
            run.await(this);
        }

        @Override
        public void needs(StepNeeds needs) {
            AwaitKeyword.needs(this, needs);
        }

        @Override
        public String text() {
            return AwaitKeyword.text(this);
        }
    }

    /**
     * {@code expect: {signal: HV_ENABLE, becomes: inactive, within: profile.door_to_hv_off}}: the line must
     * change into the state inside the window, measured from the anchor.
     *
     * @param from the anchor, or null for the last stimulus
     */
    record Expect(Position at, String signal, LineState state, Limit within, Anchor from, String measure)
            implements Step {
        @Override
        public String keyword() {
            return ExpectKeyword.INSTANCE.word();
        }

        @Override
        public void run(StepRun run) {
            run.expect(this);
        }

        @Override
        public void needs(StepNeeds needs) {
            ExpectKeyword.needs(this, needs);
        }

        @Override
        public String text() {
            return ExpectKeyword.text(this);
        }
    }

    /** {@code expect: {signal: HV_ENABLE, stays: inactive, for: 500ms}}: the line must hold a state throughout. */
    record Hold(Position at, String signal, LineState state, long forNanos) implements Step {
        @Override
        public long certainNanos() {
            return forNanos;
        }

        @Override
        public String keyword() {
            return ExpectKeyword.INSTANCE.word();
        }

        @Override
        public void run(StepRun run) {
            run.hold(this);
        }

        @Override
        public void needs(StepNeeds needs) {
            ExpectKeyword.needs(this, needs);
        }

        @Override
        public String text() {
            return ExpectKeyword.text(this);
        }
    }

    /**
     * {@code expect_event: {name: FAULT, fields: {code: F01}, within: 20ms}}: the board must send a matching
     * event inside the window (measured from the anchor, at the event frame's last byte).
     */
    record ExpectEvent(Position at, String event, Map<String, String> fields, Limit within, Anchor from,
            String measure, Map<String, FieldCheck> checks) implements Step {
        public ExpectEvent {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        }

        /** An expectation whose fields are all compared as text. */
        public ExpectEvent(Position at, String event, Map<String, String> fields, Limit within, Anchor from,
                String measure) {
            this(at, event, fields, within, from, measure, Map.of());
        }

        @Override
        public String keyword() {
            return ExpectEventKeyword.INSTANCE.word();
        }

        @Override
        public void run(StepRun run) {
            run.expectEvent(this);
        }

        @Override
        public void needs(StepNeeds needs) {
            ExpectEventKeyword.needs(this, needs);
        }

        @Override
        public String text() {
            return ExpectEventKeyword.text(this);
        }
    }

    /** {@code expect_no_event: {name: XON, for: 1s}}: no matching event may arrive for a time from now. */
    record NoEvent(Position at, String event, Map<String, String> fields, long forNanos) implements Step {
        public NoEvent {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public long certainNanos() {
            return forNanos;
        }

        @Override
        public String keyword() {
            return NoEventKeyword.INSTANCE.word();
        }

        @Override
        public void run(StepRun run) {
            run.noEvent(this);
        }

        @Override
        public void needs(StepNeeds needs) {
            NoEventKeyword.needs(this, needs);
        }

        @Override
        public String text() {
            return NoEventKeyword.text(this);
        }
    }

    /**
     * {@code send: {command: SKV, args: [80], reply: ACK}}: sends a command frame and checks the reply.
     *
     * @param command the command name, or null when {@code raw} or {@code again} is given
     * @param raw a command name sent as written, without checking it is a known command (to test NAK 02),
     *     or null
     * @param again true to send the previous frame again byte for byte (same sequence number), as a host
     *     retries after a lost reply
     * @param corruption what to break in the frame on purpose
     * @param copies how many times the frame is sent back to back (a flood), at least 1
     * @param reply the reply the board must give to the (last) frame
     * @param within reply limit, or null for the profile's serial reply limit
     */
    record Send(Position at, String command, List<String> args, String raw, boolean again, Corruption corruption, int copies,
            Reply reply, Map<String, String> replyFields, Limit within, String measure, Map<String, FieldCheck> replyChecks)
            implements Step {
        public Send {
            args = List.copyOf(args);
            replyFields = Collections.unmodifiableMap(new LinkedHashMap<>(replyFields));
            replyChecks = Collections.unmodifiableMap(new LinkedHashMap<>(replyChecks));
        }

        /** A send whose reply fields are all compared as text. */
        public Send(Position at, String command, List<String> args, String raw, boolean again, Corruption corruption,
                int copies, Reply reply, Map<String, String> replyFields, Limit within, String measure) {
            this(at, command, args, raw, again, corruption, copies, reply, replyFields, within, measure, Map.of());
        }

        /**
         * A plain command the engine sends on its own (the technique's {@code SKV}, a heartbeat's {@code HBT},
         * {@code VER}): one uncorrupted frame that must get an {@code ACK} within the profile's serial reply limit.
         */
        static Send ack(Position at, String command, String... args) {
            return new Send(at, command, List.of(args), null, false, Corruption.NONE, 1,
                    new Reply(Reply.Kind.ACK, null), Map.of(), null, null);
        }

        @Override
        public String keyword() {
            return SendKeyword.INSTANCE.word();
        }

        @Override
        public void run(StepRun run) {
            run.send(this);
        }

        @Override
        public void needs(StepNeeds needs) {
            SendKeyword.needs(this, needs);
        }

        @Override
        public String text() {
            return SendKeyword.text(this);
        }
    }

    /**
     * {@code heartbeat: {every: 100ms, for: 2s}}: the host keeps the link alive with {@code HBT} commands at
     * that period; each must be acknowledged within the serial reply limit.
     */
    record Heartbeat(Position at, long everyNanos, long forNanos) implements Step {
        @Override
        public long certainNanos() {
            return forNanos;
        }

        @Override
        public String keyword() {
            return HeartbeatKeyword.INSTANCE.word();
        }

        @Override
        public void run(StepRun run) {
            run.heartbeat(this);
        }

        @Override
        public void needs(StepNeeds needs) {
            HeartbeatKeyword.needs(this, needs);
        }

        @Override
        public String text() {
            return HeartbeatKeyword.text(this);
        }
    }

    /** A frame sent broken on purpose. */
    enum Corruption {
        NONE, CRC, TRUNCATED
    }

    /**
     * The reply a {@code send} expects: {@code ACK}, {@code NAK} with a code, {@code none} (a corrupt frame
     * must get no reply at all), or {@code unchecked} (the host goes on at the frame's last byte without
     * waiting, e.g. to cut the cable before the reply comes back).
     *
     * @param kind ACK, NAK, NONE or UNCHECKED
     * @param nakCode the NAK code for NAK ({@code "03"}), else null
     */
    record Reply(Kind kind, String nakCode) {
        public enum Kind {
            ACK, NAK, NONE, UNCHECKED
        }

        @Override
        public String toString() {
            return kind == Kind.NAK ? "NAK " + nakCode : kind == Kind.NONE || kind == Kind.UNCHECKED
                    ? kind.name().toLowerCase(java.util.Locale.ROOT) : kind.name();
        }
    }

    /** An anchor: the last time a signal entered a state, before the step began. */
    /**
     * {@code measure: {name: kv, signal: KV_FB, stat: mean, over: [XRAY_ON active + 1ms, HV_ENABLE inactive],
     * near: technique.kv, tol: profile.accuracy.kv}}: a named statistic of an analog line over a window between
     * two edges, as the rig's acquisition sampled it ({@link MeasureKeyword}). A value statistic is judged
     * against {@code near}/{@code tol} or {@code min}/{@code max}; a time statistic ({@code rise},
     * {@code width}) against {@code within}; without a check it is recorded only.
     *
     * @param above the level of {@code width}, null for the others
     * @param tol with {@code near}: a profile tolerance ({@code profile.accuracy.kv}) or one written out
     * @param unit the statistic's unit, from the line's as the vocabulary gives it at load ({@code kV}, {@code mAs})
     */
    record Measure(Position at, String name, String signal, AnalogStat stat, Edge from, Edge to, Quantity above,
            Quantity near, Tol tol, Quantity min, Quantity max, Limit within, String unit) implements Step {
        @Override
        public String keyword() {
            return MeasureKeyword.INSTANCE.word();
        }

        @Override
        public void run(StepRun run) {
            run.measure(this);
        }

        @Override
        public void needs(StepNeeds needs) {
            MeasureKeyword.needs(this, needs);
        }

        @Override
        public String text() {
            return MeasureKeyword.text(this);
        }
    }

    /** An edge of a window: when a line last entered a state, moved by an offset ({@code XRAY_ON active + 1ms}). */
    record Edge(Anchor anchor, long offsetNanos) {
        @Override
        public String toString() {
            return anchor + (offsetNanos == 0 ? "" : (offsetNanos > 0 ? " + " : " - ")
                    + org.hilrig.timing.Durations.format(Math.abs(offsetNanos)).replace(" ", ""));
        }
    }

    /** A tolerance: a profile entry's path ({@code accuracy.kv}) or one written in the scenario; exactly one is set. */
    record Tol(String profilePath, org.hilrig.device.profile.Tolerance written) {
        @Override
        public String toString() {
            return profilePath != null ? "profile." + profilePath : written.toString();
        }
    }

    record Anchor(String signal, LineState state) {
        @Override
        public String toString() {
            return signal + " " + state.word();
        }
    }
}
