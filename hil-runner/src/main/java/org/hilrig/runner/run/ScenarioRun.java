package org.hilrig.runner.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hilrig.runner.cli.ToolVersion;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.scenario.ScenarioEngine;
import org.hilrig.runner.scenario.ScenarioOutcome;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.random.RandomStreams;
import org.hilrig.timing.vcd.VcdWriter;
import org.hilrig.timing.verdict.Verdict;

/**
 * One run of scenarios: each on a fresh rig from the {@link RigFactory}, judged by the
 * {@link ScenarioEngine}, its trace written to {@code traces/<id>.vcd}; then {@code results.json},
 * {@code junit.xml}, the console totals, and the {@link EndOfRun} steps.
 *
 * <p>Each scenario gets its own seed, drawn from the run seed by the scenario's id, so a scenario's trace
 * is the same whether it runs alone or with the whole library, in any order. The wall clock is read only
 * for the run's start and end stamps and the console's wall time, never by the simulation.
 */
public final class ScenarioRun {
    /**
     * @param rigName how results name the rig ({@code sim})
     * @param seed the run seed
     * @param defects emulator defects switched on, by name
     * @param outDir the output folder (created when missing)
     */
    public record Options(String rigName, long seed, List<String> defects, Path outDir) {
        public Options {
            defects = List.copyOf(defects);
        }
    }

    private final ScenarioEngine engine;
    private final RigFactory rigs;
    private final Options options;
    private final List<EndOfRun> endSteps;

    public ScenarioRun(ScenarioEngine engine, RigFactory rigs, Options options, List<EndOfRun> endSteps) {
        this.engine = engine;
        this.rigs = rigs;
        this.options = options;
        this.endSteps = List.copyOf(endSteps);
    }

    /** The seed a scenario's rig gets in a run with {@code runSeed}. */
    public static long scenarioSeed(long runSeed, String scenarioId) {
        return new RandomStreams(runSeed).stream("scenario:" + scenarioId).nextLong();
    }

    /**
     * Runs the scenarios in order and writes every output.
     *
     * @param console where the summary goes
     * @throws RigFailureException when an output cannot be written
     */
    public RunResult run(List<Scenario> scenarios, PrintWriter console) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MonotonicClock wall = new MonotonicClock();
        Path traces = options.outDir().resolve("traces");
        try {
            Files.createDirectories(traces);
        } catch (IOException e) {
            throw new RigFailureException("cannot create " + traces + ": " + e.getMessage(), e);
        }
        ConsoleSummary summary = new ConsoleSummary(console);
        summary.header(scenarios.size(), options.rigName(), options.seed(), options.defects());
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            ScenarioResult r = runOne(s, traces);
            results.add(r);
            summary.scenario(r);
        }
        RunResult run = new RunResult(runId(started), options.rigName(), options.seed(), options.defects(),
                started.toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), ToolVersion.version(), results);
        ResultsJson.write(run, options.outDir().resolve("results.json"));
        JunitXml.write(run, options.outDir().resolve("junit.xml"));
        for (EndOfRun step : endSteps) {
            step.finished(options.outDir(), run, scenarios);
        }
        summary.totals(run, options.outDir(), wall.nowNanos());
        return run;
    }

    private String runId(Instant started) {
        return "run-" + started.toString().replace("-", "").replace(":", "") + "-seed" + options.seed();
    }

    /**
     * Runs one scenario on a fresh rig and writes its trace to {@code traces/<id>.vcd} (the folder must
     * exist). Console, results.json and end-of-run steps are left to the caller.
     */
    public ScenarioResult runOne(Scenario s, Path traces) {
        String traceName = "traces/" + s.id() + ".vcd";
        Path vcd = traces.resolve(s.id() + ".vcd");
        ScenarioOutcome outcome;
        Rig rig = null;
        try {
            rig = rigs.open(s, scenarioSeed(options.seed(), s.id()), options.defects());
            outcome = engine.run(s, rig);
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            outcome = new ScenarioOutcome(Verdict.ERROR, "the rig broke: " + e, List.of(), rig == null ? 0 : rig.nowNanos());
        } finally {
            if (rig != null) {
                rig.close();
            }
        }
        String sha = rig == null ? null : writeTrace(rig, vcd, outcome.endNanos());
        List<MeasurementResult> ms = outcome.measurements().stream().map(MeasurementResult::of).toList();
        return new ScenarioResult(s.id(), s.title(), s.file(), outcome.verdict(), s.requirements(), s.tags(), ms,
                sha == null ? null : traceName, sha, outcome.message(), outcome.endNanos());
    }

    /** Writes the rig's trace as VCD and returns the SHA-256 of the file's bytes. */
    private static String writeTrace(Rig rig, Path vcd, long endNanos) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        try (OutputStream file = Files.newOutputStream(vcd);
                OutputStream both = new java.security.DigestOutputStream(new java.io.BufferedOutputStream(file, 1 << 16), sha)) {
            if (rig.trace().endNanos() < endNanos) {
                rig.trace().end(endNanos);
            }
            rig.trace().replay(new VcdWriter(both));
        } catch (IOException e) {
            throw new RigFailureException("cannot write " + vcd + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
