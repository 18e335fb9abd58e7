package org.hilrig.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hilrig.device.profile.CommonKeys;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.profile.TubeKeys;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.Spread;
import org.hilrig.device.profile.TechniqueTable;
import org.hilrig.timing.BadInputException;
import org.junit.jupiter.api.Test;

class BoardProfileLoaderTest {
    private static final Path GEN = Path.of("..", "fixtures", "boards", "gen-reference.yaml");
    private static final Path TUB = Path.of("..", "fixtures", "boards", "tub-reference.yaml");

    @Test
    void theReferenceProfilesLoadWithTheDomainDefaults() {
        BoardProfile gen = BoardProfileLoader.load(GEN);
        assertThat(gen.board()).isEqualTo(Board.GEN);
        assertThat(gen.nanos(GeneratorKeys.ROTOR_TIMEOUT)).isEqualTo(2_000_000_000L);
        assertThat(gen.nanos(CommonKeys.TICK)).isEqualTo(1_000_000L);
        assertThat(gen.number(GeneratorKeys.POWER_MAX_KW)).isEqualTo(80.0);
        assertThat(gen.integer(GeneratorKeys.ARC_LIMIT)).isEqualTo(4);
        BoardProfile tub = BoardProfileLoader.load(TUB);
        assertThat(tub.number(TubeKeys.RPM_HIGH)).isEqualTo(9000.0);
    }

