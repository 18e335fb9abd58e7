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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.scenario.Position;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.scenario.ScenarioEngine;
import org.hilrig.runner.scenario.ScenarioOutcome;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigException;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.random.RandomStreams;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.vcd.VcdWriter;

/**
 * One run of scenarios: each on a fresh rig from the {@link RigFactory}, judged by the
 * {@link ScenarioEngine}, its trace written to {@code traces/<id>.vcd} and handed to the
 * {@link RunListener}s; then {@code results.json}, {@code junit.xml}, the {@link EndOfRun} steps, and the
 * console totals with the lines the end steps gave.
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
    public record Options(String rigName, long seed, List<String> defects, Path outDir, Long unitSeed) {
        public Options {
            defects = List.copyOf(defects);
        }

        /** Options of the nominal unit (or a real board). */
        public Options(String rigName, long seed, List<String> defects, Path outDir) {
            this(rigName, seed, defects, outDir, null);
        }
    }

    private final ScenarioEngine engine;
    private final RigFactory rigs;
    private final Options options;
    private final List<EndOfRun> endSteps;
    private final List<RunListener> listeners;
    /** {@code file: message} of each scenario the rig broke in, in run order. */
    private final List<String> rigFailures = new ArrayList<>();

    public ScenarioRun(ScenarioEngine engine, RigFactory rigs, Options options, List<EndOfRun> endSteps) {
        this(engine, rigs, options, List.of(), endSteps);
    }

    public ScenarioRun(ScenarioEngine engine, RigFactory rigs, Options options, List<RunListener> listeners,
            List<EndOfRun> endSteps) {
        this.engine = engine;
        this.rigs = rigs;
        this.options = options;
        this.listeners = List.copyOf(listeners);
        this.endSteps = List.copyOf(endSteps);
    }

    /**
     * Where the rig itself broke during {@link #run} or {@link #runOne} (a port that would not open, a link
     * lost, an internal error), one {@code file: message} a scenario, in run order; empty when it never did.
     * Such scenarios are {@code error} in the results, and the run as a whole is the rig breaking (exit 3).
     */
    public List<String> rigFailures() {
        return List.copyOf(rigFailures);
    }

    /** The seed a scenario's rig gets in a run with {@code runSeed}. */
    public static long scenarioSeed(long runSeed, String scenarioId) {
        return new RandomStreams(runSeed).stream("scenario:" + scenarioId).nextLong();
    }

    /**
     * A run the process is stopping in (SIGTERM: the rig's hook has put the outputs in their safe state, which
     * ended the scenario) writes no results: a verdict of a scenario cut short by the stop is no verdict, and
     * the run stays incomplete in the results database, as a killed one does.
     */
    private static void refuseWhenStopping() {
        if (JvmShutdown.underway()) {
            throw new RigFailureException("the process is stopping: no further scenario runs and no results are written");
        }
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
        summary.header(scenarios.size(), options.rigName(), options.seed(), options.defects(), options.unitSeed());
        String runId = runId(started);
        RunResult header = new RunResult(runId, options.rigName(), options.seed(), options.defects(),
                started.toString(), null, ToolVersion.version(), List.of(), options.unitSeed());
        for (RunListener l : listeners) {
            l.started(header);
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            refuseWhenStopping();
            Ran ran = runScenario(s, traces);
            results.add(ran.result());
            for (RunListener l : listeners) {
                l.scenarioFinished(s, ran.result(), ran.trace());
            }
            summary.scenario(ran.result());
        }
        RunResult run = new RunResult(runId, options.rigName(), options.seed(), options.defects(),
                started.toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), ToolVersion.version(), results,
                options.unitSeed());
        refuseWhenStopping();
        ResultsJson.write(run, options.outDir().resolve("results.json"));
        JunitXml.write(run, options.outDir().resolve("junit.xml"));
        List<String> where = new ArrayList<>();
        for (EndOfRun step : endSteps) {
            where.addAll(step.finished(options.outDir(), run, scenarios));
        }
        summary.totals(run, options.outDir(), wall.nowNanos(), where);
        return run;
    }

    /**
     * A run id: the start time, the seed and 32 random bits (two runs started in the same second on one
     * database must not collide), e.g. {@code run-20261127T200000Z-seed42-1a2b3c4d}. The random bits come
     * from the operating system and never reach the simulation.
     */
    private String runId(Instant started) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return "run-" + started.toString().replace("-", "").replace(":", "") + "-seed" + options.seed() + "-"
                + HexFormat.of().formatHex(random);
    }

    /**
     * The board's identity as it reports it: a fresh rig with the run's defects and a seed of its own (so
     * asking does not shift any scenario's draws) boots the board under test, and {@code VER}'s {@code ACK}
     * fields come back ({@code board}, {@code fw}, {@code proto}, {@code sn}, {@code build}).
     *
     * @param board the board under test
     * @throws RuntimeException (a {@link org.hilrig.timing.RigException} or {@link IllegalStateException})
     *     when the board did not boot or answer
     */
    public static Map<String, String> boardIdentity(ScenarioEngine engine, RigFactory rigs, Options options,
            Board board) {
        Scenario probe = new Scenario("VER-" + board.name(), "board identity", List.of(), List.of(), board, false, null,
                List.of(), List.of(), List.of(), null, new Position("VER", 0, 0));
        Rig rig = rigs.open(probe, scenarioSeed(options.seed(), probe.id()), options.defects());
        try {
            return engine.identify(rig, board);
        } finally {
            rig.close();
        }
    }

    /** A scenario's result and the trace its rig recorded. */
    private record Ran(ScenarioResult result, Trace trace) {
    }

    /**
     * Runs one scenario on a fresh rig and writes its trace to {@code traces/<id>.vcd} (the folder must
     * exist). Console, results.json and end-of-run steps are left to the caller.
     */
    public ScenarioResult runOne(Scenario s, Path traces) {
        return runScenario(s, traces).result();
    }

    private Ran runScenario(Scenario s, Path traces) {
        String traceName = "traces/" + s.id() + ".vcd";
        Path vcd = traces.resolve(s.id() + ".vcd");
        ScenarioOutcome outcome;
        String brokeBecause = null;
        Rig rig = null;
        try {
            rig = rigs.open(s, scenarioSeed(options.seed(), s.id()), options.defects());
            outcome = engine.run(s, rig);
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            brokeBecause = e instanceof RigException ? e.getMessage() : "internal error: " + e;
            outcome = ScenarioOutcome.rigBroke("the rig broke: " + brokeBecause, rig == null ? 0 : rig.nowNanos());
        } finally {
            if (rig != null) {
                rig.close();
            }
        }
        if (outcome.rigBroke()) {
            rigFailures.add(s.file() + ": " + (brokeBecause != null ? brokeBecause : outcome.message()));
        }
        String sha = rig == null ? null : writeTrace(rig, vcd, outcome.endNanos());
        List<MeasurementResult> ms = outcome.taken().stream()
                .map(t -> MeasurementResult.of(t.measurement(), t.stimulusNanos(), t.signals())).toList();
        ScenarioResult result = new ScenarioResult(s.id(), s.title(), s.file(), outcome.verdict(), s.requirements(),
                s.tags(), ms, sha == null ? null : traceName, sha, outcome.message(), outcome.endNanos(), outcome.steps(),
                outcome.values());
        return new Ran(result, rig == null ? null : rig.trace());
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
