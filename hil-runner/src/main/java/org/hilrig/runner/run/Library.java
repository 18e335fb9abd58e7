package org.hilrig.runner.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hilrig.device.board.BoardDefinition;
import org.hilrig.device.board.Boards;
import org.hilrig.device.board.LineSpec;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.profile.Board;
import org.hilrig.device.protocol.Command;
import org.hilrig.device.protocol.Event;
import org.hilrig.device.protocol.NakCode;
import org.hilrig.runner.profile.BoardLimits;
import org.hilrig.runner.profile.ReferenceProfiles;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.rig.SimRigs;
import org.hilrig.runner.scenario.ProfileLimits;
import org.hilrig.runner.scenario.RequirementCatalog;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.scenario.ScenarioEngine;
import org.hilrig.runner.scenario.ScenarioLoader;
import org.hilrig.runner.scenario.Vocabulary;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.InputProblem;

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
    private final BoardLimits limits;
    /** Commands of protocol version 1, both boards: the catalogue (protocol.md sections 4 and 5, and the additions). */
    private static final Set<String> COMMANDS = Arrays.stream(Command.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    /** Events of protocol version 1, both boards: the catalogue. */
    private static final Set<String> EVENTS = Arrays.stream(Event.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private Library(Path home, RequirementCatalog requirements, SimRigs rigs) {
        this.home = home;
        this.requirements = requirements;
        this.rigs = rigs;
        this.limits = new BoardLimits(rigs.profiles());
        // names: every line some rig may drive or observe, from the board definitions (a Pi fixture may wire
        // DOOR_CLOSED as an output and set it); what the chosen rig can do is checked after loading
        Set<String> inputs = new LinkedHashSet<>(rigs.inputs());
        Set<String> outputs = new LinkedHashSet<>(rigs.lines());
        for (BoardDefinition d : Boards.all()) {
            for (LineSpec l : d.lines()) {
                (l.side() == LineSpec.Side.IN ? inputs : outputs).add(l.name());
            }
        }
        outputs.removeAll(inputs);
        Set<String> naks = new LinkedHashSet<>();
        for (NakCode c : NakCode.values()) {
            naks.add(c.code());
        }
        Map<String, String> analogs = new LinkedHashMap<>();
        for (BoardDefinition d : Boards.all()) {
            analogs.putAll(d.analogUnits());
        }
        this.vocabulary = new Vocabulary(inputs, outputs, rigs.faults(), COMMANDS, EVENTS, naks,
                rigs.defectNames(), requirements.ids(), limits.names(), analogs);
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
        List<InputProblem> problems = new ArrayList<>();
        RequirementCatalog catalog = null;
        try {
            catalog = RequirementCatalog.load(req);
        } catch (BadInputException e) {
            problems.addAll(e.located());
        }
        SimRigs rigs = null;
        try {
            ReferenceProfiles profiles = ReferenceProfiles.load(home.resolve("fixtures/boards"));
            rigs = new SimRigs(profiles.all());
        } catch (BadInputException e) {
            problems.addAll(e.located());
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

    /** The requirement list's file. */
    public Path requirementsFile() {
        return home.resolve("test-scenarios/requirements.yaml");
    }

    public RequirementCatalog requirements() {
        return requirements;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The simulated rigs. */
    public SimRigs simulatedRigs() {
        return rigs;
    }

    /**
     * A fresh simulated rig per scenario: its board, other board, the run's defects and its own seed. Its
     * capabilities are those of the machine of that configuration: the inputs it has, its lines, and every
     * fault the machine takes.
     */
    public RigFactory simulatedRigFactory() {
        return simulatedRigFactory(rigs);
    }

    /** As {@link #simulatedRigFactory()}, every board the given unit of a lot. */
    public RigFactory simulatedRigFactory(SimRigs.UnitChoice unit) {
        return simulatedRigFactory(rigs.ofUnit(unit));
    }

    private static RigFactory simulatedRigFactory(SimRigs rigs) {
        Set<PlantFault.Kind> faults = EnumSet.noneOf(PlantFault.Kind.class);
        rigs.faults().keySet().forEach(f -> PlantFault.Kind.byName(f).ifPresent(faults::add));
        return new RigFactory() {
            @Override
            public Rig open(Scenario s, long seed, List<String> defects) {
                return rigs.open(s.board(), s.emulateOtherBoard(), seed, defects, s.sampled());
            }

            @Override
            public RigCapabilities capabilities(Board board, boolean emulateOtherBoard) {
                return new RigCapabilities("sim", board, rigs.inputs(board, emulateOtherBoard),
                        rigs.lines(board, emulateOtherBoard), faults, rigs.analogs(board, emulateOtherBoard));
            }
        };
    }

    /** The {@code profile.NAME} limits of this library's board profiles. */
    public ProfileLimits limits() {
        return limits;
    }

    /** An engine that reads {@code profile.NAME} limits from this library's board profiles. */
    public ScenarioEngine engine() {
        return new ScenarioEngine(limits);
    }

    /**
     * Loads and validates scenario files and folders (the whole library when {@code paths} is empty). Files
     * under the home are named relative to it ({@code test-scenarios/scenarios/interlock/int-door-001.yaml}).
     *
     * @throws BadInputException with every problem of every file
     */
    public List<Scenario> load(List<Path> paths) {
        return new ScenarioLoader(vocabulary, home, limits).loadAll(paths.isEmpty() ? List.of(scenarios()) : paths);
    }
}
