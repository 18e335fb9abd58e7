package org.hilrig.runner.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hilrig.device.board.Boards;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameKind;
import org.hilrig.device.protocol.ProtocolV1;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.rig.StampKind;
import org.hilrig.timing.Durations;
import org.hilrig.timing.RigException;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * One run of one scenario on one rig, as {@link ScenarioEngine} describes it: the boot, the technique, the
 * steps in order, the rig closed, then the invariants on the whole trace. It holds the run's state as
 * values: the last {@link Stimulus}, the {@link HostSession}, the {@link StepLog}, the {@link Outcome} so far,
 * the measurements taken and the scenario's length limit.
 *
 * <p>Used once; confined to the scenario's thread.
 */
final class EngineRun implements StepRun {
    private final ProfileLimits limits;
    private final Scenario scenario;
    private final Rig rig;
    private final TraceWatch watch;
    private final List<ScenarioOutcome.Taken> taken = new ArrayList<>();
    private final ValueJudge values;
    /** The technique the steps run at: the scenario's, or the sweep's station. */
    private Technique current;
    /** The analog lines the steps take statistics of: the rig samples them from the start. */
    private final java.util.Set<String> sampled;
    private final StepLog log;
    private final HostSession host = new HostSession();
    private Stimulus stimulus = Stimulus.START;
    private Outcome outcome = Outcome.PASS;
    /** How long the scenario may run: no rig time passes beyond it. */
    private ScenarioLength.Resolved limit = new ScenarioLength.Resolved(Long.MAX_VALUE, "no limit");

    /** A run of {@code scenario} on {@code rig} (freshly made, at time 0), {@code profile.} limits from {@code limits}. */
    EngineRun(ProfileLimits limits, Scenario scenario, Rig rig) {
        this.limits = limits;
        this.scenario = scenario;
        this.rig = rig;
        StepNeeds.Collected needs = StepNeeds.of(scenario.steps());
        this.sampled = needs.sampled();
        this.watch = new TraceWatch(scenario.board(), needs.lookedBackOn(), sampled);
        this.log = new StepLog(scenario.steps());
        this.values = new ValueJudge(limits, scenario);
        this.current = scenario.technique();
    }

    /** Runs the scenario and judges it. */
    ScenarioOutcome execute() {
        rig.trace().replay(watch);
        rig.trace().subscribe(watch);
        String where = scenario.at().toString();
        try {
            where = "limit";
            limit = ScenarioLength.limit(scenario, limits);
            where = "boot";
            if (!sampled.isEmpty()) {
                rig.sampleAnalogs();
            }
            boot();
            // a sweep runs the steps once per technique, each set as 'technique' is; repeats run them again in a row
            Scenario.Sweep sweep = scenario.sweep() == null ? null : scenario.sweep().resolved(limits);
            List<Technique> stations = sweep == null ? Collections.singletonList(scenario.technique()) : sweep.techniques();
            List<Integer> starts = new ArrayList<>();
            int times = scenario.repeat().times();
            for (int s = 0; s < stations.size(); s++) {
                if (stations.get(s) != null && Boards.of(scenario.board()).takesTechnique()) {
                    where = "technique" + (stations.size() > 1 ? " " + (s + 1) + " of the sweep" : "");
                    current = stations.get(s);
                    values.technique(current, sweep == null ? 0 : s + 1);
                    technique(current);
                }
                starts.add(values.values().size());
                for (int r = 0; r < times; r++) {
                    for (int i = 0; i < scenario.steps().size(); i++) {
                        Step step = scenario.steps().get(i);
                        where = (stations.size() > 1 ? "technique " + (s + 1) + ", " : "") + (times > 1 ? "repeat "
                                + (r + 1) + " of " + times + ", " : "") + "line " + step.at().line() + " (" + step.keyword() + ")";
                        log.begin(i, rig.nowNanos());
                        run(step);
                        log.done(rig.nowNanos());
                    }
                }
            }
            where = "repeat";
            values.reproducibility(scenario.repeat(), taken);
            where = "sweep";
            values.linearity(sweep, starts);
        } catch (NotMet e) {
            String message = where + ": " + e.getMessage();
            long lost = e.aboutEvents ? watch.eventsLost() : 0;
            // the awaited event may be one of those lost on the way: nobody can tell
            outcome = lost > 0 ? new Outcome(Verdict.INCONCLUSIVE, message + " (inconclusive: " + lost
                    + " event(s) lost, the board's event counter skipped)", false)
                    : new Outcome(Verdict.FAIL, message, false);
            log.end(rig.nowNanos(), outcome.verdict(), e.getMessage());
        } catch (RigException | IllegalArgumentException | IllegalStateException e) {
            outcome = Outcome.error(where + ": " + e.getMessage(), e instanceof RigFailureException);
            log.end(rig.nowNanos(), Verdict.ERROR, e.getMessage());
        }
        rig.close();
        // a real rig records a frame it sent at the time its last byte reaches the board, which lies ahead of
        // the rig's clock while the UART still sends: the trace ends at what it recorded last, if later
        long end = Math.max(rig.nowNanos(), rig.trace().endNanos());
        rig.trace().end(end);
        if (outcome.verdict() != Verdict.ERROR) {
            try {
                outcome = InvariantCheck.check(outcome, scenario, limits, current, rig, watch);
            } catch (RigException | IllegalArgumentException | IllegalStateException e) {
                outcome = Outcome.error("always: " + e.getMessage(), false);
            }
        }
        return new ScenarioOutcome(outcome.verdict(), outcome.message(), taken, end, log.results(), outcome.rigFailed(),
                values.values());
    }

