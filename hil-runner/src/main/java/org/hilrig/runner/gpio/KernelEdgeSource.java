package org.hilrig.runner.gpio;

import com.sun.jna.Memory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hilrig.timing.Clock;
import org.hilrig.timing.RigFailureException;

/**
 * Input lines and their edge time stamps from the kernel's GPIO character device (uAPI v2): every input is
 * requested in one {@code GPIO_V2_GET_LINE_IOCTL} with both edges detected ({@code GPIO_V2_LINE_FLAG_INPUT |
 * _EDGE_RISING | _EDGE_FALLING}), debounce attributes where the fixture asks, and no event-clock flag: stamps
 * are {@code CLOCK_MONOTONIC}, taken in the interrupt handler, and converted into the rig's time base by a
 * {@link KernelTimeBase} calibrated at open. Active-low is never requested from the kernel: polarity is
 * applied once, above.
 *
 * <p>A reader thread polls the request's file descriptor, reads as many whole {@code struct
 * gpio_v2_line_event} records as the kernel buffers ({@value #EVENT_BUFFER_SIZE}), decodes them ({@link
 * LineEventDecoder}) and checks and orders each read ({@link EdgeSequenceCheck}) before handing edges and
 * losses to the sink; it does nothing else. {@link #isHigh} reads the current levels with {@code
 * GPIO_V2_LINE_GET_VALUES_IOCTL} from the caller's thread. Tested against a real kernel's gpio-sim chips by
 * {@code KernelGpioGuestTest} (scripts/gpio-guest).
 */
final class KernelEdgeSource implements AutoCloseable {
    /** Events the kernel is asked to buffer for the request (its cap: 16 per line, at most 1024). */
    static final int EVENT_BUFFER_SIZE = 1024;
    private static final int POLL_MILLIS = 100;
    private static final int CALIBRATION_ROUNDS = 32;

    private final GpioChip chip;
    private final int requestFd;
    private final List<Integer> offsets;
    private final Map<Integer, Long> debounceNanos;
    private final KernelTimeBase timeBase;
    private final long edgeUncertaintyNanos;
    private final Map<Integer, Boolean> initialHigh;
    private volatile boolean closed;
    private volatile EdgeSequenceCheck.Counters counters = new EdgeSequenceCheck.Counters(0, 0, 0, 0, 0, 0);
    private Thread reader;

    private KernelEdgeSource(GpioChip chip, int requestFd, List<Integer> offsets, Map<Integer, Long> debounceNanos,
                             KernelTimeBase timeBase, long edgeUncertaintyNanos) {
        this.chip = chip;
        this.requestFd = requestFd;
        this.offsets = List.copyOf(offsets);
        this.debounceNanos = Map.copyOf(debounceNanos);
        this.timeBase = timeBase;
        this.edgeUncertaintyNanos = edgeUncertaintyNanos;
        this.initialHigh = new LinkedHashMap<>();
        for (int o : offsets) {
            initialHigh.put(o, isHigh(o));
        }
    }

    /**
     * Requests the input pins of {@code inputs} on {@code chip}.
     *
     * @throws RigFailureException if the chip refuses the request (with the errno text: busy, permissions)
     */
    static KernelEdgeSource open(GpioChip chip, List<PinClaim> inputs, long edgeUncertaintyNanos, Clock clock) {
        List<Integer> offsets = new ArrayList<>();
        Map<Integer, Long> debounce = new TreeMap<>();
        for (PinClaim c : inputs) {
            offsets.add(c.bcmPin());
            debounce.put(c.bcmPin(), c.debounceNanos());
        }
        int requestFd = chip.request(request(offsets, debounce), "inputs");
        try {
            KernelTimeBase base = KernelTimeBase.calibrate(clock, chip::monotonicNanos, CALIBRATION_ROUNDS);
            return new KernelEdgeSource(chip, requestFd, offsets, debounce, base, edgeUncertaintyNanos);
        } catch (RuntimeException e) {
            chip.release(requestFd);
            throw e;
        }
    }

    /** The request for these inputs: both edges, monotonic stamps, one debounce attribute per distinct period. */
    static LineRequest request(List<Integer> offsets, Map<Integer, Long> debounceNanos) {
        long flags = GpioV2.FLAG_INPUT | GpioV2.FLAG_EDGE_RISING | GpioV2.FLAG_EDGE_FALLING;
        Map<Long, Long> maskByPeriod = new TreeMap<>();
        for (int i = 0; i < offsets.size(); i++) {
            long period = debounceNanos.getOrDefault(offsets.get(i), 0L);
            if (period > 0) {
                maskByPeriod.merge(period, 1L << i, (a, b) -> a | b);
            }
        }
        List<LineRequest.Attribute> attributes = new ArrayList<>();
        maskByPeriod.forEach((period, mask) -> attributes.add(LineRequest.Attribute.debounce(period / 1_000, mask)));
        return new LineRequest(offsets, "hil-rig", flags, attributes, EVENT_BUFFER_SIZE);
    }

    /** Starts the reader thread; edges and losses go to {@code sink}. */
    synchronized void start(PinEdgeSink sink) {
        EdgeSequenceCheck check = new EdgeSequenceCheck(initialHigh, debounceNanos, timeBase, edgeUncertaintyNanos, sink);
        reader = new Thread(() -> readLoop(check, sink), "gpio-edges " + chip.path());
        reader.setDaemon(true);
        reader.start();
    }

    /** The electrical level of a requested line now. */
    boolean isHigh(int offset) {
        int index = offsets.indexOf(offset);
        if (index < 0) {
            throw new IllegalArgumentException("GPIO " + offset + " is not an input of this request " + offsets);
        }
        return chip.values(requestFd, 1L << index) != 0;
    }

    /** The sequence check's counts after the last read handed on (any thread). */
    EdgeSequenceCheck.Counters counters() {
        return counters;
    }

    /** The calibration of the kernel's stamps against the rig's clock. */
    KernelTimeBase timeBase() {
        return timeBase;
    }

    /** Stops the reader (within one poll period) and releases the lines. */
    @Override
    public void close() {
        Thread r;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            r = reader;
        }
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        chip.release(requestFd);
    }

    private void readLoop(EdgeSequenceCheck check, PinEdgeSink sink) {
        LineEventDecoder decoder = new LineEventDecoder(GpioChip.ORDER);
        int capacity = GpioV2.EVENT_SIZE * EVENT_BUFFER_SIZE;
        Memory buffer = new Memory(capacity);
        Memory pollFd = new Memory(8);
        byte[] bytes = new byte[capacity];
        List<KernelLineEvent> read = new ArrayList<>();
        try {
            while (!closed) {
                if (!chip.poll(requestFd, pollFd, POLL_MILLIS)) {
                    continue;
                }
                int n = chip.read(requestFd, buffer, capacity);
                if (n == 0) {
                    continue; // a signal
                }
                if (n < 0) {
                    throw new IllegalStateException("read returned " + n);
                }
                buffer.read(0, bytes, 0, n);
                read.clear();
                decoder.feed(bytes, n, read::add);
                check.acceptRead(read);
                counters = check.counters();
            }
        } catch (RuntimeException e) {
            if (!closed) {
                sink.lost(Set.copyOf(new TreeSet<>(offsets)), 0, timeBase.toRigNanos(chip.monotonicNanos()),
                        LossEvidence.CAPTURE_STOPPED);
            }
        }
    }
}
