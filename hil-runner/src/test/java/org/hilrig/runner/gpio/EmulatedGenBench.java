package org.hilrig.runner.gpio;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.profile.Board;
import org.hilrig.device.sim.Machine;
import org.hilrig.runner.fixture.GpioProvider;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.InputLine;
import org.hilrig.runner.fixture.OutputLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.io.SerialByteLink;
import org.hilrig.runner.io.SerialEndpoint;
import org.hilrig.runner.io.SocatPtyPair;
import org.hilrig.runner.profile.BoardProfileLoader;
import org.hilrig.runner.realtime.Bench;
import org.hilrig.runner.realtime.BenchFactory;
import org.hilrig.runner.realtime.PacedBoard;
import org.hilrig.runner.realtime.WallPacer;
import org.hilrig.runner.rig.SimRigs;
import org.hilrig.runner.run.Library;
import org.hilrig.timing.Clock;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * The bench of a GEN fixture on Pi4J's mock GPIO (test class path only, found by {@link
 * java.util.ServiceLoader}): an emulated generator in this process, paced to the wall clock by a {@link
 * WallPacer}, its UART on one end of a fresh socat pseudo-terminal pair and the rig's link on the other
 * (the fixture's serial path is replaced by the pair's rig end, so benches never share a path), its
 * hardware lines wired to the mock pins: each rig output drives the board's input (the handswitch and AEC
 * lines directly; the door, e-stop and thermal permissives through the plant's faults), each board output
 * sets the mock input the rig reads. {@code ROTOR_READY} is left to the emulated tube controller.
 *
 * <p>With the system property {@code hil.bench.report=true} the bench prints what the board saw on its
 * side: {@code board: XRAY_ON active} when an exposure starts, and when the bench ends (after the rig's
 * safe state, including on SIGTERM) one line with the handswitch and HV lines as the board's pins read.
 */
public final class EmulatedGenBench implements BenchFactory {
    /**
     * The board of one bench, once powered up, its cable (tests pull it), and what the board's pins read
     * when the bench ended (after the rig's safe state, before the board stopped): {@code settled} or
     * {@code not-settled} (HV_ENABLE and XRAY_ON inactive within 200 ms, or not), then each handswitch and
     * HV line, e.g. {@code settled PREP_REQ=inactive ... XRAY_ON=inactive}.
     */
    public record PoweredBoard(PacedBoard board, SocatPtyPair cable, CompletableFuture<String> atEnd, List<PinSet> pinsSet) {
    }

    /**
     * A board output pin the bench set on a mock input: the board's line, its level, and the board's wall
     * time just before the mock pin changed (the rig's listener stamps inside that change).
     */
    public record PinSet(String line, boolean high, long wallNanos) {
    }

    private final java.util.function.Consumer<PoweredBoard> onPowerOn;

    private final boolean shareRigClock;

    /** The bench {@link java.util.ServiceLoader} makes. */
    public EmulatedGenBench() {
        this(b -> { });
    }

    /** A bench that hands each powered-up board to {@code onPowerOn} (on the rig's thread). */
    public EmulatedGenBench(java.util.function.Consumer<PoweredBoard> onPowerOn) {
        this(onPowerOn, false);
    }

    /**
     * @param shareRigClock true: the board is paced on the rig's own clock, so the board's virtual times and
     *     the rig's stamps are in one time base (for measuring the rig's timing error); the board then
     *     catches up on whatever of the rig's time passed before power-on
     */
    public EmulatedGenBench(java.util.function.Consumer<PoweredBoard> onPowerOn, boolean shareRigClock) {
        this.onPowerOn = onPowerOn;
        this.shareRigClock = shareRigClock;
    }

    private static final Path BOARDS = Library.home().resolve("fixtures/boards");
    private static final Set<HardwareLine> DRIVEN = Set.of(HardwareLine.valueOf("PREP_REQ"), HardwareLine.valueOf("EXP_REQ_A"),
            HardwareLine.valueOf("EXP_REQ_B"), HardwareLine.valueOf("AEC_STOP"));
    private static final Map<HardwareLine, String[]> PERMISSIVE_FAULTS = Map.of(
            HardwareLine.valueOf("DOOR_CLOSED"), new String[] {"door_close", "door_open"},
            HardwareLine.valueOf("ESTOP_OK"), new String[] {"estop_release", "estop_press"},
            HardwareLine.valueOf("THERMAL_OK"), new String[] {"thermal_switch_close", "thermal_switch_open"});

    @Override
    public boolean serves(RigFixture fixture) {
        return fixture.gpio().provider() == GpioProvider.MOCK && fixture.board().name().equals("GEN")
                && fixture.link() instanceof SerialEndpoint;
    }

    /** Every fault: the emulated generator's machine takes them all. */
    @Override
    public Set<PlantFault.Kind> plantFaults(RigFixture fixture) {
        return EnumSet.allOf(PlantFault.Kind.class);
    }

