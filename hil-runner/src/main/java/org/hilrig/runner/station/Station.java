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
import org.hilrig.runner.store.UnitRecords;
import org.hilrig.runner.store.UnitStatus;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.InputProblem;

/**
 * The station without its web page: its sockets, each product's suite (loaded and checked against every socket's
 * fixture once, at start), the scans it takes and refuses, and the attempts' records. Thread-safe.
 */
final class Station implements AutoCloseable {
    /** Why a scan was refused, in words for the operator; nothing ran. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final StationFile file;
    private final Library library;
    private final RigHome home;
    private final String databaseUrl;
    private final Map<String, List<Scenario>> suites = new LinkedHashMap<>();
    private final Map<String, StationSocket> sockets = new LinkedHashMap<>();
    private final UnitRecords records;
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
        this.abortedAtStart = records.abortRunning(file.id());
        for (StationFile.Socket s : file.sockets()) {
            sockets.put(s.name(), new StationSocket(s, this::tell));
        }
    }

    /** How many attempts were still running when the station last stopped (marked aborted as it started). */
    int abortedAtStart() {
        return abortedAtStart;
    }

    /** A unit's status, from its attempts, under its product's retest policy (the first product when unknown). */
    UnitStatus status(String serial) {
        List<AttemptRecord> a = attempts(serial);
        StationFile.Product p = a.isEmpty() ? file.products().get(0)
                : file.product(a.get(0).partNumber()).orElse(file.products().get(0));
        return UnitStatus.of(a, p.maxAttempts());
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
        List<AttemptRecord> before = attempts(sn).stream().filter(a -> a.verdict() != null && a.verdict().conclusive())
                .toList();
        if (before.size() >= product.maxAttempts()) {
            throw new Refused("unit " + sn + " has had its " + product.maxAttempts() + " attempts (retest policy of "
                    + product.partNumber() + "): " + UnitStatus.of(before, product.maxAttempts()).name().toLowerCase(
                            java.util.Locale.ROOT).replace('_', ' ') + ", take it out of the line");
        }
        if (product.reworkAfterFail() && !before.isEmpty()
                && before.get(before.size() - 1).verdict() == AttemptRecord.Verdict.FAIL) {
            throw new Refused("unit " + sn + " failed its last attempt: it goes to rework before it is tested again");
        }
        if (sockets.values().stream().anyMatch(s -> sn.equals(s.view().serial()) && s.busy())) {
            throw new Refused("unit " + sn + " is being tested already");
        }
        Instant now = Instant.now();
        String id = file.id() + "-" + socketName + "-" + sn + "-"
                + now.toString().replace("-", "").replace(":", "").replaceAll("\\..*", "") + "-"
                + attempts.incrementAndGet();
        String startedUtc = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        boolean started = socket.start(sn, operator, listener -> {
            Attempt a = new Attempt(file, socket.spec(), product, suites.get(partNumber), library, home, databaseUrl, sn,
                    operator, id, startedUtc, listener);
            records.started(a.starting(), product.purpose());
            return a;
        }, r -> {
            records.ended(r);
            List<AttemptRecord> all = attempts(sn);
            return UnitStatus.of(all, product.maxAttempts()).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ", " + UnitStatus.conclusiveAttempts(all) + " of " + product.maxAttempts() + " attempts used";
        });
        if (!started) {
            throw new Refused("socket " + socketName + " is testing " + socket.view().serial() + ": wait for its verdict"
                    + " or abort it");
        }
    }

    /** Aborts the socket's running attempt; false when nothing runs there. */
    boolean abort(String socketName, String operator) {
        StationSocket socket = sockets.get(socketName);
        return socket != null && socket.abort("aborted by " + operator + " at " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
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
