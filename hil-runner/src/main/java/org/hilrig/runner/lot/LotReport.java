package org.hilrig.runner.lot;

import java.util.List;
import java.util.Locale;

/**
 * The lot's page ({@code lot.html}): the yield, the units that failed and why, and for every measurement its
 * statistics across the units (n, mean, sd, CV, min, max, Cpk against its limits), with a histogram drawn by
 * JFreeChart (the limits and the mean marked) where a measurement has limits and spread: where people would
 * rather look than read. Dark text on white, status words beside their colours; self-contained (the charts
 * are PNG data URIs).
 */
public final class LotReport {
    private LotReport() {
    }

    /** One unit's outcome, for the yield table. */
    public record UnitOutcome(long unit, String serial, boolean defective, int passed, int failed, String firstFailure) {
    }

    public static String html(String title, List<UnitOutcome> units, LotStatistics stats) {
        StringBuilder b = new StringBuilder();
        long good = units.stream().filter(u -> u.failed() == 0).count();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;color:#111;background:#fff;margin:2em;max-width:72em}\n")
                .append("table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:.25em .6em;text-align:right}\n")
                .append("th{background:#e8e8e8}td.l,th.l{text-align:left}\n")
                .append(".pass{background:#d7f0d7;color:#0b3d0b}.fail{background:#f6d3d3;color:#5c0a0a}\n")
                .append("figure{display:inline-block;margin:.5em 1em .5em 0}figcaption{font-size:.9em}\n")
                .append("</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n");
        b.append("<p id=\"yield\">Yield: <strong>").append(good).append(" of ").append(units.size())
                .append(" units passed every scenario</strong>").append(units.isEmpty() ? "" : String.format(Locale.ROOT,
                        " (%.1f %%)", 100.0 * good / units.size())).append(".</p>\n");
        b.append("<h2>Units</h2>\n<table id=\"units\"><thead><tr><th>Unit seed</th><th class=\"l\">Serial</th>"
                + "<th class=\"l\">Carries the defect</th><th>Passed</th><th>Failed</th><th class=\"l\">Verdict</th>"
                + "<th class=\"l\">First failure</th></tr></thead><tbody>\n");
        for (UnitOutcome u : units) {
            boolean ok = u.failed() == 0;
            b.append("<tr><td>").append(u.unit()).append("</td><td class=\"l\">").append(esc(u.serial()))
                    .append("</td><td class=\"l\">").append(u.defective() ? "yes" : "no").append("</td><td>")
                    .append(u.passed()).append("</td><td>").append(u.failed()).append("</td><td class=\"l ")
                    .append(ok ? "pass" : "fail").append("\">").append(ok ? "PASS" : "FAIL").append("</td><td class=\"l\">")
                    .append(esc(u.firstFailure() == null ? "" : u.firstFailure())).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n<h2>Measurements across the lot</h2>\n");
        String scenario = null;
        for (LotStatistics.Row r : stats.rows()) {
            if (!r.scenario().equals(scenario)) {
                if (scenario != null) {
                    b.append("</tbody></table>\n");
                    figures(b, stats.of(scenario));
                }
                scenario = r.scenario();
                b.append("<h3 id=\"").append(esc(scenario)).append("\">").append(esc(scenario)).append("</h3>\n")
                        .append("<table class=\"stats\"><thead><tr><th class=\"l\">Measurement</th><th>n</th><th>Mean</th>"
                                + "<th>SD</th><th>CV</th><th>Min</th><th>Max</th><th>Lower limit</th><th>Upper limit</th>"
                                + "<th>Cpk</th><th>Outside</th></tr></thead><tbody>\n");
            }
            Double cv = r.cv();
            Double cpk = r.cpk();
            b.append("<tr><td class=\"l\">").append(esc(r.name())).append("</td><td>").append(r.n()).append("</td><td>")
                    .append(q(r.mean(), r.unit())).append("</td><td>").append(q(r.sd(), r.unit())).append("</td><td>")
                    .append(cv == null ? "" : String.format(Locale.ROOT, "%.4f", cv)).append("</td><td>")
                    .append(q(r.min(), r.unit())).append("</td><td>").append(q(r.max(), r.unit())).append("</td><td>")
                    .append(r.lower() == null ? "" : q(r.lower(), r.unit())).append("</td><td>")
                    .append(r.upper() == null ? "" : q(r.upper(), r.unit())).append("</td><td>")
                    .append(cpk == null ? "" : String.format(Locale.ROOT, "%.2f", cpk)).append("</td><td")
                    .append(r.outside() > 0 ? " class=\"fail\"" : "").append('>').append(r.outside()).append("</td></tr>\n");
        }
        if (scenario != null) {
            b.append("</tbody></table>\n");
            figures(b, stats.of(scenario));
        }
        return b.append("</body></html>\n").toString();
    }

    /** The histograms of one scenario's charted rows. */
    private static void figures(StringBuilder b, List<LotStatistics.Row> rows) {
        for (LotStatistics.Row r : rows) {
            if (Histogram.charted(r)) {
                b.append(Histogram.figure(r, r.scenario() + " " + r.name(), "units"));
            }
        }
    }

    private static String q(double v, String unit) {
        return Histogram.q(v, unit);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
