package org.hilrig.runner.gpio;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few C library calls the kernel edge capture needs, through JNA. Loaded on first use only, so nothing
 * touches native code on a machine without GPIO. Each call throws {@link LastErrorException} (with errno)
 * on failure.
 */
interface LibC extends Library {
    /** {@code O_RDWR}. */
    int O_RDWR = 2;
    /** {@code O_CLOEXEC} (02000000 octal on x86, ARM and arm64 Linux). */
    int O_CLOEXEC = 0x80000;
    /** {@code POLLIN}. */
    short POLLIN = 1;
    /** {@code CLOCK_MONOTONIC}. */
    int CLOCK_MONOTONIC = 1;

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int ioctl(int fd, NativeLong request, Pointer argument) throws LastErrorException;

    NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

    /** {@code poll(struct pollfd *fds, nfds_t nfds, int timeout)}; {@code struct pollfd} is int fd, short events, short revents. */
    int poll(Pointer fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    /** {@code struct timespec} is two C longs: seconds and nanoseconds. */
    int clock_gettime(int clockId, Pointer timespec) throws LastErrorException;

    /** Loads the C library. */
    static LibC load() {
        return Native.load("c", LibC.class);
    }
}
