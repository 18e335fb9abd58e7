package org.hilrig.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hilrig.runner.evidence.EvidenceFolder;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.rig.SimRigs;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.run.RigFactory;
import org.hilrig.runner.run.RunEvidence;
import org.hilrig.runner.run.ScenarioRun;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.InputProblem;
import org.hilrig.timing.verdict.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hil run}: runs scenarios on the simulated rig and leaves an evidence folder (CONTRACT.md, DESIGN.md
 * "Evidence"): results.json, junit.xml, traces/&lt;id&gt;.vcd, report.html, traceability.csv, identity.json,
 * the scenario files, sealed with a manifest that {@code hil verify} checks. Each scenario's result goes to
 * the results database as it completes. The folder is created, marked incomplete, before anything runs, so
 * a run killed at any moment leaves a folder {@code hil verify} reports as incomplete.
 *
 * <p>Exit 0 when every scenario passed, 1 when any failed, was inconclusive or erred, 2 on bad input (every
 * problem of every scenario file is printed, one a line; nothing is created; a folder without scenarios is
 * bad input too: running nothing is not a pass; so is a selected scenario the rig cannot run, a line it does
 * not drive or observe, a fault it cannot make, another board, at its step or {@code board:} node), 3 when
 * the rig, the folder or the database failed. The rig breaking in any scenario (a port that would not open,
 * a refused connection, a link lost: the scenario's result is {@code error}, "the rig broke: ...") makes the
 * whole run exit 3, with one line on standard error naming the first, after every output is written.
 */
@Command(name = "run", description = "Runs scenarios (files or folders; default: the whole library) and leaves a sealed "
        + "evidence folder: results.json, junit.xml, traces, report.html, identity, manifest.")
public final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Scenario files or folders (default: the library, test-scenarios/scenarios under hil.home).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--rig", paramLabel = "sim|FIXTURE.yaml", defaultValue = "sim", description = "The rig: sim (default) or a fixture file for real I/O.")
    String rig;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Run seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    UnitOptions unitOptions = new UnitOptions();

    @Option(names = "--defect", paramLabel = "NAME", description = "Switch an emulator defect on (repeatable; see 'hil defects').")
    List<String> defects = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "T[,T...]", split = ",", description = "Run only scenarios with at least one of these tags.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder, new or empty (default out/run-<UTC stamp>).")
    Path out;

    @Option(names = "--db", paramLabel = "URL", description = "Results database: jdbc:sqlite:FILE or "
            + "jdbc:postgresql://HOST[:PORT]/DB (default: results.db in the rig home).")
    String db;

    @Option(names = "--no-db", description = "Record the results in no database (the evidence folder only).")
    boolean noDb;

    @Mixin
    LotOptions lotOptions = new LotOptions();

    @Option(names = "--rt-priority", paramLabel = "N", description = "With a fixture: run the rig's timing path (the link's"
            + " reader, each stimulus) in SCHED_FIFO at priority N (1-" + org.hilrig.runner.io.RealtimePriority.MAX
            + "), whatever the fixture's realtime priority says; 0: ordinary scheduling; needs CAP_SYS_NICE.")
    Integer rtPriority;

    @Option(names = "--rig-home", paramLabel = "DIR", description = "The rig's state folder: key, chain log, "
            + "default database (default: $HIL_HOME, else ~/.hil).")
    Path rigHome;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return runScenarios(err);
        } catch (BadInputException e) {
            // every problem of every file, one a line, so a scenario author fixes them all in one go
            for (String problem : e.problems()) {
                err.println("hil run: " + problem);
            }
            err.flush();
            return Hil.BAD_INPUT;
        }
    }

    private int runScenarios(PrintWriter err) {
        Path fixtureFile = null;
        org.hilrig.runner.realtime.RealTimeRigs realTime = null;
        if (!"sim".equals(rig)) {
            fixtureFile = Path.of(rig);
            if (!java.nio.file.Files.isRegularFile(fixtureFile)) {
                throw new BadInputException(rig, 0, 0, "--rig: no such fixture file (allowed: sim, or a fixture such as"
                        + " fixtures/rigs/pi-gen.yaml)");
            }
            realTime = org.hilrig.runner.realtime.RealTimeRigs.forFixture(fixtureFile);
            if (rtPriority != null) {
                if (rtPriority < 0 || rtPriority > org.hilrig.runner.io.RealtimePriority.MAX) {
                    throw new BadInputException("", 0, 0, "--rt-priority " + rtPriority + ": out of range (allowed: 0 for"
                            + " ordinary scheduling, 1 to " + org.hilrig.runner.io.RealtimePriority.MAX + ")");
                }
                realTime = realTime.withPriority(rtPriority);
            }
        } else if (rtPriority != null) {
            throw new BadInputException("", 0, 0, "--rt-priority: only with --rig FIXTURE.yaml (the simulated rig runs"
                    + " on virtual time)");
        }
        if (noDb && db != null) {
            throw new BadInputException("", 0, 0, "--db and --no-db: give one or the other");
        }
        RigHome home = RigHome.locate(rigHome);
        String url = noDb ? null : db != null ? db : ResultStore.sqliteUrl(home.database());
        // connecting (loading SQLite's native library, migrating) overlaps with reading the library
        CompletableFuture<ResultStore> opening = url == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> ResultStore.open(url));
        Library library;
        RigFactory rigs;
        List<String> defectNames = new ArrayList<>();
        List<Scenario> scenarios;
        try {
            library = Library.open(Library.home());
            for (String d : defects) {
                String known = library.simulatedRigs().defectName(d);
                if (known == null) {
                    throw new BadInputException("", 0, 0, "--defect " + d + ": unknown defect, allowed: "
                            + String.join(", ", library.simulatedRigs().defectNames()));
                }
                if (!defectNames.contains(known)) {
                    defectNames.add(known);
                }
            }
            scenarios = library.load(paths);
            if (!tags.isEmpty()) {
                scenarios = scenarios.stream().filter(s -> s.tags().stream().anyMatch(tags::contains)).toList();
                if (scenarios.isEmpty()) {
                    throw new BadInputException("", 0, 0, "--tags " + String.join(",", tags)
                            + ": no scenario has any of these tags");
                }
            }
            // what the rig cannot do is bad input at the step that needs it, before any rig or link is opened
            SimRigs.UnitChoice unit = unitOptions.choice();
            if (unit != null && realTime != null) {
                throw new BadInputException("", 0, 0, "--unit-seed/--serial-number: a real board is the unit it is; they"
                        + " choose a unit of the simulated rig (--rig sim)");
            }
            lotOptions.check(unit != null, realTime != null, !defectNames.isEmpty());
            rigs = realTime != null ? realTime : unit != null ? library.simulatedRigFactory(unit)
                    : library.simulatedRigFactory();
            List<InputProblem> cannot = rigs.check(scenarios);
            if (!cannot.isEmpty()) {
                throw new BadInputException(cannot);
            }
        } catch (RuntimeException e) {
            // bad input wins over a database problem; the connection is closed before the error is reported
            try {
                ResultStore store = opened(opening);
                if (store != null) {
                    store.close();
                }
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        String rigName = realTime != null ? realTime.fixture().name() : "sim";
        Library lib = library;
        List<Scenario> chosen = scenarios;
        Path fixture = fixtureFile;
        Long unitSeed = unitOptions.choice() == null ? null : unitOptions.choice().seed();
        One one = (store, dir, factory, defectsOfUnit, seedOfUnit, console) -> {
            EvidenceFolder folder = EvidenceFolder.create(dir, PausePoint.fromSystemProperties());
            ScenarioRun.Options options = new ScenarioRun.Options(rigName, seed, defectsOfUnit, folder.dir(), seedOfUnit);
            Map<String, String> board = RunEvidence.askBoards(chosen,
                    b -> ScenarioRun.boardIdentity(lib.engine(), factory, options, b));
            try (RunEvidence evidence = new RunEvidence(folder, home, store, url == null ? null : redact(url),
                    Library.home(), lib.requirementsFile(), lib.requirements().all(), board, chosen,
                    fixture)) {
                ScenarioRun run = new ScenarioRun(lib.engine(), factory, options, List.of(evidence), List.of(evidence));
                RunResult r = run.run(chosen, console);
                return new LotRun.Ran(r, run.rigFailures());
            }
        };
        LotRun.Ran ran;
        // the database is open (or its error reported) before the output folder exists
        try (ResultStore store = opened(opening)) {
            if (lotOptions.units() != null) {
                int code = new LotRun(lib, lotOptions, defectNames, seed, spec.commandLine().getOut(), err, store,
                        url == null ? null : redact(url), home).testing(chosen.stream().map(Scenario::board).distinct().toList())
                        .run(out != null ? out : defaultOut(), (dir, factory, defectsOfUnit, u, console) ->
                                one.run(store, dir, factory, defectsOfUnit, u, console));
                err.flush();
                return code;
            }
            ran = one.run(store, out != null ? out : defaultOut(), rigs, defectNames, unitSeed, spec.commandLine().getOut());
        }
        RunResult result = ran.result();
        List<String> rigFailures = ran.rigFailures();
        if (!rigFailures.isEmpty()) {
            err.println("hil run: the rig broke (" + rigFailures.size() + " of " + result.scenarios().size()
                    + " scenarios erred), first in " + rigFailures.get(0));
            err.flush();
            return Hil.RIG_BROKE;
        }
        err.flush();
        for (ScenarioResult r : result.scenarios()) {
            if (r.status() != Verdict.PASS) {
                return Hil.FAILED;
            }
        }
        return Hil.OK;
    }

    /** One run into an evidence folder: the whole of {@code hil run}, or one unit of a lot. */
    private interface One {
        LotRun.Ran run(ResultStore store, Path dir, RigFactory rigs, List<String> defects, Long unitSeed,
                PrintWriter console);
    }

    /** {@code out/run-<UTC stamp>}, with {@code -2}, {@code -3}, ... when a run this second already has it. */
    private static Path defaultOut() {
        String stamp = "run-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("-", "").replace(":", "");
        Path p = Path.of("out", stamp);
        for (int i = 2; java.nio.file.Files.exists(p); i++) {
            p = Path.of("out", stamp + "-" + i);
        }
        return p;
    }

    /** The opened database, or the exception opening it threw, as it was thrown. */
    private static ResultStore opened(CompletableFuture<ResultStore> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** A database URL without a password parameter, for the console. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
