package org.hilrig.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hilrig.timing.random.SeededRandom;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;
import org.hilrig.timing.trace.TraceHeader;
import org.hilrig.timing.vcd.VcdReader;
import org.hilrig.timing.vcd.VcdWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Streaming VCD read throughput. The trial generates a VCD of {@code sizeMegabytes} (default 100) in a
 * temporary folder with {@link VcdWriter}: 64 digital signals and 4 reals in nested scopes, several
 * changes per time stamp, seeded. It is deleted afterwards and never committed. One operation reads the
 * whole file into a listener that consumes every change; MB/s = file size / (seconds per operation),
 * which {@code scripts/bench} prints.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class VcdReadBenchmark {
    @Param({"100"})
    public int sizeMegabytes;

    Path dir;
    Path file;

    @Setup
    public void generate() throws IOException {
        dir = Files.createTempDirectory("hil-vcd-bench");
        file = dir.resolve("bench.vcd");
        long target = sizeMegabytes * 1_000_000L;
        List<SignalInfo> signals = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            signals.add(new SignalInfo(i, "rig.board" + (i / 16) + ".line" + i, "line" + i, SignalKind.DIGITAL, 1));
        }
        for (int i = 0; i < 4; i++) {
            signals.add(new SignalInfo(64 + i, "rig.analog.ch" + i, "ch" + i, SignalKind.REAL, 64));
        }
        SeededRandom r = new SeededRandom(1364);
        boolean[] level = new boolean[64];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            VcdWriter w = new VcdWriter(out);
            w.begin(new TraceHeader(signals, 1_000));
            long t = 0;
            for (int i = 0; i < 64; i++) {
                w.digital(0, i, Level.LOW);
            }
            for (int i = 0; i < 4; i++) {
                w.real(0, 64 + i, 0.0);
            }
            long written = 0;
            while (written < target) {
                t += 1 + r.nextLong(5_000);
                int changes = 1 + r.nextInt(4);
                for (int c = 0; c < changes; c++) {
                    int s = r.nextInt(68);
                    if (s < 64) {
                        level[s] = !level[s];
                        w.digital(t, s, Level.of(level[s]));
                        written += 4;
                    } else {
                        w.real(t, s, Math.round(r.nextDouble() * 150_000) / 1000.0);
                        written += 12;
                    }
                }
                written += 9;
                if ((t & 0xFFF) == 0) {
                    out.flush();
                    written = Files.size(file);
                }
            }
            w.end(t);
        }
        System.out.println("VCD bench file: " + Files.size(file) + " bytes");
    }

    @TearDown
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    /** The file's size in bytes, for MB/s. */
    public long fileBytes() throws IOException {
        return Files.size(file);
    }

    @Benchmark
    public void readWholeFile(Blackhole bh) {
        VcdReader.read(file, new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
                bh.consume(timeNanos + signalId + level.ordinal());
            }

            @Override
            public void real(long timeNanos, int signalId, double value) {
                bh.consume(value);
            }

            @Override
            public void end(long endNanos) {
                bh.consume(endNanos);
            }
        });
    }
}
