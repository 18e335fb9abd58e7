package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real command-line tool (iverilog, vvp, sigrok-cli) in a directory, with a timeout. */
final class ExternalTool {
    private static final long TIMEOUT_SECONDS = 60;

    private ExternalTool() {
    }

    /** Fails (never skips) when {@code tool} is not on the PATH. */
    static void requireInstalled(String tool, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        fail(tool + " is not installed (Debian package " + debianPackage + "): run the project's test script,"
                + " which installs it, instead of skipping this test");
    }

    /** Runs {@code command} in {@code dir}; returns its standard output; fails on a non-zero exit or timeout. */
    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + out + "\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return out;
    }
}
