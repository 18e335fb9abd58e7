package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HilTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Hil.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void everySubcommandAnswersHelpWithItsUsageAndExitCodeZero() {
        CommandLine root = Hil.commandLine();
        assertThat(root.getSubcommands().keySet()).contains("run", "check", "emulate", "defects", "verify", "keygen", "history");
        for (String name : root.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            String[] r = run(name, "--help");
            assertThat(r[0]).as("hil %s --help: %s", name, r[2]).isEqualTo("0");
            assertThat(r[1]).as("hil %s --help", name).startsWith("Usage: hil " + name);
        }
    }

    @Test
    void anUnknownSubcommandIsAUsageErrorOnOneLineWithAHint() {
        String[] r = run("frobnicate");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).isEqualTo("hil: Unmatched argument at index 0: 'frobnicate' (try 'hil --help')"
                + System.lineSeparator());
    }

    @Test
    void aSubcommandsUsageErrorPointsAtItsOwnHelp() {
        String[] r = run("run", "--no-such-option");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("hil run: Unknown option: '--no-such-option'").contains("(try 'hil run --help')")
                .doesNotContain(System.lineSeparator() + "Try");
    }

    @Test
    void emulateRejectsARealTimePriorityOutOfRangeBeforeStartingAnything() {
        String[] r = run("emulate", "--board", "GEN", "--tcp", "0", "--rt-priority", "95");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("hil emulate: --rt-priority 95: out of range (allowed: 0 for ordinary scheduling, 1 to 90)");
        assertThat(r[1]).as("nothing was started").isEmpty();
    }

    @Test
    void everyProblemOfBadInputIsPrintedOnItsOwnLine() {
        String[] r = run("emulate", "--board", "GEN", "--tcp", "70000", "--rt-priority", "95");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].lines()).containsExactly(
                "hil emulate: --rt-priority 95: out of range (allowed: 0 for ordinary scheduling, 1 to 90)",
                "hil emulate: --tcp 70000: port out of range (allowed: 0 to 65535)");
        assertThat(r[1]).as("nothing was started").isEmpty();
    }

    @Test
    void emulateRefusesABindAddressThatIsNoLiteralNoAddressOfThisMachineOrWithoutTcp() {
        String[] name = run("emulate", "--board", "GEN", "--tcp", "0", "--bind", "localhost");
        assertThat(name[0]).isEqualTo("2");
        assertThat(name[2].strip()).isEqualTo("hil emulate: --bind localhost: not an IP address (allowed: a literal address such as"
                + " 127.0.0.1, ::1 or 0.0.0.0)");

        String[] foreign = run("emulate", "--board", "GEN", "--tcp", "0", "--bind", "198.51.100.7");
        assertThat(foreign[0]).isEqualTo("2");
        assertThat(foreign[2].strip()).isEqualTo("hil emulate: --bind 198.51.100.7: not an address of this machine (allowed:"
                + " 127.0.0.1, ::1, 0.0.0.0, :: or an address of one of its interfaces)");

        String[] serial = run("emulate", "--board", "GEN", "--serial", "/dev/null", "--bind", "0.0.0.0");
        assertThat(serial[0]).isEqualTo("2");
        assertThat(serial[2].strip()).isEqualTo("hil emulate: --bind 0.0.0.0: only with --tcp (a serial port has no address)");
        assertThat(name[1] + foreign[1] + serial[1]).as("nothing was started").isEmpty();
    }
}
