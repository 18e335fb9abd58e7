package org.hilrig.runner.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pair of connected pseudo-terminals made by {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}: a
 * serial cable in a process. {@link #pullCable()} kills socat (both ends see a hang-up); {@link #close()}
 * does the same and waits for the process. Needs socat on the PATH; the test fails without it.
 */
public final class SocatPtyPair implements AutoCloseable {
    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    private final Process process;
    private final String first;
    private final String second;

    private SocatPtyPair(Process process, String first, String second) {
        this.process = process;
        this.first = first;
        this.second = second;
    }

    public static SocatPtyPair start() throws IOException {
        return start(0);
    }

    /**
     * As {@link #start()}, with socat in real-time scheduling at {@code realtimePriority} (0: ordinary) where
     * the system allows it, so the cable does not add the machine's scheduling delays to every byte.
     */
    public static SocatPtyPair start(int realtimePriority) throws IOException {
        Process process = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        List<String> paths = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        while (paths.size() < 2) {
            String line = stderr.readLine();
            if (line == null) {
                process.destroyForcibly();
                throw new IOException("socat ended before making two ptys: " + lines);
            }
            lines.add(line);
            Matcher m = PTY.matcher(line);
            if (m.find()) {
                paths.add(m.group(1));
            }
        }
        Thread drain = new Thread(() -> {
            try {
                while (stderr.readLine() != null) {
                    // socat's later notices are of no interest; reading keeps its pipe from filling
                }
            } catch (IOException e) {
                // the process ended and its pipe closed
            }
        }, "socat-stderr");
        drain.setDaemon(true);
        drain.start();
        if (realtimePriority > 0) {
            RealtimePriority.raise(process.pid(), realtimePriority); // refused: the cable is merely slower
        }
        return new SocatPtyPair(process, paths.get(0), paths.get(1));
    }

    public String first() {
        return first;
    }

    public String second() {
        return second;
    }

    /** Kills socat: both pseudo-terminals hang up, as if the cable were pulled. */
    public void pullCable() {
        thaw();
        process.destroy();
    }

    /**
     * Stops socat (SIGSTOP) with both ends still open: it no longer reads either pseudo-terminal, so what is
     * written to one piles up in its buffer, as with a board that stopped reading. {@link #close()} lets it go.
     */
    public void freeze() {
        signal("STOP");
    }

    /** Lets a {@linkplain #freeze() frozen} socat run on (SIGCONT); harmless when it runs or has ended. */
    public void thaw() {
        if (process.isAlive()) {
            signal("CONT");
        }
    }

    /** Sends socat a signal; a socat that ended meanwhile (a pulled cable) needs none. */
    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            boolean done = kill.waitFor(5, TimeUnit.SECONDS);
            if ((!done || kill.exitValue() != 0) && process.isAlive()) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling socat", e);
        }
    }

    @Override
    public void close() {
        thaw();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
