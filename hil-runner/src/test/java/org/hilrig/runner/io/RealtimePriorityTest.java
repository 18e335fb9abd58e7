package org.hilrig.runner.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real-time scheduling of a thread, checked in the kernel's own account of it ({@code /proc/thread-self/stat}):
 * where the system allows it the thread is in {@code SCHED_FIFO} at the priority asked for; where it does
 * not, the thread is unchanged and the refusal says why.
 */
class RealtimePriorityTest {
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;

    @Test
    void aThreadRaisedRunsInFifoAtThatPriorityOrIsToldWhyNot() throws Exception {
        CompletableFuture<Object[]> seen = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            int[] before = policyAndPriority();
            Optional<String> refused = RealtimePriority.raiseCurrentThread(7);
            seen.complete(new Object[] {before, refused, policyAndPriority()});
        }, "raised");
        t.start();
        Object[] r = seen.get(10, TimeUnit.SECONDS);
        int[] before = (int[]) r[0];
        @SuppressWarnings("unchecked")
        Optional<String> refused = (Optional<String>) r[1];
        int[] after = (int[]) r[2];

        assertThat(before).containsExactly(SCHED_OTHER, 0);
        if (refused.isEmpty()) {
            assertThat(after).as("policy and real-time priority").containsExactly(SCHED_FIFO, 7);
        } else {
            assertThat(refused.get()).contains("not permitted");
            assertThat(after).containsExactly(SCHED_OTHER, 0);
        }
        assertThat(policyAndPriority()).as("the calling thread of the test is untouched").containsExactly(SCHED_OTHER, 0);
    }

    @Test
    void aRaisedThreadGoesBackToOrdinarySchedulingWhenLowered() throws Exception {
        CompletableFuture<int[]> seen = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            RealtimePriority.raiseCurrentThread(3);
            Optional<String> failed = RealtimePriority.lowerCurrentThread();
            seen.complete(failed.isEmpty() ? policyAndPriority() : new int[] {-1, -1});
        }, "lowered");
        t.start();

        assertThat(seen.get(10, TimeUnit.SECONDS)).containsExactly(SCHED_OTHER, 0);
    }

    @Test
    void aThreadThatDoesNotExistIsNamed() {
        assertThat(RealtimePriority.raise(Integer.MAX_VALUE - 1, 5)).hasValueSatisfying(why ->
                assertThat(why).satisfiesAnyOf(w -> assertThat(w).isEqualTo("no thread " + (Integer.MAX_VALUE - 1)),
                        w -> assertThat(w).contains("not permitted")));
    }

    @Test
    void aPriorityOutsideTheAllowedRangeIsRejected() {
        assertThatThrownBy(() -> RealtimePriority.raiseCurrentThread(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("real-time priority 0 is outside 1..90");
        assertThatThrownBy(() -> RealtimePriority.raiseCurrentThread(91)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Fields 41 (policy) and 40 (rt_priority) of the calling thread's stat line. */
    static int[] policyAndPriority() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new int[] {Integer.parseInt(f[41 - 3]), Integer.parseInt(f[40 - 3])};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
