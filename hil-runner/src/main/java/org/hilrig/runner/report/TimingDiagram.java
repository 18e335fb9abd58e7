package org.hilrig.runner.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.timing.Durations;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalKind;

/**
 * Draws the signals around one measurement as an inline SVG timing diagram: a row per signal, the stimulus
 * (time zero of the axis), the response with its uncertainty band, and the limit window shaded. Each row is
 * labelled with the signal's full dotted path ({@code rig.prep_req}, the rig's output, is not
 * {@code gen.prep_req}, the board's input), shortened in the middle only when it would not fit the label
 * column. The response's value is written in a band of its own under the rows, on white, so no waveform or
 * shading runs through it. Layout in CSS pixels:
 *
 * <pre>
 * | label column 170 |  plot 600 (time from before the stimulus to past the limit)     |
 * |                  |  limit window (green), stimulus line, response line +- u          |
 * | rig.prep_req     |  ___/^^^^^^^^^^^^^^                                                 |
 * | gen.prep_req     |  ____/^^^^^^^^^^^^^                                                 |
 * | marks 16         |          |+412 us                                                   |
 * | time axis        |  -100 us   0   +200 us ...                                          |
 * </pre>
 *
 * <p>Status colours come from the {@code status-*} classes of {@link HtmlReport}: the response line strokes
 * with it, its value is filled with it.
 */
final class TimingDiagram {
    static final int LABEL_WIDTH = 170;
    static final int PLOT_WIDTH = 600;
    /** Room right of the plot for half a tick label centred on its last tick. */
    static final int RIGHT_MARGIN = 30;
    static final int DIGITAL_ROW = 30;
    static final int REAL_ROW = 50;
    static final int TOP = 26;
    static final int MARKS = 16;
    static final int AXIS = 30;
    /** The longest label drawn whole: 11 px system-ui averages under 6.5 px a character, 24 fit in 170 px. */
    static final int LABEL_CHARS = 24;
    static final int MAX_SIGNALS = 8;
    static final int MAX_SEGMENTS = 4000;

    private TimingDiagram() {
    }

    /**
     * The time window {@code {t0, t1}} the diagram of {@code m} shows (stimulus and response with a margin),
     * or null when the measurement has no stimulus time to centre on.
     */
    static long[] window(MeasurementResult m) {
        if (m.stimulusNanos() == null) {
            return null;
        }
        long stim = m.stimulusNanos();
        long resp = stim + m.valueNs();
        long far = Math.max(resp + m.uncertaintyNs(), stim + 1_000);
        if (m.maxNs() != null) {
            far = Math.max(far, stim + m.maxNs());
        }
        if (m.minNs() != null) {
            far = Math.max(far, stim + m.minNs());
        }
        long pad = Math.max((far - stim) / 5, 100);
        return new long[] {Math.max(0, Math.min(stim, resp) - pad), far + pad};
    }

