package org.hilrig.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.lot.LotReport;
import org.hilrig.runner.lot.LotStatistics;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.rig.SimRigs;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.run.LotJunitXml;
import org.hilrig.runner.run.RigFactory;
import org.hilrig.runner.run.ToolVersion;
import org.hilrig.runner.store.LotRecords;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.StoredLot;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.random.RandomStreams;
import org.hilrig.timing.verdict.Verdict;

/**
 * {@code hil run --units A-B}: the scenarios once per unit of a lot, each unit its own run and sealed evidence
 * folder ({@code DIR/U<seed>/}, recorded in the database with its unit seed), one line a unit on the console,
 * then the lot: the yield, which units carried the defects and whether each of them failed, and the statistics of
 * every measurement across the units ({@code DIR/lot.json}, {@code DIR/lot.html} with histograms), and one
 * {@code DIR/junit.xml} with a testsuite per unit and the lot's statistics ({@link LotJunitXml}).
 *
 * <p>With a results database (the same as a run's: {@code --db}, else the rig home's, none with {@code --no-db})
 * the lot is recorded as it goes ({@link LotRecords}): its start before the first unit, each unit once its run
 * (itself recorded like any run, with its unit seed) is sealed, and its end with its statistics once every
 * output is written. A lot killed midway keeps the units it finished and has no end.
 *
 * <p>Exit 0 when every unit passed every scenario, 1 otherwise, 3 when the rig broke in a unit.
 */
final class LotRun {
    /** One run's result and the scenarios in which the rig broke. */
    record Ran(RunResult result, List<String> rigFailures) {
    }

    /** Runs the scenarios for one unit into {@code dir}. */
    interface UnitRun {
        Ran run(Path dir, RigFactory rigs, List<String> defects, Long unitSeed, PrintWriter console);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Library library;
    private final LotOptions options;
    private final List<String> defects;
    private final long runSeed;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ResultStore store;
    private final String storeName;
    private final RigHome home;
    /** The boards the lot's scenarios test, in the order they first come. */
    private List<org.hilrig.device.profile.Board> boards = List.of(org.hilrig.device.profile.Board.GEN);

    /**
     * @param store the results database to record the lot in, or null for none ({@code --no-db}); the units' runs
     *     are recorded by {@code unitRun}, in the same one
     * @param storeName how the console names it (no password)
     * @param home the rig home, whose rig id the lot records
     */
    LotRun(Library library, LotOptions options, List<String> defects, long runSeed, PrintWriter out, PrintWriter err,
            ResultStore store, String storeName, RigHome home) {
        this.library = library;
        this.options = options;
        this.defects = List.copyOf(defects);
        this.runSeed = runSeed;
        this.out = out;
        this.err = err;
        this.store = store;
        this.storeName = storeName;
        this.home = home;
    }

    /** The boards under test of the lot's scenarios: a unit's serial is theirs ({@code GEN-U7}, {@code GEN-U7/TUB-U7}). */
    LotRun testing(List<org.hilrig.device.profile.Board> underTest) {
        this.boards = List.copyOf(underTest);
        return this;
    }

    /** Unit {@code u}'s serial numbers of the boards under test, joined by '/'. */
    private String serial(long u) {
        List<String> serials = new ArrayList<>();
        for (org.hilrig.device.profile.BoardProfile p : library.simulatedRigs().profiles()) {
            if (boards.contains(p.board())) {
                serials.add(org.hilrig.device.profile.Units.serialOf(p, u));
            }
        }
        return String.join("/", serials);
    }

    /**
     * A lot id: its start, its unit range and 32 random bits from the operating system (two lots started in the same
     * second on one database must not collide), e.g. {@code lot-20261204T010000Z-U1-50-1a2b3c4d}.
     */
    static String lotId(Instant started, long first, long last) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return "lot-" + started.toString().replace("-", "").replace(":", "") + "-U" + first + "-" + last + "-"
                + HexFormat.of().formatHex(random);
    }

    /** Whether unit {@code seed} carries the lot's defects: every unit without a share, else a draw of its seed. */
    static boolean carries(long seed, Double sharePercent) {
        return sharePercent == null || new RandomStreams(seed).stream("lot.defective").nextDouble() * 100 < sharePercent;
    }

