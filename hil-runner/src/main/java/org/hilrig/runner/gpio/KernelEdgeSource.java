package org.hilrig.runner.gpio;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
 * Input lines and their edge time stamps from the kernel's GPIO character device (uAPI v2): the chip is
 * opened, its label checked, and every input requested in one {@code GPIO_V2_GET_LINE_IOCTL} with both edges
 * detected ({@code GPIO_V2_LINE_FLAG_INPUT | _EDGE_RISING | _EDGE_FALLING}), debounce attributes where the
 * fixture asks, and no event-clock flag: stamps are {@code CLOCK_MONOTONIC}, taken in the interrupt handler,
 * and converted into the rig's time base by a {@link KernelTimeBase} calibrated at open. Active-low is never
 * requested from the kernel: polarity is applied once, above.
 *
 * <p>A reader thread polls the request's file descriptor, reads whole {@code struct gpio_v2_line_event}
 * records, decodes them ({@link LineEventDecoder}) and checks their sequence numbers ({@link
 * EdgeSequenceCheck}) before handing edges and losses to the sink; it does nothing else. {@link #isHigh}
 * reads the current levels with {@code GPIO_V2_LINE_GET_VALUES_IOCTL} from the caller's thread.
 *
 * <p>Only the syscalls live here; everything that can be tested without a GPIO chip is in the classes
 * above. Not tested on this machine (it has no GPIO): see the README for the check on a Raspberry Pi.
 */
final class KernelEdgeSource implements AutoCloseable {
    /** Events the kernel is asked to buffer for the request (a suggestion; it may cap it). */
    static final int EVENT_BUFFER_SIZE = 1024;
    private static final int POLL_MILLIS = 100;
    private static final int EINTR = 4;
    private static final int CALIBRATION_ROUNDS = 32;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private final LibC libc;
    private final String chipPath;
    private final int requestFd;
    private final List<Integer> offsets;
    private final Map<Integer, Long> debounceNanos;
    private final KernelTimeBase timeBase;
    private final long edgeUncertaintyNanos;
    private final Map<Integer, Boolean> initialHigh;
    private volatile boolean closed;
    private Thread reader;

    private KernelEdgeSource(LibC libc, String chipPath, int requestFd, List<Integer> offsets, Map<Integer, Long> debounceNanos,
                             KernelTimeBase timeBase, long edgeUncertaintyNanos) {
        this.libc = libc;
        this.chipPath = chipPath;
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
     * Requests the input pins of {@code inputs} on {@code chipPath}.
     *
     * @throws RigFailureException if the chip cannot be opened (with the errno text: permissions, see the
     *     README's {@code gpio} group), is not the Raspberry Pi's pinctrl chip, or refuses the request
     */
    static KernelEdgeSource open(String chipPath, List<PinClaim> inputs, long edgeUncertaintyNanos, Clock clock) {
        LibC libc = LibC.load();
        List<Integer> offsets = new ArrayList<>();
        Map<Integer, Long> debounce = new TreeMap<>();
        for (PinClaim c : inputs) {
            offsets.add(c.bcmPin());
            debounce.put(c.bcmPin(), c.debounceNanos());
        }
        int chipFd = call("open " + chipPath, () -> libc.open(chipPath, LibC.O_RDWR | LibC.O_CLOEXEC));
        int requestFd;
        try {
            checkChip(libc, chipFd, chipPath);
            byte[] request = request(offsets, debounce).encode(ORDER);
            Memory m = new Memory(request.length);
            m.write(0, request, 0, request.length);
            call("GPIO_V2_GET_LINE_IOCTL on " + chipPath + " for lines " + offsets,
                    () -> libc.ioctl(chipFd, new NativeLong(GpioV2.GET_LINE_IOCTL, true), m));
            requestFd = m.getInt(GpioV2.REQUEST_FD);
        } finally {
            libc.close(chipFd);
        }
        try {
            KernelTimeBase base = KernelTimeBase.calibrate(clock, () -> monotonicNanos(libc), CALIBRATION_ROUNDS);
            return new KernelEdgeSource(libc, chipPath, requestFd, offsets, debounce, base, edgeUncertaintyNanos);
        } catch (RuntimeException e) {
            libc.close(requestFd);
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
        reader = new Thread(() -> readLoop(check, sink), "gpio-edges " + chipPath);
        reader.setDaemon(true);
        reader.start();
    }

    /** The electrical level of a requested line now. */
    boolean isHigh(int offset) {
        int index = offsets.indexOf(offset);
        if (index < 0) {
            throw new IllegalArgumentException("GPIO " + offset + " is not an input of this request " + offsets);
        }
        Memory values = new Memory(GpioV2.VALUES_SIZE);
        values.clear();
        values.setLong(8, 1L << index);
        call("GPIO_V2_LINE_GET_VALUES_IOCTL on " + chipPath,
                () -> libc.ioctl(requestFd, new NativeLong(GpioV2.LINE_GET_VALUES_IOCTL, true), values));
        return (values.getLong(0) & (1L << index)) != 0;
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
        libc.close(requestFd);
    }

    private void readLoop(EdgeSequenceCheck check, PinEdgeSink sink) {
        LineEventDecoder decoder = new LineEventDecoder(ORDER);
        int capacity = GpioV2.EVENT_SIZE * 64;
        Memory buffer = new Memory(capacity);
        Memory pollFd = new Memory(8);
        byte[] bytes = new byte[capacity];
        try {
            while (!closed) {
                pollFd.setInt(0, requestFd);
                pollFd.setShort(4, LibC.POLLIN);
                pollFd.setShort(6, (short) 0);
                int n;
                try {
                    if (libc.poll(pollFd, new NativeLong(1), POLL_MILLIS) <= 0) {
                        continue;
                    }
                    n = libc.read(requestFd, buffer, new NativeLong(capacity)).intValue();
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == EINTR) {
                        continue;
                    }
                    throw e;
                }
                if (n <= 0) {
                    throw new IllegalStateException("read returned " + n);
                }
                buffer.read(0, bytes, 0, n);
                decoder.feed(bytes, n, check::accept);
            }
        } catch (RuntimeException e) {
            if (!closed) {
                sink.lost(Set.copyOf(new TreeSet<>(offsets)), 0, timeBase.toRigNanos(monotonicNanos(libc)), LossEvidence.CAPTURE_STOPPED);
            }
        }
    }

    private static void checkChip(LibC libc, int chipFd, String chipPath) {
        Memory info = new Memory(GpioV2.CHIP_INFO_SIZE);
        info.clear();
        call("GPIO_GET_CHIPINFO_IOCTL on " + chipPath,
                () -> libc.ioctl(chipFd, new NativeLong(GpioV2.GET_CHIPINFO_IOCTL, true), info));
        byte[] raw = info.getByteArray(0, GpioV2.CHIP_INFO_SIZE);
        String name = text(raw, 0);
        String label = text(raw, GpioV2.MAX_NAME_SIZE);
        if (!label.contains("pinctrl")) {
            throw new RigFailureException(chipPath + " is " + name + " labelled '" + label + "', but Pi4J's gpiod provider"
                    + " drives the chip labelled pinctrl-*: set gpio.chip to that chip (gpiodetect lists them)");
        }
    }

    private static String text(byte[] raw, int from) {
        int end = from;
        while (end < from + GpioV2.MAX_NAME_SIZE && raw[end] != 0) {
            end++;
        }
        return new String(raw, from, end - from, StandardCharsets.US_ASCII);
    }

    private static long monotonicNanos(LibC libc) {
        Memory ts = new Memory(2L * Native.LONG_SIZE);
        libc.clock_gettime(LibC.CLOCK_MONOTONIC, ts);
        ByteBuffer b = ts.getByteBuffer(0, 2L * Native.LONG_SIZE).order(ORDER);
        long seconds = Native.LONG_SIZE == 8 ? b.getLong(0) : b.getInt(0);
        long nanos = Native.LONG_SIZE == 8 ? b.getLong(8) : b.getInt(4);
        return seconds * 1_000_000_000L + nanos;
    }

    private interface Syscall {
        int run();
    }

    private static int call(String what, Syscall s) {
        try {
            return s.run();
        } catch (LastErrorException e) {
            throw new RigFailureException(what + ": " + e.getMessage()
                    + (e.getErrorCode() == 13 ? " (permission denied: add the user to the gpio group)" : "")
                    + (e.getErrorCode() == 16 ? " (busy: another program holds a line; gpioinfo shows which)" : ""), e);
        }
    }
}
