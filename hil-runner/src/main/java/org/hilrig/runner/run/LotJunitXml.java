package org.hilrig.runner.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hilrig.runner.evidence.AtomicFile;
import org.hilrig.runner.lot.LotStatistics;
import org.hilrig.runner.results.RunResult;

/**
 * Writes a production lot's {@code junit.xml} ({@code hil run --units A-B --out DIR}: {@code DIR/junit.xml}), one file
 * for CI servers to read, in the schema of {@link JunitXml} (valid against {@code jenkins-junit.xsd}):
 *
 * <pre>
 * testsuites  name "hil lot LOT", tests, failures and errors summed over the units
 *   testsuite "hil run RUN unit SEED"  one per unit, in seed order: the unit's run as its own junit.xml has it
 *                                      (properties with unit_seed and the statistics over repeats), its testcases'
 *                                      classname hil.&lt;rig&gt;.U&lt;seed&gt; so that each unit's results stand apart
 *   testsuite "hil lot LOT"            no testcases: the lot's properties (as given), then each measurement's
 *                                      statistics across the units, &lt;scenario&gt;.&lt;measurement&gt;.n, .mean, .sd,
 *                                      .cv, .cpk; the same for people in its system-out, one line a measurement
 * </pre>
 */
public final class LotJunitXml {
    private LotJunitXml() {
    }

    /**
     * The document.
     *
     * @param properties the lot's own properties, in order ({@code lot_id}, {@code units}, ...)
     * @param units each unit's run, in unit order; each has its unit seed
     */
    public static String text(String lotId, String startedUtc, Map<String, String> properties, List<RunResult> units,
            LotStatistics stats) {
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (RunResult u : units) {
            int[] fe = JunitXml.failuresAndErrors(u);
            tests += u.scenarios().size();
            failures += fe[0];
            errors += fe[1];
        }
        StringBuilder b = new StringBuilder(JunitXml.HEAD);
        b.append("<testsuites name=\"").append(JunitXml.esc("hil lot " + lotId)).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\">\n");
        for (RunResult u : units) {
            if (u.unitSeed() == null) {
                throw new IllegalArgumentException("run " + u.runId() + " of lot " + lotId + " has no unit seed");
            }
            JunitXml.suite(b, u, "hil run " + u.runId() + " unit " + u.unitSeed(), "hil." + u.rig() + ".U" + u.unitSeed());
        }
        b.append("  <testsuite name=\"").append(JunitXml.esc("hil lot " + lotId)).append("\" tests=\"0\" failures=\"0\""
                + " errors=\"0\" skipped=\"0\" time=\"").append(JunitXml.seconds(0)).append("\" timestamp=\"")
                .append(JunitXml.esc(startedUtc)).append("\">\n");
        b.append("    <properties>\n");
        properties.forEach((k, v) -> JunitXml.property(b, k, v));
        for (LotStatistics.Row r : stats.rows()) {
            JunitXml.statisticsProperties(b, r.scenario(), List.of(r));
        }
        b.append("    </properties>\n");
        b.append("    <system-out>statistics across ").append(units.size()).append(" units:");
        for (LotStatistics.Row r : stats.rows()) {
            b.append('\n').append(JunitXml.esc(r.scenario() + " " + JunitXml.statisticsText(r)));
        }
        b.append("</system-out>\n");
        b.append("  </testsuite>\n</testsuites>\n");
        return b.toString();
    }

    /** Writes the document to {@code file} atomically (temp file + rename), UTF-8. */
    public static void write(String lotId, String startedUtc, Map<String, String> properties, List<RunResult> units,
            LotStatistics stats, Path file) {
        AtomicFile.write(file, text(lotId, startedUtc, properties, units, stats).getBytes(StandardCharsets.UTF_8));
    }
}
