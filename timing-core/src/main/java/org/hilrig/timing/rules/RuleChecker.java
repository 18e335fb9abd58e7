package org.hilrig.timing.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.InputProblem;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.TraceHeader;
import org.hilrig.timing.verdict.Verdict;

/**
 * Checks timing rules on a trace stream in one pass, offline (a VCD file, a recorded {@code Trace}
 * replayed) or online (subscribed to a live {@code Trace}).
 *
 * <p>At {@link #begin} each signal name is bound to a trace signal (its reference or full dotted path;
 * see the package description); names that match nothing, match several signals, or match a signal
 * wider than one bit raise one {@link BadInputException} listing every such problem at the places the
 * rules wrote the names.
 *
 * <p>Semantics: the level of a signal at a time stamp is its value after every change at that stamp.
 * An edge is a change from one definite level to the other ({@code LOW -> X -> HIGH} rises, at the time
 * it reaches {@code HIGH}); a signal's first definite level is no edge. A state ({@code xray_on high})
 * surely holds only at its definite level; while a signal is {@code X}, {@code Z} or has no value yet it
 * may hold, and an overlap that may have broken a {@code never} rule is inconclusive. Latencies and
 * overlaps are judged with an uncertainty in nanoseconds: by default the trace's resolution
 * ({@link TraceHeader#resolutionPicos()} rounded up to whole nanoseconds), or the value given to the
 * constructor. A latency whose uncertainty interval contains a limit is {@code INCONCLUSIVE}.
 *
 * <p>Rules that can never mean anything are bad input too, reported with the others: a response rule
 * whose response is its own trigger (the same edge of the same signal, which would answer itself at
 * 0 ns), and a {@code never} rule whose two states are opposite levels of one signal (which can never
 * hold together).
 *
 * <p>A result's {@link RuleResult#verdict()} says what the trace showed; {@link RuleResult#exercised()}
 * says whether it could have shown a failure at all (a response rule whose trigger never came, a trace
 * with no value changes). Deciding what an unexercised pass means is the caller's.
 *
 * <p>Memory: the monitors hold the triggers waiting for an answer inside their window, the current
 * overlap, and the occurrences and violations the {@link Listing} keeps: with {@link Listing#ALL} (the
 * default) every one, 17 bytes an occurrence and one object an overlap; with {@link
 * Listing#firstAndWorst(int)} at most {@code 2n} a rule, whatever the trace's length. Verdict counts,
 * worst latencies and longest overlaps always cover every one. Online, the {@link
 * ViolationListener} hears of each violation as soon as it is certain; a missing response is certain
 * only once trace time has passed the window, so a live engine calls {@link #advanceTo(long)} when time
 * moves without a change, at the times {@link #nextDecisionNanos()} names. Confined to one thread.
 */
public final class RuleChecker implements ChangeListener {
    private final List<TimingRule> rules;
    private final Long uncertaintyOverrideNanos;
    private final ViolationListener listener;
    private final Listing listing;
    private final List<Monitor> monitors = new ArrayList<>();
    private final List<BoundSignal> touched = new ArrayList<>();
    private BoundSignal[] byTraceId;
    private long uncertaintyNanos;
    private long stampNanos = Long.MIN_VALUE;
    private boolean begun;
    private long endNanos = -1;

    /** Checks {@code rules} with the trace's own resolution as uncertainty and no online listener. */
    public RuleChecker(List<? extends TimingRule> rules) {
        this(rules, null, ViolationListener.NONE);
    }

    /**
     * @param uncertaintyNanos the uncertainty of every measured time difference, in nanoseconds, or null
     *     for the trace's resolution
     * @param listener told of each violation as soon as it is certain
     */
    public RuleChecker(List<? extends TimingRule> rules, Long uncertaintyNanos, ViolationListener listener) {
        this(rules, uncertaintyNanos, listener, Listing.ALL);
    }

