package org.hilrig.runner.io;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The operating system's file descriptor of an open serial port, for writes that wait for room in the
 * kernel ({@code poll} for {@code POLLOUT}) and give up at a deadline, and for the link's own reader thread
 * ({@code poll} for {@code POLLIN}, then a non-blocking read). jSerialComm's own write cannot: on a
 * full buffer its native code retries {@code write} in a loop at full CPU until the far end reads, which
 * may be never.
 *
 * <p>jSerialComm does not give its descriptor away; it is found by the device it refers to, among this
 * process's open descriptors ({@code /proc/self/fd}, Linux only), and made non-blocking (jSerialComm opens
 * it so already when its timeouts are non-blocking). Whether a terminal can take bytes is a property of the
 * terminal, not of one descriptor, so any descriptor open on the same device answers for all of them. Found
 * once, after the port is opened; the owner stops using it when it closes the port.
 */
final class PortDescriptor {
    /** {@code poll} events and {@code fcntl} values, the same on every Linux architecture the rig runs on. */
    private static final short POLLIN = 0x001;
    private static final short POLLOUT = 0x004;
    private static final short POLLERR = 0x008;
    private static final short POLLHUP = 0x010;
    private static final short POLLNVAL = 0x020;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int O_NONBLOCK = 0x800;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    /** What a wait for room saw. */
    enum Readiness {
        /** The kernel says the port takes bytes now (a pseudo-terminal may still refuse a write: see {@link #write}). */
        WRITABLE,
        /** No room before the time-out. */
        FULL,
        /** The port hung up, failed, or the descriptor is no longer open: a write fails. */
        GONE
    }

    /** What a wait for input saw. */
    enum Input {
        /** Bytes are there to read. */
        READABLE,
        /** Nothing before the time-out. */
        NONE,
        /** The port hung up, failed, or the descriptor is no longer open. */
        GONE
    }

    /** The C library calls, loaded on first use. */
    private interface LibC extends Library {
        /** {@code poll(struct pollfd *fds, nfds_t nfds, int timeout)}; {@code struct pollfd} is int fd, short events, short revents. */
        int poll(Pointer fds, NativeLong count, int timeoutMillis) throws LastErrorException;

        NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        int fcntl(int fd, int command, int argument) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC C = Native.load("c", LibC.class);
    }

    private final int fd;

    private PortDescriptor(int fd) {
        this.fd = fd;
    }

    /**
     * The descriptor this process has open on {@code devicePath} (symbolic links followed, as a socat
     * {@code link=} name is one), made non-blocking.
     *
     * @return the descriptor, or null when there is none or the system has no {@code /proc/self/fd}
     */
    static PortDescriptor find(String devicePath) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        Path device;
        try {
            device = Path.of(devicePath).toRealPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).equals(device)) {
                        PortDescriptor d = new PortDescriptor(Integer.parseInt(fd.getFileName().toString()));
                        d.nonBlocking();
                        return d;
                    }
                } catch (IOException | NumberFormatException | LastErrorException e) {
                    // closed while listing, or not a link: not ours
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private void nonBlocking() {
        int flags = Holder.C.fcntl(fd, F_GETFL, 0);
        if ((flags & O_NONBLOCK) == 0) {
            Holder.C.fcntl(fd, F_SETFL, flags | O_NONBLOCK);
        }
    }

    /**
     * Waits in the kernel until the port takes bytes, at most {@code timeoutMillis} (0: just look).
     *
     * @throws IllegalStateException when {@code poll} itself fails (a hang-up is {@link Readiness#GONE})
     */
    Readiness awaitWritable(int timeoutMillis) {
        short revents = poll(POLLOUT, timeoutMillis); // a signal reads as nothing: the caller waits again
        if ((revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
            return Readiness.GONE;
        }
        return (revents & POLLOUT) != 0 ? Readiness.WRITABLE : Readiness.FULL;
    }

    /**
     * Waits in the kernel until the port has bytes to read, at most {@code timeoutMillis}.
     *
     * @throws IllegalStateException when {@code poll} itself fails
     */
    Input awaitReadable(int timeoutMillis) {
        short revents = poll(POLLIN, timeoutMillis);
        if ((revents & POLLIN) != 0) {
            return Input.READABLE; // read what is there first, even on a hang-up
        }
        return (revents & (POLLERR | POLLHUP | POLLNVAL)) != 0 ? Input.GONE : Input.NONE;
    }

    /**
     * One {@code poll} of this descriptor for {@code events}: the events that came, 0 when none came in time or a
     * signal interrupted the wait ({@code EINTR}: the caller looks at its deadline and waits again).
     *
     * @throws IllegalStateException when {@code poll} itself fails
     */
    private short poll(short events, int timeoutMillis) {
        Memory pollfd = new Memory(8);
        pollfd.setInt(0, fd);
        pollfd.setShort(4, events);
        pollfd.setShort(6, (short) 0);
        int n;
        try {
            n = Holder.C.poll(pollfd, new NativeLong(1), timeoutMillis);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) {
                return 0;
            }
            throw new IllegalStateException("poll on descriptor " + fd + " failed with errno " + e.getErrorCode(), e);
        }
        return n == 0 ? 0 : pollfd.getShort(6);
    }

    /**
     * Reads what is there, up to {@code bytes.length}, without waiting.
     *
     * @return how many were read, 0 when none were there, -1 at the end of the file (hung up)
     * @throws IllegalStateException naming the errno when the read fails ({@code EIO}: hung up)
     */
    int read(byte[] bytes) {
        Memory buffer = new Memory(bytes.length);
        try {
            int n = Math.toIntExact(Holder.C.read(fd, buffer, new NativeLong(bytes.length)).longValue());
            if (n == 0) {
                return -1; // end of file: the far end hung up
            }
            buffer.read(0, bytes, 0, n);
            return n;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                return 0;
            }
            throw new IllegalStateException("read on descriptor " + fd + " failed with errno " + e.getErrorCode(), e);
        }
    }

    /**
     * Writes what the port takes now of {@code length} bytes from {@code offset}, without waiting.
     *
     * @return how many it took; 0 when it took none (its buffer is full: a pseudo-terminal also refuses a
     *     write while its free room is smaller than the kernel's next buffer, though {@code poll} calls it
     *     writable)
     * @throws IllegalStateException naming the errno when the write fails otherwise (hung up: {@code EIO})
     */
    int write(byte[] bytes, int offset, int length) {
        Memory buffer = new Memory(length);
        buffer.write(0, bytes, offset, length);
        try {
            return Math.toIntExact(Holder.C.write(fd, buffer, new NativeLong(length)).longValue());
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                return 0;
            }
            throw new IllegalStateException("write on descriptor " + fd + " failed with errno " + e.getErrorCode(), e);
        }
    }
}
