package org.hilrig.runner.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hilrig.runner.cli.Hil;
import org.hilrig.runner.run.Library;
import org.hilrig.timing.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationFileLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theDemoStationFileReadsAsItsCommentsSay() {
        StationFile f = StationFileLoader.load(Library.home().resolve("fixtures/stations/demo.yaml"), Library.home());
        assertThat(f.id()).isEqualTo("ST-DEMO-01");
        assertThat(f.sockets()).extracting(StationFile.Socket::name).containsExactly("A", "B");
        assertThat(f.operators()).extracting(StationFile.Operator::role)
                .containsExactly(StationFile.Role.OPERATOR, StationFile.Role.ENGINEER, StationFile.Role.ADMIN);
        StationFile.Product p = f.product("GEN-3000").orElseThrow();
        assertThat(p.serial().matcher("GEN-U17").matches()).isTrue();
        assertThat(p.serial().matcher("GEN-17").matches()).isFalse();
        assertThat(p.defect()).isEqualTo("CRC_NOT_CHECKED");
        assertThat(p.defectSharePercent()).isEqualTo(20.0);
        assertThat(p.maxAttempts()).isEqualTo(3);
    }

    @Test
    void aMalformedStationFileIsExitTwoWithEveryProblemAtItsLineAndColumn() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, """
                station: ST 1
                colour: blue
                operators:
                  - {name: olga, role: boss, password: olga}
                products:
                  - part_number: GEN-3000
                    revision: B
                    serial: 'GEN-U[0-9'
                    board: GEN
                    profile: fixtures/boards/gen-reference.yaml
                    suite: {tags: []}
                    emulated_defect: {name: NO_SUCH_DEFECT, share: 120}
                sockets:
                  - {name: A, fixture: fixtures/rigs/pi-gen.yaml, emulate: GEN}
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Hil.run(new String[] {"station", "--config", f.toString(), "--port", "0"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        String s = f.toString();
        assertThat(err.toString().lines().toList()).containsExactly(
                "hil station: " + s + ":1:10: 'station' is 'ST 1', not a name (allowed: letters, digits, '_', '.', '-'; 1 to 32)",
                "hil station: " + s + ":2:1: unknown key 'colour' in station file (allowed: station, database, evidence,"
                        + " session_timeout, operators, products, sockets)",
                "hil station: " + s + ":4:24: operators[1] 'role' is 'boss' (allowed: operator, engineer, admin)",
                "hil station: " + s + ":4:40: operators[1] 'password' is not a password hash (allowed: "
                        + "pbkdf2-sha256$ITERATIONS$SALT$KEY, as 'hil station --hash-password' prints it; a password is never"
                        + " written in clear)",
                "hil station: " + s + ":8:13: products[1] 'serial': 'GEN-U[0-9' is not a regular expression: Unclosed"
                        + " character class",
                "hil station: " + s + ":11:12: products[1] 'suite' names no tags and no scenarios: an empty suite passes"
                        + " nothing",
                "hil station: " + s + ":12:29: products[1] 'emulated_defect' 'name' is 'NO_SUCH_DEFECT' (allowed: "
                        + String.join(", ", org.hilrig.device.board.Boards.defects().stream()
                                .map(org.hilrig.device.firmware.Defect::name).toList()) + ")",
                "hil station: " + s + ":12:52: products[1] 'emulated_defect' 'share' is 120.0, out of range (allowed: 0 to"
                        + " 100 %)",
                "hil station: " + s + ":14:24: sockets[1] 'fixture': an emulated socket needs a TCP fixture without GPIO"
                        + " lines (such as fixtures/rigs/emulate-gen-tcp.yaml), found pi-gen-bench-1");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aStationFileThatIsNotThereIsBadInput() {
        assertThatThrownBy(() -> StationFileLoader.load(dir.resolve("none.yaml"), Library.home()))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void aProductsPurposeIsProductionUnlessItSaysOtherwiseAndAWordThatIsNoneIsAtItsPlace() throws Exception {
        assertThat(StationFileLoader.load(Library.home().resolve("fixtures/stations/demo.yaml"), Library.home())
                .product("GEN-3000").orElseThrow().purpose()).isEqualTo(org.hilrig.runner.store.AttemptPurpose.PRODUCTION);
        String hash = Files.readAllLines(Library.home().resolve("fixtures/stations/demo.yaml")).stream()
                .filter(l -> l.contains("pbkdf2-sha256$")).findFirst().orElseThrow().replaceAll(".*(pbkdf2-sha256\\$[^\"]*).*",
                        "$1");
        String file = """
                station: ST-LAB
                operators:
                  - {name: erik, role: engineer, password: "%s"}
                products:
                  - part_number: GEN-3000-GOLD
                    revision: B
                    serial: 'GOLD-[0-9]+'
                    board: GEN
                    profile: fixtures/boards/gen-reference.yaml
                    suite: {tags: [serial]}
                    purpose: %s
                sockets:
                  - {name: A, fixture: fixtures/rigs/emulate-gen-tcp.yaml, emulate: GEN}
                """;
        Path golden = dir.resolve("golden.yaml");
        Files.writeString(golden, file.formatted(hash, "golden"));
        assertThat(StationFileLoader.load(golden, Library.home()).product("GEN-3000-GOLD").orElseThrow().purpose())
                .isEqualTo(org.hilrig.runner.store.AttemptPurpose.GOLDEN);
        Path scrap = dir.resolve("scrap.yaml");
        Files.writeString(scrap, file.formatted(hash, "scrap"));
        assertThatThrownBy(() -> StationFileLoader.load(scrap, Library.home())).isInstanceOf(BadInputException.class)
                .hasMessage(scrap + ":11:14: products[1] 'purpose' is 'scrap' (allowed: production, golden, engineering,"
                        + " ci)");
    }
}
