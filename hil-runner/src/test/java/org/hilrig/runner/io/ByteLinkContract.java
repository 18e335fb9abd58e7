package org.hilrig.runner.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hilrig.timing.Clock;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ByteLink} adapter promises, run against each real adapter on a real cable (a socat
 * pseudo-terminal pair, a loopback socket). A subclass makes the cable; this class closes everything.
 */
abstract class ByteLinkContract {
    /** Counts in microseconds from 1 on every read: stamps from any other source are recognisable. */
    static final class CountingClock implements Clock {
        private final AtomicLong calls = new AtomicLong();

        @Override
        public long nowNanos() {
            return calls.incrementAndGet() * 1_000L;
        }
    }

    /** The link under test, the far end of its cable, and a way to pull the cable. */
    interface Cable {
        ByteLink near();

        ByteLink far();

        void pull();
    }

    private final List<AutoCloseable> toClose = new ArrayList<>();
    final CountingClock clock = new CountingClock();
    final CollectingReceiver near = new CollectingReceiver();
    final CollectingReceiver far = new CollectingReceiver();

    /** Makes a cable whose near end is the adapter under test, stamping with {@code clock}. */
    abstract Cable connect(Clock clock, ByteReceiver near, ByteReceiver far) throws Exception;

    /** An endpoint nobody answers on. */
    abstract LinkEndpoint unreachable() throws Exception;

    /**
     * Opens the adapter under test, with {@code writeTimeoutNanos}, on a cable whose far end is plugged in
     * but never reads: what it is sent piles up in the buffers between until they are full.
     */
    abstract ByteLink openWithDeafFarEnd(ByteReceiver near, long writeTimeoutNanos) throws Exception;

    /** Registers something for closing after the test, last registered first. */
    <T extends AutoCloseable> T closeLater(T resource) {
        toClose.add(0, resource);
        return resource;
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private static byte[] everyByteValue(int repeats) {
        byte[] b = new byte[256 * repeats];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void bytesWrittenArriveAtTheFarEndUnchangedAndInOrder() throws Exception {
        Cable cable = connect(clock, near, far);
        byte[] sent = everyByteValue(4);
        cable.near().write(sent);
        await().atMost(Duration.ofSeconds(5)).until(() -> far.size() >= sent.length);
        assertThat(far.bytes()).isEqualTo(sent);
    }

    @Test
    void bytesFromTheFarEndAreDeliveredInOrderStampedByTheLinksClockOnAReaderThread() throws Exception {
        Cable cable = connect(clock, near, far);
        byte[] sent = everyByteValue(2);
        for (int i = 0; i < sent.length; i += 64) {
            cable.far().write(java.util.Arrays.copyOfRange(sent, i, i + 64));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> near.size() >= sent.length);
        assertThat(near.bytes()).isEqualTo(sent);
        List<Long> stamps = near.stamps();
        assertThat(stamps).isSorted().allMatch(t -> t > 0 && t % 1_000L == 0 && t <= clock.nowNanos());
        assertThat(near.threads()).doesNotContain(Thread.currentThread());
    }

    @Test
    void largeTransfersBothWaysAtOnceKeepEveryByte() throws Exception {
        Cable cable = connect(clock, near, far);
        byte[] out = everyByteValue(64);
        byte[] back = everyByteValue(64);
        for (int i = 0; i < back.length; i++) {
            back[i] = (byte) ~back[i];
        }
        Thread farWriter = new Thread(() -> cable.far().write(back), "far-writer");
        farWriter.start();
        cable.near().write(out);
        farWriter.join(10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> far.size() >= out.length && near.size() >= back.length);
        assertThat(far.bytes()).isEqualTo(out);
        assertThat(near.bytes()).isEqualTo(back);
    }

    @Test
    void pullingTheCableReportsTheLossOnceAndLaterWritesFail() throws Exception {
        Cable cable = connect(clock, near, far);
        cable.near().write(new byte[] {1, 2, 3});
        await().atMost(Duration.ofSeconds(5)).until(() -> far.size() == 3);
        cable.pull();
        await().atMost(Duration.ofSeconds(5)).until(() -> near.losses().size() == 1);
        assertThat(near.losses().get(0)).hasMessageContaining("link lost").hasMessageContaining(cable.near().describe());
        assertThat(cable.near().isOpen()).isFalse();
        assertThatThrownBy(() -> cable.near().write(new byte[] {4}))
                .isInstanceOf(RigFailureException.class)
                .hasMessageContaining("cannot write, the link is lost");
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> near.losses().size() == 1);
    }

    @Test
    void closingIsIdempotentReportsNoLossAndRefusesWrites() throws Exception {
        Cable cable = connect(clock, near, far);
        cable.near().close();
        cable.near().close();
        assertThat(cable.near().isOpen()).isFalse();
        assertThatThrownBy(() -> cable.near().write(new byte[] {1}))
                .isInstanceOf(RigFailureException.class)
                .hasMessageContaining("cannot write, the link is closed");
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> near.losses().isEmpty());
    }

    @Test
    void aFarEndThatStopsReadingLosesTheLinkAtTheWriteTimeoutWaitingWithoutSpinning() throws Exception {
        long timeoutNanos = 1_000_000_000L;
        ByteLink link = closeLater(openWithDeafFarEnd(near, timeoutNanos));
        byte[] chunk = everyByteValue(64);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MonotonicClock wall = new MonotonicClock();

        RigFailureException stalled = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long before = wall.nowNanos();
            RigFailureException failure = null;
            long lastWriteStarted = before;
            for (int i = 0; i < 100_000 && failure == null; i++) { // 1.6 GB at most: more than any buffer holds
                lastWriteStarted = wall.nowNanos();
                try {
                    link.write(chunk);
                } catch (RigFailureException e) {
                    failure = e;
                }
            }
            long stalledFor = wall.nowNanos() - lastWriteStarted;
            long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
            assertThat(failure).as("no write failed").isNotNull();
            assertThat(stalledFor).as("the stalled write waited its timeout").isGreaterThanOrEqualTo(timeoutNanos);
            // waiting in the kernel costs next to nothing; jSerialComm's native retry loop burns the whole timeout
            assertThat(cpu).as("CPU used by the writer, ns, while a write stalled for %d ns", stalledFor)
                    .isLessThan(timeoutNanos / 5);
            return failure;
        });

        assertThat(stalled).hasMessageStartingWith(link.describe()).hasMessageContaining("link lost")
                .hasMessageContaining("stopped reading").hasMessageContaining("write timeout");
        assertThat(near.losses()).hasSize(1);
        assertThat(near.losses().get(0).getMessage()).isEqualTo(stalled.getMessage());
        assertThat(link.isOpen()).isFalse();
        assertThatThrownBy(() -> link.write(new byte[] {1}))
                .isInstanceOf(RigFailureException.class)
                .hasMessageContaining("cannot write, the link is lost");
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> near.losses().size() == 1);
    }

    @Test
    void openingAnUnreachableEndpointFailsNamingIt() throws Exception {
        LinkEndpoint endpoint = unreachable();
        assertThatThrownBy(() -> closeLater(endpoint.open(clock, near)))
                .isInstanceOf(RigFailureException.class)
                .hasMessageStartingWith(endpoint.toString());
    }
}