    @Test
    void everyProblemIsReportedWithItsLineAndColumn() throws Exception {
        String text = Files.readString(GEN)
                .replace("tick: 1ms", "tick: 1xs")
                .replace("arc_limit: 4", "arc_limit: 4.5")
                .replace("  baud: 115200\n", "  baud: 115200\n  parity: even\n");
        assertThatThrownBy(() -> BoardProfileLoader.parse("gen.yaml", text))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    var problems = ((BadInputException) e).problems();
                    assertThat(problems).hasSize(3);
                    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("gen.yaml:8:9: mcu.tick: '1xs' is not a duration"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).matches("gen\\.yaml:\\d+:\\d+: unknown profile key 'uart.parity'"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).contains("exposure.arc_limit: '4.5' is not a whole number"));
                });
    }

    @Test
    void aMissingKeyAndAWrongBoardAreNamed() {
        assertThatThrownBy(() -> BoardProfileLoader.parse("x.yaml", "board: XRAY\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("x.yaml:1:8: 'board' is 'XRAY' (allowed: GEN, TUB)");
        assertThatThrownBy(() -> BoardProfileLoader.parse("t.yaml", "board: TUB\nmcu:\n  tick: 1ms\n"))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).problems())
                        .anySatisfy(p -> assertThat(p).isEqualTo("t.yaml:1:1: missing key 'rotor.high_rpm'")));
    }

    @Test
    void theVerificationLimitsOfDomainMdAreReadFromTheLimitsSection() {
        BoardProfile gen = BoardProfileLoader.load(GEN);
        assertThat(gen.nanos(GeneratorKeys.LIMIT_INTERLOCK_TO_HV_OFF)).isEqualTo(1_000_000L);
        assertThat(gen.nanos(GeneratorKeys.LIMIT_INTERLOCK_TO_XRAY_OFF)).isEqualTo(2_000_000L);
        assertThat(gen.nanos(GeneratorKeys.LIMIT_AEC_TO_HV_OFF)).isEqualTo(100_000L);
        assertThat(gen.nanos(GeneratorKeys.LIMIT_ARC_TO_HV_OFF)).isEqualTo(20_000L);
        assertThat(gen.number(GeneratorKeys.LIMIT_ARC_RECOVERY_KV_FRACTION)).isEqualTo(0.9);
        assertThat(gen.number(GeneratorKeys.LIMIT_EXPOSURE_TIME_FRACTION)).isEqualTo(0.01);
        assertThat(gen.nanos(GeneratorKeys.LIMIT_EXPOSURE_TIME_OFFSET)).isEqualTo(200_000L);
        assertThat(gen.nanos(CommonKeys.LIMIT_SERIAL_REPLY)).isEqualTo(5_000_000L);
        assertThat(BoardProfileLoader.load(TUB).nanos(CommonKeys.LIMIT_SERIAL_REPLY)).isEqualTo(5_000_000L);
    }

    @Test
    void aLimitWithoutUnitAnUnknownLimitAndAMissingLimitAreEachReportedWithTheirPlace() throws Exception {
        String text = Files.readString(GEN)
                .replace("interlock_to_hv_off: 1ms", "interlock_to_hv_off: 1")
                .replace("  aec_to_hv_off: 100us ", "  aec_to_hv_of: 100us ")
                .replace("  exposure_time_fraction: 0.01 ", "  exposure_time_fraction: 1% ");
        assertThatThrownBy(() -> BoardProfileLoader.parse("gen.yaml", text))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).matches("gen\\.yaml:\\d+:24: limits\\.interlock_to_hv_off: '1' is not a duration.*"))
                        .anySatisfy(p -> assertThat(p).matches("gen\\.yaml:\\d+:17: unknown profile key 'limits\\.aec_to_hv_of'"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("gen.yaml:2:1: missing key 'limits.aec_to_hv_off'"))
                        .anySatisfy(p -> assertThat(p).matches("gen\\.yaml:\\d+:27: limits\\.exposure_time_fraction: '1%' is not a number"))
                        .hasSize(4));
    }

    @Test
    void brokenYamlIsOneLocatedLine() {
        assertThatThrownBy(() -> BoardProfileLoader.parse("b.yaml", "board: GEN\nmcu: [1,\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("b.yaml:3:1: not valid YAML");
    }

    @Test
    void aSecondBoardKeyIsReportedAtItsPlaceNotTakenSilently() throws Exception {
        String text = Files.readString(GEN) + "board: TUB\n";
        int line = (int) text.lines().count();

        assertThatThrownBy(() -> BoardProfileLoader.parse("gen.yaml", text)).isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).problems())
                        .containsExactly("gen.yaml:" + line + ":1: key 'board' appears twice in the board profile (first at line 2)"));
    }

    @Test
    void theUnitsSectionGivesTheSpreadsOfTheComponentsAndIsNotAKeyOfItsOwn() {
        BoardProfile gen = BoardProfileLoader.load(GEN);
        assertThat(gen.spreads()).containsEntry(GeneratorKeys.CABLE_CAPACITANCE_NF, new Spread(0.10, 0))
                .containsEntry(CommonKeys.IRQ_LATENCY, new Spread(0, 1_000));
        assertThat(gen.entriesByPath()).doesNotContainKey("units.hv.cable_capacitance_nf");
    }

    @Test
    void aSpreadOfALimitAnUnknownKeyAndABadSpreadAreEachReportedWithTheirPlace() throws Exception {
        String text = Files.readString(GEN) + "  limits.serial_reply: 5 %\n  hv.capacitance: 5 %\n"
                + "  hv.bleed_ma: lots\n";
        assertThatThrownBy(() -> BoardProfileLoader.parse("gen.yaml", text))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    var problems = ((BadInputException) e).problems();
                    assertThat(problems).hasSize(3);
                    assertThat(problems).anySatisfy(p -> assertThat(p).matches("gen\\.yaml:\\d+:\\d+: units\\.limits"
                            + "\\.serial_reply: limits keys are the same for every unit of a design; only components vary"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).matches(
                            "gen\\.yaml:\\d+:\\d+: unknown profile key 'hv.capacitance' in 'units'"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).matches(
                            "gen\\.yaml:\\d+:\\d+: units\\.hv\\.bleed_ma: 'lots' is not a spread .*"));
                });
    }

    @Test
    void aBadAccuracyIsReportedAtItsPlace() throws Exception {
        String text = Files.readString(GEN).replace("  kv: 3 % + 1 kV ", "  kv: 3 percent ");
        assertThatThrownBy(() -> BoardProfileLoader.parse("gen.yaml", text))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).problems()).singleElement().satisfies(p ->
                        assertThat(p).matches("gen\\.yaml:\\d+:\\d+: accuracy\\.kv: '3 percent' is not a tolerance .*")));
    }

    @Test
    void theTechniquesSectionGivesNamedTablesInTheirOrderAndIsNotAKeyOfItsOwn() {
        BoardProfile gen = BoardProfileLoader.load(GEN);
        assertThat(gen.techniques()).containsKeys("ma_stations_80kv", "accuracy_grid");
        assertThat(gen.techniques().get("ma_stations_80kv").stations()).extracting(TechniqueTable.Station::ma)
                .containsExactly(50.0, 100.0, 200.0, 400.0, 800.0);
        assertThat(gen.techniques().get("ma_stations_80kv").stations().get(4))
                .isEqualTo(new TechniqueTable.Station(80, 800, 12.5));
        assertThat(gen.entriesByPath().keySet()).noneMatch(k -> k.startsWith("techniques"));
        assertThat(BoardProfileLoader.load(TUB).techniques()).isEmpty();
    }

    @Test
    void aTechniqueTheBoardCannotSetATableOfOneAndAMissingKeyAreEachReportedWithTheirPlaceBesideOtherProblems() throws Exception {
        String text = Files.readString(GEN)
                .replace("    - {kv: 80, ma: 50, ms: 200}", "    - {kv: 180, ma: 50, ms: 200}")
                .replace("    - {kv: 150, ma: 500, ms: 10}", "    - {kv: 150, ma: 900, ms: 10}")
                .replace("    - {kv: 40, ma: 100, ms: 100}", "    - {kv: 40, ms: 100}")
                .replace("  accuracy_grid:", "  one: [{kv: 80, ma: 100, ms: 10}]\n  accuracy_grid:")
                .replace("  kv: 3 % + 1 kV ", "  kv: 3 percent ");
        String[] lines = text.split("\n", -1);
        int kv180 = lineOf(lines, "kv: 180");
        int ma900 = lineOf(lines, "ma: 900");
        int noMa = lineOf(lines, "{kv: 40, ms: 100}");
        int one = lineOf(lines, "  one: [");
        int accuracy = lineOf(lines, "kv: 3 percent");
        assertThatThrownBy(() -> BoardProfileLoader.parse("gen.yaml", text))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).hasSize(5).contains(
                        "gen.yaml:" + kv180 + ":7: 'techniques' 'ma_stations_80kv': 'kv' 180 kV is outside the board's range 40 to 150 kV",
                        "gen.yaml:" + ma900 + ":7: 'techniques' 'accuracy_grid': kv x ma is 135 kW, above technique.power_max_kw 80 kW",
                        "gen.yaml:" + noMa + ":7: missing key 'ma' in 'techniques' 'accuracy_grid' technique",
                        "gen.yaml:" + one + ":8: 'techniques' 'one' must be a list of two or more techniques, e.g."
                                + " [{kv: 80, ma: 100, ms: 100}, {kv: 80, ma: 200, ms: 50}], found a list")
                        .anyMatch(p -> p.startsWith("gen.yaml:" + accuracy + ":7: accuracy.kv: '3 percent' is not a tolerance")));
    }

    @Test
    void aTubeProfileWithTechniquesIsRefusedAtTheSection() throws Exception {
        String text = Files.readString(TUB) + "techniques:\n  a: [{kv: 80, ma: 100, ms: 10}, {kv: 80, ma: 200, ms: 10}]\n";
        assertThatThrownBy(() -> BoardProfileLoader.parse("tub.yaml", text))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).singleElement().satisfies(p ->
                        assertThat(p).matches("tub\\.yaml:\\d+:3: 'techniques' are tables of exposure techniques; board TUB"
                                + " takes no technique")));
    }

    private static int lineOf(String[] lines, String text) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + text);
    }
}
