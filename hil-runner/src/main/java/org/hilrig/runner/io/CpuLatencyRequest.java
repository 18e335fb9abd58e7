package org.hilrig.runner.io;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * A request to the kernel's power-management quality of service for a CPU wake-up latency ({@code
 * /dev/cpu_dma_latency}), held while this object is open: 0 keeps the CPUs out of idle states, so a thread
 * woken by an interrupt or another core runs without waiting for its CPU to wake up (the setting real-time
 * test tools such as cyclictest use). The kernel drops the request when the file is closed, by {@link
 * #close()} or by the process ending, however it ends. Needs write access to the device (root, usually);
 * where that is refused the request is simply not made and {@link #refused()} says why.
 */
public final class CpuLatencyRequest implements AutoCloseable {
    /** The device of the request. */
    public static final Path DEVICE = Path.of("/dev/cpu_dma_latency");

    private final FileOutputStream held;
    private final String refused;

    private CpuLatencyRequest(FileOutputStream held, String refused) {
        this.held = held;
        this.refused = refused;
    }

    /** Requests a CPU wake-up latency of at most {@code latencyNanos} (rounded down to microseconds) until closed. */
    public static CpuLatencyRequest request(long latencyNanos) {
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("CPU latency " + latencyNanos + " ns is negative");
        }
        FileOutputStream out = null;
        try {
            out = new FileOutputStream(DEVICE.toFile());
            int micros = (int) Math.min(Integer.MAX_VALUE, latencyNanos / 1_000);
            out.write(ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(micros).array());
            out.flush();
            return new CpuLatencyRequest(out, null);
        } catch (IOException | SecurityException e) {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the request was not made; nothing to undo
                }
            }
            return new CpuLatencyRequest(null, DEVICE + ": " + e.getMessage());
        }
    }

    /** Why the request could not be made, or null while it is held. */
    public String refused() {
        return refused;
    }

    /** Drops the request; idempotent. */
    @Override
    public void close() {
        if (held != null) {
            try {
                held.close();
            } catch (IOException ignored) {
                // closing the descriptor drops the request whatever close reports
            }
        }
    }
}
