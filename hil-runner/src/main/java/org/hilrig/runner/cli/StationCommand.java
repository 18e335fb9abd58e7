package org.hilrig.runner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.station.PasswordHash;
import org.hilrig.runner.station.StationMain;
import org.hilrig.timing.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import sun.misc.Signal;

/**
 * {@code hil station}: the production station's operator page (issue 14) until stopped. Prints one line when it
 * serves ({@code station ID: http://ADDR:PORT/ ...}); SIGTERM or SIGINT abort what runs (outputs to the safe state),
 * stop the sockets' emulators and end it with exit 0. A bad station file is exit 2, every problem one
 * {@code file:line:col: message} line. {@code --hash-password} reads a password from standard input and prints its
 * hash for a station file's {@code operators:}.
 */
@Command(name = "station", description = "Serves the production station's operator page: scan a unit, its product's"
        + " acceptance suite runs on a socket, the verdict stays until the next scan.")
final class StationCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The station file (e.g. fixtures/stations/demo.yaml).")
    Path config;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to serve on"
            + " (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8470", description = "TCP port (default"
            + " ${DEFAULT-VALUE}; 0: any free port, printed on start).")
    int port;

    @Option(names = "--rig-home", paramLabel = "DIR", description = "The rig's state folder: key, chain log, default"
            + " database (default: $HIL_HOME, else ~/.hil).")
    Path rigHome;

    @Option(names = "--hash-password", description = "Read a password from standard input, print its PBKDF2 hash, exit.")
    boolean hashPassword;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (hashPassword) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new BadInputException("", 0, 0, "--hash-password: no password on standard input");
            }
            out.println(PasswordHash.hash(line.toCharArray()));
            out.flush();
            return Hil.OK;
        }
        if (config == null) {
            throw new BadInputException("", 0, 0, "--config FILE: the station file is required (e.g."
                    + " fixtures/stations/demo.yaml)");
        }
        if (!Files.isRegularFile(config)) {
            throw new BadInputException(config.toString(), 0, 0, "--config: no such station file");
        }
        if (port < 0 || port > 65_535) {
            throw new BadInputException("", 0, 0, "--port " + port + ": out of range (allowed: 0 to 65535)");
        }
        CountDownLatch stop = new CountDownLatch(1);
        String[] stoppedBy = {"stopped"};
        try (StationMain station = StationMain.start(config, RigHome.locate(rigHome), bind, port)) {
            Signal.handle(new Signal("TERM"), s -> {
                stoppedBy[0] = "stopped by SIGTERM";
                stop.countDown();
            });
            Signal.handle(new Signal("INT"), s -> {
                stoppedBy[0] = "stopped by SIGINT";
                stop.countDown();
            });
            out.println(station.describe() + "; Ctrl-C to stop");
            out.flush();
            stop.await();
        }
        out.println("station " + stoppedBy[0] + ": running attempts aborted, outputs safe, units stopped");
        out.flush();
        return Hil.OK;
    }
}
