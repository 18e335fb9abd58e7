package org.hilrig.runner.gpio;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.RigFailureException;

/**
 * Output lines driven through the kernel's GPIO character device (uAPI v2), in one line request: every output
 * is requested as {@code GPIO_V2_LINE_FLAG_OUTPUT} with its initial level in an {@code OUTPUT_VALUES} attribute,
 * so the pin never shows another level; {@link #set} is one {@code GPIO_V2_LINE_SET_VALUES_IOCTL}. Works on any
 * kernel with the character device, with or without the uAPI v1 that libgpiod 1.6 (and so Pi4J 2's gpiod
 * provider) needs.
 *
 * <p>From open to close a JVM shutdown hook holds the outputs: when the JVM is stopped (SIGTERM, Ctrl-C, the end
 * of {@code main}) before the lines are closed, it drives every output to its safe level, all in one ioctl,
 * before the kernel releases the request. (A released line keeps whatever the chip does on release: on a
 * Raspberry Pi its last level; so the safe level is driven first, always.) Thread-safe: calls are serialised.
 */
final class KernelOutputs implements AutoCloseable {
    private final GpioChip chip;
    private final int requestFd;
    private final List<Integer> offsets;
    private final long safeBits;
    private final Thread hook;
    private boolean closed;

    private KernelOutputs(GpioChip chip, int requestFd, List<Integer> offsets, long safeBits) {
        this.chip = chip;
        this.requestFd = requestFd;
        this.offsets = List.copyOf(offsets);
        this.safeBits = safeBits;
        this.hook = new Thread(this::safeLevels, "hil-gpio-safe-levels");
    }

    /** Requests {@code outputs} (claims with {@code output()} set) on {@code chip}, each at its initial level. */
    static KernelOutputs open(GpioChip chip, List<PinClaim> outputs) {
        LineRequest request = request(outputs);
        int fd = chip.request(request, "outputs");
        long safe = 0;
        for (int i = 0; i < outputs.size(); i++) {
            safe |= outputs.get(i).safeHigh() ? 1L << i : 0;
        }
        KernelOutputs out = new KernelOutputs(chip, fd, request.offsets(), safe);
        try {
            Runtime.getRuntime().addShutdownHook(out.hook);
        } catch (IllegalStateException shuttingDown) {
            chip.release(fd);
            throw new RigFailureException("GPIO outputs " + request.offsets() + " on " + chip.path()
                    + ": not claimed, the JVM is shutting down");
        }
        return out;
    }

    /** The request for these outputs: output flag, initial levels as one output-values attribute. */
    static LineRequest request(List<PinClaim> outputs) {
        List<Integer> offsets = new ArrayList<>();
        long initial = 0;
        for (int i = 0; i < outputs.size(); i++) {
            PinClaim c = outputs.get(i);
            if (!c.output()) {
                throw new IllegalArgumentException("GPIO " + c.bcmPin() + " (" + c.label() + ") is an input, not an output");
            }
            offsets.add(c.bcmPin());
            initial |= c.initialHigh() ? 1L << i : 0;
        }
        long all = offsets.size() == 64 ? -1L : (1L << offsets.size()) - 1;
        return new LineRequest(offsets, "hil-rig", GpioV2.FLAG_OUTPUT,
                List.of(new LineRequest.Attribute(GpioV2.ATTR_ID_OUTPUT_VALUES, initial, all)), 0);
    }

    /** Whether {@code bcmPin} is one of these outputs. */
    boolean has(int bcmPin) {
        return offsets.contains(bcmPin);
    }

    /** Drives one output; returns once the kernel has set it. */
    synchronized void set(int bcmPin, boolean high) {
        checkOpen(bcmPin);
        long bit = 1L << index(bcmPin);
        chip.setValues(requestFd, high ? bit : 0, bit);
    }

    /** The level an output is driven to, as the kernel reports it. */
    synchronized boolean isHigh(int bcmPin) {
        checkOpen(bcmPin);
        long bit = 1L << index(bcmPin);
        return chip.values(requestFd, bit) != 0;
    }

    /** Releases the lines (drive the safe state first: {@link WiredLines#close} does) and drops the hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it drove the safe levels
        }
        chip.release(requestFd);
    }

    private synchronized void safeLevels() {
        if (!closed) {
            long all = offsets.size() == 64 ? -1L : (1L << offsets.size()) - 1;
            chip.setValues(requestFd, safeBits, all);
        }
    }

    private void checkOpen(int bcmPin) {
        if (closed) {
            throw new RigFailureException("GPIO " + bcmPin + " on " + chip.path() + ": the outputs are released");
        }
    }

    private int index(int bcmPin) {
        int i = offsets.indexOf(bcmPin);
        if (i < 0) {
            throw new IllegalArgumentException("GPIO " + bcmPin + " is not an output of this request " + offsets);
        }
        return i;
    }
}
