package org.hilrig.runner.gpio;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the tests tagged {@code kernel-gpio} ({@link KernelGpioGuestTest}) inside the gpio-sim guest of scripts/gpio-guest, through the JUnit
 * Platform: one line per test ({@code PASS} or {@code FAIL}, its name and how long it took, with the failure), then the plain
 * closing line {@code guest: N passed, N failed} that the host script checks. Exits 1 when a test failed.
 */
public final class KernelGpioGuestMain {
    private KernelGpioGuestMain() {
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(KernelGpioGuestTest.class))
                .filters(TagFilter.includeTags("kernel-gpio"))
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener lines = new TestExecutionListener() {
            private long startedNanos;

            @Override
            public void executionStarted(TestIdentifier id) {
                startedNanos = System.nanoTime();
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    return;
                }
                boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
                System.out.printf("%s %s (%.1f s)%n", passed ? "PASS" : "FAIL", id.getDisplayName(),
                        (System.nanoTime() - startedNanos) / 1e9);
                result.getThrowable().filter(t -> !passed).ifPresent(t -> t.printStackTrace(System.out));
                System.out.flush();
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, summary, lines);
        TestExecutionSummary s = summary.getSummary();
        if (s.getTotalFailureCount() > 0) {
            s.printFailuresTo(new PrintWriter(System.out, true), 20);
        }
        long failed = s.getTestsFailedCount() + s.getTestsAbortedCount();
        System.out.println("guest: " + s.getTestsSucceededCount() + " passed, " + failed + " failed");
        System.exit(failed == 0 && s.getTestsFoundCount() > 0 ? 0 : 1);
    }
}
