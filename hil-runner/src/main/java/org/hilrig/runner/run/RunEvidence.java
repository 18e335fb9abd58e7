package org.hilrig.runner.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.evidence.EvidenceFolder;
import org.hilrig.runner.evidence.FileDigest;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.evidence.RunIdentity;
import org.hilrig.runner.report.ReportDraft;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.scenario.Requirement;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.timing.trace.Trace;

/**
 * Makes a run's output folder evidence (DESIGN.md, "Evidence"), in the order {@link EvidenceFolder} requires:
 *
 * <pre>
 * (caller)            EvidenceFolder.create(out)                   before anything runs: the INCOMPLETE marker
 * started(run)        scenario files and the requirement list copied into the folder, hashed into the
 *                     identity; the run's start recorded in the results database
 * scenarioFinished    the scenario's result committed to the database at once (a kill keeps it); its report
 *                     section (timing diagrams, transcript) drawn on a background thread meanwhile
 * (ScenarioRun)       results.json, junit.xml, traces/*.vcd
 * finished(...)       identity.json, report.html, traceability.csv, transcripts/; "every result in" in the
 *                     database; the seal: manifest, signature when the rig has a key, chain, marker removed;
 *                     then, last, the run's end and its manifest's hash in the database
 * </pre>
 *
 * <p>So the database says a run ended only once its folder is sealed: a run killed before says which it lacks
 * (its end, or its seal), and its results never count as the latest ones.
 *
 * <p>Folder layout added here: {@code scenarios/<file as the run names it>} (each scenario file byte for byte),
 * {@code requirements.yaml}, {@code identity.json}, {@code report.html}, {@code traceability.csv},
 * {@code transcripts/ID.txt}. Confined to the run's thread; one instance per run.
 */
public final class RunEvidence implements RunListener, EndOfRun, AutoCloseable {
    private final EvidenceFolder folder;
    private final RigHome home;
    private final ResultStore store;
    private final String storeName;
    private final Path libraryHome;
    private final Path requirementsFile;
    private final List<Requirement> requirements;
    private final Map<String, String> board;
    private final List<Scenario> scenarios;
    private final ReportDraft report = new ReportDraft();
    private final Path fixtureFile;
    private RunIdentity identity;

    /**
     * @param store the results database, or null to record none ({@code --no-db})
     * @param storeName how the console names the database (no password)
     * @param libraryHome the installation's home: scenario files are named relative to it
     * @param requirementsFile the requirement list the traceability matrix is made against
     * @param board the boards' identity as {@link #askBoards} gave it
     * @param scenarios the scenarios the run will run, in order
     * @param fixtureFile the rig fixture of a real-I/O run (hashed into the identity), or null on the simulated rig
     */
    public RunEvidence(EvidenceFolder folder, RigHome home, ResultStore store, String storeName, Path libraryHome,
            Path requirementsFile, List<Requirement> requirements, Map<String, String> board, List<Scenario> scenarios,
            Path fixtureFile) {
        this.fixtureFile = fixtureFile;
        this.folder = folder;
        this.home = home;
        this.store = store;
        this.storeName = storeName;
        this.libraryHome = libraryHome;
        this.requirementsFile = requirementsFile;
        this.requirements = List.copyOf(requirements);
        this.board = Map.copyOf(board);
        this.scenarios = List.copyOf(scenarios);
    }

    /**
     * Asks each board under test in {@code scenarios} (once per board, in the order the scenarios name them)
     * who it is, and keys each answer's fields by the board: {@code GEN.fw=1.0.0}. A board that does not
     * answer is recorded as {@code GEN.error=why}, not hidden.
     *
     * @param ask the board's {@code VER} fields by board ({@link ScenarioRun#boardIdentity})
     */
    public static Map<String, String> askBoards(List<Scenario> scenarios, Function<Board, Map<String, String>> ask) {
        Set<Board> boards = new LinkedHashSet<>();
        for (Scenario s : scenarios) {
            boards.add(s.board());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Board b : boards) {
            try {
                ask.apply(b).forEach((k, v) -> out.put(b.name() + "." + k, v));
            } catch (RuntimeException e) {
                out.put(b.name() + ".error", String.valueOf(e.getMessage()));
            }
        }
        return out;
    }

    @Override
    public void started(RunResult run) {
        List<FileDigest> files = new ArrayList<>();
        Set<String> copied = new LinkedHashSet<>();
        for (Scenario s : scenarios) {
            if (s.file() == null || !copied.add(s.file())) {
                continue;
            }
            Path source = source(s.file());
            String name = inFolder(s.file());
            folder.copy("scenarios/" + name, source);
            files.add(FileDigest.of(s.file(), folder.resolve("scenarios/" + name)));
        }
        folder.copy("requirements.yaml", requirementsFile);
        identity = RunIdentity.capture(run.runId(), run.rig(), run.toolVersion(),
                fixtureFile == null ? null : FileDigest.of(fixtureFile), board, files,
                run.seed(), run.defects(), Instant.parse(run.startedUtc()), null);
        if (store != null) {
            store.startRun(run, home.rigId(), identity.host());
        }
    }

    @Override
    public void scenarioFinished(Scenario scenario, ScenarioResult result, Trace trace) {
        report.add(result, trace);
        if (store != null) {
            store.addScenario(identity.runId(), result);
        }
    }

    /** Stops drawing the report (a run that ended early); idempotent. */
    @Override
    public void close() {
        report.close();
    }

    @Override
    public List<String> finished(Path outDir, RunResult result, List<Scenario> ran) {
        identity = identity.endedAt(Instant.parse(result.endedUtc()));
        folder.write("identity.json", identity.toJson());
        Path reportFile = report.write(folder, result, identity, requirements);
        report.close();
        if (store != null) {
            store.resultsRecorded(result.runId());
        }
        EvidenceFolder.Sealed sealed = folder.seal(home, result.runId());
        if (store != null) {
            store.sealed(result.runId(), result.endedUtc(), sealed.manifestSha256());
        }
        List<String> lines = new ArrayList<>();
        lines.add("report: " + reportFile);
        if (store != null) {
            lines.add("results database: " + storeName + " (run " + result.runId() + ")");
        }
        String signedBy = sealed.manifest().signedBy();
        lines.add("evidence: " + folder.dir() + " sealed (" + sealed.manifest().files().size() + " files, "
                + (signedBy == null ? "unsigned: no rig key in " + home.dir() + ", see 'hil keygen'"
                : "signed by " + signedBy) + ", manifest sha256 " + sealed.manifestSha256() + "); check it with: hil verify "
                + folder.dir() + (home.dir().equals(RigHome.locate(null).dir()) ? "" : " --rig-home " + home.dir()));
        return lines;
    }

    /** The scenario file as the run names it: relative to the home when it lies there, else as given. */
    private Path source(String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            return p;
        }
        Path underHome = libraryHome.resolve(p);
        return Files.exists(underHome) ? underHome : p.toAbsolutePath();
    }

    /**
     * Where a scenario file goes under {@code scenarios/}: its name as the run gives it (relative to the home),
     * or for a file elsewhere its path without the root and without leading {@code ..}, so it stays inside.
     */
    static String inFolder(String file) {
        Path p = Path.of(file).normalize();
        if (p.getRoot() != null) {
            p = p.getRoot().relativize(p);
        }
        while (p.getNameCount() > 1 && p.getName(0).toString().equals("..")) {
            p = p.subpath(1, p.getNameCount());
        }
        return p.toString().replace('\\', '/');
    }
}
