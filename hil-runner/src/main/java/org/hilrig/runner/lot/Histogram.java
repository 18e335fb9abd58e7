package org.hilrig.runner.lot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;

/**
 * The histogram of one measurement's values (across a lot's units, or a scenario's repeats), drawn by JFreeChart:
 * bars of the values, the limits in red, the mean in blue, dark text on white; as a PNG, or as an HTML figure with
 * the PNG as a data URI and a caption that says n, the mean and Cpk in words. Stateless.
 */
public final class Histogram {
    static final int WIDTH = 520;
    static final int HEIGHT = 260;

    private Histogram() {
    }

    /**
     * Whether a row gets a histogram: values that spread, held to a limit; a time only when held to a window (both
     * limits: a loading time, not a latency under a bound).
     */
    public static boolean charted(LotStatistics.Row r) {
        boolean limited = "ms".equals(r.unit()) ? r.lower() != null && r.upper() != null : r.lower() != null || r.upper() != null;
        return r.n() >= 2 && r.sd() > 0 && limited;
    }

    /**
     * The row's histogram as an HTML figure.
     *
     * @param title what the chart and its caption call the measurement
     * @param counted what the bars count ({@code units}, {@code exposures})
     */
    public static String figure(LotStatistics.Row r, String title, String counted) {
        return "<figure><img alt=\"histogram of " + esc(title) + "\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
                + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png(r, title, counted))
                + "\"><figcaption>" + esc(title) + ": n " + r.n() + ", mean " + q(r.mean(), r.unit())
                + (r.cpk() == null ? "" : String.format(Locale.ROOT, ", Cpk %.2f", r.cpk())) + "</figcaption></figure>\n";
    }

    /** The row's histogram as PNG. */
    static byte[] png(LotStatistics.Row r, String title, String counted) {
        HistogramDataset data = new HistogramDataset();
        double[] v = r.values().stream().mapToDouble(Double::doubleValue).toArray();
        int bins = Math.max(5, (int) Math.ceil(Math.sqrt(v.length)) + 2);
        data.addSeries(r.name(), v, bins);
        JFreeChart chart = ChartFactory.createHistogram(title, r.name() + " (" + r.unit() + ")",
                counted, data, PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xBBBBBB));
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // counts: 0, 1, 2, never 2.5
        XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
        bars.setSeriesPaint(0, new Color(0x4A6FA5));
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        bars.setSeriesOutlinePaint(0, new Color(0x1F3350));
        double lo = r.min();
        double hi = r.max();
        if (r.lower() != null) {
            plot.addDomainMarker(marker(r.lower(), "lower limit", new Color(0xB00020), true));
            lo = Math.min(lo, r.lower());
        }
        if (r.upper() != null) {
            plot.addDomainMarker(marker(r.upper(), "upper limit", new Color(0xB00020), false));
            hi = Math.max(hi, r.upper());
        }
        plot.addDomainMarker(marker(r.mean(), "mean", new Color(0x0B4F9C), true));
        double pad = (hi - lo) * 0.08;
        plot.getDomainAxis().setRange(lo - pad, hi + pad);
        BufferedImage img = chart.createBufferedImage(WIDTH, HEIGHT);
        try {
            return ChartUtils.encodeAsPNG(img);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the histogram of " + r.name() + " as PNG", e);
        }
    }

    /** A vertical line at {@code at}, its label to its right ({@code right}) or left, inside the plot. */
    private static ValueMarker marker(double at, String label, Color color, boolean right) {
        ValueMarker m = new ValueMarker(at, color, new BasicStroke(2f));
        m.setLabel(label);
        m.setLabelPaint(color);
        m.setLabelBackgroundColor(Color.WHITE);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        return m;
    }

    static String q(double v, String unit) {
        return esc(String.format(Locale.ROOT, "%.4g", v) + (unit.isEmpty() ? "" : " " + unit));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
