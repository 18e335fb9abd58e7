package org.hilrig.runner.station;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hilrig.device.profile.Units;
import org.hilrig.runner.evidence.EvidenceFolder;
import org.hilrig.runner.evidence.Manifest;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.io.TcpEndpoint;
import org.hilrig.runner.realtime.RealTimeRigs;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.run.RunEvidence;
import org.hilrig.runner.run.RunListener;
import org.hilrig.runner.run.ScenarioRun;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.store.AttemptRecord;
import org.hilrig.runner.store.ProfileRevision;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.timing.Durations;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.random.RandomStreams;
import org.hilrig.timing.verdict.Verdict;

/**
 * One attempt at one unit on one socket, start to end, on the socket's thread: the unit's emulator started (an
 * emulated socket), the board asked who it is ({@code VER}: its serial must be the scanned one, or nothing runs),
 * the product's suite run by {@link ScenarioRun} into its own sealed evidence folder exactly as {@code hil run}
 * does, the emulator stopped. Whatever happens, the rig has closed (outputs in the fixture's safe state) and the
 * emulator is stopped before {@link #run} returns its record.
 */
final class Attempt {
    /** What the operator's page is told while the attempt runs (on the socket's thread). */
    interface Listener {
        void phase(String what);

        void scenario(int index, int total, Scenario scenario, List<Scenario> suite);

        void step(String what);
    }

    static final long VER_REPLY_NANOS = 2_000_000_000L;
    private final StationFile station;
    private final StationFile.Socket socket;
    private final StationFile.Product product;
    private final ProfileRevision revision;
    private final Path profileFile;
    private final List<Scenario> suite;
    private final Library library;
    private final RigHome home;
    private final String databaseUrl;
    private final String serial;
    private final String operator;
    private final String attemptId;
    private final String started;
    private final Listener listener;
    private volatile AbortableRigs rigs;
    private volatile String abortReason;
    private volatile String inOperatorWords;

    /**
     * @param revision the product's profile revision in force at the scan: the attempt records it and its hash
     * @param profileFile the revision's text as a file, which an emulated unit starts with
     */
    Attempt(StationFile station, StationFile.Socket socket, StationFile.Product product, ProfileRevision revision,
            Path profileFile, List<Scenario> suite, Library library, RigHome home, String databaseUrl, String serial, String operator, String attemptId,
            String startedUtc, Listener listener) {
        this.station = station;
        this.socket = socket;
        this.product = product;
        this.revision = revision;
        this.profileFile = profileFile;
        this.suite = List.copyOf(suite);
        this.library = library;
        this.home = home;
        this.databaseUrl = databaseUrl;
        this.serial = serial;
        this.operator = operator;
        this.attemptId = attemptId;
        this.started = startedUtc;
        this.listener = listener;
    }

    /** Whether an emulated unit of this seed carries the product's defect: the draw {@code hil run --units} makes. */
    static boolean carriesDefect(long unitSeed, double sharePercent) {
        return new RandomStreams(unitSeed).stream("lot.defective").nextDouble() * 100 < sharePercent;
    }

    /** Ends the attempt from any thread: outputs safe now, the scenario at its next step. */
    void abort(String reason) {
        abortReason = reason;
        AbortableRigs r = rigs;
        if (r != null) {
            r.abort(reason);
        }
    }

    /**
     * Once {@link #run} returned: a FAIL's or an INCONCLUSIVE's first scenario not passed in an operator's words
     * ({@link OperatorWords}), the record's {@code why} being the engine's technical text; null for other verdicts,
     * whose {@code why} is in words already.
     */
    String inOperatorWords() {
        return inOperatorWords;
    }

    /** The attempt's record as its scan is taken: running, no verdict yet. */
    AttemptRecord starting() {
        return new AttemptRecord(attemptId, serial, socket.name(), station.id(), operator, product.partNumber(),
                product.revision(), socket.fixture().getFileName().toString(), revision.sha256(),
                revision.revisionId(), Map.of(), started,
                null, null, null, null, null, null, null);
    }

