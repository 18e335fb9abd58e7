package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program these tests need from the machine (an HDL simulator, a logic analyser's tool). When it
 * is missing the test fails, naming the Debian package to install: a test that needs a real tool does
 * not skip itself.
 */
final class InstalledProgram {
    private InstalledProgram() {
    }

    /** Runs {@code command} in {@code dir} and returns its output; fails the test unless it exits 0 within a minute. */
    static String run(String debianPackage, Path dir, String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("'" + command[0] + "' is not installed (" + e.getMessage() + "); this test runs it: "
                    + "install the Debian package '" + debianPackage + "'");
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return fail("'" + String.join(" ", command) + "' did not finish within a minute");
            }
            if (process.exitValue() != 0) {
                return fail("'" + String.join(" ", command) + "' exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            return fail("reading the output of '" + command[0] + "' failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while '" + command[0] + "' ran");
        }
    }
}
