package org.hilrig.runner.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test classpath run in a child JVM, to be killed with SIGKILL at a point it announces by
 * creating a file. Output goes to a log file next to the signal file, shown when the child fails.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code main} with {@code args} on this JVM's classpath; its output goes to {@code log}. */
    public static ChildJvm start(Class<?> main, Path log, String... args) throws IOException {
        return start(main, log, List.of(), args);
    }

    /** {@link #start(Class, Path, String...)} with JVM options ({@code -Dhil.home=...}) before the main class. */
    public static ChildJvm start(Class<?> main, Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Xshare:auto");
        cmd.addAll(jvmOptions);
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(p, log);
    }

    /** Waits (at most a minute) until {@code signal} exists; fails with the child's output if it died first. */
    public ChildJvm awaitFile(Path signal) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .failFast("child exited before creating " + signal + "; its output:\n" + output(),
                        () -> !process.isAlive() && !Files.exists(signal))
                .until(() -> Files.exists(signal));
        return this;
    }

    /** Kills the child with SIGKILL (no shutdown hooks run) and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " did not die after SIGKILL");
        }
    }

    /** Waits for a normal end and returns the exit code. */
    public int waitForExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not finish within 60 s; its output:\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