    /**
     * @param uncertaintyNanos the uncertainty of every measured time difference, in nanoseconds, or null
     *     for the trace's resolution
     * @param listener told of each violation as soon as it is certain
     * @param listing how many occurrences and violations each result lists
     */
    public RuleChecker(List<? extends TimingRule> rules, Long uncertaintyNanos, ViolationListener listener,
            Listing listing) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.rules = List.copyOf(rules);
        if (uncertaintyNanos != null && uncertaintyNanos < 0) {
            throw new IllegalArgumentException("uncertainty " + uncertaintyNanos + " ns is negative");
        }
        this.uncertaintyOverrideNanos = uncertaintyNanos;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public List<TimingRule> rules() {
        return rules;
    }

    /** The uncertainty in use, in nanoseconds; known once the stream has begun. */
    public long uncertaintyNanos() {
        requireBegun();
        return uncertaintyNanos;
    }

    /** The default uncertainty of a trace: its resolution rounded up to whole nanoseconds. */
    public static long resolutionNanos(TraceHeader header) {
        return Math.max(0, (header.resolutionPicos() + 999) / 1000);
    }

    /**
     * Binds every rule's signals to the trace's.
     *
     * @throws BadInputException listing every name that matches no one-bit signal or several signals
     */
    @Override
    public void begin(TraceHeader header) {
        if (begun) {
            throw new IllegalStateException("the checker has already begun a trace");
        }
        SignalDirectory directory = new SignalDirectory(header.signals());
        List<InputProblem> problems = new ArrayList<>();
        BoundSignal[] bound = new BoundSignal[header.signals().size()];
        List<BoundSignal[]> perRule = new ArrayList<>();
        for (TimingRule rule : rules) {
            List<SignalRef> refs = rule.signals();
            BoundSignal[] mine = new BoundSignal[refs.size()];
            for (int i = 0; i < refs.size(); i++) {
                SignalInfo s = directory.resolve(rule, refs.get(i), problems);
                if (s != null) {
                    if (bound[s.id()] == null) {
                        bound[s.id()] = new BoundSignal(s);
                    }
                    mine[i] = bound[s.id()];
                }
            }
            perRule.add(mine);
            if (mine.length == 2 && mine[0] != null && mine[0] == mine[1]) {
                meaningless(rule, mine[0].info, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        uncertaintyNanos = uncertaintyOverrideNanos != null ? uncertaintyOverrideNanos : resolutionNanos(header);
        for (int r = 0; r < rules.size(); r++) {
            BoundSignal[] s = perRule.get(r);
            TimingRule rule = rules.get(r);
            Monitor m = rule instanceof BoundedResponse b
                    ? new ResponseMonitor(b, s[0], s[1], uncertaintyNanos, listener, listing)
                    : new NeverMonitor((NeverWhile) rule, s[0], s[1], uncertaintyNanos, listener, listing);
            monitors.add(m);
            s[0].monitors.add(m);
            if (s[1] != s[0]) {
                s[1].monitors.add(m);
            }
        }
        byTraceId = bound;
        begun = true;
    }

    /** Adds a problem when a rule whose two names are one signal can never mean anything. */
    private static void meaningless(TimingRule rule, SignalInfo signal, List<InputProblem> problems) {
        String why = rule.meaninglessOnOneSignal();
        if (why != null) {
            SignalRef a = rule.signals().get(0);
            SignalRef b = rule.signals().get(1);
            problems.add(new InputProblem(b.position(), "rule '" + rule.id() + "': " + why + (a.name().equals(b.name()) ? ""
                    : " ('" + a.name() + "' and '" + b.name() + "' are both " + signal.path() + ")")));
        }
    }

    @Override
    public void digital(long timeNanos, int signalId, Level level) {
        step(timeNanos);
        BoundSignal s = byTraceId[signalId];
        if (s != null && s.change(level)) {
            touched.add(s);
        }
    }

    /** One-bit vectors ({@code $var reg 1}) count as digital signals; wider vectors are ignored. */
    @Override
    public void vector(long timeNanos, int signalId, String bits) {
        step(timeNanos);
        BoundSignal s = byTraceId[signalId];
        if (s != null && bits.length() >= 1) {
            Level level = Level.ofVcd(bits.charAt(bits.length() - 1));
            if (s.change(level == null ? Level.X : level)) {
                touched.add(s);
            }
        }
    }

    @Override
    public void real(long timeNanos, int signalId, double value) {
        step(timeNanos);
    }

    @Override
    public void frame(long timeNanos, String link, String direction, byte[] bytes) {
        step(timeNanos);
    }

    /**
     * Tells the checker that trace time has reached {@code timeNanos} with no change before it that it has
     * not seen (changes at {@code timeNanos} itself may still come). Lets it report a response that can
     * no longer come in time. Times before the last change are ignored.
     */
    public void advanceTo(long timeNanos) {
        requireBegun();
        if (endNanos >= 0) {
            throw new IllegalStateException("the trace has ended");
        }
        if (timeNanos > stampNanos) {
            settle();
            for (int i = 0; i < monitors.size(); i++) {
                monitors.get(i).advance(timeNanos);
            }
        }
    }

    /**
     * When this checker next needs to hear that time has moved on: the trace time after which a rule
     * becomes certainly violated unless a change comes first (a response's window closing, an overlap
     * outgrowing its tolerance), or the time stamp whose changes it holds unjudged. A live engine
     * schedules {@code advanceTo(nextDecisionNanos() + 1)} and asks again after each change, so it hears
     * of the first violation at the earliest trace time it is certain. {@code Long.MAX_VALUE} when
     * nothing is pending.
     */
    public long nextDecisionNanos() {
        requireBegun();
        if (endNanos >= 0) {
            return Long.MAX_VALUE;
        }
        long next = touched.isEmpty() ? Long.MAX_VALUE : stampNanos;
        for (int i = 0; i < monitors.size(); i++) {
            next = Math.min(next, monitors.get(i).nextDecisionNanos());
        }
        return next;
    }

    private void step(long timeNanos) {
        requireBegun();
        if (endNanos >= 0) {
            throw new IllegalStateException("change at " + timeNanos + " ns after the trace ended");
        }
        if (timeNanos < stampNanos) {
            throw new IllegalArgumentException("change at " + timeNanos + " ns comes after one at " + stampNanos + " ns");
        }
        if (timeNanos > stampNanos) {
            advanceTo(timeNanos);
            stampNanos = timeNanos;
        }
    }

    /** Applies the changes collected at the current stamp and lets the monitors of those signals judge them. */
    private void settle() {
        if (touched.isEmpty()) {
            return;
        }
        for (int i = 0; i < touched.size(); i++) {
            touched.get(i).settle(stampNanos);
        }
        for (int i = 0; i < touched.size(); i++) {
            List<Monitor> ms = touched.get(i).monitors;
            for (int j = 0; j < ms.size(); j++) {
                ms.get(j).settleOnce(stampNanos);
            }
        }
        touched.clear();
    }

    /** The trace ended: open triggers fail, open overlaps close at {@code endNanos}. */
    @Override
    public void end(long endNanos) {
        requireBegun();
        if (this.endNanos >= 0) {
            throw new IllegalStateException("the trace has already ended");
        }
        if (endNanos < stampNanos) {
            throw new IllegalArgumentException("trace end " + endNanos + " ns is before its last change at "
                    + stampNanos + " ns");
        }
        settle();
        for (int i = 0; i < monitors.size(); i++) {
            monitors.get(i).advance(endNanos);
        }
        for (int i = 0; i < monitors.size(); i++) {
            monitors.get(i).end(endNanos);
        }
        this.endNanos = endNanos;
    }

    public boolean ended() {
        return endNanos >= 0;
    }

    /** When the trace ended, in nanoseconds. */
    public long endNanos() {
        requireEnded();
        return endNanos;
    }

    /** One result per rule, in rule order. Only after {@link #end}. */
    public List<RuleResult> results() {
        requireEnded();
        return monitors.stream().map(Monitor::result).toList();
    }

    /** The worst verdict of all rules ({@code PASS} with no rules). Only after {@link #end}. */
    public Verdict verdict() {
        Verdict v = Verdict.PASS;
        for (RuleResult r : results()) {
            v = v.worst(r.verdict());
        }
        return v;
    }

    private void requireBegun() {
        if (!begun) {
            throw new IllegalStateException("the trace has not begun (no header yet)");
        }
    }

    private void requireEnded() {
        if (endNanos < 0) {
            throw new IllegalStateException("results are known only after the trace has ended");
        }
    }
}
