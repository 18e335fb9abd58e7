package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.fixture.RigFixtureLoader;
import org.hilrig.runner.gpio.RigLines;
import org.hilrig.runner.gpio.SafeSequence;
import org.hilrig.runner.gpio.SimulatedPins;
import org.hilrig.runner.run.Library;
import org.hilrig.timing.MonotonicClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The exit codes of CONTRACT.md through the real command line: the rig or its I/O breaking is 3 with one
 * line; running nothing, a scenario id no file system takes, a database that keeps nothing, and a
 * subcommand nobody knows are bad usage (2); an {@link Error} in a command is one line and 3, with the
 * outputs back in their safe state. The time bound is only a hang guard.
 */
class ExitCodeTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Result hil(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (args[0].equals("run")) {
            all.addAll(List.of("--rig-home", dir.resolve("rig-home").toString()));
        }
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Hil.run(all.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
            return new Result(code, out.toString(), err.toString());
        });
    }

    private static void assertOneLineWithoutStackTrace(Result r) {
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.errLines()).as(r.err()).hasSize(1);
    }

    // ---- the rig or its I/O broke: 3 ---------------------------------------------------------------

    /** A copy of the library's serial-link fixture with the port at {@code port}. */
    private Path serialFixture(Path port) throws IOException {
        Path f = dir.resolve("serial.yaml");
        Files.writeString(f, Files.readString(Library.home().resolve("fixtures/rigs/emulate-gen-serial.yaml"))
                .replace("/tmp/hil-gen-rig", port.toString()));
        return f;
    }

    /** A copy of the library's TCP fixture, connecting to {@code host:port}. */
    private Path tcpFixture(String host, int port) throws IOException {
        Path f = dir.resolve("tcp.yaml");
        Files.writeString(f, Files.readString(Library.home().resolve("fixtures/rigs/emulate-gen-tcp.yaml"))
                .replace("host: 127.0.0.1, port: 5020", "host: " + host + ", port: " + port));
        return f;
    }

    private Result runOn(Path fixture) {
        return hil("run", "--rig", fixture.toString(), "--tags", "serial", "--no-db", "--out", dir.resolve("out").toString());
    }

    @Test
    void aSerialPortThatDoesNotExistIsTheRigBreaking() throws IOException {
        Path port = dir.resolve("no-such-port");

        Result r = runOn(serialFixture(port));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertOneLineWithoutStackTrace(r);
        assertThat(r.err()).startsWith("hil run: the rig broke (8 of 8 scenarios erred), first in "
                + "test-scenarios/scenarios/protocol/com-ser-001.yaml: serial " + port + " at 115200 baud: no such port"
                + " (nothing at " + port + "; is the board plugged in, or the socat pair made?)");
    }

    @Test
    void aRegularFileIsNotASerialPort() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-tty"), "hello\n");

        Result r = runOn(serialFixture(file));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertOneLineWithoutStackTrace(r);
        assertThat(r.err()).contains(": serial " + file + " at 115200 baud: not a serial port (a regular file; a serial"
                + " port or pseudo-terminal is a character device)");
    }

    @Test
    void aRefusedConnectionIsTheRigBreaking() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort(); // closed again before the rig connects: nobody listens there
        }

        Result r = runOn(tcpFixture("127.0.0.1", closedPort));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertOneLineWithoutStackTrace(r);
        assertThat(r.err()).contains(": tcp 127.0.0.1:" + closedPort + ": cannot connect (Connection refused");
    }

    @Test
    void anUnknownHostIsTheRigBreaking() throws IOException {
        // .invalid never resolves (RFC 6761)
        Result r = runOn(tcpFixture("no-such-board.invalid", 5020));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertOneLineWithoutStackTrace(r);
        assertThat(r.err()).contains(": tcp no-such-board.invalid:5020: cannot connect (unknown host no-such-board.invalid)");
    }

    @Test
    void aLinkLostMidRunIsTheRigBreaking() throws Exception {
        // a board end that takes each connection, and hangs up once the rig has sent its first byte: the
        // link is up when the scenario starts and lost in its first step
        try (ServerSocket board = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread hangingUp = new Thread(() -> {
                while (!board.isClosed()) {
                    try (Socket s = board.accept()) {
                        s.getInputStream().read();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "hanging-up-board");
            hangingUp.setDaemon(true);
            hangingUp.start();

            Result r = runOn(tcpFixture("127.0.0.1", board.getLocalPort()));

            assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
            assertOneLineWithoutStackTrace(r);
            assertThat(r.err()).startsWith("hil run: the rig broke (8 of 8 scenarios erred), first in "
                    + "test-scenarios/scenarios/protocol/com-ser-001.yaml: line ");
            assertThat(r.out()).as("every output is still written").contains("outputs: ");
        }
    }

    // ---- bad usage: 2 ----------------------------------------------------------------------------

    @Test
    void anEmptyFolderRunsNothingAndIsBadUsage() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        Result r = hil("run", empty.toString(), "--no-db", "--out", dir.resolve("out").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("hil run: " + empty + ": no scenario files in this folder (*.yaml or *.yml,"
                + " searched in every subfolder)\n");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFolderOfOtherFilesRunsNothingAndIsBadUsage() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other/sub"));
        Files.writeString(other.resolve("notes.txt"), "id: X\n");
        Files.writeString(other.getParent().resolve("trace.vcd"), "$enddefinitions $end\n");

        Result r = hil("run", other.getParent().toString(), "--no-db", "--out", dir.resolve("out").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("hil run: " + other.getParent() + ": no scenario files in this folder (*.yaml or"
                + " *.yml, searched in every subfolder)\n");
    }

    @Test
    void aSixHundredWordIdIsRefusedWhenLoadingAtItsPlace() throws IOException {
        String id = String.join("-", java.util.Collections.nCopies(600, "WORD"));
        Path scenario = dir.resolve("long-id.yaml");
        Files.writeString(scenario, """
                title: An id as long as a page
                id: %s
                requirements: [REQ-ILK-001]
                board: GEN
                steps:
                  - wait: 1ms
                """.formatted(id));

        Result r = hil("run", scenario.toString(), "--no-db", "--out", dir.resolve("out").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("hil run: " + scenario + ":2:5: id '" + id.substring(0, 40) + "...' is "
                + id.length() + " characters long (allowed: at most 64; it names the scenario's trace file)\n");
        assertThat(dir.resolve("out")).as("refused before anything ran").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite:", "jdbc:sqlite::memory:", "jdbc:sqlite:file::memory:",
        "jdbc:sqlite:file:results?mode=memory", "jdbc:sqlite:file::memory:?cache=shared"})
    void aDatabaseThatKeepsNothingIsRefused(String url) throws IOException {
        Path scenario = Files.writeString(dir.resolve("wait.yaml"), """
                id: SYS-WAIT-901
                title: Waits
                requirements: [REQ-ILK-001]
                board: GEN
                steps:
                  - wait: 1ms
                """);

        Result r = hil("run", scenario.toString(), "--db", url, "--out", dir.resolve("out").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("hil run: --db: '" + url + "' is a database in memory or temporary, gone when"
                + " the run ends (use jdbc:sqlite:FILE, or --no-db to record none)\n");
        assertThat(dir.resolve("out")).as("refused before the output folder is made").doesNotExist();
    }

    @Test
    void aRealTimePriorityIsForAFixtureAndWithinRange() {
        Result sim = hil("run", "--rt-priority", "50", "--no-db", "--out", dir.resolve("sim").toString());
        Result high = hil("run", "--rig", "../fixtures/rigs/pty-gen-serial.yaml", "--rt-priority", "200", "--no-db", "--out",
                dir.resolve("high").toString());

        assertThat(sim.exitCode()).isEqualTo(2);
        assertThat(sim.err()).isEqualTo("hil run: --rt-priority: only with --rig FIXTURE.yaml (the simulated rig runs on"
                + " virtual time)\n");
        assertThat(high.exitCode()).isEqualTo(2);
        assertThat(high.err()).isEqualTo("hil run: --rt-priority 200: out of range (allowed: 0 for ordinary scheduling, 1 to 90)\n");
        assertThat(dir.resolve("high")).as("refused before the link is opened").doesNotExist();
    }

    @Test
    void historyRefusesADatabaseThatKeepsNothingToo() {
        Result r = hil("history", "--db", "jdbc:sqlite::memory:");

        assertThat(r.exitCode()).isEqualTo(2);
        assertOneLineWithoutStackTrace(r);
        assertThat(r.err()).contains("'jdbc:sqlite::memory:' is a database in memory or temporary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "-h", "run"})
    void anUnknownSubcommandIsBadUsageWhateverFollowsIt(String after) {
        Result r = hil("nosuch", after);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).as("no help, no version").isEmpty();
        assertThat(r.err()).startsWith("hil: Unmatched argument at index 0: 'nosuch'");
    }

    @Test
    void anUnknownOptionBeforeHelpIsBadUsage() {
        Result r = hil("defects", "--bogus", "--help");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("hil defects: Unknown option: '--bogus'");
    }

    // ---- errors and unexpected exceptions: one line, 3, safe state reached ---------------------------

    /** A command that drives the rig's outputs away from safe, then fails with {@link #failure}. */
    @Command(name = "failing")
    static final class FailingCommand implements Callable<Integer> {
        final SimulatedPins pins = new SimulatedPins(new MonotonicClock(), 0);
        final Runnable failure;
        boolean drove;

        FailingCommand(Runnable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            MonotonicClock clock = new MonotonicClock();
            RigFixture fixture = RigFixtureLoader.parse("failing.yaml", """
                    rig: failing
                    board: GEN
                    tcp: {host: 127.0.0.1, port: 5020}
                    gpio: {provider: sim, edge_uncertainty: 3us}
                    lines:
                      PREP_REQ:    {pin: 17, direction: output, polarity: active_low,  safe: inactive}
                      AEC_STOP:    {pin: 18, direction: output, polarity: active_high, initial: inactive, safe: active}
                    """);
            try (RigLines lines = RigLines.simulated(fixture, pins, clock)) {
                SafeSequence.run(lines, l -> {
                    l.drive(HardwareLine.valueOf("PREP_REQ"), true);
                    l.drive(HardwareLine.valueOf("AEC_STOP"), false);
                    drove = !pins.isHigh(17) && !pins.isHigh(18);
                    failure.run();
                });
            }
            return Hil.OK;
        }
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    private Result runFailing(FailingCommand command) {
        CommandLine cl = Hil.commandLine();
        cl.addSubcommand(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = assertTimeoutPreemptively(HANG_GUARD, () -> cl.execute("failing"));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aStackOverflowInACommandIsOneLineExitThreeAndTheOutputsAreSafe() {
        FailingCommand command = new FailingCommand(() -> recurse(0));

        Result r = runFailing(command);

        assertThat(command.drove).as("the outputs were driven away from safe first").isTrue();
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("hil failing: internal error: StackOverflowError (set HIL_DEBUG=1 for details)\n");
        assertThat(command.pins.isHigh(17)).as("PREP_REQ (active low) released").isTrue();
        assertThat(command.pins.isHigh(18)).as("AEC_STOP (active high) asserted").isTrue();
    }

    @Test
    void anOutOfMemoryErrorInACommandIsOneLineExitThreeAndTheOutputsAreSafe() {
        FailingCommand command = new FailingCommand(() -> {
            long[] tooLarge = new long[Integer.MAX_VALUE]; // more than any heap: refused at once
            tooLarge[0] = 1;
        });

        Result r = runFailing(command);

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("hil failing: internal error: OutOfMemoryError: ").endsWith(" (set HIL_DEBUG=1 for details)\n");
        assertThat(r.errLines()).hasSize(1);
        assertThat(command.pins.isHigh(17)).isTrue();
        assertThat(command.pins.isHigh(18)).isTrue();
    }

    @Test
    void anUnexpectedExceptionInACommandIsOneLineExitThreeAndTheOutputsAreSafe() {
        FailingCommand command = new FailingCommand(() -> {
            throw new IllegalStateException("a bug\nover two lines");
        });

        Result r = runFailing(command);

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("hil failing: internal error: IllegalStateException: a bug over two lines"
                + " (set HIL_DEBUG=1 for details)\n");
        assertThat(command.pins.isHigh(17)).isTrue();
        assertThat(command.pins.isHigh(18)).isTrue();
    }
}
