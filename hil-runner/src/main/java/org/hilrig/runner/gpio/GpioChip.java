package org.hilrig.runner.gpio;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.hilrig.timing.RigFailureException;

/**
 * The syscalls of the GPIO character device (uAPI v2) that the rig makes, on one chip: open it and check it is
 * the Raspberry Pi's {@code pinctrl-*} chip, request lines, read and set their values, poll and read a
 * request's events. Every failure is a {@link RigFailureException} naming the call, the chip and the errno
 * text, with a hint for the two a user meets: permission denied (the {@code gpio} group) and busy (another
 * program holds a line). Stateless apart from the path; thread-safe.
 */
final class GpioChip {
    static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    static final int EINTR = 4;

    private final LibC libc;
    private final String path;

    private GpioChip(LibC libc, String path) {
        this.libc = libc;
        this.path = path;
    }

    /**
     * Opens {@code path} just long enough to check its label.
     *
     * @throws RigFailureException if it cannot be opened or is not labelled {@code pinctrl-*}
     */
    static GpioChip open(String path) {
        GpioChip chip = new GpioChip(LibC.load(), path);
        int fd = chip.call("open " + path, () -> chip.libc.open(path, LibC.O_RDWR | LibC.O_CLOEXEC));
        try {
            Memory info = new Memory(GpioV2.CHIP_INFO_SIZE);
            info.clear();
            chip.call("GPIO_GET_CHIPINFO_IOCTL on " + path,
                    () -> chip.libc.ioctl(fd, new NativeLong(GpioV2.GET_CHIPINFO_IOCTL, true), info));
            byte[] raw = info.getByteArray(0, GpioV2.CHIP_INFO_SIZE);
            String name = text(raw, 0);
            String label = text(raw, GpioV2.MAX_NAME_SIZE);
            if (!label.startsWith("pinctrl-")) {
                throw new RigFailureException(path + " is " + name + " labelled '" + label + "', not the Raspberry Pi's"
                        + " GPIO header chip (allowed: a label pinctrl-*, e.g. pinctrl-bcm2711 or pinctrl-rp1): set gpio.chip"
                        + " to that chip (gpiodetect lists them)");
            }
        } finally {
            chip.libc.close(fd);
        }
        return chip;
    }

    String path() {
        return path;
    }

    /** Requests lines; returns the request's file descriptor, which the caller closes ({@link #release}). */
    int request(LineRequest request, String what) {
        byte[] bytes = request.encode(ORDER);
        Memory m = new Memory(bytes.length);
        m.write(0, bytes, 0, bytes.length);
        int chipFd = call("open " + path, () -> libc.open(path, LibC.O_RDWR | LibC.O_CLOEXEC));
        try {
            call("GPIO_V2_GET_LINE_IOCTL on " + path + " for " + what + " " + request.offsets(),
                    () -> libc.ioctl(chipFd, new NativeLong(GpioV2.GET_LINE_IOCTL, true), m));
            return m.getInt(GpioV2.REQUEST_FD);
        } finally {
            libc.close(chipFd);
        }
    }

    /** {@code GPIO_V2_LINE_GET_VALUES_IOCTL}: the bits of {@code mask} (request indices) as the lines read now. */
    long values(int requestFd, long mask) {
        Memory values = new Memory(GpioV2.VALUES_SIZE);
        values.setLong(0, 0);
        values.setLong(8, mask);
        call("GPIO_V2_LINE_GET_VALUES_IOCTL on " + path,
                () -> libc.ioctl(requestFd, new NativeLong(GpioV2.LINE_GET_VALUES_IOCTL, true), values));
        return values.getLong(0) & mask;
    }

    /** {@code GPIO_V2_LINE_SET_VALUES_IOCTL}: drives the lines of {@code mask} (request indices) to {@code bits}. */
    void setValues(int requestFd, long bits, long mask) {
        Memory values = new Memory(GpioV2.VALUES_SIZE);
        values.setLong(0, bits & mask);
        values.setLong(8, mask);
        call("GPIO_V2_LINE_SET_VALUES_IOCTL on " + path,
                () -> libc.ioctl(requestFd, new NativeLong(GpioV2.LINE_SET_VALUES_IOCTL, true), values));
    }

    /** Waits up to {@code timeoutMillis} for events on a request; false on timeout or a signal. */
    boolean poll(int requestFd, Memory pollFd, int timeoutMillis) {
        pollFd.setInt(0, requestFd);
        pollFd.setShort(4, LibC.POLLIN);
        pollFd.setShort(6, (short) 0);
        try {
            return libc.poll(pollFd, new NativeLong(1), timeoutMillis) > 0;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) {
                return false;
            }
            throw e;
        }
    }

    /** Reads up to {@code capacity} bytes of events; 0 after a signal. */
    int read(int requestFd, Memory buffer, int capacity) {
        try {
            return libc.read(requestFd, buffer, new NativeLong(capacity)).intValue();
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) {
                return 0;
            }
            throw e;
        }
    }

    /** Releases a request: its lines go back to the kernel. */
    void release(int requestFd) {
        libc.close(requestFd);
    }

    /** {@code CLOCK_MONOTONIC} now, the clock of the event stamps. */
    long monotonicNanos() {
        Memory ts = new Memory(2L * Native.LONG_SIZE);
        libc.clock_gettime(LibC.CLOCK_MONOTONIC, ts);
        ByteBuffer b = ts.getByteBuffer(0, 2L * Native.LONG_SIZE).order(ORDER);
        long seconds = Native.LONG_SIZE == 8 ? b.getLong(0) : b.getInt(0);
        long nanos = Native.LONG_SIZE == 8 ? b.getLong(8) : b.getInt(4);
        return seconds * 1_000_000_000L + nanos;
    }

    private static String text(byte[] raw, int from) {
        int end = from;
        while (end < from + GpioV2.MAX_NAME_SIZE && raw[end] != 0) {
            end++;
        }
        return new String(raw, from, end - from, StandardCharsets.US_ASCII);
    }

    private interface Syscall {
        int run();
    }

    private int call(String what, Syscall s) {
        try {
            return s.run();
        } catch (LastErrorException e) {
            throw new RigFailureException(what + ": " + e.getMessage()
                    + (e.getErrorCode() == EACCES ? " (permission denied: add the user to the gpio group)" : "")
                    + (e.getErrorCode() == EBUSY ? " (busy: another program holds a line; gpioinfo shows which)" : ""), e);
        }
    }
}