    /** The SVG for {@code m}, or null when the measurement has no stimulus time to centre on. */
    static String of(Waveforms w, MeasurementResult m) {
        long[] window = window(m);
        if (window == null) {
            return null;
        }
        long t0 = window[0];
        long t1 = window[1];
        long stim = m.stimulusNanos();
        long resp = stim + m.valueNs();
        List<Waveforms.Series> rows = signals(w, m, t0, t1, resp);

        int height = TOP + MARKS + AXIS;
        for (Waveforms.Series s : rows) {
            height += rowHeight(s);
        }
        Plot p = new Plot(t0, t1);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg class=\"timing\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" aria-label=\"timing of %s\">", LABEL_WIDTH + PLOT_WIDTH + RIGHT_MARGIN, height,
                LABEL_WIDTH + PLOT_WIDTH + RIGHT_MARGIN, height, HtmlReport.esc(m.name())));
        b.append("<title>").append(HtmlReport.esc(m.name())).append(": ").append(Durations.format(m.valueNs()))
                .append("</title>");
        int plotBottom = height - AXIS;
        int rowsBottom = plotBottom - MARKS;

        // limit window
        long lo = stim + (m.minNs() == null ? 0 : m.minNs());
        long hi = m.maxNs() == null ? t1 : stim + m.maxNs();
        if (m.minNs() != null || m.maxNs() != null) {
            b.append(String.format(Locale.ROOT, "<rect class=\"limit\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\">"
                    + "<title>limit window</title></rect>", p.x(lo), TOP - 4, Math.max(1, p.x(hi) - p.x(lo)),
                    rowsBottom - TOP + 4));
            b.append(beside(p, p.x(lo), p.x(hi), "limit-label", TOP - 8, "limit " + limitText(m)));
        }
        // rows
        int y = TOP;
        for (Waveforms.Series s : rows) {
            int h = rowHeight(s);
            String label = label(s.info.path());
            b.append(String.format(Locale.ROOT, "<text class=\"sig\" x=\"4\" y=\"%d\">%s%s</text>", y + h / 2 + 4,
                    label.equals(s.info.path()) ? "" : "<title>" + HtmlReport.esc(s.info.path()) + "</title>",
                    HtmlReport.esc(label)));
            b.append(String.format(Locale.ROOT, "<line class=\"row\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                    LABEL_WIDTH, y + h, LABEL_WIDTH + PLOT_WIDTH, y + h));
            if (s.info.kind() == SignalKind.REAL) {
                real(b, p, s, y, h);
            } else {
                digital(b, p, s, y, h);
            }
            y += h;
        }
        // stimulus, response with uncertainty
        b.append(String.format(Locale.ROOT, "<line class=\"stimulus\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                p.x(stim), TOP - 4, p.x(stim), plotBottom));
        if (m.uncertaintyNs() > 0) {
            double ux0 = p.x(resp - m.uncertaintyNs());
            double ux1 = p.x(resp + m.uncertaintyNs());
            b.append(String.format(Locale.ROOT, "<rect class=\"uncertainty\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                    + "height=\"%d\"><title>uncertainty &#177;%s</title></rect>", ux0, TOP - 4, Math.max(1, ux1 - ux0),
                    rowsBottom - TOP + 4, Durations.format(m.uncertaintyNs())));
        }
        String status = HtmlReport.statusClass(m.status());
        b.append(String.format(Locale.ROOT, "<line class=\"response %s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                status, p.x(resp), TOP - 4, p.x(resp), plotBottom));
        b.append(beside(p, p.x(resp), p.x(resp), "response-label " + status, plotBottom - 4,
                (m.valueNs() >= 0 ? "+" : "") + Durations.format(m.valueNs())));
        axis(b, p, stim, plotBottom);
        b.append("</svg>");
        return b.toString();
    }

    /**
     * A row's label: the signal's full dotted path when it has at most {@link #LABEL_CHARS} characters, else
     * its first scope, an ellipsis and as much of its end as fits, so the side and the signal's own name both
     * stay in view.
     */
    static String label(String path) {
        if (path.length() <= LABEL_CHARS) {
            return path;
        }
        int dot = path.indexOf('.');
        String head = dot > 0 && dot < LABEL_CHARS / 2 ? path.substring(0, dot + 1) : "";
        return head + "\u2026" + path.substring(path.length() - (LABEL_CHARS - head.length() - 1));
    }

    static String limitText(MeasurementResult m) {
        if (m.minNs() != null && m.maxNs() != null) {
            return Durations.format(m.minNs()) + " to " + Durations.format(m.maxNs());
        }
        return m.maxNs() != null ? "\u2264 " + Durations.format(m.maxNs()) : "\u2265 " + Durations.format(m.minNs());
    }

    /**
     * A text for a mark spanning {@code x0} to {@code x1}: starting right of it when the mark is in the plot's
     * left half, ending left of it in the right half, so a label at most half the plot wide is never cut off
     * at the diagram's edge.
     */
    private static String beside(Plot p, double x0, double x1, String cssClass, int y, String text) {
        boolean right = x0 > LABEL_WIDTH + PLOT_WIDTH / 2.0;
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%d\"%s>%s</text>", cssClass,
                right ? Math.min(x1, LABEL_WIDTH + PLOT_WIDTH) - 3 : x0 + 3, y, right ? " text-anchor=\"end\"" : "",
                HtmlReport.esc(text));
    }

    private static int rowHeight(Waveforms.Series s) {
        return s.info.kind() == SignalKind.REAL ? REAL_ROW : DIGITAL_ROW;
    }

    /**
     * The rows, at most {@link #MAX_SIGNALS}. The measurement's signals when it names some that exist; when
     * none of them has an edge at the stimulus (it was a fault or a frame, and only the response is named),
     * the lines with an edge at the stimulus come first, in trace order. When it names none, those that change
     * in the window, in trace order: first those with an edge at the stimulus or at the response, since those
     * are what the measurement is about, then the others. "At" is within the uncertainty, or a pixel.
     */
    private static List<Waveforms.Series> signals(Waveforms w, MeasurementResult m, long t0, long t1, long resp) {
        List<Waveforms.Series> out = new ArrayList<>();
        for (String name : m.signals()) {
            Waveforms.Series s = w.find(name);
            if (s != null && !out.contains(s) && out.size() < MAX_SIGNALS) {
                out.add(s);
            }
        }
        long stim = m.stimulusNanos();
        long near = Math.max(m.uncertaintyNs(), (t1 - t0) / PLOT_WIDTH);
        if (!out.isEmpty()) {
            if (out.stream().anyMatch(s -> changes(s, stim - near, stim + near))) {
                return out;
            }
            List<Waveforms.Series> moved = new ArrayList<>();
            for (Waveforms.Series s : w.series) {
                if (!out.contains(s) && changes(s, stim - near, stim + near) && moved.size() + out.size() < MAX_SIGNALS) {
                    moved.add(s);
                }
            }
            moved.addAll(out);
            return moved;
        }
        List<Waveforms.Series> marked = new ArrayList<>();
        List<Waveforms.Series> other = new ArrayList<>();
        for (Waveforms.Series s : w.series) {
            if (!changes(s, t0, t1)) {
                continue;
            }
            boolean atMark = changes(s, stim - near, stim + near) || changes(s, resp - near, resp + near);
            (atMark ? marked : other).add(s);
        }
        List<Waveforms.Series> chosen = new ArrayList<>(marked.subList(0, Math.min(marked.size(), MAX_SIGNALS)));
        chosen.addAll(other.subList(0, Math.min(other.size(), MAX_SIGNALS - chosen.size())));
        for (Waveforms.Series s : w.series) {
            if (chosen.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether {@code s} changes at some time in [from, to]. */
    private static boolean changes(Waveforms.Series s, long from, long to) {
        int i = s.indexAt(to);
        return i >= 0 && s.times[i] >= from;
    }

    private static void digital(StringBuilder b, Plot p, Waveforms.Series s, int top, int h) {
        double yHigh = top + 6;
        double yLow = top + h - 6;
        double yMid = (yHigh + yLow) / 2;
        int first = s.indexAt(p.t0);
        int last = s.indexAt(p.t1);
        int count = last - Math.max(first, 0) + 1;
        if (count > MAX_SEGMENTS) {
            b.append(String.format(Locale.ROOT, "<rect class=\"busy\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\">"
                    + "<title>%d changes: too many to draw</title></rect>", LABEL_WIDTH, yHigh, PLOT_WIDTH, yLow - yHigh,
                    count));
            return;
        }
        StringBuilder line = new StringBuilder();
        StringBuilder unknown = new StringBuilder();
        double prevY = Double.NaN;
        for (int i = Math.max(first, 0); i <= last; i++) {
            long start = Math.max(s.times[i], p.t0);
            long end = i + 1 <= last ? s.times[i + 1] : p.t1;
            double x0 = p.x(start);
            double x1 = p.x(end);
            if (s.info.kind() == SignalKind.VECTOR) {
                unknown.append(String.format(Locale.ROOT, "<rect class=\"bus\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                        + "height=\"%.1f\"/>", x0, yHigh, Math.max(0.5, x1 - x0), yLow - yHigh));
                continue;
            }
            Level level = Level.values()[(int) s.values[i]];
            if (level == Level.LOW || level == Level.HIGH) {
                double y = level == Level.HIGH ? yHigh : yLow;
                line.append(Double.isNaN(prevY) ? "M" : "L").append(fmt(x0)).append(',').append(fmt(Double.isNaN(prevY)
                        ? y : prevY));
                line.append("L").append(fmt(x0)).append(',').append(fmt(y)).append("L").append(fmt(x1)).append(',')
                        .append(fmt(y));
                prevY = y;
            } else {
                unknown.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                        + "height=\"%.1f\"><title>%s</title></rect>", level == Level.X ? "unknown" : "hiz", x0,
                        level == Level.X ? yHigh : yMid - 1, Math.max(0.5, x1 - x0), level == Level.X ? yLow - yHigh : 2.0,
                        level == Level.X ? "unknown (x)" : "high impedance (z)"));
                prevY = Double.NaN;
                line.append(' ');
            }
        }
        if (first < 0) {
            double xs = p.x(last >= 0 ? s.times[0] : p.t1);
            unknown.append(String.format(Locale.ROOT, "<rect class=\"unknown\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"%.1f\"><title>no value yet</title></rect>", LABEL_WIDTH, yHigh,
                    Math.max(0.5, xs - LABEL_WIDTH), yLow - yHigh));
        }
        b.append(unknown);
        if (line.toString().isBlank()) {
            return;
        }
        for (String part : line.toString().trim().split(" +")) {
            b.append("<path class=\"wave\" d=\"").append(part).append("\"/>");
        }
    }

    private static void real(StringBuilder b, Plot p, Waveforms.Series s, int top, int h) {
        int first = Math.max(s.indexAt(p.t0), 0);
        int last = s.indexAt(p.t1);
        if (last < 0) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = first; i <= last; i++) {
            min = Math.min(min, s.values[i]);
            max = Math.max(max, s.values[i]);
        }
        double range = max - min == 0 ? 1 : max - min;
        double yTop = top + 5;
        double yBottom = top + h - 5;
        StringBuilder d = new StringBuilder();
        int step = Math.max(1, (last - first + 1) / (PLOT_WIDTH * 2));
        for (int i = first; i <= last; i += step) {
            double x0 = p.x(Math.max(s.times[i], p.t0));
            double x1 = p.x(i + step <= last ? s.times[i + step] : p.t1);
            double y = yBottom - (s.values[i] - min) / range * (yBottom - yTop);
            d.append(d.length() == 0 ? "M" : "L").append(fmt(x0)).append(',').append(fmt(y)).append("L").append(fmt(x1))
                    .append(',').append(fmt(y));
        }
        b.append("<path class=\"analog\" d=\"").append(d).append("\"/>");
        b.append(String.format(Locale.ROOT, "<text class=\"scale\" x=\"%d\" y=\"%.1f\">%s</text>", LABEL_WIDTH + PLOT_WIDTH
                - 4, yTop + 8, HtmlReport.esc(number(max))));
        b.append(String.format(Locale.ROOT, "<text class=\"scale\" x=\"%d\" y=\"%.1f\">%s</text>", LABEL_WIDTH + PLOT_WIDTH
                - 4, yBottom, HtmlReport.esc(number(min))));
    }

    private static void axis(StringBuilder b, Plot p, long zero, int y) {
        b.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LABEL_WIDTH,
                y, LABEL_WIDTH + PLOT_WIDTH, y));
        long step = niceStep((p.t1 - p.t0) / 6.0);
        for (long k = Math.floorDiv(p.t0 - zero, step); zero + k * step <= p.t1; k++) {
            long t = zero + k * step;
            if (t < p.t0) {
                continue;
            }
            double x = p.x(t);
            b.append(String.format(Locale.ROOT, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, y,
                    x, y + 4));
            b.append(String.format(Locale.ROOT, "<text class=\"tick-label\" x=\"%.1f\" y=\"%d\">%s%s</text>", x, y + 16,
                    k > 0 ? "+" : "", Durations.format(k * step)));
        }
    }

    /** The 1, 2 or 5 times a power of ten nearest above {@code raw}, at least 1 ns. */
    static long niceStep(double raw) {
        long pow = 1;
        while (pow * 10 <= raw) {
            pow *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (pow * m >= raw) {
                return pow * m;
            }
        }
        return pow * 10;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Maps trace time to x over [t0, t1]. */
    private record Plot(long t0, long t1) {
        double x(long t) {
            double clamped = Math.max(t0, Math.min(t1, t));
            return LABEL_WIDTH + (clamped - t0) * PLOT_WIDTH / (double) (t1 - t0);
        }
    }
}
