package org.hilrig.runner.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.timing.verdict.Verdict;

/**
 * Child process for the kill test: starts run RUN_ID in the database at URL, commits COUNT scenario results
 * (S1, S2, ...), creates SIGNAL_FILE and blocks until killed. Arguments: URL RUN_ID COUNT SIGNAL_FILE.
 */
public final class StoreWriterProcess {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[2]);
        try (ResultStore store = ResultStore.open(args[0])) {
            store.startRun(new RunResult(args[1], "sim", 7, List.of(), "2026-11-27T20:00:00Z", null, "dev", List.of()),
                    "rig-child", "host");
            for (int i = 1; i <= count; i++) {
                store.addScenario(args[1], scenario("S" + i, i * 1000L));
            }
            Files.writeString(Path.of(args[3]), "committed " + count + "\n");
            new CountDownLatch(1).await();
        }
    }

    static ScenarioResult scenario(String id, long valueNs) {
        return new ScenarioResult(id, "scenario " + id, "lib/" + id + ".yaml", Verdict.PASS, List.of("REQ-1"),
                List.of(), List.of(new MeasurementResult("latency", valueNs, null, 1_000_000L, 0, Verdict.PASS)),
                "traces/" + id + ".vcd", "ab", null, 5_000_000);
    }
}
