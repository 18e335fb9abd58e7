package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledProgramTest {
    @TempDir
    Path dir;

    @Test
    void aMissingProgramFailsTheTestNamingThePackageToInstall() {
        assertThatThrownBy(() -> InstalledProgram.run("iverilog", dir, "no-such-program-for-hil-tests", "-V"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("'no-such-program-for-hil-tests' is not installed")
                .hasMessageEndingWith("install the Debian package 'iverilog'");
    }

    @Test
    void aProgramThatFailsFailsTheTestWithItsOutput() {
        assertThatThrownBy(() -> InstalledProgram.run("coreutils", dir, "ls", "no-such-file"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("'ls no-such-file' exited with 2:")
                .hasMessageContaining("no-such-file");
    }

    @Test
    void theOutputOfAProgramIsReturned() {
        assertThat(InstalledProgram.run("coreutils", dir, "echo", "hello")).isEqualTo("hello\n");
    }
}
