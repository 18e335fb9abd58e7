package org.hilrig.runner.station;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.realtime.RealTimeRigs;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.store.AttemptRecord;
import org.hilrig.runner.store.ProfileRevision;
import org.hilrig.runner.store.RetestPolicy;
import org.hilrig.runner.store.ReworkRecord;
import org.hilrig.runner.store.UnitRecords;
import org.hilrig.runner.store.UnitStatus;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.InputProblem;

/**
 * The station without its web page: its sockets, each product's suite (loaded and checked against every socket's
 * fixture once, at start), the scans it takes and refuses, and the attempts' records. Thread-safe.
 */
final class Station implements AutoCloseable {
    /**
     * Why a request was refused, in words for the one who made it; nothing ran and nothing changed. {@link
     * #problems} lists each problem of a refused file, one {@code file:line:col: message} each.
     */
    static final class Refused extends Exception {
        private final List<String> problems;

        Refused(String message) {
            this(message, List.of());
        }

        Refused(String message, List<String> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    private final StationFile file;
    private final Library library;
    private final RigHome home;
    private final String databaseUrl;
    private final Map<String, List<Scenario>> suites = new LinkedHashMap<>();
    private final Map<String, StationSocket> sockets = new LinkedHashMap<>();
    private final UnitRecords records;
    private final Audit audit;
    private final StationUsers users;
    private final ProductRevisions products;
    private final int abortedAtStart;
    private final List<Consumer<SocketView>> watchers = new CopyOnWriteArrayList<>();
    private final AtomicLong attempts = new AtomicLong();

    /**
     * @param databaseUrl the results database attempts' runs are recorded in (each attempt its own connection), or null
     * @throws BadInputException when a product's suite selects nothing, or has a scenario a socket's rig cannot run
     */
    Station(StationFile file, Library library, RigHome home, String databaseUrl) {
        this.file = file;
        this.library = library;
        this.home = home;
        this.databaseUrl = databaseUrl;
        List<InputProblem> problems = new ArrayList<>();
        List<Scenario> all = library.load(List.of());
        for (StationFile.Product p : file.products()) {
            List<Scenario> suite = new ArrayList<>(all.stream().filter(s -> s.board() == p.board()
                    && s.tags().stream().anyMatch(p.tags()::contains)).toList());
            if (!p.scenarios().isEmpty()) {
                suite.addAll(library.load(p.scenarios()));
            }
            if (suite.isEmpty()) {
                problems.add(InputProblem.unplaced("product " + p.partNumber() + ": its suite (tags " + p.tags()
                        + ") selects no scenario of board " + p.board()));
            }
            for (StationFile.Socket s : file.sockets()) {
                for (InputProblem cannot : RealTimeRigs.forFixture(s.fixture()).check(suite)) {
                    problems.add(InputProblem.unplaced("product " + p.partNumber() + " on socket " + s.name() + ": " + cannot));
                }
            }
            suites.put(p.partNumber(), List.copyOf(suite));
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        this.records = UnitRecords.open(databaseUrl);
        try {
            this.audit = new Audit(file.id(), records.accounts());
            this.users = new StationUsers(file.id(), records.accounts(), audit, file.operators());
            this.products = new ProductRevisions(file, records.products(), Library.home(), audit);
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
        this.abortedAtStart = records.abortRunning(file.id());
        for (StationFile.Socket s : file.sockets()) {
            sockets.put(s.name(), new StationSocket(s, this::tell));
        }
    }

    /** How many attempts were still running when the station last stopped (marked aborted as it started). */
    int abortedAtStart() {
        return abortedAtStart;
    }

    /**
     * A unit's status, from its attempts and rework steps, under its product's retest policy in force (the first
     * product's when the unit is unknown).
     */
    UnitStatus status(String serial) {
        List<AttemptRecord> a = attempts(serial);
        String part = a.isEmpty() || file.product(a.get(0).partNumber()).isEmpty() ? file.products().get(0).partNumber()
                : a.get(0).partNumber();
        RetestPolicy policy = products.policy(part);
        return UnitStatus.of(a, records.reworks(serial), policy.maxAttempts(), policy.reworkAfterFail());
    }

    /** A unit's rework steps, oldest first. */
    List<ReworkRecord> reworks(String serial) {
        return records.reworks(serial);
    }

    Audit audit() {
        return audit;
    }

    StationUsers users() {
        return users;
    }

    ProductRevisions products() {
        return products;
    }

    StationFile file() {
        return file;
    }

    List<SocketView> views() {
        return sockets.values().stream().map(StationSocket::view).toList();
    }

    List<Scenario> suite(String partNumber) {
        return suites.get(partNumber);
    }

    /** Every attempt of this station, oldest first (running ones without a verdict). */
    List<AttemptRecord> records() {
        return records.attemptsAt(file.id());
    }

    /** A unit's attempts at any station of the database, oldest first. */
    List<AttemptRecord> attempts(String serial) {
        return records.attempts(serial);
    }

    void watch(Consumer<SocketView> w) {
        watchers.add(w);
    }

    void unwatch(Consumer<SocketView> w) {
        watchers.remove(w);
    }

    /**
     * Tells every watcher (each page's event stream), on the socket's thread: a watcher that fails (a browser gone)
     * is dropped, and never touches the attempt that reported.
     */
    private void tell(SocketView v) {
        for (Consumer<SocketView> w : watchers) {
            try {
                w.accept(v);
            } catch (RuntimeException e) {
                watchers.remove(w);
            }
        }
    }

    /**
     * Starts the product's suite for a scanned unit on a socket.
     *
     * @throws Refused when the socket or product is unknown, the serial is not of the product's format, the socket
     *     is running a unit, or the unit has had all the attempts the product's retest policy allows
     */
    void scan(String socketName, String partNumber, String serial, String operator) throws Refused {
        StationSocket socket = sockets.get(socketName);
        if (socket == null) {
            throw new Refused("no socket " + socketName + " on this station (sockets: " + String.join(", ", sockets.keySet())
                    + ")");
        }
        StationFile.Product product = file.product(partNumber).orElseThrow(() -> new Refused("unknown product "
                + partNumber + " (this station makes " + String.join(", ", file.products().stream()
                        .map(StationFile.Product::partNumber).toList()) + ")"));
        String sn = serial == null ? "" : serial.strip();
        if (!product.serial().matcher(sn).matches()) {
            throw new Refused("serial '" + sn + "' is not a " + product.partNumber() + " serial (format "
                    + product.serial().pattern() + "): scan again");
        }
        RetestPolicy policy = products.policy(partNumber);
        List<AttemptRecord> all = attempts(sn);
        int used = UnitStatus.conclusiveAttempts(all);
        UnitStatus status = UnitStatus.of(all, records.reworks(sn), policy.maxAttempts(), policy.reworkAfterFail());
        if (status == UnitStatus.SCRAPPED || used >= policy.maxAttempts()) {
            throw new Refused("unit " + sn + " has had its " + policy.maxAttempts() + " attempts (retest policy of "
                    + product.partNumber() + "): " + status.words() + ", take it out of the line");
        }
        if (status == UnitStatus.IN_REWORK) {
            throw new Refused("unit " + sn + " failed its last attempt and goes to rework before it is tested again:"
                    + " record the rework step first (" + product.partNumber() + " requires rework after a fail)");
        }
        if (sockets.values().stream().anyMatch(s -> sn.equals(s.view().serial()) && s.busy())) {
            throw new Refused("unit " + sn + " is being tested already");
        }
        Instant now = Instant.now();
        String id = file.id() + "-" + socketName + "-" + sn + "-"
                + now.toString().replace("-", "").replace(":", "").replaceAll("\\..*", "") + "-"
                + attempts.incrementAndGet();
        String startedUtc = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        ProfileRevision revision = products.current(partNumber);
        Path profileFile = products.file(revision);
        boolean started = socket.start(sn, operator, listener -> {
            Attempt a = new Attempt(file, socket.spec(), product, revision, profileFile, suites.get(partNumber), library,
                    home, databaseUrl, sn, operator, id, startedUtc, listener);
            records.started(a.starting(), product.purpose());
            return a;
        }, r -> {
            records.ended(r);
            RetestPolicy p = products.policy(partNumber);
            List<AttemptRecord> after = attempts(sn);
            return UnitStatus.of(after, records.reworks(sn), p.maxAttempts(), p.reworkAfterFail()).words() + ", "
                    + UnitStatus.conclusiveAttempts(after) + " of " + p.maxAttempts() + " attempts used";
        });
        if (!started) {
            throw new Refused("socket " + socketName + " is testing " + socket.view().serial() + ": wait for its verdict"
                    + " or abort it");
        }
        audit.record(operator, "scan", sn + " on socket " + socketName + " as " + partNumber + " (attempt " + id + ", "
                + revision.revisionId() + ")");
    }

    /**
     * Records a rework step on a unit whose last conclusive attempt failed: after it, the unit may be tested again.
     *
     * @throws Refused when the note is empty, the unit unknown, in a socket, not failed, scrapped, or already
     *     reworked since its last failure
     */
    ReworkRecord rework(String serial, String operator, String note) throws Refused {
        String sn = serial == null ? "" : serial.strip();
        String what = note == null ? "" : note.strip();
        if (what.isEmpty()) {
            throw new Refused("say what was reworked on " + sn + ": a rework step without a note is not recorded");
        }
        if (what.length() > 500) {
            throw new Refused("the rework note has " + what.length() + " characters (at most 500)");
        }
        if (!records.knows(sn)) {
            throw new Refused("no unit " + sn + " in the records: a rework step follows a failed attempt");
        }
        if (sockets.values().stream().anyMatch(s -> sn.equals(s.view().serial()) && s.busy())) {
            throw new Refused("unit " + sn + " is being tested: a rework step follows its verdict");
        }
        List<AttemptRecord> conclusive = attempts(sn).stream().filter(a -> a.verdict() != null && a.verdict().conclusive())
                .toList();
        UnitStatus status = status(sn);
        if (status == UnitStatus.SCRAPPED) {
            throw new Refused("unit " + sn + " is scrapped: it is not tested again, take it out of the line");
        }
        if (conclusive.isEmpty() || conclusive.get(conclusive.size() - 1).verdict() != AttemptRecord.Verdict.FAIL) {
            throw new Refused("unit " + sn + " is " + status.words() + ": a rework step follows a failed attempt");
        }
        String lastFail = conclusive.get(conclusive.size() - 1).attemptId();
        ReworkRecord done = records.reworks(sn).stream().filter(w -> w.afterAttempt().equals(lastFail)).findFirst()
                .orElse(null);
        if (done != null) {
            throw new Refused("unit " + sn + " has its rework step since its last failure already (" + done.operator()
                    + " at " + done.recordedUtc() + "): scan it to test it again");
        }
        ReworkRecord w = new ReworkRecord("RW-" + sn + "-" + attempts.incrementAndGet() + "-" + System.currentTimeMillis(),
                sn, lastFail, file.id(), operator, Audit.nowUtc(), what);
        records.reworked(w);
        audit.record(operator, "rework", sn + " after " + lastFail + ": " + what);
        return w;
    }

    /** Aborts the socket's running attempt; false when nothing runs there. */
    boolean abort(String socketName, String operator) {
        StationSocket socket = sockets.get(socketName);
        boolean aborted = socket != null && socket.abort("aborted by " + operator + " at " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        if (aborted) {
            audit.record(operator, "abort", "socket " + socketName);
        }
        return aborted;
    }

    /** Where the station keeps its attempts' evidence folders. */
    Path evidence() {
        return file.evidence();
    }

    @Override
    public void close() {
        try {
            sockets.values().forEach(StationSocket::close);
        } finally {
            records.close();
        }
    }
}
