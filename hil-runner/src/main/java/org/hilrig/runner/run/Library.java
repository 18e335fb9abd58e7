package org.hilrig.runner.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.rig.SimRigs;
import org.hilrig.runner.scenario.RequirementCatalog;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.scenario.ScenarioEngine;
import org.hilrig.runner.scenario.ScenarioLoader;
import org.hilrig.runner.scenario.Vocabulary;
import org.hilrig.timing.BadInputException;

/**
 * The scenario library of a rig installation and everything needed to run it on the simulated rig: the
 * requirement list, the board profiles, the vocabulary scenarios are checked against, the engine and the
 * simulated rigs. The composition root shared by {@code hil run} and the JUnit integration.
 *
 * <p>Files are found from the installation's home: the system property {@code hil.home} (set by
 * {@code scripts/hil}), else the current directory. Under it: {@code test-scenarios/scenarios/**.yaml},
 * {@code test-scenarios/requirements.yaml}, {@code fixtures/boards/*.yaml}. Immutable once opened.
 */
public final class Library {
    private final Path home;
    private final RequirementCatalog requirements;
    private final SimRigs rigs;
    private final Vocabulary vocabulary;

    private Library(Path home, RequirementCatalog requirements, SimRigs rigs) {
        this.home = home;
        this.requirements = requirements;
        this.rigs = rigs;
        this.vocabulary = rigs.vocabulary(requirements.ids());
    }

    /** The installation's home: {@code hil.home} when set, else the current directory. */
    public static Path home() {
        String h = System.getProperty("hil.home");
        return Path.of(h == null || h.isBlank() ? "" : h).toAbsolutePath().normalize();
    }

    /**
     * Opens the library under {@code home}.
     *
     * @throws BadInputException when the requirement list or a board profile is missing or wrong (every
     *     problem of both)
     */
    public static Library open(Path home) {
        Path req = home.resolve("test-scenarios/requirements.yaml");
        if (!Files.isRegularFile(req)) {
            throw new BadInputException(req.toString(), 0, 0, "no requirement list here (is hil.home "
                    + home + " the rig's folder?)");
        }
        List<String> problems = new ArrayList<>();
        RequirementCatalog catalog = null;
        try {
            catalog = RequirementCatalog.load(req);
        } catch (BadInputException e) {
            problems.addAll(e.problems());
        }
        SimRigs rigs = null;
        try {
            rigs = SimRigs.fromFixtures(home.resolve("fixtures/boards"));
        } catch (BadInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return new Library(home, catalog, rigs);
    }

    /** The library's scenario folder. */
    public Path scenarios() {
        return home.resolve("test-scenarios/scenarios");
    }

    public RequirementCatalog requirements() {
        return requirements;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The simulated rigs (one fresh emulated bench per scenario). */
    public SimRigs simulatedRigs() {
        return rigs;
    }

    /** An engine that reads {@code profile.NAME} limits from this library's board profiles. */
    public ScenarioEngine engine() {
        return new ScenarioEngine(rigs.limits());
    }

    /**
     * Loads and validates scenario files and folders (the whole library when {@code paths} is empty).
     *
     * @throws BadInputException with every problem of every file
     */
    public List<Scenario> load(List<Path> paths) {
        return new ScenarioLoader(vocabulary).loadAll(paths.isEmpty() ? List.of(scenarios()) : paths);
    }
}
