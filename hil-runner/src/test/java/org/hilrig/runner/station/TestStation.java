package org.hilrig.runner.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.run.Library;

/**
 * The demo station (fixtures/stations/demo.yaml) started in this JVM on a free loopback port, its evidence, rig
 * home and SQLite database in a test's folder; extra sockets may be appended to its file. Real server, real
 * emulator processes, real sockets.
 */
final class TestStation implements AutoCloseable {
    final StationMain main;
    final Path evidence;
    final Path database;

    private TestStation(StationMain main, Path evidence, Path database) {
        this.main = main;
        this.evidence = evidence;
        this.database = database;
    }

    /** @param extraSockets YAML list items appended under {@code sockets:}, e.g. {@code "  - {name: C, fixture: F}\n"} */
    static TestStation start(Path dir, String extraSockets) throws IOException {
        Path file = writeFile(dir, extraSockets);
        return new TestStation(StationMain.start(file, new RigHome(dir.resolve("rig-home")), "127.0.0.1", 0),
                dir.resolve("evidence"), dir.resolve("results.db"));
    }

    /** The demo station's file with its evidence in {@code dir/evidence} and its database {@code dir/results.db}. */
    static Path writeFile(Path dir, String extraSockets) throws IOException {
        String demo = Files.readString(Library.home().resolve("fixtures/stations/demo.yaml"));
        String text = demo.replace("evidence: out/station", "evidence: " + dir.resolve("evidence") + "\ndatabase: jdbc:sqlite:"
                + dir.resolve("results.db")) + extraSockets;
        Path file = dir.resolve("station.yaml");
        Files.writeString(file, text);
        return file;
    }

    String url(String path) {
        return "http://127.0.0.1:" + main.port() + path;
    }

    @Override
    public void close() {
        main.close();
    }
}