    AttemptRecord run() {
        long unitSeed = Units.seedOf(serial);
        String defect = socket.emulate() != null && product.defect() != null
                && carriesDefect(unitSeed, product.defectSharePercent()) ? product.defect() : null;
        Map<String, String> ver = Map.of();
        String fixtureName = socket.fixture().getFileName().toString();
        EmulatedBoard unit = null;
        try {
            Path fixture = socket.fixture();
            if (socket.emulate() != null) {
                listener.phase("starting unit " + serial + " (hil emulate --unit-seed " + unitSeed + ")");
                unit = EmulatedBoard.start(socket.emulate(), unitSeed, defect, profileFile, Library.home(), 120);
                fixture = emulatedFixture(unit.port());
            }
            if (abortReason != null) {
                return record(started, ver, fixtureName, AttemptRecord.Verdict.ABORTED, abortReason + " before anything ran",
                        null, null);
            }
            RealTimeRigs realTime = RealTimeRigs.forFixture(fixture);
            fixtureName = realTime.fixture().name();
            AbortableRigs guarded = new AbortableRigs(realTime, listener::step);
            rigs = guarded;
            if (abortReason != null) {
                guarded.abort(abortReason);
            }
            Path dir = station.evidence().resolve(attemptId);
            ScenarioRun.Options options = new ScenarioRun.Options(realTime.fixture().name(), 42,
                    defect == null ? List.of() : List.of(defect), dir, null);
            listener.phase("asking the board who it is (VER)");
            ver = identify(guarded, options);
            String reported = ver.get("sn");
            if (!serial.equals(reported)) {
                return record(started, ver, fixtureName, AttemptRecord.Verdict.ERROR, "the board in socket " + socket.name()
                        + " reports serial " + reported + ", the scan was " + serial + ": wrong unit in the socket? nothing"
                        + " was tested", null, null);
            }
            return runSuite(started, ver, fixtureName, guarded, options, fixture);
        } catch (AbortableRigs.Aborted e) {
            return record(started, ver, fixtureName, AttemptRecord.Verdict.ABORTED, e.getMessage()
                    + " before the suite ran; " + safeState(),
                    null, null);
        } catch (RuntimeException e) {
            return record(started, ver, fixtureName, AttemptRecord.Verdict.ERROR, "the rig broke: " + e.getMessage(), null,
                    null);
        } finally {
            if (unit != null) {
                unit.close();
            }
        }
    }

    private AttemptRecord runSuite(String started, Map<String, String> ver, String fixtureName, AbortableRigs guarded,
            ScenarioRun.Options options, Path fixture) {
        EvidenceFolder folder = EvidenceFolder.create(options.outDir());
        Map<String, String> board = new java.util.LinkedHashMap<>();
        ver.forEach((k, v) -> board.put(product.board().name() + "." + k, v));
        RunListener progress = new RunListener() {
            private int next;

            @Override
            public void started(RunResult run) {
                listener.scenario(0, suite.size(), suite.get(0), suite);
            }

            @Override
            public void scenarioFinished(Scenario s, ScenarioResult r, org.hilrig.timing.trace.Trace trace) {
                next++;
                if (next < suite.size()) {
                    listener.scenario(next, suite.size(), suite.get(next), suite);
                }
            }
        };
        RunResult result;
        List<String> rigFailures;
        StringWriter console = new StringWriter();
        try (ResultStore store = databaseUrl == null ? null : ResultStore.open(databaseUrl);
                RunEvidence evidence = new RunEvidence(folder, home, store, null, Library.home(), library.requirementsFile(),
                library.requirements().all(), board, suite, fixture)) {
            ScenarioRun run = new ScenarioRun(library.engine(), guarded, options, List.of(evidence, progress),
                    List.of(evidence));
            result = run.run(suite, new PrintWriter(console));
            rigFailures = run.rigFailures();
        }
        String manifest = sha256(folder.dir().resolve(Manifest.FILE));
        if (guarded.aborted()) {
            return record(started, ver, fixtureName, AttemptRecord.Verdict.ABORTED, abortReason + "; " + safeState(),
                    result.runId(), manifest);
        }
        if (!rigFailures.isEmpty()) {
            return record(started, ver, fixtureName, AttemptRecord.Verdict.ERROR, "the rig broke: " + rigFailures.get(0),
                    result.runId(), manifest);
        }
        // every scenario that did not pass, failures first (what the operator must read), undecided limits after;
        // a failure fails the unit, undecided limits alone leave it unproven (INCONCLUSIVE)
        // the first in words, the others by id and verdict (the evidence folder holds every message)
        List<ScenarioResult> notPassed = new java.util.ArrayList<>();
        for (Verdict worst : List.of(Verdict.FAIL, Verdict.ERROR, Verdict.INCONCLUSIVE)) {
            result.scenarios().stream().filter(r -> r.status() == worst).forEach(notPassed::add);
        }
        if (!notPassed.isEmpty()) {
            boolean failed = notPassed.get(0).status() != Verdict.INCONCLUSIVE;
            inOperatorWords = OperatorWords.of(notPassed.get(0)) + (notPassed.size() == 1 ? "" : " "
                    + (notPassed.size() - 1) + (notPassed.size() == 2 ? " other test" : " other tests") + " not passed.");
            String why = inWords(notPassed.get(0)) + (notPassed.size() == 1 ? "" : "; also not passed: " + String.join(", ",
                    notPassed.subList(1, notPassed.size()).stream().map(r -> r.id() + " " + r.status().word()).toList()));
            return record(started, ver, fixtureName, failed ? AttemptRecord.Verdict.FAIL : AttemptRecord.Verdict.INCONCLUSIVE,
                    why, result.runId(), manifest);
        }
        return record(started, ver, fixtureName, AttemptRecord.Verdict.PASS, "all " + result.scenarios().size()
                + " scenarios of " + product.partNumber() + " rev " + product.revision() + " passed", result.runId(), manifest);
    }

