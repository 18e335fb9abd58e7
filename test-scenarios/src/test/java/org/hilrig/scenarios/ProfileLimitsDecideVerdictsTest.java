package org.hilrig.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.run.ScenarioRun;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits a scenario names ({@code profile.limits.*}) are read from the board profile files, not from
 * code: a copy of the rig's home whose profile has one limit changed gives another verdict for the same
 * scenario, emulator and seed.
 */
class ProfileLimitsDecideVerdictsTest {
    private static final Path HOME = Library.home();

    @TempDir
    Path home;

    @TempDir
    Path out;

    @Test
    void aDoorLimitTightenedBelowTheMeasuredLatencyFailsIntDoor001() throws IOException {
        assertThat(run("interlock/int-door-001.yaml", List.of()).status()).isEqualTo(Verdict.PASS);

        // the reference firmware drops HV_ENABLE 2 us after the door opens (its interrupt latency)
        copyHome("gen-reference.yaml", "interlock_to_hv_off: 1ms", "interlock_to_hv_off: 1us");
        ScenarioResult tightened = run("interlock/int-door-001.yaml", List.of());

        assertThat(tightened.status()).isEqualTo(Verdict.FAIL);
        assertThat(tightened.message()).endsWith("took 2 us, limit <= 1 us");
        assertThat(tightened.measurements()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("door_to_hv_off");
            assertThat(m.maxNs()).isEqualTo(1_000L);
        });
    }

    @Test
    void doorLimitsLoosenedPastTheMainLoopLetTheSlowInterlockDefectThrough() throws IOException {
        assertThat(run("interlock/int-door-001.yaml", List.of("SLOW_INTERLOCK")).status()).isEqualTo(Verdict.FAIL);

        copyHome("gen-reference.yaml", "interlock_to_hv_off: 1ms", "interlock_to_hv_off: 20ms",
                "interlock_to_xray_off: 2ms", "interlock_to_xray_off: 40ms");

        assertThat(run("interlock/int-door-001.yaml", List.of("SLOW_INTERLOCK")).status()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theTubeControllersSerialReplyLimitComesFromItsOwnProfile() throws IOException {
        assertThat(run("system/sys-tub-001.yaml", List.of()).status()).isEqualTo(Verdict.PASS);

        copyHome("tub-reference.yaml", "serial_reply: 5ms", "serial_reply: 10us");
        ScenarioResult tightened = run("system/sys-tub-001.yaml", List.of());

        assertThat(tightened.status()).isEqualTo(Verdict.FAIL);
        assertThat(tightened.message()).contains("reply to VER");
    }

    @Test
    void theExposureTimeWindowFollowsTheAccuracyKeys() throws IOException {
        ScenarioResult reference = run("exposure/exp-norm-001.yaml", List.of());
        assertThat(reference.measurements()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("loading_time");
            assertThat(m.minNs()).isEqualTo(98_800_000L);
            assertThat(m.maxNs()).isEqualTo(101_200_000L);
        });

        copyHome("gen-reference.yaml", "exposure_time_fraction: 0.01", "exposure_time_fraction: 0.1",
                "exposure_time_offset: 200us", "exposure_time_offset: 1ms");

        assertThat(run("exposure/exp-norm-001.yaml", List.of()).measurements()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("loading_time");
            assertThat(m.minNs()).isEqualTo(89_000_000L);
            assertThat(m.maxNs()).isEqualTo(111_000_000L);
        });
    }

    /** Runs one library scenario against the rig home in {@code home} (the real one until copied). */
    @Test
    void aUnitWhoseShotsVaryTooMuchFailsTheReproducibilityOfExpRep001() throws IOException {
        ScenarioResult reference = run("exposure/exp-rep-001.yaml", List.of());
        assertThat(reference.status()).as(reference.message()).isEqualTo(Verdict.PASS);

        // 8 % rms from shot to shot on the current: the CV of ma over ten exposures is far above 0.05
        copyHome("gen-reference.yaml", "shot_noise_fraction: 0.003", "shot_noise_fraction: 0.08",
                "ma: 3 % + 1 mA", "ma: 50 % + 1 mA", "mas: 5 % + 0.5 mAs", "mas: 50 % + 0.5 mAs");
        ScenarioResult noisy = run("exposure/exp-rep-001.yaml", List.of());

        assertThat(noisy.status()).isEqualTo(Verdict.FAIL);
        assertThat(noisy.message()).matches(".*repeat: (ma|mas|XOFF.mas) varied by a CV of 0\\.\\d+ over 10 repeats, more than"
                + " cv_max 0\\.05 \\(reproducibility\\)");
    }

    private ScenarioResult run(String scenario, List<String> defects) throws IOException {
        Path root = Files.exists(home.resolve("test-scenarios")) ? home : HOME;
        Library library = Library.open(root);
        List<Scenario> loaded = library.load(List.of(root.resolve("test-scenarios/scenarios").resolve(scenario)));
        ScenarioRun run = new ScenarioRun(library.engine(), library.simulatedRigFactory(),
                new ScenarioRun.Options("sim", 42, defects, out), List.of());
        Path traces = Files.createDirectories(out.resolve("traces"));
        return run.runOne(loaded.get(0), traces);
    }

    /**
     * Copies the rig home's requirement list, scenarios and board profiles into {@code home}, replacing text
     * in one profile (pairs of old, new); fails when a text to replace is not there.
     */
    private void copyHome(String profile, String... replacements) throws IOException {
        Files.createDirectories(home.resolve("test-scenarios"));
        Files.copy(HOME.resolve("test-scenarios/requirements.yaml"), home.resolve("test-scenarios/requirements.yaml"));
        Path scenarios = HOME.resolve("test-scenarios/scenarios");
        try (var files = Files.walk(scenarios)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path to = home.resolve("test-scenarios/scenarios").resolve(scenarios.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        Path boards = Files.createDirectories(home.resolve("fixtures/boards"));
        for (String name : List.of("gen-reference.yaml", "tub-reference.yaml")) {
            String text = Files.readString(HOME.resolve("fixtures/boards").resolve(name));
            if (name.equals(profile)) {
                for (int i = 0; i < replacements.length; i += 2) {
                    assertThat(text).as("%s in %s", replacements[i], name).contains(replacements[i]);
                    text = text.replace(replacements[i], replacements[i + 1]);
                }
            }
            Files.writeString(boards.resolve(name), text);
        }
    }
}
