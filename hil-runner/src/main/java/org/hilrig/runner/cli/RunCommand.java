package org.hilrig.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.run.ScenarioRun;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.verdict.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hil run}: runs scenarios on the simulated rig and writes results.json, junit.xml and
 * traces/&lt;id&gt;.vcd (CONTRACT.md). Exit 0 when every scenario passed, 1 when any failed, was
 * inconclusive or erred, 2 on bad input (every problem of every scenario file is printed, one a line).
 */
@Command(name = "run", description = "Runs scenarios (files or folders; default: the whole library) and writes results.json, junit.xml and traces.")
public final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Scenario files or folders (default: the library, test-scenarios/scenarios under hil.home).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--rig", paramLabel = "sim|FIXTURE.yaml", defaultValue = "sim", description = "The rig: sim (default) or a fixture file for real I/O.")
    String rig;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Run seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--defect", paramLabel = "NAME", description = "Switch an emulator defect on (repeatable; see 'hil defects').")
    List<String> defects = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "T[,T...]", split = ",", description = "Run only scenarios with at least one of these tags.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default out/run-<UTC stamp>).")
    Path out;

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
        Library library = Library.open(Library.home());
        org.hilrig.runner.realtime.RealTimeRigs realTime = null;
        if (!"sim".equals(rig)) {
            Path fixtureFile = Path.of(rig);
            if (!java.nio.file.Files.isRegularFile(fixtureFile)) {
                throw new BadInputException(rig, 0, 0, "--rig: no such fixture file (allowed: sim, or a fixture such as"
                        + " fixtures/rigs/pi-gen.yaml)");
            }
            realTime = org.hilrig.runner.realtime.RealTimeRigs.forFixture(fixtureFile);
        }
        List<String> defectNames = new ArrayList<>();
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
        List<Scenario> scenarios = library.load(paths);
        if (!tags.isEmpty()) {
            scenarios = scenarios.stream().filter(s -> s.tags().stream().anyMatch(tags::contains)).toList();
            if (scenarios.isEmpty()) {
                throw new BadInputException("", 0, 0, "--tags " + String.join(",", tags) + ": no scenario has any of these tags");
            }
        }
        Path outDir = out != null ? out : Path.of("out", "run-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()
                .replace("-", "").replace(":", ""));
        org.hilrig.runner.run.RigFactory rigs = library.simulatedRigFactory();
        String rigName = "sim";
        if (realTime != null) {
            org.hilrig.runner.realtime.RealTimeRigs fixtureRigs = realTime;
            String board = fixtureRigs.fixture().board().name();
            List<Scenario> other = scenarios.stream().filter(s -> !s.board().equals(board)).toList();
            if (!other.isEmpty()) {
                throw new BadInputException("", 0, 0, "--rig " + rig + ": the fixture's board is " + board + ", but "
                        + other.get(0).file() + " is for " + other.get(0).board() + " (select scenarios with --tags or paths)");
            }
            rigs = (s, scenarioSeed, d) -> fixtureRigs.open(scenarioSeed, d);
            rigName = fixtureRigs.fixture().name();
        }
        ScenarioRun run = new ScenarioRun(library.engine(), rigs,
                new ScenarioRun.Options(rigName, seed, defectNames, outDir), List.of());
        RunResult result = run.run(scenarios, spec.commandLine().getOut());
        err.flush();
        for (ScenarioResult r : result.scenarios()) {
            if (r.status() != Verdict.PASS) {
                return Hil.FAILED;
            }
        }
        return Hil.OK;
    }
}