    /**
     * The board's {@code VER} fields, on a rig of its own as {@code hil run} asks ({@link ScenarioRun#boardIdentity}),
     * its reply awaited for {@value #VER_REPLY_NANOS} ns: over real I/O the first reply after the link opened can take
     * longer than the profile's reply limit, and who the board is is not a timing test.
     */
    private Map<String, String> identify(AbortableRigs guarded, ScenarioRun.Options options) {
        org.hilrig.runner.rig.Rig rig = guarded.open(null, ScenarioRun.scenarioSeed(options.seed(), "VER-"
                + product.board().name()), options.defects());
        try {
            return library.engine().identify(rig, product.board(), VER_REPLY_NANOS);
        } finally {
            rig.close();
        }
    }

    /** What the rig did to the outputs when the attempt ended: the fixture's safe state, as {@code close} drives it. */
    private String safeState() {
        int outputs = rigs == null ? 0 : rigsFixture().outputs().size();
        return outputs == 0 ? "rig closed: this socket's fixture drives no output lines, the link is closed and the unit"
                + " stopped" : "rig closed: all " + outputs + " outputs in their safe state (handswitch released, permissives"
                + " removed)";
    }

    private RigFixture rigsFixture() {
        return org.hilrig.runner.fixture.RigFixtureLoader.load(socket.fixture());
    }

    /** The failing scenario, what it measured against which limit, in words. */
    static String inWords(ScenarioResult r) {
        StringBuilder b = new StringBuilder(r.id() + " (" + r.title() + ") " + r.status().name().toLowerCase(java.util.Locale.ROOT));
        if (r.message() != null) {
            b.append(": ").append(r.message());
        }
        r.measurements().stream().filter(m -> m.status() != Verdict.PASS).findFirst().ifPresent(m -> b.append("; ")
                .append(m.name()).append(" measured ").append(Durations.format(m.valueNs())).append(", limit ")
                .append(m.minNs() == null ? "" : "at least " + Durations.format(m.minNs()))
                .append(m.minNs() != null && m.maxNs() != null ? " and " : "")
                .append(m.maxNs() == null ? "" : "at most " + Durations.format(m.maxNs())));
        r.values().stream().filter(v -> v.status() != Verdict.PASS).findFirst().ifPresent(v -> b.append("; ")
                .append(v.name()).append(" measured ").append(v.value()).append(' ').append(v.unit()).append(", limit ")
                .append(v.min() == null ? "" : "at least " + v.min()).append(v.min() != null && v.max() != null ? " and " : "")
                .append(v.max() == null ? "" : "at most " + v.max()));
        return b.toString();
    }

    /** A copy of the socket's fixture reaching the unit's emulator on {@code port}, beside the evidence folders. */
    private Path emulatedFixture(int port) {
        RigFixture template = rigsFixture();
        TcpEndpoint tcp = (TcpEndpoint) template.link();
        String text = "# " + socket.fixture().getFileName() + " for attempt " + attemptId + ": the unit's hil emulate on port "
                + port + "\nrig: " + template.name() + "\nboard: " + template.board().name() + "\ntcp: {host: " + tcp.host()
                + ", port: " + port + "}\nframe_uncertainty: " + Durations.format(template.frameUncertaintyNanos())
                + "\nlink_latency: " + Durations.format(template.linkLatencyNanos()) + "\n";
        Path f = station.evidence().resolve("fixtures").resolve(attemptId + ".yaml");
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new RigFailureException("cannot write " + f + ": " + e.getMessage(), e);
        }
        return f;
    }

    private AttemptRecord record(String started, Map<String, String> ver, String fixture, AttemptRecord.Verdict verdict,
            String why, String runId, String manifest) {
        return new AttemptRecord(attemptId, serial, socket.name(), station.id(), operator, product.partNumber(),
                product.revision(), fixture, revision.sha256(), revision.revisionId(), ver, started,
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), verdict,
                verdict == AttemptRecord.Verdict.ABORTED ? abortReason : null, why, runId,
                runId == null ? null : station.evidence().resolve(attemptId).toString(), manifest);
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new RigFailureException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