    int run(Path dir, UnitRun unitRun) {
        long[] range = options.units();
        try {
            Files.createDirectories(dir);
            try (var list = Files.list(dir)) {
                if (list.findAny().isPresent()) {
                    throw new RigFailureException("the lot's folder " + dir + " is not empty (give a new one with --out)");
                }
            }
        } catch (IOException e) {
            throw new RigFailureException("cannot create the lot's folder " + dir + ": " + e.getMessage(), e);
        }
        long count = range[1] - range[0] + 1;
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String lotId = lotId(started, range[0], range[1]);
        if (store != null) {
            store.lots().started(StoredLot.starting(lotId, range[0], range[1], runSeed, defects,
                    defects.isEmpty() ? null : options.defectiveShare, "sim", home.rigId(), ToolVersion.version(),
                    started.toString()));
        }
        out.println("hil run: a lot of " + count + " units (unit seeds " + range[0] + "-" + range[1] + ") on sim, seed "
                + runSeed + ", defects: " + (defects.isEmpty() ? "none" : String.join(", ", defects)
                + (options.defectiveShare == null ? " (every unit)" : String.format(Locale.ROOT, " (in %.4g %% of the units)",
                options.defectiveShare))));
        out.flush();
        Map<Long, List<ScenarioResult>> byUnit = new LinkedHashMap<>();
        List<LotReport.UnitOutcome> outcomes = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        int broke = 0;
        int serialWidth = Math.max(10, serial(range[1]).length()); // the last seed's serials are the longest
        for (long u = range[0]; u <= range[1]; u++) {
            boolean defective = !defects.isEmpty() && carries(u, options.defectiveShare);
            SimRigs.UnitChoice unit = SimRigs.UnitChoice.ofSeed(u);
            StringWriter console = new StringWriter();
            Ran ran = unitRun.run(dir.resolve("U" + u), library.simulatedRigFactory(unit),
                    defective ? defects : List.of(), u, new PrintWriter(console));
            broke += ran.rigFailures().isEmpty() ? 0 : 1;
            List<ScenarioResult> results = ran.result().scenarios();
            byUnit.put(u, results);
            runs.add(ran.result());
            int passed = (int) results.stream().filter(r -> r.status() == Verdict.PASS).count();
            ScenarioResult firstBad = results.stream().filter(r -> r.status() != Verdict.PASS).findFirst().orElse(null);
            String serial = serial(u);
            outcomes.add(new LotReport.UnitOutcome(u, serial, defective, passed, results.size() - passed,
                    firstBad == null ? null : firstBad.id() + " " + firstBad.status().word() + ": " + firstBad.message()));
            if (store != null) {
                store.lots().unitRan(lotId, u, serial, ran.result().runId(), defective);
            }
            out.printf(Locale.ROOT, "  unit %-6d %-" + serialWidth + "s %s %d passed, %d not%s%n", u, serial,
                    firstBad == null ? "PASS" : "FAIL", passed, results.size() - passed,
                    (defective ? " (carries " + String.join(", ", defects) + ")" : "")
                            + (firstBad == null ? "" : "; first: " + firstBad.id() + " " + firstBad.status().word()));
            out.flush();
        }
        LotStatistics stats = LotStatistics.of(byUnit);
        long good = outcomes.stream().filter(o -> o.failed() == 0).count();
        long defectiveUnits = outcomes.stream().filter(LotReport.UnitOutcome::defective).count();
        long caught = outcomes.stream().filter(o -> o.defective() && o.failed() > 0).count();
        long falseFails = outcomes.stream().filter(o -> !o.defective() && o.failed() > 0).count();
        write(dir.resolve("lot.json"), json(lotId, outcomes, stats));
        write(dir.resolve("lot.html"), LotReport.html("Lot of " + count + " units, seeds " + range[0] + "-" + range[1],
                outcomes, stats).getBytes(StandardCharsets.UTF_8));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("lot_id", lotId);
        properties.put("units", range[0] + "-" + range[1]);
        properties.put("seed", Long.toString(runSeed));
        properties.put("defects", String.join(",", defects));
        if (!defects.isEmpty() && options.defectiveShare != null) {
            properties.put("defective_share", Double.toString(options.defectiveShare));
        }
        properties.put("units_passed", Long.toString(good));
        properties.put("units_defective", Long.toString(defectiveUnits));
        properties.put("tool_version", ToolVersion.version());
        LotJunitXml.write(lotId, started.toString(), properties, runs, stats, dir.resolve("junit.xml"));
        if (store != null) {
            store.lots().ended(lotId, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), stats);
        }
        out.printf(Locale.ROOT, "lot: %d of %d units passed every scenario (%.1f %%)%s%n", good, count, 100.0 * good / count,
                defects.isEmpty() ? "" : "; " + defectiveUnits + " carried " + String.join(", ", defects) + ", "
                        + caught + " of them failed; " + falseFails + " units without it failed");
        out.println("lot statistics: " + dir.resolve("lot.json") + ", " + dir.resolve("lot.html") + "; JUnit XML: "
                + dir.resolve("junit.xml"));
        if (store != null) {
            out.println("results database: " + storeName + " (lot " + lotId + "; hil history --lot " + lotId + ")");
        }
        out.flush();
        if (broke > 0) {
            err.println("hil run: the rig broke in " + broke + " of " + count + " units");
            return Hil.RIG_BROKE;
        }
        return good == count ? Hil.OK : Hil.FAILED;
    }

    private static byte[] json(String lotId, List<LotReport.UnitOutcome> outcomes, LotStatistics stats) {
        ObjectNode root = JSON.createObjectNode();
        root.put("lot_id", lotId);
        ArrayNode units = root.putArray("units");
        for (LotReport.UnitOutcome o : outcomes) {
            ObjectNode u = units.addObject();
            u.put("unit_seed", o.unit());
            u.put("serial", o.serial());
            u.put("defective", o.defective());
            u.put("passed", o.passed());
            u.put("failed", o.failed());
            u.put("status", o.failed() == 0 ? "pass" : "fail");
            u.put("first_failure", o.firstFailure());
        }
        ArrayNode rows = root.putArray("statistics");
        for (LotStatistics.Row r : stats.rows()) {
            ObjectNode n = rows.addObject();
            n.put("scenario", r.scenario());
            r.writeTo(n);
            n.put("outside", r.outside());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the lot's statistics as JSON", e);
        }
    }


    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new RigFailureException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