    /** Waits for the boot, sends {@code ver} and returns the fields of the board's {@code ACK}, in order. */
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
        if (host.lastReply() == null) {
            throw new IllegalStateException(scenario.board() + " did not answer VER");
        }
        return new LinkedHashMap<>(host.lastReply().values().asMap());
    }

    // ---- preamble ----

    private void boot() {
        if (!rig.boardBootsAtStart()) {
            return; // the board was running before the rig opened: there is no boot to see
        }
        if (awaitEvent("BOOT", Map.of(), 0, ProtocolV1.BOOT_EVENT_NANOS) < 0) {
            throw new NotMet("the board sent no EVT,BOOT within " + Window.upTo(ProtocolV1.BOOT_EVENT_NANOS));
        }
    }

    private void technique(Technique t) {
        send(Step.Send.ack(scenario.at(), "SKV", EngineTimes.number(t.kilovolts())));
        send(Step.Send.ack(scenario.at(), "SMA", EngineTimes.number(t.milliamps())));
        send(Step.Send.ack(scenario.at(), "SMS", EngineTimes.number(t.milliseconds())));
    }

    // ---- steps ----

    /** Runs one step of the file with the {@link StepRun} method of its record. */
    private void run(Step step) {
        step.run(this);
    }

    @Override
    public void set(Step.Set s) {
        long t = rig.nowNanos();
        List<String> driven = new ArrayList<>();
        for (Map.Entry<String, LineState> e : s.lines().entrySet()) {
            t = Math.max(t, rig.drive(e.getKey(), e.getValue().isActive()));
            driven.addAll(watch.pathsNamed(e.getKey()));
        }
        stimulus = Stimulus.lines(t, driven);
    }

    @Override
    public void waitFor(Step.Wait w) {
        runUntil(() -> false, EngineTimes.later(rig.nowNanos(), w.nanos()));
    }

    @Override
    public void fault(Step.Fault f) {
        stimulus = Stimulus.fault(rig.inject(f.fault()), f.name());
    }

    @Override
    public void await(Step.Await a) {
        int id = line(a.signal());
        boolean want = a.state().isActive();
        Window w = a.within().resolve(limits, scenario.board(), current);
        long anchor = stimulus.nanos();
        long deadline = EngineTimes.later(anchor, w.maxNanos());
        if (!(watch.isActive(id) == want)) {
            runUntil(() -> watch.isActive(id) == want, deadline);
        }
        if (watch.isActive(id) != want) {
            throw new NotMet(a.signal() + " was not " + a.state().word() + " within " + a.within() + " (" + w
                    + ") of " + stimulus.what());
        }
        long entered = watch.lastEntry(id, want, rig.nowNanos());
        judge(a.measure(), Math.max(0, entered - anchor), stimulus.kind(), StampKind.LINE, w,
                a.signal() + " " + a.state().word(), anchor, between(stimulus.signals(), id));
    }

    @Override
    public void expect(Step.Expect e) {
        int id = line(e.signal());
        boolean want = e.state().isActive();
        Window w = e.within().resolve(limits, scenario.board(), current);
        long anchor = anchorOf(e.from());
        String fromWhat = e.from() == null ? stimulus.what() : e.from() + " at " + at(anchor);
        runUntil(() -> watch.firstEntry(id, want, anchor) >= 0, EngineTimes.later(anchor, w.maxNanos()));
        long t = watch.firstEntry(id, want, anchor);
        if (t < 0) {
            watchLate(() -> watch.firstEntry(id, want, anchor) >= 0, anchor, w, e.from() == null ? stimulus.kind()
                    : StampKind.LINE, StampKind.LINE);
            t = watch.firstEntry(id, want, anchor);
        }
        if (t < 0) {
            throw new NotMet(e.signal() + " did not become " + e.state().word() + " within " + e.within()
                    + " (" + w + ") of " + fromWhat + "; " + (watch.isActive(id) ? "active" : "inactive")
                    + " at " + at(rig.nowNanos()));
        }
        judge(e.measure(), t - anchor, e.from() == null ? stimulus.kind() : StampKind.LINE, StampKind.LINE, w,
                e.signal() + " " + e.state().word() + " after " + fromWhat, anchor,
                between(anchorSignals(e.from()), id));
    }

    @Override
    public void hold(Step.Hold h) {
        int id = line(h.signal());
        boolean want = h.state().isActive();
        long start = rig.nowNanos();
        if (watch.isActive(id) != want) {
            throw new NotMet(h.signal() + " was not " + h.state().word() + " at " + at(start));
        }
        runUntil(() -> watch.firstChangeAfter(id, start) >= 0, EngineTimes.later(start, h.forNanos()));
        long changed = watch.firstChangeAfter(id, start);
        if (changed >= 0) {
            throw new NotMet(h.signal() + " did not stay " + h.state().word() + " for "
                    + Durations.format(h.forNanos()) + ": it changed at " + at(changed) + ", "
                    + Durations.format(changed - start) + " in");
        }
    }

    @Override
    public void expectEvent(Step.ExpectEvent e) {
        Window w = e.within().resolve(limits, scenario.board(), current);
        long anchor = anchorOf(e.from());
        String fromWhat = e.from() == null ? stimulus.what() : e.from() + " at " + at(anchor);
        StampKind from = e.from() == null ? stimulus.kind() : StampKind.LINE;
        // as long as an event in time could take, as far as the stamps tell; then on a while, to say how late
        long t = awaitEvent(e.event(), e.fields(), anchor, EngineTimes.later(anchor, w.maxNanos()
                + rig.uncertaintyNanos(from, StampKind.FRAME)));
        if (t < 0) {
            watchLate(() -> watch.eventTime(e.event(), e.fields(), anchor) >= 0, anchor, w, from, StampKind.FRAME);
            t = watch.eventTime(e.event(), e.fields(), anchor);
        }
        if (t < 0) {
            throw new NotMet("no EVT," + e.event() + EngineTimes.fieldText(e.fields()) + " within " + e.within() + " (" + w
                    + ") of " + fromWhat, true);
        }
        judge(e.measure(), t - anchor, from, StampKind.FRAME, w, "EVT," + e.event() + " after " + fromWhat, anchor,
                anchorSignals(e.from()));
        if (!e.checks().isEmpty()) {
            values.fields(watch.event(e.event(), e.fields(), anchor).frame(), e.event(), e.checks(), t)
                    .forEach(j -> verdictOf(j.verdict(), j.what(), j.limit()));
        }
    }

    @Override
    public void noEvent(Step.NoEvent n) {
        long start = rig.nowNanos();
        long t = awaitEvent(n.event(), n.fields(), start + 1, EngineTimes.later(start, n.forNanos()));
        if (t >= 0) {
            runUntil(() -> false, Math.max(rig.nowNanos(), EngineTimes.later(start, n.forNanos())));
            throw new NotMet("unexpected EVT," + n.event() + EngineTimes.fieldText(n.fields()) + " at " + at(t) + ", "
                    + Durations.format(t - start) + " into the " + Durations.format(n.forNanos()) + " watched");
        }
    }

    @Override
    public void send(Step.Send s) {
        HostSession.SentFrame frame = host.frameFor(s);
        long lastByte = rig.nowNanos();
        for (int i = 0; i < s.copies(); i++) {
            lastByte = rig.send(frame.bytes());
        }
        final long etx = lastByte;
        String frameText = frame.text();
        stimulus = Stimulus.frame(etx, frameText, s.copies());
        if (s.reply().kind() == Step.Reply.Kind.UNCHECKED) {
            runUntil(() -> false, etx);
            return;
        }
        Window w = s.within() == null ? limits.window(ProfileLimits.SERIAL_REPLY, scenario.board(), current)
                : s.within().resolve(limits, scenario.board(), current);
        // wait long enough for a reply that started in time (as far as the stamps can tell) to arrive whole
        long deadline = EngineTimes.later(EngineTimes.later(etx, w.maxNanos()), ProtocolV1.MAX_FRAME_BYTES * rig.byteNanos()
                + rig.uncertaintyNanos(StampKind.FRAME, StampKind.FRAME));
        int[] index = {-1};
        BooleanSupplier replied = () -> (index[0] = watch.replyIndex(frame.seq(), frame.name(), etx)) >= 0;
        runUntil(replied, deadline);
        if (index[0] < 0 && s.reply().kind() != Step.Reply.Kind.NONE) {
            watchLate(replied, etx, w, StampKind.FRAME, StampKind.FRAME);
        }
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
        host.replied(reply);
        String got = reply.kind() == FrameKind.NAK ? "NAK " + reply.nakCodeText() : reply.kind().name();
        if (!got.equals(s.reply().toString())) {
            throw new NotMet("expected " + s.reply() + " to " + frameText + ", got " + reply.text());
        }
        if (!s.replyFields().isEmpty() && !TraceWatch.hasFields(reply, s.replyFields())) {
            throw new NotMet("reply " + reply.text() + " to " + frameText + " does not have " + s.replyFields());
        }
        values.fields(reply, frame.name(), s.replyChecks(), r.timeNanos()).forEach(j -> verdictOf(j.verdict(), j.what(), j.limit()));
        // the limit is on the board starting its reply: the reply's first byte began one frame length
        // (at the link's byte time) before its recorded last byte
        long replyStart = r.timeNanos() - r.length() * rig.byteNanos();
        EngineTimes.checkLinkModel(frame.name(), replyStart - etx, rig.uncertaintyNanos(StampKind.FRAME, StampKind.FRAME),
                frame.bytes().length, r.length(), rig.byteNanos());
        judge(s.measure(), replyStart - etx, StampKind.FRAME, StampKind.FRAME, w, "reply to " + frame.name(), etx, List.of());
    }

    @Override
    public void heartbeat(Step.Heartbeat h) {
        long end = EngineTimes.later(rig.nowNanos(), h.forNanos());
        while (rig.nowNanos() < end) {
            long next = Math.min(end, EngineTimes.later(rig.nowNanos(), h.everyNanos()));
            send(Step.Send.ack(h.at(), "HBT"));
            if (rig.nowNanos() < next) {
                runUntil(() -> false, next);
            }
        }
    }

    // ---- pieces ----

    /** Lets time pass until a matching event arrives at or after {@code fromNanos}; its time or -1. */
    private long awaitEvent(String name, Map<String, String> fields, long fromNanos, long deadlineNanos) {
        long[] found = {-1};
        runUntil(() -> (found[0] = watch.eventTime(name, fields, fromNanos)) >= 0, deadlineNanos);
        return found[0];
    }

    @Override
    public void measure(Step.Measure m) {
        long[] window = watch.window(m.from(), m.to(), rig.nowNanos(), m.name());
        long start = window[0];
        long end = window[1];
        if (end > rig.nowNanos()) {
            runUntil(() -> false, end);
        }
        int id = line(m.signal());
        ValueJudge.Judged j;
        try {
            j = values.judge(m, watch.window(id, start, end), start, rig.analogSampleNanos(), List.of(watch.path(id)));
        } catch (AnalogWindow.NoValue e) {
            throw new NotMet(m.signal() + " " + m.stat().word() + " over [" + m.from() + ", " + m.to() + "]: "
                    + e.getMessage());
        }
        if (j.time() != null) {
            // drawn with the lines of the window's edges (the report draws lines, not the analog samples)
            taken.add(new ScenarioOutcome.Taken(j.time(), start, new ArrayList<>(new java.util.LinkedHashSet<>(List.of(
                    watch.path(line(m.from().anchor().signal())), watch.path(line(m.to().anchor().signal())))))));
        }
        verdictOf(j.verdict(), j.what(), j.limit());
    }

    /**
     * After a missed limit: watching on a while (not past the scenario's limit), ten times the limit up to 1 s
     * and at least the limit plus twice the measurement's declared uncertainty, says by how much it was late
     * (the measurement is the evidence), and makes a response that never comes surely late whatever the
     * stamps' uncertainty.
     */
    private void watchLate(BooleanSupplier arrived, long anchorNanos, Window w, StampKind from, StampKind to) {
        long until = -1;
        while (!arrived.getAsBoolean()) {
            // the declared uncertainty grows while the system stalls: the watch grows with it
            long next = Math.min(limit.nanos(), EngineTimes.later(anchorNanos, Math.max(EngineTimes.lateWatchNanos(w.maxNanos()),
                    w.maxNanos() + 2 * rig.uncertaintyNanos(from, to))));
            if (next <= until) {
                return;
            }
            until = next;
            runUntil(arrived, Math.max(rig.nowNanos(), until));
        }
    }

    /** Fails or marks inconclusive a measure step by its verdict. */
    private void verdictOf(Verdict v, String what, String limit) {
        if (v == Verdict.FAIL) {
            throw new NotMet(what + ", " + limit);
        }
        if (v == Verdict.INCONCLUSIVE) {
            log.inconclusive();
            outcome = outcome.with(Verdict.INCONCLUSIVE, what + ": the limit " + limit + " lies inside its uncertainty");
        }
    }

    private long anchorOf(Step.Anchor from) {
        if (from == null) {
            return stimulus.nanos();
        }
        int id = line(from.signal());
        long t = watch.lastEntry(id, from.state().isActive(), rig.nowNanos());
        if (t < 0) {
            throw new NotMet(from.signal() + " was never " + from.state().word() + ", so nothing to measure from");
        }
        return t;
    }

    /** The signals an anchor moved: the stimulus's for none, else the anchor's line. */
    private List<String> anchorSignals(Step.Anchor from) {
        return from == null ? stimulus.signals() : List.of(watch.path(line(from.signal())));
    }

    /**
     * The signals a measurement is drawn with: the stimulus lines, then the response line; only the response
     * line when the stimulus was not a line (a fault, a frame), so a diagram adds what the stimulus moved.
     */
    private List<String> between(List<String> stimulusSignals, int responseId) {
        List<String> out = new ArrayList<>(stimulusSignals);
        out.add(watch.path(responseId));
        return out;
    }

    private void judge(String name, long valueNanos, StampKind from, StampKind to, Window w, String what, long anchorNanos,
                       List<String> signals) {
        Measurement m = Measurement.judge(name == null ? what : values.named(name), valueNanos, rig.uncertaintyNanos(from, to),
                w.minNanos(), w.maxNanos());
        if (name != null) {
            taken.add(new ScenarioOutcome.Taken(m, anchorNanos, signals));
        }
        if (m.verdict() == Verdict.FAIL) {
            throw new NotMet(what + " took " + Durations.format(valueNanos) + ", limit " + w);
        }
        if (m.verdict() == Verdict.INCONCLUSIVE) {
            log.inconclusive();
            outcome = outcome.with(Verdict.INCONCLUSIVE, what + " took " + Durations.format(valueNanos) + " +- "
                    + Durations.format(m.uncertaintyNanos()) + ": the limit " + w + " lies inside the uncertainty");
        }
    }

    private int line(String name) {
        int id = watch.id(name);
        if (id < 0) {
            throw new IllegalArgumentException("the rig's trace has no line " + name);
        }
        return id;
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

    private static String at(long nanos) {
        return Durations.format(nanos);
    }
}