    @Override
    public Bench open(RigFixture fixture, Clock clock, long seed, List<String> defects) {
        Set<Defect> set = new java.util.LinkedHashSet<>();
        for (String d : defects) {
            set.add(java.util.Objects.requireNonNull(org.hilrig.device.board.Boards.defect(d), d));
        }
        Machine machine = Machine.builder().genProfile(BoardProfileLoader.load(BOARDS.resolve("gen-reference.yaml")))
                .tubProfile(BoardProfileLoader.load(BOARDS.resolve("tub-reference.yaml"))).boardUnderTest(Board.GEN)
                .defects(set).seed(seed).build();
        int baud = ((SerialEndpoint) fixture.link()).baud();
        boolean report = Boolean.getBoolean("hil.bench.report");
        PrintStream out = System.out;
        SocatPtyPair pair;
        try {
            pair = SocatPtyPair.start(fixture.realtime().priority());
        } catch (IOException e) {
            throw new RigFailureException("cannot start socat for the emulated board's cable: " + e.getMessage(), e);
        }
        PacedBoard[] board = new PacedBoard[1];
        CompletableFuture<String> atEnd = new CompletableFuture<>();
        List<PinSet> pinsSet = new java.util.concurrent.CopyOnWriteArrayList<>();
        RigLines lines;
        try {
            lines = WiredLines.open(fixture, clock, claims -> {
                Pi4jPins pins = Pi4jPins.openMock(claims, fixture.gpio().edgeUncertaintyNanos(), clock);
                wire(fixture, machine, pins, board, pinsSet);
                return pins;
            });
            if (report) {
                machine.line("XRAY_ON").onEdge((s, high, t) -> {
                    if (high) {
                        out.println("board: XRAY_ON active");
                        out.flush();
                    }
                });
            }
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
        Runnable powerOn = () -> {
            board[0] = PacedBoard.start(machine, shareRigClock ? clock : new MonotonicClock(), WallPacer.DEFAULT_SPIN_NANOS,
                    fixture.realtime().priority(), (boardClock, r) -> SerialByteLink.open(new SerialEndpoint(pair.second(), baud), boardClock, r));
            onPowerOn.accept(new PoweredBoard(board[0], pair, atEnd, pinsSet));
        };
        Bench.PlantFaults faults = fault -> inPacer(board[0], () -> machine.inject(fault));
        AutoCloseable closer = () -> {
            try {
                if (board[0] != null && board[0].pacer().isRunning()) {
                    String seen = settled(board[0], machine) + " " + inPacer(board[0], () -> side(machine));
                    atEnd.complete(seen);
                    if (report) {
                        out.println("board: " + seen);
                        out.flush();
                    }
                }
            } finally {
                if (board[0] != null) {
                    board[0].close();
                }
                pair.close();
            }
        };
        return new Bench(new SerialEndpoint(pair.first(), baud), lines, faults, powerOn, closer);
    }

    /** The board's handswitch and HV pins, as it reads them (pacer thread). */
    public static String side(Machine machine) {
        StringBuilder s = new StringBuilder();
        for (String l : new String[] {"PREP_REQ", "EXP_REQ_A", "EXP_REQ_B", "HV_ENABLE", "XRAY_ON"}) {
            s.append(s.length() == 0 ? "" : " ").append(l).append('=').append(machine.line(l).isHigh() ? "active" : "inactive");
        }
        return s.toString();
    }

    /**
     * Waits (at most 200 ms of wall time) until the board's HV_ENABLE and XRAY_ON pins are inactive, as
     * they must be soon after the rig's safe state; says which.
     */
    static String settled(PacedBoard board, Machine machine) {
        CompletableFuture<String> off = new CompletableFuture<>();
        board.inPacer(() -> {
            DigitalSignal hv = machine.line("HV_ENABLE");
            DigitalSignal xray = machine.line("XRAY_ON");
            DigitalSignal.EdgeListener check = (s, high, t) -> {
                if (!hv.isHigh() && !xray.isHigh()) {
                    off.complete("settled");
                }
            };
            check.edge(hv, hv.isHigh(), machine.scheduler().nowNanos());
            hv.onEdge(check);
            xray.onEdge(check);
        });
        try {
            return off.get(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            return "not-settled";
        }
    }

    /** Runs {@code action} on the pacer thread and waits for it; its exception is the caller's. */
    private static <T> T inPacer(PacedBoard board, java.util.function.Supplier<T> action) {
        CompletableFuture<T> done = new CompletableFuture<>();
        board.inPacer(() -> {
            try {
                done.complete(action.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get(2, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFailureException("interrupted while the emulated board ran a request");
        } catch (TimeoutException e) {
            throw new RigFailureException("the emulated board's pacer did not run a request within 2 s (stopped: "
                    + board.pacer().failure() + ")");
        }
    }

    private static void inPacer(PacedBoard board, Runnable action) {
        inPacer(board, () -> {
            action.run();
            return null;
        });
    }

    /** Mock outputs to board inputs (handed to the pacer thread), board outputs to mock inputs (on the pacer thread). */
    private static void wire(RigFixture fixture, Machine machine, Pi4jPins pins, PacedBoard[] board, List<PinSet> pinsSet) {
        for (OutputLine o : fixture.outputs()) {
            MockDigitalOutput out = (MockDigitalOutput) pins.context().io("hil-bcm" + o.bcmPin());
            String[] viaFault = PERMISSIVE_FAULTS.get(o.line());
            if (DRIVEN.contains(o.line())) {
                out.addListener(e -> board[0].inPacer(() -> machine.drive(o.line().name(), o.polarity().active(e.state().isHigh()))));
            } else if (viaFault != null) {
                out.addListener(e -> board[0].inPacer(() -> machine.inject(o.polarity().active(e.state().isHigh()) ? viaFault[0] : viaFault[1])));
            }
        }
        for (InputLine i : fixture.inputs()) {
            MockDigitalInput in = (MockDigitalInput) pins.context().io("hil-bcm" + i.bcmPin());
            DigitalSignal pin = machine.line(i.line().name());
            in.mockState(i.polarity().electricalHigh(pin.isHigh()) ? DigitalState.HIGH : DigitalState.LOW);
            pin.onEdge((s, high, t) -> {
                if (board[0] != null) {
                    pinsSet.add(new PinSet(i.line().name(), high, board[0].pacer().wall().nowNanos()));
                }
                in.mockState(i.polarity().electricalHigh(high) ? DigitalState.HIGH : DigitalState.LOW);
            });
        }
    }

}
