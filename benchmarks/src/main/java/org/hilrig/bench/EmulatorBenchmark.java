package org.hilrig.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.sim.Machine;
import org.hilrig.runner.profile.BoardProfileLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Speed of the firmware emulator: one operation simulates a 10-minute session of the reference GEN (1 ms
 * main-loop tick, 115200 baud) with a host heartbeat every 100 ms under a 1 s host watchdog, a prep
 * every 40 s (the tube allows 2 starts a minute) held for 22 s with five 100 ms exposures in it, and an
 * arc in every second exposure. Simulated
 * seconds per wall second = 600 000 / (ms per operation).
 *
 * <p>Run from the repository root (it reads {@code fixtures/boards}):
 * {@code java -jar benchmarks/target/benchmarks.jar EmulatorBenchmark -f 1 -wi 2 -i 5}. With
 * {@code -p otherBoard=emulated} the tube controller runs its firmware too (two 1 ms loops).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class EmulatorBenchmark {
    static final long MS = 1_000_000L;
    static final long SESSION_NANOS = 600_000 * MS;

    @Param({"model", "emulated"})
    public String otherBoard;

    private BoardProfile gen;
    private BoardProfile tub;
    private byte[][] heartbeats;

    @Setup(Level.Trial)
    public void loadProfiles() {
        Path boards = Path.of("fixtures", "boards");
        if (!Files.isDirectory(boards)) {
            throw new IllegalStateException("run from the repository root: no " + boards.toAbsolutePath());
        }
        gen = BoardProfileLoader.load(boards.resolve("gen-reference.yaml"));
        tub = BoardProfileLoader.load(boards.resolve("tub-reference.yaml"));
        heartbeats = new byte[256][];
        for (int i = 0; i < 256; i++) {
            heartbeats[i] = Frame.command(i, "HBT").encode();
        }
    }

    /** Simulates the session and returns the number of events the scheduler ran (kept by JMH). */
    @Benchmark
    public long tenMinuteSession() {
        Machine m = session(gen, tub, heartbeats, otherBoard.equals("emulated"));
        m.runFor(SESSION_NANOS);
        return m.scheduler().executed() + m.trace().changeCount();
    }

    /** Builds the machine with the session's stimuli scheduled; also used by the smoke test. */
    static Machine session(BoardProfile gen, BoardProfile tub, byte[][] heartbeats, boolean emulateTub) {
        Machine m = Machine.builder().genProfile(gen).tubProfile(tub).boardUnderTest(Board.GEN)
                .emulateOtherBoard(emulateTub).defects(Set.<Defect>of()).seed(1).build();
        var s = m.scheduler();
        s.at(60 * MS, "bench.wdg", () -> m.hostLink().send(Frame.command(0xF0, "WDG", "1000").encode()));
        int[] seq = {0};
        s.every(100 * MS, 100 * MS, "bench.heartbeat", () -> m.hostLink().send(heartbeats[seq[0]++ & 0xFF]));
        int[] exposure = {0};
        s.every(1_000 * MS, 40_000 * MS, "bench.prep", () -> {
            m.drive("PREP_REQ", true);
            for (int i = 0; i < 5; i++) {
                long at = s.nowNanos() + 2_000 * MS + i * 4_000 * MS;
                s.at(at, "bench.expose", () -> {
                    m.drive("EXP_REQ_A", true);
                    m.drive("EXP_REQ_B", true);
                    if (exposure[0]++ % 2 == 1) {
                        m.inject("arc", Map.of("after", "50ms"));
                    }
                });
                s.at(at + 200 * MS, "bench.release", () -> {
                    m.drive("EXP_REQ_A", false);
                    m.drive("EXP_REQ_B", false);
                });
            }
            s.at(s.nowNanos() + 22_000 * MS, "bench.prep_release", () -> m.drive("PREP_REQ", false));
        });
        return m;
    }
}
