package org.hilrig.runner.realtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hilrig.runner.cli.Hil;

/**
 * {@code hil} (or another main of the test class path) in a child JVM with the repository as its home; its
 * standard output and error merged and read line by line. {@link #terminate} sends SIGTERM keeping our end
 * of the pipes open; {@link #close} kills it if still alive.
 */
final class HilProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();

    private HilProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (all) {
                        all.add(line);
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output unreadable: " + e.getMessage() + ")");
            }
        }, "hil-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static HilProcess hil(String... args) throws IOException {
        return start(Hil.class, args);
    }

    static HilProcess start(Class<?> main, String... args) throws IOException {
        return startWith(new String[0], main, args);
    }

    /** With extra JVM options; the working directory is the repository (hil.home), as for scripts/hil. */
    static HilProcess startWith(String[] jvmOptions, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dhil.home=" + Path.of("..").toAbsolutePath().normalize());
        cmd.addAll(List.of(jvmOptions));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new HilProcess(new ProcessBuilder(cmd).directory(Path.of("..").toAbsolutePath().normalize().toFile())
                .redirectErrorStream(true).start());
    }

    /** Any program ({@code python3 script.py ...}) in the repository as working directory, read the same way. */
    static HilProcess program(String... command) throws IOException {
        return new HilProcess(new ProcessBuilder(command).directory(Path.of("..").toAbsolutePath().normalize().toFile())
                .redirectErrorStream(true).start());
    }

    /** The next line of output, waiting at most {@code seconds}; fails with everything printed so far. */
    String nextLine(int seconds) throws InterruptedException {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no output line within " + seconds + " s (alive: " + process.isAlive() + "); so far:\n" + output());
        }
        return line;
    }

    /** The next line that starts with {@code prefix}, skipping others. */
    String lineStartingWith(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("no line starting with '" + prefix + "' within " + seconds + " s; so far:\n" + output());
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    String output() {
        synchronized (all) {
            return String.join("\n", all);
        }
    }

    /** SIGTERM, keeping our end of its pipes open (Process.destroy would close them). */
    void terminate() {
        process.toHandle().destroy();
    }

    int waitForExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + seconds + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    /** The child's process id. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
