package org.hilrig.scenarios.junit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.run.ScenarioRun;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.Durations;
import org.hilrig.timing.InputProblem;
import org.hilrig.timing.verdict.Verdict;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.opentest4j.AssertionFailedError;

/**
 * Runs scenario files as JUnit tests on the simulated rig.
 *
 * <p>Discovery takes {@link DirectorySelector}s (searched for {@code *.yaml}), {@link FileSelector}s, and
 * {@link UniqueIdSelector}s naming scenarios (picked from the library under {@code hil.home}, as an IDE
 * re-runs one test); other selectors (classes, packages) select nothing, so the engine stays quiet beside
 * Jupiter. Every
 * scenario becomes one test; when files do not load, or the simulated rig cannot run a selected scenario
 * (a line it does not drive, say), every problem becomes one failing test at its file, line and column.
 *
 * <p>Configuration parameters: {@code hil.seed} (default 42), {@code hil.defects} (comma-separated
 * emulator defects, default none), {@code hil.out} (folder for traces, default
 * {@code target/hil-scenarios}). The library's home (requirements, board profiles) is {@code hil.home}.
 *
 * <p>A scenario that passes is successful; fail, inconclusive and error are failures whose message names
 * the verdict and the scenario line. Measurements are published as report entries.
 */
public final class ScenarioTestEngine implements TestEngine {
    /** The engine id, for {@code @IncludeEngines}. */
    public static final String ID = "hil-scenarios";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "HIL scenario library");
        List<Path> paths = new ArrayList<>();
        request.getSelectorsByType(DirectorySelector.class).forEach(s -> paths.add(s.getPath()));
        request.getSelectorsByType(FileSelector.class).forEach(s -> {
            if (s.getRawPath().endsWith(".yaml") || s.getRawPath().endsWith(".yml")) {
                paths.add(s.getPath());
            }
        });
        // a unique id naming a scenario (an IDE re-running one test) selects it from the whole library
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        request.getSelectorsByType(UniqueIdSelector.class).forEach(s -> s.getUniqueId().getSegments().stream()
                .filter(seg -> seg.getType().equals(ScenarioDescriptor.SEGMENT)).forEach(seg -> ids.add(seg.getValue())));
        if (paths.isEmpty() && ids.isEmpty()) {
            return engine;
        }
        try {
            Library library = Library.open(Library.home());
            List<Scenario> selected = library.load(paths.isEmpty() ? List.of(library.scenarios()) : paths).stream()
                    .filter(s -> ids.isEmpty() || ids.contains(s.id())).toList();
            // a scenario the simulated rig cannot run is a problem at its step, as in 'hil run'
            List<InputProblem> cannot = library.simulatedRigFactory().check(selected);
            if (!cannot.isEmpty()) {
                throw new BadInputException(cannot);
            }
            selected.forEach(s -> engine.addChild(new ScenarioDescriptor(uniqueId, s)));
        } catch (BadInputException e) {
            for (int i = 0; i < e.located().size(); i++) {
                engine.addChild(new LibraryProblemDescriptor(uniqueId, i + 1, e.located().get(i)));
            }
        }
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor root = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(root);
        var config = request.getConfigurationParameters();
        long seed;
        try {
            seed = config.get("hil.seed").map(Long::parseLong).orElse(42L);
        } catch (NumberFormatException e) {
            for (TestDescriptor child : root.getChildren()) {
                listener.executionStarted(child);
                listener.executionFinished(child, TestExecutionResult.failed(new AssertionFailedError(
                        "configuration parameter hil.seed: '" + config.get("hil.seed").orElse("") + "' is not a whole number")));
            }
            listener.executionFinished(root, TestExecutionResult.successful());
            return;
        }
        List<String> defects = config.get("hil.defects").map(d -> Arrays.stream(d.split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(List.of());
        Path out = Path.of(config.get("hil.out").orElse("target" + File.separator + "hil-scenarios"));
        ScenarioRun run = null;
        for (TestDescriptor child : root.getChildren()) {
            listener.executionStarted(child);
            if (child instanceof LibraryProblemDescriptor bad) {
                listener.executionFinished(child, TestExecutionResult.failed(
                        new AssertionFailedError(bad.problem().toString())));
                continue;
            }
            ScenarioDescriptor d = (ScenarioDescriptor) child;
            try {
                if (run == null) {
                    Library library = Library.open(Library.home());
                    Files.createDirectories(out.resolve("traces"));
                    run = new ScenarioRun(library.engine(), library.simulatedRigFactory(),
                            new ScenarioRun.Options("sim", seed, defects, out), List.of());
                }
                ScenarioResult r = run.runOne(d.scenario(), out.resolve("traces"));
                listener.reportingEntryPublished(child, entry(r));
                listener.executionFinished(child, r.status() == Verdict.PASS ? TestExecutionResult.successful()
                        : TestExecutionResult.failed(new AssertionFailedError(r.status().word() + ": "
                                + d.scenario().file() + ": " + r.message())));
            } catch (Exception e) {
                listener.executionFinished(child, TestExecutionResult.failed(e));
            }
        }
        listener.executionFinished(root, TestExecutionResult.successful());
    }

    private static ReportEntry entry(ScenarioResult r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("verdict", r.status().word());
        for (MeasurementResult x : r.measurements()) {
            m.put(x.name(), Durations.format(x.valueNs()) + " " + x.status().word());
        }
        m.put("trace", r.trace() + " sha256 " + r.traceSha256());
        return ReportEntry.from(m);
    }
}
