package org.hilrig.runner.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hilrig.device.profile.CommonKeys;
import org.hilrig.device.board.Boards;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.firmware.SerialCounters;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.sim.HostLink;
import org.hilrig.device.sim.Machine;
import org.hilrig.runner.io.SerialEndpoint;
import org.hilrig.runner.io.RealtimePriority;
import org.hilrig.runner.io.SerialByteLink;
import org.hilrig.runner.profile.BoardProfileLoader;
import org.hilrig.runner.realtime.HotPathWarmup;
import org.hilrig.runner.realtime.PacedBoard;
import org.hilrig.runner.io.TcpCableServer;
import org.hilrig.runner.rig.SimRigs;
import org.hilrig.runner.run.Library;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.InputProblem;
import org.hilrig.timing.MonotonicClock;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code hil emulate}: an emulated board on wall time, its UART on a serial port (one end of a socat
 * pseudo-terminal pair) or a TCP port (one connection at a time, on the loopback address unless {@code
 * --bind} names another), until stopped. Prints one line when it starts and, when it stops, the board's
 * serial counters (bytes received, lost to overruns or sent faster than the line carries, replies and events
 * dropped) and one line that it stopped. SIGTERM and SIGINT end it cleanly (pacer stopped, port closed, exit 0); a
 * lost serial port ends it with exit 3. A JVM shutdown by other means still stops the pacer and closes
 * the port (shutdown hook).
 */
@Command(name = "emulate", mixinStandardHelpOptions = true,
        description = "Runs an emulated board in real time on a serial or TCP port until stopped.")
final class EmulateCommand implements Callable<Integer> {
    /**
     * With {@code --rt-priority}, the JVM's own service threads (VM thread, JIT compilers) run SCHED_FIFO at
     * this priority: above every ordinary thread, so the pacer or reader never waits behind ordinary load for
     * one of them, and at or below the timing path's own priority (1 is the lowest there is).
     */
    static final int JVM_SERVICE_PRIORITY = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--board", required = true, paramLabel = "GEN|TUB", description = "The board to emulate.")
    Board board;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Port port;

    static final class Port {
        @Option(names = "--serial", paramLabel = "PATH", description = "Serial port path (e.g. one end of a socat pty pair).")
        String serial;

        @Option(names = "--tcp", paramLabel = "PORT", description = "TCP port to listen on (one connection at a time: a new one unplugs the one before), on the loopback address unless --bind says otherwise.")
        Integer tcp;
    }

    @Option(names = "--bind", paramLabel = "ADDR", description = "With --tcp: the address to listen on (default 127.0.0.1; 0.0.0.0 or :: for every interface, or one address of this machine).")
    String bind;

    @Option(names = "--defect", paramLabel = "NAME", description = "Switch an emulator defect on (repeatable; see 'hil defects').")
    List<String> defects = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the plant's randomness (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    UnitOptions unitOptions = new UnitOptions();

    @Option(names = "--profile", paramLabel = "FILE", description = "Board profile of the emulated board (default: fixtures/boards/<board>-reference.yaml under hil.home).")
    Path profile;

    @Option(names = "--spin", paramLabel = "DURATION", defaultValue = "0us", description = "Busy-wait before each due event"
            + " (default ${DEFAULT-VALUE}: park only). A spin (e.g. 50us) absorbs a park's oversleep, tens of microseconds,"
            + " too little to show in the reply latency; with --rt-priority it holds a CPU from socat and the kernel's tty"
            + " work: on 2 cores replies came 12-53 ms late (README, performance). Spin only with a core to spare.")
    String spin;

    @Option(names = "--rt-priority", paramLabel = "N", defaultValue = "0",
            description = "Run the pacer and the port's reader in SCHED_FIFO at priority N (1-" + RealtimePriority.MAX
                    + "), the JVM's VM and compiler threads at 1; needs CAP_SYS_NICE; default 0: ordinary scheduling.")
    int rtPriority;

