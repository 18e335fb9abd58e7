package org.hilrig.runner.station;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.store.AttemptRecord;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.timing.BadInputException;

/**
 * A running station: the station file read, the products' suites checked against the sockets, the database
 * reachable, the page served. {@link #close} aborts what runs (each socket's rig to its safe state, its emulator
 * stopped), then stops the server.
 */
public final class StationMain implements AutoCloseable {
    private final Station station;
    private final StationServer server;
    private final String bind;
    private final String databaseName;

    private StationMain(Station station, StationServer server, String bind, String databaseName) {
        this.station = station;
        this.server = server;
        this.bind = bind;
        this.databaseName = databaseName;
    }

    /**
     * @throws BadInputException when the station file is wrong (every problem, each at its place), or a product's
     *     suite cannot run on a socket
     * @throws org.hilrig.timing.RigFailureException when the database cannot be opened or the port not bound
     */
    public static StationMain start(Path config, RigHome home, String bind, int port) {
        StationFile file = StationFileLoader.load(config, Library.home());
        Library library = Library.open(Library.home());
        String url = file.database() != null ? file.database() : ResultStore.sqliteUrl(home.database());
        ResultStore.open(url).close(); // reachable and migrated before the first scan, not at it
        Station station = new Station(file, library, home, url);
        try {
            return new StationMain(station, StationServer.start(station, bind, port), bind,
                    url.replaceAll("(?i)(password=)[^&]*", "$1***"));
        } catch (RuntimeException e) {
            station.close();
            throw e;
        }
    }

    /** Every attempt of the station, oldest first (running ones without a verdict). */
    public java.util.List<AttemptRecord> records() {
        return station.records();
    }

    public int port() {
        return server.port();
    }

    /** The line {@code hil station} prints when it serves. */
    public String describe() {
        StationFile f = station.file();
        return "station " + f.id() + ": http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + port() + "/ ("
                + f.sockets().size() + " sockets: " + f.sockets().stream().map(StationFile.Socket::name)
                        .collect(Collectors.joining(", ")) + "; products: " + f.products().stream()
                        .map(p -> p.partNumber() + " rev " + p.revision() + " (" + station.suite(p.partNumber()).size()
                                + " scenarios, profile " + station.products().current(p.partNumber()).revisionId() + ")")
                        .collect(Collectors.joining(", ")) + "; results: " + databaseName
                + "; evidence: " + f.evidence() + ")" + (station.abortedAtStart() == 0 ? "" : "; " + station.abortedAtStart()
                        + " attempts that were running when it last stopped are marked aborted")
                + station.products().notes().stream().map(n -> "; " + n).collect(Collectors.joining());
    }

    @Override
    public void close() {
        try {
            station.close();
        } finally {
            server.close();
        }
    }
}
