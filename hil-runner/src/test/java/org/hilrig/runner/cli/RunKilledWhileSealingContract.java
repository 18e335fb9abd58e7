package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.runner.cli.CommandResult.hil;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hilrig.runner.evidence.FileDigest;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.evidence.RigKey;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.RunState;
import org.hilrig.runner.store.StoredResult;
import org.hilrig.runner.store.StoredRun;
import org.hilrig.runner.testsupport.ChildJvm;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code hil run} in a child JVM, killed with SIGKILL at each point between the database's record of its
 * results and its end (the pause points of {@link PausePoint}: every phase of the seal, and just after it): the
 * database never says the run ended, says what it lacks, and its results never count as the latest; the same
 * on every database the store supports.
 *
 * <p>Before the killed run, a sealed run of the same scenario with a defect failed it: the killed run's pass
 * must not hide that fail.
 */
abstract class RunKilledWhileSealingContract {
    private static final String SCENARIO = "test-scenarios/scenarios/interlock/int-door-001.yaml";

    @TempDir
    Path tmp;
    RigHome home;
    String url;
    String failedRun;

    /** The URL of a new, empty database. */
    abstract String newDatabaseUrl() throws Exception;

    @BeforeEach
    void aSealedRunThatFailedTheScenario() throws Exception {
        home = new RigHome(tmp.resolve("rig"));
        RigKey.generate().save(home.privateKeyFile(), home.publicKeyFile());
        url = newDatabaseUrl();
        CommandResult before = hil("run", Library.home().resolve(SCENARIO).toString(), "--defect", "slow_interlock",
                "--out", tmp.resolve("before").toString(), "--rig-home", home.dir().toString(), "--db", url);
        assertThat(before.exitCode()).as(before.out() + before.err()).isEqualTo(1);
        failedRun = runId(tmp.resolve("before"));
    }

    private ChildJvm startRun(Path out, List<String> jvmOptions) throws Exception {
        List<String> options = new java.util.ArrayList<>(List.of("-Dhil.home=" + Library.home()));
        options.addAll(jvmOptions);
        return ChildJvm.start(Hil.class, tmp.resolve("child.log"), options, "run",
                Library.home().resolve(SCENARIO).toString(), "--out", out.toString(), "--rig-home",
                home.dir().toString(), "--db", url);
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"hash", "manifest", "signature", "chain", "marker", "sealed"})
    void aRunKilledAfterItsResultsAndBeforeItsEndIsIncompleteSaysItLacksItsSealAndNeverCounts(String point)
            throws Exception {
        Path out = tmp.resolve("killed");
        Path paused = tmp.resolve("paused");

        try (ChildJvm child = startRun(out, List.of("-Dhil.pause-at=" + point, "-Dhil.pause-signal=" + paused))) {
            child.awaitFile(paused).kill();
        }

        String killed = runId(out);
        try (ResultStore db = ResultStore.open(url)) {
            assertThat(db.run(killed)).get().satisfies(r -> {
                assertThat(r.state()).isEqualTo(RunState.SEALING);
                assertThat(r.endedUtc()).as("a run that was not recorded sealed has not ended").isNull();
                assertThat(r.manifestSha256()).isNull();
                assertThat(r.scenarioCount()).isEqualTo(1);
            });
            assertThat(db.results(killed)).extracting(StoredResult::status).containsExactly(Verdict.PASS);
            assertThat(db.latestResults("INT-DOOR-001", null, 1)).as("the killed run's pass never counts")
                    .extracting(StoredResult::runId, StoredResult::status).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(failedRun, Verdict.FAIL));
            assertThat(db.trends("door_to_hv_off", null, null, 10).get(0).points())
                    .extracting(p -> p.runId()).containsExactly(failedRun);
            assertThat(db.incompleteRuns(null, null, null)).extracting(StoredRun::runId).containsExactly(killed);
        }
        CommandResult history = hil("history", "--db", url);
        List<String> lines = history.out().lines().toList();
        assertThat(history.exitCode()).isZero();
        assertThat(lines.get(1)).startsWith("INT-DOOR-001 ").contains(" fail ").contains(" " + failedRun + " ");
        assertThat(lines.subList(2, lines.size())).containsSubsequence("", "incomplete runs, not counted above:");
        assertThat(lines.get(lines.size() - 1)).contains(killed).contains(" 1       its seal: every result recorded, "
                + "but no seal of its evidence folder was recorded");

        CommandResult verify = hil("verify", out.toString(), "--rig-home", home.dir().toString());
        if (point.equals("sealed")) {
            // the folder was sealed and chained: the database lacks only the record of it, and says so
            assertThat(verify.exitCode()).as(verify.out()).isZero();
            assertThat(Files.readString(home.chainLog())).contains(FileDigest.of(out.resolve("manifest.json")).sha256());
        } else {
            assertThat(verify.exitCode()).as(verify.out()).isEqualTo(1);
            assertThat(verify.out()).contains("  incomplete ");
        }
    }

    @Test
    void theSameRunLeftToFinishEndsSealedWithItsManifestsHashAndCounts() throws Exception {
        Path out = tmp.resolve("finished");

        int exit;
        try (ChildJvm child = startRun(out, List.of())) {
            exit = child.waitForExit();
        }

        assertThat(exit).isZero();
        String run = runId(out);
        try (ResultStore db = ResultStore.open(url)) {
            assertThat(db.run(run)).get().satisfies(r -> {
                assertThat(r.state()).isEqualTo(RunState.SEALED);
                assertThat(r.endedUtc()).isNotNull();
                assertThat(r.manifestSha256()).isEqualTo(FileDigest.of(out.resolve("manifest.json")).sha256());
            });
            // both sealed runs count; which is newer is not defined when both started in the same second
            // (started_utc has whole seconds), so the order is not asserted here
            assertThat(db.latestResults("INT-DOOR-001", null, 2)).extracting(StoredResult::runId, StoredResult::status)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(run, Verdict.PASS),
                            org.assertj.core.groups.Tuple.tuple(failedRun, Verdict.FAIL));
            assertThat(db.incompleteRuns(null, null, null)).isEmpty();
        }
        assertThat(hil("history", "--db", url).out()).doesNotContain("incomplete");
        assertThat(hil("verify", out.toString(), "--rig-home", home.dir().toString()).exitCode()).isZero();
    }

    @Test
    void anUnknownPausePointIsBadInputAndNothingIsCreated() throws Exception {
        int exit;
        String output;
        try (ChildJvm child = startRun(tmp.resolve("x"), List.of("-Dhil.pause-at=nowhere"))) {
            exit = child.waitForExit();
            output = child.output();
        }

        assertThat(exit).isEqualTo(2);
        assertThat(output).isEqualTo("hil run: -Dhil.pause-at: 'nowhere' is not a pause point, allowed: staging, "
                + "hash, manifest, signature, chain, marker, sealed\n");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    private static String runId(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("run_id").asText();
    }
}
