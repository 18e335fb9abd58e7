package org.hilrig.runner.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hilrig.device.profile.Board;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.FrameKind;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.ReceivedFrame;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.TraceHeader;

/**
 * What the engine knows of a run, kept up to date from the rig's trace: the level and every edge of each
 * line, and every frame the board sent (decoded, stamped at its last byte). Lines are found by their
 * logical name as the trace's signal reference, case-insensitive; where two boards carry a line of the
 * same name, the one under the board-under-test's prefix wins. Edges are kept only of the lines the watch
 * was made for (those a scenario's steps look back on), so a line that toggles all along, such as a board's
 * {@code ALIVE}, costs nothing here unless a step names it; every line's level is known.
 *
 * <p>Confined to the scenario's thread.
 */
final class TraceWatch implements ChangeListener, DecodeListener {
    /** A frame from the board, stamped at its last byte. */
    record Received(long timeNanos, Frame frame, int length) {
    }

    private final String boardPrefix;
    private final java.util.Set<String> edgesOf;
    private final java.util.Set<String> samplesOf;
    private long[][] sampleTimes = new long[0][];
    private double[][] sampleValues = new double[0][];
    private int[] sampleCounts = new int[0];
    private final Map<String, Integer> idByName = new HashMap<>();
    private final List<String> paths = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private boolean[] high = new boolean[0];
    private boolean[] seen = new boolean[0];
    private boolean[] keeps = new boolean[0];
    private long[][] edgeTimes = new long[0][];
    private boolean[][] edgeLevels = new boolean[0][];
    private int[] edgeCounts = new int[0];
    private final List<Received> received = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(this);
    private long frameTimeNanos;
    private int nextEventCounter = -1;
    private long eventsLost;
    private boolean begun;

    /**
     * @param boardUnderTest the board whose lines win where both boards carry a line of the name
     * @param edgesOf the logical lines whose edges are kept (any case): those the steps look back on
     *     ({@link StepNeeds#looksBackOn}); the others' levels only
     */
    TraceWatch(Board boardUnderTest, java.util.Set<String> edgesOf) {
        this(boardUnderTest, edgesOf, java.util.Set.of());
    }

