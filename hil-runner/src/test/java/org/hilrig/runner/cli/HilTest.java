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
        assertThat(r[2]).isEqualTo("hil: Unmatched argument at index 0: 'frobnicate'" + System.lineSeparator()
                + "Try 'hil --help'." + System.lineSeparator());
    }

    @Test
    void aSubcommandsUsageErrorPointsAtItsOwnHelp() {
        String[] r = run("run", "--no-such-option");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("hil run: Unknown option: '--no-such-option'").contains("Try 'hil run --help'.");
    }

    @Test
    void emulateRejectsARealTimePriorityOutOfRangeBeforeStartingAnything() {
        String[] r = run("emulate", "--board", "GEN", "--tcp", "0", "--rt-priority", "95");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("hil emulate: --rt-priority 95: out of range (allowed: 0 for ordinary scheduling, 1 to 90)");
        assertThat(r[1]).as("nothing was started").isEmpty();
    }
}
