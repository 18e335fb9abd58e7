package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hilrig.runner.io.SocatPtyPair;
import org.junit.jupiter.api.Test;

/**
 * {@code hil emulate --rt-priority} in its own process: the pacer at the priority asked for, and the JVM's
 * service threads a real-time thread may wait for (VM thread, JIT compilers) in SCHED_FIFO at 1, so ordinary
 * load cannot keep them, and so the pacer, waiting; the stop line tells pacing lateness apart from the
 * start-up catch-up. The test machine runs as root, so SCHED_FIFO is permitted.
 */
class EmulateRealtimeTest {
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;

    /** A thread's name, policy and real-time priority from /proc/PID/task/TID/stat. */
    private record Sched(String name, int policy, int priority) {
    }

    private static List<Sched> threads(long pid) throws IOException {
        List<Sched> out = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                // fields after "(comm)": state is field 3, rt_priority field 40, policy field 41
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.add(new Sched(name, Integer.parseInt(f[38]), Integer.parseInt(f[37])));
            }
        }
        return out;
    }

    @Test
    void theJvmsServiceThreadsRunAboveOrdinaryLoadAndTheStopLineSeparatesTheStartUpCatchUp() throws Exception {
        try (SocatPtyPair pair = SocatPtyPair.start();
             HilProcess emulate = HilProcess.hil("emulate", "--board", "GEN", "--serial", pair.second(), "--rt-priority", "50")) {
            emulate.lineStartingWith("emulating ", 30);

            List<Sched> threads = threads(emulate.pid());

            assertThat(threads).filteredOn(t -> t.name().equals("VM Thread")).containsExactly(new Sched("VM Thread", SCHED_FIFO, 1));
            assertThat(threads).filteredOn(t -> t.name().startsWith("C1 CompilerThre")).isNotEmpty()
                    .allSatisfy(t -> assertThat(t).isEqualTo(new Sched(t.name(), SCHED_FIFO, 1)));
            assertThat(threads).filteredOn(t -> t.name().equals("hil-pacer-GEN")).containsExactly(new Sched("hil-pacer-GEN", SCHED_FIFO, 50));
            assertThat(threads).as("a thread nothing on the timing path waits for stays ordinary")
                    .filteredOn(t -> t.name().equals("Signal Dispatch")).extracting(Sched::policy).containsExactly(SCHED_OTHER);

            emulate.terminate();
            assertThat(emulate.waitForExit(20)).isZero();
            assertThat(emulate.output()).containsPattern(
                    "emulation of GEN stopped by SIGTERM after \\S+ [mun]?s \\(worst pacing lateness \\S+ [mun]?s, after a start-up catch-up of \\S+ [mun]?s\\)");
        }
    }
}