    /**
     * @param samplesOf the analog lines whose every sample is kept (any case): those a {@code measure} step takes
     *     statistics of ({@link StepNeeds.Collected#sampled})
     */
    TraceWatch(Board boardUnderTest, java.util.Set<String> edgesOf, java.util.Set<String> samplesOf) {
        this.samplesOf = new java.util.HashSet<>();
        for (String line : samplesOf) {
            this.samplesOf.add(line.toUpperCase(Locale.ROOT));
        }
        this.boardPrefix = boardUnderTest.prefix() + ".";
        this.edgesOf = new java.util.HashSet<>();
        for (String line : edgesOf) {
            this.edgesOf.add(line.toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public void begin(TraceHeader header) {
        if (begun) {
            return;
        }
        begun = true;
        int n = header.signals().size();
        high = new boolean[n];
        seen = new boolean[n];
        keeps = new boolean[n];
        edgeTimes = new long[n][];
        edgeLevels = new boolean[n][];
        edgeCounts = new int[n];
        for (SignalInfo s : header.signals()) {
            paths.add(s.path());
            references.add(s.reference());
            String name = s.reference().toUpperCase(Locale.ROOT);
            Integer before = idByName.get(name);
            if (before == null || s.path().toLowerCase(Locale.ROOT).startsWith(boardPrefix)) {
                idByName.put(name, s.id());
            }
        }
        sampleTimes = new long[n][];
        sampleValues = new double[n][];
        sampleCounts = new int[n];
        for (String line : samplesOf) {
            Integer id = idByName.get(line);
            if (id != null) {
                sampleTimes[id] = new long[64];
                sampleValues[id] = new double[64];
            }
        }
        for (String line : edgesOf) {
            Integer id = idByName.get(line);
            if (id != null) {
                keeps[id] = true;
                edgeTimes[id] = new long[8];
                edgeLevels[id] = new boolean[8];
            }
        }
    }

    @Override
    public void digital(long timeNanos, int signalId, Level level) {
        boolean h = level == Level.HIGH;
        if (seen[signalId] && high[signalId] == h) {
            return;
        }
        seen[signalId] = true;
        high[signalId] = h;
        if (!keeps[signalId]) {
            return;
        }
        int c = edgeCounts[signalId];
        if (c == edgeTimes[signalId].length) {
            edgeTimes[signalId] = Arrays.copyOf(edgeTimes[signalId], c * 2);
            edgeLevels[signalId] = Arrays.copyOf(edgeLevels[signalId], c * 2);
        }
        edgeTimes[signalId][c] = timeNanos;
        edgeLevels[signalId][c] = h;
        edgeCounts[signalId] = c + 1;
    }

    @Override
    public void real(long timeNanos, int signalId, double value) {
        long[] t = sampleTimes[signalId];
        if (t == null) {
            return;
        }
        int c = sampleCounts[signalId];
        if (c == t.length) {
            sampleTimes[signalId] = t = Arrays.copyOf(t, c * 2);
            sampleValues[signalId] = Arrays.copyOf(sampleValues[signalId], c * 2);
        }
        t[c] = timeNanos;
        sampleValues[signalId][c] = value;
        sampleCounts[signalId] = c + 1;
    }

    /**
     * The window {@code [start, end]} of a {@code measure} step named {@code name}: from the last time at or
     * before {@code nowNanos} that {@code from} happened to the first time after that that {@code to} happened,
     * each moved by its offset. The end may lie after now (the caller waits for it).
     *
     * @throws StepRun.NotMet when an edge has not happened or the window is empty
     */
    long[] window(Step.Edge from, Step.Edge to, long nowNanos, String name) {
        Step.Anchor a = from.anchor();
        long opened = lastEntry(known(a.signal()), a.state().isActive(), nowNanos);
        if (opened < 0) {
            throw new StepRun.NotMet(a + " never happened, so there is no window to measure " + name + " over");
        }
        Step.Anchor b = to.anchor();
        long closed = firstEntry(known(b.signal()), b.state().isActive(), opened);
        if (closed < 0) {
            throw new StepRun.NotMet(b + " did not follow " + a + " (at " + org.hilrig.timing.Durations.format(opened)
                    + "), so the window of " + name + " never closed");
        }
        long start = opened + from.offsetNanos();
        long end = closed + to.offsetNanos();
        if (end <= start) {
            throw new StepRun.NotMet("the window of " + name + " [" + from + ", " + to + "] is empty: it ends at "
                    + org.hilrig.timing.Durations.format(end) + ", not after its start at "
                    + org.hilrig.timing.Durations.format(start));
        }
        return new long[] {start, end};
    }

    private int known(String line) {
        int id = id(line);
        if (id < 0) {
            throw new IllegalArgumentException("the rig's trace has no line " + line);
        }
        return id;
    }

    /**
     * The kept samples of an analog line over {@code [start, end]}.
     *
     * @throws IllegalStateException when the watch keeps no samples of it
     */
    AnalogWindow window(int id, long start, long end) {
        if (sampleTimes[id] == null) {
            throw new IllegalStateException("the watch keeps no samples of " + paths.get(id) + " (kept: " + samplesOf + ")");
        }
        return new AnalogWindow(sampleTimes[id], sampleValues[id], sampleCounts[id], start, end);
    }

    @Override
    public void frame(long timeNanos, String link, String direction, byte[] bytes) {
        if (!"tx".equals(direction)) {
            return;
        }
        frameTimeNanos = timeNanos;
        decoder.accept(bytes, 0, bytes.length, timeNanos);
    }

    @Override
    public void frame(ReceivedFrame frame) {
        Frame f = frame.frame();
        received.add(new Received(frameTimeNanos, f, frame.bytes().length));
        if (f.kind() == FrameKind.EVENT) {
            boolean boot = f.subject().equals("BOOT") && f.seq() == 0;
            if (!boot && nextEventCounter >= 0 && f.seq() != nextEventCounter) {
                eventsLost += (f.seq() - nextEventCounter) & 0xFF;
            }
            nextEventCounter = (f.seq() + 1) & 0xFF;
        }
    }

    /** Events the board numbered but the rig never received (gaps in the event counter since boot). */
    long eventsLost() {
        return eventsLost;
    }

    @Override
    public void discarded(DiscardedInput discarded) {
        // the rig records whole frames; a discard here means the board sent a broken one, which no
        // expectation will match
    }

    /** The trace id of a logical line, or -1 when the trace has none. */
    int id(String line) {
        Integer id = idByName.get(line.toUpperCase(Locale.ROOT));
        return id == null ? -1 : id;
    }

    /** The full dotted path of a trace signal. */
    String path(int id) {
        return paths.get(id);
    }

    /**
     * Every signal's full path whose reference is {@code name} (case-insensitive): the line as the rig drives
     * it first, then as the board under test sees it (a line may be recorded at both ends of its wire).
     */
    List<String> pathsNamed(String name) {
        List<String> outside = new ArrayList<>();
        List<String> board = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i);
            if (references.get(i).equalsIgnoreCase(name)) {
                (p.toLowerCase(Locale.ROOT).startsWith(boardPrefix) ? board : outside).add(p);
            }
        }
        outside.addAll(board);
        return outside;
    }

    boolean isActive(int id) {
        return high[id];
    }

    /** The first time at or after {@code fromNanos} the line entered {@code active}, or -1. */
    long firstEntry(int id, boolean active, long fromNanos) {
        requireEdges(id);
        long[] t = edgeTimes[id];
        boolean[] l = edgeLevels[id];
        for (int i = 0, n = edgeCounts[id]; i < n; i++) {
            if (t[i] >= fromNanos && l[i] == active && i > 0) {
                return t[i];
            }
        }
        return -1;
    }

    /** The last time at or before {@code untilNanos} the line entered {@code active} (its first record counts), or -1. */
    long lastEntry(int id, boolean active, long untilNanos) {
        requireEdges(id);
        long[] t = edgeTimes[id];
        boolean[] l = edgeLevels[id];
        for (int i = edgeCounts[id] - 1; i >= 0; i--) {
            if (t[i] <= untilNanos && l[i] == active) {
                return t[i];
            }
        }
        return -1;
    }

    /** The first change of the line strictly after {@code afterNanos}, or -1. */
    long firstChangeAfter(int id, long afterNanos) {
        requireEdges(id);
        long[] t = edgeTimes[id];
        for (int i = 1, n = edgeCounts[id]; i < n; i++) {
            if (t[i] > afterNanos) {
                return t[i];
            }
        }
        return -1;
    }

    private void requireEdges(int id) {
        if (!keeps[id]) {
            throw new IllegalStateException("the watch keeps no edges of " + paths.get(id) + " (kept: " + edgesOf + ")");
        }
    }

    /** Every frame the board has sent so far, in order. */
    List<Received> received() {
        return received;
    }

    /**
     * Index in {@link #received()} of the board's first {@code ACK} or {@code NAK} with sequence number
     * {@code seq} to {@code command}, stamped at or after {@code notBeforeNanos}; -1 for none yet.
     */
    int replyIndex(int seq, String command, long notBeforeNanos) {
        for (int i = firstAtOrAfter(notBeforeNanos); i < received.size(); i++) {
            Frame f = received.get(i).frame();
            if ((f.kind() == FrameKind.ACK || f.kind() == FrameKind.NAK) && f.seq() == seq
                    && f.subject().equals(command)) {
                return i;
            }
        }
        return -1;
    }

    /** The time of the board's first event {@code name} with {@code fields}, stamped at or after {@code fromNanos}; -1 for none yet. */
    long eventTime(String name, Map<String, String> fields, long fromNanos) {
        Received r = event(name, fields, fromNanos);
        return r == null ? -1 : r.timeNanos();
    }

    /** The first event {@code name} with {@code fields} stamped at or after {@code fromNanos}, or null. */
    Received event(String name, Map<String, String> fields, long fromNanos) {
        for (int i = firstAtOrAfter(fromNanos); i < received.size(); i++) {
            Received r = received.get(i);
            if (r.frame().kind() == FrameKind.EVENT && r.frame().subject().equals(name) && hasFields(r.frame(), fields)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Whether frame {@code f} carries every one of {@code fields}, numbers compared as numbers ({@code 80} is
     * {@code 80.0}); a frame whose values do not read has none.
     */
    static boolean hasFields(Frame f, Map<String, String> fields) {
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

    private static boolean same(String actual, String expected) {
        if (actual.equals(expected)) {
            return true;
        }
        try {
            return Double.parseDouble(actual) == Double.parseDouble(expected);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Index of the first received frame stamped at or after {@code nanos} (frames arrive in time order). */
    private int firstAtOrAfter(long nanos) {
        int lo = 0;
        int hi = received.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (received.get(mid).timeNanos() < nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