    @Option(names = "--exit-with-parent", hidden = true, description = "Stop (as on SIGTERM) when the process that"
            + " started this one ends, however it ends: hil station starts a unit's board this way, so that a station"
            + " killed with SIGKILL leaves no board running.")
    boolean exitWithParent;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Set<Defect> defectSet = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        List<Defect> carried = Boards.of(board).defects();
        for (String d : defects) {
            Defect known = Boards.defect(d);
            if (known == null) {
                problems.add("--defect " + d + ": unknown defect (allowed: " + String.join(", ",
                        Boards.defects().stream().map(Defect::name).toList()) + ")");
            } else if (!carried.contains(known)) {
                problems.add("--defect " + d + ": not a defect of " + Boards.of(board).title() + " (its defects: "
                        + (carried.isEmpty() ? "none" : String.join(", ", carried.stream().map(Defect::name).toList())) + ")");
            } else {
                defectSet.add(known);
            }
        }
        long spinNanos;
        try {
            spinNanos = org.hilrig.timing.Durations.parse(spin);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("", 0, 0, "--spin " + spin + ": " + e.getMessage());
        }
        if (rtPriority < 0 || rtPriority > RealtimePriority.MAX) {
            problems.add("--rt-priority " + rtPriority + ": out of range (allowed: 0 for ordinary scheduling, 1 to "
                    + RealtimePriority.MAX + ")");
        }
        if (port.tcp != null && (port.tcp < 0 || port.tcp > 65_535)) {
            problems.add("--tcp " + port.tcp + ": port out of range (allowed: 0 to 65535)");
        }
        InetAddress bindAddress = InetAddress.getLoopbackAddress();
        if (bind != null && port.tcp == null) {
            problems.add("--bind " + bind + ": only with --tcp (a serial port has no address)");
        } else if (bind != null) {
            try {
                bindAddress = TcpCableServer.bindAddress(bind);
            } catch (IllegalArgumentException e) {
                problems.add("--bind " + bind + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.stream().map(InputProblem::unplaced).toList());
        }
        Path boards = Library.home().resolve("fixtures/boards");
        Map<Board, BoardProfile> profiles = new EnumMap<>(Board.class);
        for (Board b : Board.values()) { // the board's own profile as asked, the reference ones for the others
            profiles.put(b, BoardProfileLoader.load(b == board && profile != null ? profile
                    : boards.resolve(b.prefix() + "-reference.yaml")));
        }
        SimRigs.UnitChoice unit = unitOptions.choice();
        if (unit != null) {
            profiles.replaceAll((b, p) -> unit.profile(p, b == board));
        }
        Supplier<Machine> build = () -> {
            Machine.Builder m = Machine.builder().boardUnderTest(board).defects(defectSet).seed(seed);
            profiles.values().forEach(m::profile);
            return m.build();
        };
        Machine scratch = build.get(); // JIT-compiled before the port opens: the idle path, then exposures
        HotPathWarmup.run(scratch, HotPathWarmup.DEFAULT_EXCHANGES);
        HotPathWarmup.exposures(scratch, HotPathWarmup.DEFAULT_EXPOSURE_ROUNDS);
        Machine machine = build.get();
        String jvmRefused = rtPriority > 0 ? RealtimePriority.raiseJvmServiceThreads(JVM_SERVICE_PRIORITY).orElse(null) : null;
        BoardProfile own = profiles.get(board);
        int baud = own.integer(CommonKeys.BAUD);

        InetAddress listenOn = bindAddress;
        PacedBoard paced = PacedBoard.start(machine, new MonotonicClock(), spinNanos, rtPriority,
                (clock, receiver) -> port.serial != null
                ? SerialByteLink.open(new SerialEndpoint(port.serial, baud), clock, receiver)
                : TcpCableServer.listen(listenOn, port.tcp, clock, receiver));
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(paced::close, "hil-emulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String[] stoppedBy = {"stopped"};
        Signal.handle(new Signal("TERM"), s -> {
            stoppedBy[0] = "stopped by SIGTERM";
            stop.countDown();
        });
        Signal.handle(new Signal("INT"), s -> {
            stoppedBy[0] = "stopped by SIGINT";
            stop.countDown();
        });
        if (exitWithParent) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
                stoppedBy[0] = "stopped: the process that started it (" + parent.pid() + ") ended";
                stop.countDown();
            }));
        }
        String where = port.serial != null ? port.serial + " at " + baud + " baud" : paced.describePort();
        out.println("emulating " + board + " fw " + own.text(CommonKeys.FIRMWARE_VERSION) + " on " + where
                + (defectSet.isEmpty() ? "" : " with " + defectSet) + "; Ctrl-C to stop");
        out.flush();
        if (jvmRefused != null) {
            spec.commandLine().getErr().println("hil emulate: warning: the JVM's service threads run at ordinary scheduling,"
                    + " not real-time priority " + JVM_SERVICE_PRIORITY + ": " + jvmRefused);
            spec.commandLine().getErr().flush();
        }
        boolean refusalTold = false;
        boolean lossTold = false;
        while (!stop.await(100, TimeUnit.MILLISECONDS)) {
            if (!lossTold && paced.hostBytesLost() > 0) {
                lossTold = true;
                spec.commandLine().getErr().println("hil emulate: warning: the host sends faster than the line's " + baud
                        + " baud carries: what exceeds the " + HostLink.HOST_BUFFER_BYTES + " bytes the cable holds is lost"
                        + " (counted in the stop report)");
                spec.commandLine().getErr().flush();
            }
            if (!refusalTold && paced.realtimeRefused() != null) {
                refusalTold = true;
                spec.commandLine().getErr().println("hil emulate: warning: ordinary scheduling, not real-time priority "
                        + rtPriority + ": " + paced.realtimeRefused());
                spec.commandLine().getErr().flush();
            }
            if (!paced.pacer().isRunning() || paced.portLost() != null) {
                break;
            }
        }
        long ranNanos = machine.scheduler().nowNanos();
        paced.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down: the hook has closed the board too
        }
        SerialCounters n = machine.serialCounters(); // the pacer has stopped: safe to read from here
        out.println("serial: " + n.receivedBytes() + " bytes received, " + n.overrunBytes() + " lost to receive overruns, "
                + paced.hostBytesLost() + " lost before the line (sent faster than " + baud + " baud), "
                + n.droppedReplies() + " replies and " + n.droppedEvents() + " events dropped (transmit buffer full)");
        out.flush();
        if (paced.portLost() != null) {
            throw paced.portLost();
        }
        paced.pacer().awaitStopped(); // rethrows a failure of the emulated board as a rig failure
        out.println("emulation of " + board + " " + stoppedBy[0] + " after "
                + org.hilrig.timing.Durations.format(ranNanos) + " (worst pacing lateness "
                + org.hilrig.timing.Durations.format(paced.pacer().worstLatenessNanos()) + ", after a start-up catch-up of "
                + org.hilrig.timing.Durations.format(Math.max(0, paced.pacer().startCatchUpNanos())) + ")");
        out.flush();
        return Hil.OK;
    }
}
