package org.hilrig.runner.station;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.device.profile.Board;
import org.hilrig.timing.RigFailureException;

/**
 * One unit for an emulated socket: {@code hil emulate --board B --tcp 0 --unit-seed N [--defect D]} in a child JVM
 * of this installation (same Java, class path and {@code hil.home}), listening on a free loopback port that its
 * first line names. {@link #close} stops it with SIGTERM (it closes its port and exits), and kills it when it has
 * not gone within 10 s; it stops by itself when this JVM ends, however it ends ({@code --exit-with-parent}: a
 * station killed with SIGKILL leaves no board running). Output is kept (the last 50 lines) for messages.
 */
final class EmulatedBoard implements AutoCloseable {
    /** The rig's command line, by name: cli depends on station, not the other way round. */
    static final String HIL_MAIN = "org.hilrig.runner.cli.Hil";
    private static final Pattern PORT = Pattern.compile("on tcp port (\\d+) on ");
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private EmulatedBoard(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "hil-station-emulator-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the unit and waits (at most {@code startSeconds}) for its port.
     *
     * @throws RigFailureException when it cannot start, exits or names no port in time (it is then stopped)
     */
    static EmulatedBoard start(Board board, long unitSeed, String defect, Path profile, Path home, int startSeconds) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), "-Dhil.home=" + home,
                HIL_MAIN, "emulate", "--board", board.name(), "--tcp", "0", "--unit-seed",
                Long.toString(unitSeed), "--profile", profile.toString(), "--exit-with-parent"));
        if (defect != null) {
            cmd.addAll(List.of("--defect", defect));
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new RigFailureException("cannot start hil emulate: " + e.getMessage(), e);
        }
        EmulatedBoard b = new EmulatedBoard(p);
        try {
            b.port.get(startSeconds, TimeUnit.SECONDS);
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            b.close();
            throw new RigFailureException("interrupted while hil emulate started", e);
        } catch (ExecutionException | TimeoutException e) {
            b.close();
            throw new RigFailureException("hil emulate for unit " + unitSeed + " did not start within " + startSeconds
                    + " s: " + b.lastLines(), e);
        }
    }

    /** The loopback TCP port the unit listens on. */
    int port() {
        return port.join();
    }

    long pid() {
        return process.pid();
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = PORT.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
                synchronized (output) {
                    output.add(line);
                    if (output.size() > 50) {
                        output.remove(0);
                    }
                }
            }
        } catch (IOException e) {
            synchronized (output) {
                output.add("(output unreadable: " + e.getMessage() + ")");
            }
        } finally {
            port.completeExceptionally(new IllegalStateException("hil emulate ended"));
        }
    }

    private String lastLines() {
        synchronized (output) {
            return output.isEmpty() ? "no output" : String.join(" | ", output);
        }
    }

    /** SIGTERM, then SIGKILL after 10 s; returns once the process is gone. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
