package org.hilrig.runner.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hilrig.device.profile.Board;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameKind;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.ProtocolV1;
import org.hilrig.runner.results.StepResult;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.rig.StampKind;
import org.hilrig.timing.rules.NeverResult;
import org.hilrig.timing.rules.NeverWhile;
import org.hilrig.timing.rules.Overlap;
import org.hilrig.timing.rules.RuleChecker;
import org.hilrig.timing.rules.SignalRef;
import org.hilrig.timing.rules.SignalState;
import org.hilrig.timing.rules.SourcePosition;
import org.hilrig.timing.rules.ViolationListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.Durations;
import org.hilrig.timing.RigException;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * Runs a scenario on a {@link Rig} and judges it.
 *
 * <p>Before the first step the engine drives nothing and waits for the board's {@code EVT,BOOT} (within the
 * protocol's 500 ms), then sets the scenario's technique with {@code SKV}, {@code SMA}, {@code SMS}. Each
 * step then runs in order; the first step whose expectation is not met fails the scenario and ends it
 * (invariants are still checked on what was recorded). Every limit is measured from the time the stimulus
 * actually took effect on the rig (see {@link Step}), and every named measurement carries the rig's
 * timestamp uncertainty, so a limit inside it makes the verdict inconclusive; so does an awaited event
 * that did not come when the board's event counter shows events were lost. No rig time passes beyond the
 * scenario's limit (its {@code limit}, else the profile's {@link ProfileLimits#SCENARIO_LIMIT}): a step that
 * would run longer ends the scenario in error when the limit comes.
 *
 * <p>After the last step (or the failing one) the engine closes the rig, which returns its outputs to the
 * safe state, ends the trace and checks the scenario's {@code always} invariants on the whole trace with
 * the timing-core rule monitors. Its owner still closes the rig on every other way out ({@code close} is
 * idempotent). Stateless; one engine may run many scenarios one after the other, each on its own rig.
 */
public final class ScenarioEngine {
    private final ProfileLimits limits;

    /** An engine that resolves {@code profile.NAME} limits against {@code limits}. */
    public ScenarioEngine(ProfileLimits limits) {
        this.limits = limits;
    }

    /** Runs {@code scenario} on {@code rig} (freshly made, at time 0) and returns its outcome. */
    public ScenarioOutcome run(Scenario scenario, Rig rig) {
        return new Run(scenario, rig).execute();
    }

    /**
     * Asks a board who it is, as the evidence records it: waits for its {@code EVT,BOOT} on {@code rig}
     * (freshly made, at time 0), sends {@code VER} and returns the fields of its {@code ACK}
     * ({@code board}, {@code fw}, {@code proto}, {@code sn}, {@code build}) in the order it sent them. Leaves
     * the rig to its owner to close.
     *
     * @param board the board under test on that rig
     * @throws RigException or {@link IllegalStateException} when the board did not boot or did not answer
     *     {@code VER} with an {@code ACK}
     */
    public Map<String, String> identify(Rig rig, Board board) {
        Position at = new Position("VER", 0, 0);
        Step.Send ver = new Step.Send(at, "VER", List.of(), null, false, Step.Corruption.NONE, 1,
                new Step.Reply(Step.Reply.Kind.ACK, null), Map.of(), null, null);
        Scenario ask = new Scenario("VER-" + board.name(), "board identity", List.of(), List.of(), board, false, null,
                List.of(), List.of(ver), List.of(), null, at);
        return new Run(ask, rig).identify(ver);
    }

    /** Thrown inside a run when it reaches the scenario's limit: the scenario errs (no expectation was judged). */
    private static final class LimitReached extends IllegalStateException {
        LimitReached(String message) {
            super(message);
        }
    }

    /** Thrown inside a run when an expectation is not met; carries the failure message. */
    private static final class NotMet extends RuntimeException {
        final boolean aboutEvents;

        NotMet(String message) {
            this(message, false);
        }

        NotMet(String message, boolean aboutEvents) {
            super(message, null, false, false);
            this.aboutEvents = aboutEvents;
        }
    }

    private final class Run {
        private final Scenario scenario;
        private final Rig rig;
        private final TraceWatch watch;
        private final List<ScenarioOutcome.Taken> taken = new ArrayList<>();
        private final List<StepResult> steps = new ArrayList<>();
        private int stepIndex = -1;
        private long stepStartNanos;
        private Verdict stepVerdict = Verdict.PASS;
        private Frame lastReply;
        /**
         * Full paths of the lines the last {@code set} drove, as driven and as the board sees them; empty after
         * a fault or a frame.
         */
        private List<String> stimulusSignals = List.of();
        private Verdict verdict = Verdict.PASS;
        private String message;
        private boolean rigBroke;
        private long stimulusNanos;
        /** What the last stimulus's time was taken from; the start (the board's power-up) counts as a line. */
        private StampKind stimulusKind = StampKind.LINE;
        private String stimulusWhat = "the start";
        private int nextSeq = 1;
        private byte[] lastFrame;
        private String lastName;
        private int lastSeq;
        /** How long the scenario may run: no rig time passes beyond it. */
        private ScenarioLength.Resolved limit = new ScenarioLength.Resolved(Long.MAX_VALUE, "no limit");

        Run(Scenario scenario, Rig rig) {
            this.scenario = scenario;
            this.rig = rig;
            this.watch = new TraceWatch(scenario.board(), StepNeeds.of(scenario.steps()).lookedBackOn());
        }

        ScenarioOutcome execute() {
            rig.trace().replay(watch);
            rig.trace().subscribe(watch);
            String where = scenario.at().toString();
            try {
                where = "limit";
                limit = ScenarioLength.limit(scenario, limits);
                where = "boot";
                boot();
                if (scenario.technique() != null && scenario.board() == Board.GEN) {
                    where = "technique";
                    technique(scenario.technique());
                }
                for (int i = 0; i < scenario.steps().size(); i++) {
                    Step step = scenario.steps().get(i);
                    where = "line " + step.at().line() + " (" + step.keyword() + ")";
                    stepIndex = i;
                    stepStartNanos = rig.nowNanos();
                    stepVerdict = Verdict.PASS;
                    execute(step);
                    endStep(stepVerdict, null);
                }
            } catch (NotMet e) {
                verdict = Verdict.FAIL;
                message = where + ": " + e.getMessage();
                if (e.aboutEvents && watch.eventsLost() > 0) {
                    // the awaited event may be one of those lost on the way: nobody can tell
                    verdict = Verdict.INCONCLUSIVE;
                    message += " (inconclusive: " + watch.eventsLost() + " event(s) lost, the board's event counter skipped)";
                }
                endStep(verdict, e.getMessage());
            } catch (RigException | IllegalArgumentException | IllegalStateException e) {
                verdict = Verdict.ERROR;
                message = where + ": " + e.getMessage();
                rigBroke = e instanceof RigFailureException;
                endStep(verdict, e.getMessage());
            }
            rig.close();
            // a real rig records a frame it sent at the time its last byte reaches the board, which lies ahead of
            // the rig's clock while the UART still sends: the trace ends at what it recorded last, if later
            long end = Math.max(rig.nowNanos(), rig.trace().endNanos());
            rig.trace().end(end);
            if (verdict != Verdict.ERROR) {
                try {
                    checkInvariants();
                } catch (RigException | IllegalArgumentException | IllegalStateException e) {
                    verdict = Verdict.ERROR;
                    message = "always: " + e.getMessage();
                }
            }
            return new ScenarioOutcome(verdict, message, taken, end, steps, rigBroke);
        }

        /** Records the running file step, if any, as ended now. */
        private void endStep(Verdict status, String why) {
            if (stepIndex < 0) {
                return;
            }
            Step step = scenario.steps().get(stepIndex);
            steps.add(new StepResult(stepIndex, step.keyword(), step.text(), step.at().line(), stepStartNanos,
                    Math.max(stepStartNanos, rig.nowNanos()), status, why));
            stepIndex = -1;
        }

        Map<String, String> identify(Step.Send ver) {
            rig.trace().replay(watch);
            rig.trace().subscribe(watch);
            limit = ScenarioLength.limit(scenario, limits);
            try {
                boot();
                send(ver);
            } catch (NotMet e) {
                throw new IllegalStateException(scenario.board() + " " + e.getMessage());
            }
            if (lastReply == null) {
                throw new IllegalStateException(scenario.board() + " did not answer VER");
            }
            return new LinkedHashMap<>(lastReply.values().asMap());
        }

        /** Checks the {@code always} invariants on the whole recorded trace with the timing-core monitors. */
        private void checkInvariants() {
            if (scenario.always().isEmpty()) {
                return;
            }
            List<NeverWhile> rules = new ArrayList<>();
            for (Invariant inv : scenario.always()) {
                SignalState first = state(inv.signal(), inv.state());
                SignalState second = inv.whileSignal() == null ? first : state(inv.whileSignal(), inv.whileState());
                SourcePosition at = new SourcePosition(inv.at().source(), inv.at().line(), inv.at().column());
                Long tolerance = inv.tolerance() == null ? null
                        : inv.tolerance().resolve(limits, scenario.board(), scenario.technique()).maxNanos();
                rules.add(new NeverWhile("line " + inv.at().line(), null, at, first, second, tolerance));
            }
            RuleChecker checker = new RuleChecker(rules, rig.timestampUncertaintyNanos(), ViolationListener.NONE);
            rig.trace().replay(checker);
            for (int i = 0; i < rules.size(); i++) {
                NeverResult r = (NeverResult) checker.results().get(i);
                Verdict v = r.verdict();
                if (v == Verdict.PASS) {
                    continue;
                }
                Invariant inv = scenario.always().get(i);
                Overlap o = r.overlaps().get(0);
                String what = "line " + inv.at().line() + " (always): never " + inv.text() + ": held for "
                        + Durations.format(o.durationNanos()) + " from " + at(o.startNanos());
                if (v == Verdict.FAIL && verdict != Verdict.FAIL) {
                    message = what;
                } else if (message == null) {
                    message = what;
                }
                verdict = verdict.worst(v);
            }
        }

        private SignalState state(String line, LineState st) {
            return new SignalState(SignalRef.named(watch.path(line(line))), st.isActive() ? Level.HIGH : Level.LOW);
        }

        // ---- preamble ----

        private void boot() {
            if (!rig.boardBootsAtStart()) {
                return; // the board was running before the rig opened: there is no boot to see
            }
            long deadline = ProtocolV1.BOOT_EVENT_NANOS;
            Window w = Window.upTo(ProtocolV1.BOOT_EVENT_NANOS);
            long t = awaitEvent("BOOT", Map.of(), 0, deadline);
            if (t < 0) {
                throw new NotMet("the board sent no EVT,BOOT within " + w);
            }
        }

        private void technique(Technique t) {
            String[][] commands = {{"SKV", number(t.kilovolts())}, {"SMA", number(t.milliamps())},
                    {"SMS", number(t.milliseconds())}};
            for (String[] c : commands) {
                Step.Send send = new Step.Send(scenario.at(), c[0], List.of(c[1]), null, false, Step.Corruption.NONE, 1,
                        new Step.Reply(Step.Reply.Kind.ACK, null), Map.of(), null, null);
                send(send);
            }
        }

        private static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }

        // ---- steps ----

        private void execute(Step step) {
            if (step instanceof Step.Set s) {
                set(s);
            } else if (step instanceof Step.Wait w) {
                runFor(w.nanos());
            } else if (step instanceof Step.Fault f) {
                stimulusNanos = rig.inject(f.fault());
                stimulusKind = StampKind.FAULT;
                stimulusSignals = List.of();
                stimulusWhat = "fault " + f.name() + " at " + at(stimulusNanos);
            } else if (step instanceof Step.Await a) {
                await(a);
            } else if (step instanceof Step.Expect e) {
                expect(e);
            } else if (step instanceof Step.Hold h) {
                hold(h);
            } else if (step instanceof Step.ExpectEvent e) {
                expectEvent(e);
            } else if (step instanceof Step.NoEvent n) {
                noEvent(n);
            } else if (step instanceof Step.Send s) {
                send(s);
            } else if (step instanceof Step.Heartbeat h) {
                heartbeat(h);
            } else {
                throw new IllegalStateException("no engine for step " + step.keyword());
            }
        }

        private void set(Step.Set s) {
            long t = rig.nowNanos();
            List<String> driven = new ArrayList<>();
            for (Map.Entry<String, LineState> e : s.lines().entrySet()) {
                t = Math.max(t, rig.drive(e.getKey(), e.getValue().isActive()));
                driven.addAll(watch.pathsNamed(e.getKey()));
            }
            stimulusSignals = List.copyOf(driven);
            stimulusNanos = t;
            stimulusKind = StampKind.LINE;
            stimulusWhat = "the stimulus at " + at(t);
        }

        private void await(Step.Await a) {
            int id = line(a.signal());
            boolean want = a.state().isActive();
            Window w = a.within().resolve(limits, scenario.board(), scenario.technique());
            long anchor = stimulusNanos;
            long deadline = later(anchor, w.maxNanos());
            if (!(watch.isActive(id) == want)) {
                runUntil(() -> watch.isActive(id) == want, deadline);
            }
            if (watch.isActive(id) != want) {
                throw new NotMet(a.signal() + " was not " + a.state().word() + " within " + a.within() + " (" + w
                        + ") of " + stimulusWhat);
            }
            long entered = watch.lastEntry(id, want, rig.nowNanos());
            judge(a.measure(), Math.max(0, entered - anchor), stimulusKind, StampKind.LINE, w,
                    a.signal() + " " + a.state().word(), anchor,
                    between(stimulusSignals, id));
        }

        private void expect(Step.Expect e) {
            int id = line(e.signal());
            boolean want = e.state().isActive();
            Window w = e.within().resolve(limits, scenario.board(), scenario.technique());
            long anchor = anchorOf(e.from());
            String fromWhat = e.from() == null ? stimulusWhat : e.from() + " at " + at(anchor);
            runUntil(() -> watch.firstEntry(id, want, anchor) >= 0, later(anchor, w.maxNanos()));
            long t = watch.firstEntry(id, want, anchor);
            if (t < 0) {
                // late is a fail either way; watching on a while says by how much (the measurement is the evidence)
                long late = Math.min(limit.nanos(), later(anchor, lateWatchNanos(w.maxNanos())));
                runUntil(() -> watch.firstEntry(id, want, anchor) >= 0, late); // a fail, whether or not the limit cuts it
                t = watch.firstEntry(id, want, anchor);
            }
            if (t < 0) {
                throw new NotMet(e.signal() + " did not become " + e.state().word() + " within " + e.within()
                        + " (" + w + ") of " + fromWhat + "; " + (watch.isActive(id) ? "active" : "inactive")
                        + " at " + at(rig.nowNanos()));
            }
            judge(e.measure(), t - anchor, e.from() == null ? stimulusKind : StampKind.LINE, StampKind.LINE, w,
                    e.signal() + " " + e.state().word() + " after " + fromWhat, anchor,
                    between(e.from() == null ? stimulusSignals : List.of(watch.path(line(e.from().signal()))), id));
        }

        private void hold(Step.Hold h) {
            int id = line(h.signal());
            boolean want = h.state().isActive();
            long start = rig.nowNanos();
            if (watch.isActive(id) != want) {
                throw new NotMet(h.signal() + " was not " + h.state().word() + " at " + at(start));
            }
            runUntil(() -> watch.firstChangeAfter(id, start) >= 0, later(start, h.forNanos()));
            long changed = watch.firstChangeAfter(id, start);
            if (changed >= 0) {
                throw new NotMet(h.signal() + " did not stay " + h.state().word() + " for "
                        + Durations.format(h.forNanos()) + ": it changed at " + at(changed) + ", "
                        + Durations.format(changed - start) + " in");
            }
        }

        private void expectEvent(Step.ExpectEvent e) {
            Window w = e.within().resolve(limits, scenario.board(), scenario.technique());
            long anchor = anchorOf(e.from());
            String fromWhat = e.from() == null ? stimulusWhat : e.from() + " at " + at(anchor);
            long t = awaitEvent(e.event(), e.fields(), anchor, later(anchor, w.maxNanos()));
            if (t < 0) {
                throw new NotMet("no EVT," + e.event() + fieldText(e.fields()) + " within " + e.within() + " (" + w
                        + ") of " + fromWhat, true);
            }
            judge(e.measure(), t - anchor, e.from() == null ? stimulusKind : StampKind.LINE, StampKind.FRAME, w,
                    "EVT," + e.event() + " after " + fromWhat, anchor,
                    e.from() == null ? stimulusSignals : List.of(watch.path(line(e.from().signal()))));
        }

        private void noEvent(Step.NoEvent n) {
            long start = rig.nowNanos();
            long t = awaitEvent(n.event(), n.fields(), start + 1, later(start, n.forNanos()));
            if (t >= 0) {
                runUntil(() -> false, Math.max(rig.nowNanos(), later(start, n.forNanos())));
                throw new NotMet("unexpected EVT," + n.event() + fieldText(n.fields()) + " at " + at(t) + ", "
                        + Durations.format(t - start) + " into the " + Durations.format(n.forNanos()) + " watched");
            }
        }

        private void send(Step.Send s) {
            String name;
            int seq;
            byte[] bytes;
            if (s.again()) {
                if (lastFrame == null) {
                    throw new IllegalArgumentException("'send: {again: true}' before any frame was sent");
                }
                name = lastName;
                seq = lastSeq;
                bytes = lastFrame;
            } else {
                name = s.command() != null ? s.command() : s.raw();
                seq = nextSeq;
                nextSeq = (nextSeq + 1) & 0xFF;
                bytes = corrupt(Frame.command(seq, name, s.args().toArray(new String[0])).encode(), s.corruption());
            }
            lastFrame = bytes;
            lastName = name;
            lastSeq = seq;
            long lastByte = rig.nowNanos();
            for (int i = 0; i < s.copies(); i++) {
                lastByte = rig.send(bytes);
            }
            final long etx = lastByte;
            stimulusNanos = etx;
            stimulusKind = StampKind.FRAME;
            stimulusSignals = List.of();
            String frameText = new String(bytes, 1, Math.max(0, bytes.length - 2), java.nio.charset.StandardCharsets.US_ASCII);
            stimulusWhat = "the end of frame " + frameText + (s.copies() > 1 ? " (x" + s.copies() + ")" : "")
                    + " at " + at(etx);
            if (s.reply().kind() == Step.Reply.Kind.UNCHECKED) {
                runUntil(() -> false, etx);
                return;
            }
            Window w = s.within() == null ? limits.window(ProfileLimits.SERIAL_REPLY, scenario.board(), scenario.technique())
                    : s.within().resolve(limits, scenario.board(), scenario.technique());
            // wait long enough for a reply that started in time to arrive whole
            long deadline = later(later(etx, w.maxNanos()), ProtocolV1.MAX_FRAME_BYTES * rig.byteNanos());
            int[] index = {-1};
            BooleanSupplier replied = () -> (index[0] = findReply(seq, name, etx)) >= 0;
            runUntil(replied, deadline);
            if (s.reply().kind() == Step.Reply.Kind.NONE) {
                if (index[0] >= 0) {
                    throw new NotMet("the board answered " + watch.received().get(index[0]).frame().text() + " to "
                            + frameText + ", which it must discard");
                }
                return;
            }
            if (index[0] < 0) {
                throw new NotMet("no reply to " + frameText + " within " + w + " of its last byte at " + at(etx));
            }
            TraceWatch.Received r = watch.received().get(index[0]);
            Frame reply = r.frame();
            lastReply = reply;
            String got = reply.kind() == FrameKind.NAK ? "NAK " + reply.nakCodeText() : reply.kind().name();
            if (!got.equals(s.reply().toString())) {
                throw new NotMet("expected " + s.reply() + " to " + frameText + ", got " + reply.text());
            }
            if (!s.replyFields().isEmpty() && !fieldsMatch(reply, s.replyFields())) {
                throw new NotMet("reply " + reply.text() + " to " + frameText + " does not have " + s.replyFields());
            }
            // the limit is on the board starting its reply: the reply's first byte began one frame length
            // (at the link's byte time) before its recorded last byte
            long replyStart = r.timeNanos() - r.length() * rig.byteNanos();
            judge(s.measure(), Math.max(0, replyStart - etx), StampKind.FRAME, StampKind.FRAME, w, "reply to " + name, etx,
                    List.of());
        }

        private void heartbeat(Step.Heartbeat h) {
            long end = later(rig.nowNanos(), h.forNanos());
            while (rig.nowNanos() < end) {
                long next = Math.min(end, later(rig.nowNanos(), h.everyNanos()));
                send(new Step.Send(h.at(), "HBT", List.of(), null, false, Step.Corruption.NONE, 1,
                        new Step.Reply(Step.Reply.Kind.ACK, null), Map.of(), null, null));
                if (rig.nowNanos() < next) {
                    runUntil(() -> false, next);
                }
            }
        }

        // ---- pieces ----

        private int findReply(int seq, String command, long notBeforeNanos) {
            List<TraceWatch.Received> rx = watch.received();
            for (int i = firstAtOrAfter(notBeforeNanos); i < rx.size(); i++) {
                Frame f = rx.get(i).frame();
                if ((f.kind() == FrameKind.ACK || f.kind() == FrameKind.NAK) && f.seq() == seq
                        && f.subject().equals(command)) {
                    return i;
                }
            }
            return -1;
        }

        /** Index of the first received frame stamped at or after {@code nanos} (frames arrive in time order). */
        private int firstAtOrAfter(long nanos) {
            List<TraceWatch.Received> rx = watch.received();
            int lo = 0;
            int hi = rx.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (rx.get(mid).timeNanos() < nanos) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Lets time pass until a matching event arrives at or after {@code fromNanos}; its time or -1. */
        private long awaitEvent(String name, Map<String, String> fields, long fromNanos, long deadlineNanos) {
            long[] found = {-1};
            BooleanSupplier seen = () -> {
                List<TraceWatch.Received> rx = watch.received();
                for (int i = firstAtOrAfter(fromNanos); i < rx.size(); i++) {
                    TraceWatch.Received r = rx.get(i);
                    if (r.frame().kind() == FrameKind.EVENT
                            && r.frame().subject().equals(name) && fieldsMatch(r.frame(), fields)) {
                        found[0] = r.timeNanos();
                        return true;
                    }
                }
                return false;
            };
            runUntil(seen, deadlineNanos);
            return found[0];
        }

        private boolean fieldsMatch(Frame f, Map<String, String> fields) {
            if (fields.isEmpty()) {
                return true;
            }
            KeyValues kv;
            try {
                kv = f.values();
            } catch (IllegalArgumentException e) {
                return false;
            }
            for (Map.Entry<String, String> e : fields.entrySet()) {
                if (!kv.has(e.getKey()) || !same(kv.text(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            return true;
        }

        private boolean same(String actual, String expected) {
            if (actual.equals(expected)) {
                return true;
            }
            try {
                return Double.parseDouble(actual) == Double.parseDouble(expected);
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private byte[] corrupt(byte[] bytes, Step.Corruption c) {
            return switch (c) {
                case NONE -> bytes;
                case CRC -> {
                    byte[] b = bytes.clone();
                    int i = b.length - 2;
                    b[i] = (byte) (b[i] == '0' ? '1' : '0');
                    yield b;
                }
                case TRUNCATED -> Arrays.copyOf(bytes, bytes.length - 3);
            };
        }

        private long anchorOf(Step.Anchor from) {
            if (from == null) {
                return stimulusNanos;
            }
            int id = line(from.signal());
            long t = watch.lastEntry(id, from.state().isActive(), rig.nowNanos());
            if (t < 0) {
                throw new NotMet(from.signal() + " was never " + from.state().word() + ", so nothing to measure from");
            }
            return t;
        }

        /**
         * The signals a measurement is drawn with: the stimulus lines, then the response line; only the response
         * line when the stimulus was not a line (a fault, a frame), so a diagram adds what the stimulus moved.
         */
        private List<String> between(List<String> stimulus, int responseId) {
            List<String> out = new ArrayList<>(stimulus);
            out.add(watch.path(responseId));
            return out;
        }

        private void judge(String name, long valueNanos, StampKind from, StampKind to, Window w, String what, long anchorNanos,
                           List<String> signals) {
            Measurement m = Measurement.judge(name == null ? what : name, valueNanos, rig.uncertaintyNanos(from, to),
                    w.minNanos(), w.maxNanos());
            if (name != null) {
                taken.add(new ScenarioOutcome.Taken(m, anchorNanos, signals));
            }
            if (m.verdict() == Verdict.INCONCLUSIVE) {
                stepVerdict = stepVerdict.worst(Verdict.INCONCLUSIVE);
            }
            if (m.verdict() == Verdict.FAIL) {
                throw new NotMet(what + " took " + Durations.format(valueNanos) + ", limit " + w);
            }
            if (m.verdict() == Verdict.INCONCLUSIVE) {
                verdict = verdict.worst(Verdict.INCONCLUSIVE);
                if (message == null) {
                    message = what + " took " + Durations.format(valueNanos) + " +- "
                            + Durations.format(m.uncertaintyNanos()) + ": the limit " + w + " lies inside the uncertainty";
                }
            }
        }

        private int line(String name) {
            int id = watch.id(name);
            if (id < 0) {
                throw new IllegalArgumentException("the rig's trace has no line " + name);
            }
            return id;
        }

        /** How long after a missed limit the engine still watches for the late edge: 10 times the limit, 1 s at most. */
        private long lateWatchNanos(long limitNanos) {
            return Math.min(limitNanos > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : 10 * limitNanos,
                    Math.max(limitNanos, 1_000_000_000L));
        }

        private void runFor(long nanos) {
            runUntil(() -> false, later(rig.nowNanos(), nanos));
        }

        /**
         * Lets rig time pass until {@code condition} holds or {@code deadlineNanos}, but never past the
         * scenario's limit: a step that would run beyond it ends the scenario in error when the limit comes.
         */
        private void runUntil(BooleanSupplier condition, long deadlineNanos) {
            long now = rig.nowNanos();
            long deadline = Math.max(deadlineNanos, now);
            if (deadline <= limit.nanos()) {
                rig.runUntil(condition, deadline);
                return;
            }
            if (!rig.runUntil(condition, Math.max(limit.nanos(), now))) {
                throw new LimitReached("the scenario reached " + limit.text() + " at " + at(rig.nowNanos())
                        + "; this step would have run until " + at(deadline));
            }
        }

        /** {@code t + d} for a duration {@code d} of 0 or more, {@link Long#MAX_VALUE} where that overflows. */
        private static long later(long t, long d) {
            return d > Long.MAX_VALUE - t ? Long.MAX_VALUE : t + d;
        }

        private String fieldText(Map<String, String> fields) {
            StringBuilder b = new StringBuilder();
            fields.forEach((k, v) -> b.append(',').append(k).append('=').append(v));
            return b.toString();
        }

        private String at(long nanos) {
            return Durations.format(nanos);
        }
    }
}
