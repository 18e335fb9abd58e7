package org.hilrig.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the rig's benchmark suites through JMH and prints the figures the targets are stated in
 * (scripts/bench is the front door). Suites: {@code scheduler}, {@code vcd}, {@code emulator},
 * {@code all}. JMH's own JSON goes to {@code bench-results/} (ignored by git). Comparisons are made
 * within one run, side by side, because this machine is shared and absolute numbers drift.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws RunnerException, java.io.IOException {
        String suite = args.length > 0 ? args[0] : "all";
        boolean quick = List.of(args).contains("--quick");
        Path outDir = Path.of("bench-results");
        Files.createDirectories(outDir);
        PrintStream out = System.out;
        switch (suite) {
            case "scheduler" -> scheduler(outDir, quick, out);
            case "vcd" -> vcd(outDir, quick, out);
            case "emulator" -> emulator(outDir, quick, out);
            case "all" -> {
                scheduler(outDir, quick, out);
                vcd(outDir, quick, out);
                emulator(outDir, quick, out);
            }
            default -> {
                System.err.println("bench: unknown suite '" + suite + "' (use scheduler, vcd, emulator or all; add --quick for a short run)");
                System.exit(2);
            }
        }
    }

    private static ChainedOptionsBuilder base(String include, Path outDir, String name, boolean quick) {
        String stamp = Instant.now().toString().replace(':', '-');
        return new OptionsBuilder()
                .include(include)
                .forks(1)
                .shouldFailOnError(true)
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .resultFormat(ResultFormatType.JSON)
                .result(outDir.resolve(name + "-" + stamp + ".json").toString())
                .warmupIterations(quick ? 2 : 5)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 10)
                .measurementTime(TimeValue.seconds(1));
    }

    static void scheduler(Path outDir, boolean quick, PrintStream out) throws RunnerException {
        Collection<RunResult> results = new Runner(base(SchedulerBenchmark.class.getName(), outDir, "scheduler", quick)
                .addProfiler(GCProfiler.class)
                .build()).run();
        double rig = 0;
        double rigError = 0;
        double rigAlloc = Double.NaN;
        double bestSsj = 0;
        double defaultSsj = Double.NaN;
        String bestList = "?";
        List<String> rows = new ArrayList<>();
        for (RunResult rr : results) {
            BenchmarkResult br = rr.getAggregatedResult();
            Result<?> primary = br.getPrimaryResult();
            String list = rr.getParams().getParam("eventList");
            Result<?> alloc = br.getSecondaryResults().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                    .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
            double bytesPerEvent = alloc == null ? Double.NaN : alloc.getScore();
            String label = list == null ? "rig Scheduler" : "SSJ 3.3.2, " + list;
            rows.add(String.format(Locale.ROOT, "  %-26s %8.2f M events/s (± %.2f)   %6.2f B/event", label,
                    primary.getScore() / 1e6, primary.getScoreError() / 1e6, bytesPerEvent));
            if (list == null) {
                rig = primary.getScore();
                rigError = primary.getScoreError();
                rigAlloc = bytesPerEvent;
            } else {
                if ("SplayTree".equals(list)) {
                    defaultSsj = primary.getScore(); // what new Simulator() uses
                }
                if (primary.getScore() > bestSsj) {
                    bestSsj = primary.getScore();
                    bestList = list;
                }
            }
        }
        out.println();
        out.println("Scheduler: full loop (poll, run handler, reschedule), " + SchedulerBenchmark.PENDING + " pending events");
        rows.forEach(out::println);
        out.printf(Locale.ROOT, "  rig / SSJ default event list (SplayTree, as new Simulator() uses): %.2fx%n", rig / defaultSsj);
        out.printf(Locale.ROOT, "  rig / SSJ fastest event list (%s): %.2fx%n", bestList, rig / bestSsj);
        out.printf(Locale.ROOT, "  targets: >= 20 M events/s -> %s; >= 3x SSJ -> %s against its default list, %s against its fastest;"
                + " 0 B/event -> %s%n", rig >= 20e6 ? "met" : "NOT met", rig / defaultSsj >= 3 ? "met" : "NOT met",
                rig / bestSsj >= 3 ? "met" : "NOT met", rigAlloc < 0.5 ? "met" : "NOT met");
        out.printf(Locale.ROOT, "  (rig %.2f ± %.2f M events/s, %.3f B/event)%n", rig / 1e6, rigError / 1e6, rigAlloc);
    }

    static void vcd(Path outDir, boolean quick, PrintStream out) throws RunnerException {
        int megabytes = 100;
        Collection<RunResult> results = new Runner(base(VcdReadBenchmark.class.getName(), outDir, "vcd", quick)
                .param("sizeMegabytes", String.valueOf(megabytes))
                .warmupIterations(quick ? 1 : 3)
                .measurementIterations(quick ? 3 : 8)
                .build()).run();
        for (RunResult rr : results) {
            Result<?> primary = rr.getAggregatedResult().getPrimaryResult();
            double millis = primary.getScore();
            out.println();
            out.println("VCD reading: a generated " + megabytes + " MB trace, streamed into a listener");
            out.printf(Locale.ROOT, "  %.0f ms per read (± %.0f)  =  %.1f MB/s    target: >= 50 MB/s -> %s%n",
                    millis, primary.getScoreError(), megabytes / (millis / 1000.0),
                    megabytes / (millis / 1000.0) >= 50 ? "met" : "NOT met");
        }
    }

    static void emulator(Path outDir, boolean quick, PrintStream out) throws RunnerException {
        Collection<RunResult> results = new Runner(base(EmulatorBenchmark.class.getName(), outDir, "emulator", quick)
                .warmupIterations(quick ? 2 : 5)
                .measurementIterations(quick ? 5 : 15)
                .build()).run();
        out.println();
        out.println("Emulator: a 10-minute GEN session (1 ms tick, heartbeats at 115200 baud, exposures, arcs)");
        double simulatedMillis = EmulatorBenchmark.SESSION_NANOS / 1e6;
        for (RunResult rr : results) {
            Result<?> primary = rr.getAggregatedResult().getPrimaryResult();
            double millis = primary.getScore();
            out.printf(Locale.ROOT, "  other board %-9s %7.1f ms per session (± %.1f)  =  %,8.0fx real time    target: >= 1000x -> %s%n",
                    rr.getParams().getParam("otherBoard"), millis, primary.getScoreError(), simulatedMillis / millis,
                    simulatedMillis / millis >= 1000 ? "met" : "NOT met");
        }
    }
}
