package org.hilrig.runner.gpio;

import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.timing.Clock;

/**
 * The rig's hardware lines in logical terms: drive an output, read a line, hear the inputs' edges, and
 * return every output to its safe state. Polarity is the fixture's business and is applied exactly once,
 * inside the adapter; callers speak of active and inactive only. Times are in the time base of the
 * {@link Clock} the lines were opened with.
 *
 * <p>{@link #drive}, {@link #read} and {@link #safeState} may be called from any thread (they are
 * serialised), including a shutdown hook while another thread is driving; events arrive on the adapter's
 * event thread (see {@link LineEventListener}). The one who opened the lines closes them. Adapters:
 * {@link #open} picks one from the fixture's {@code gpio.provider}: the kernel's GPIO character device with its
 * edge stamps on a Raspberry Pi, Pi4J's mock platform (tests), or in-memory pins ({@link SimulatedPins}).
 */
public interface RigLines extends AutoCloseable {
    /**
     * Drives an output line to a logical state and returns once the pin has it.
     *
     * @return when the pin changed: between the clock readings just before and just after the write
     * @throws IllegalArgumentException if {@code line} is not wired as an output in the fixture
     * @throws org.hilrig.timing.RigFailureException if the hardware refuses, or the lines are closed
     */
    Stamp drive(HardwareLine line, boolean active);

    /**
     * The logical state of a wired line now: an input as the pin reads, an output as it is driven.
     *
     * @throws IllegalArgumentException if {@code line} is not wired in the fixture
     */
    boolean read(HardwareLine line);

    /** Adds a listener for the edges of every input line and for losses of edges. */
    void subscribe(LineEventListener listener);

    /**
     * Drives every output to its fixture safe state. Tries every output even when one fails, then throws
     * {@link org.hilrig.timing.RigFailureException} naming each failure. Idempotent; works after close.
     */
    void safeState();

    /** Drives the safe state, then releases the lines; idempotent. */
    @Override
    void close();

    /**
     * Opens the lines a fixture describes, with the adapter its {@code gpio.provider} names.
     *
     * @param clock the rig's time base for stamps and edges
     * @throws org.hilrig.timing.RigFailureException if the GPIO chip or provider cannot be opened
     */
    static RigLines open(RigFixture fixture, Clock clock) {
        return switch (fixture.gpio().provider()) {
            case GPIOD -> WiredLines.open(fixture, clock, claims -> KernelPins.open(fixture, claims, clock));
            case MOCK -> WiredLines.open(fixture, clock, claims -> Pi4jPins.openMock(claims, fixture.gpio().edgeUncertaintyNanos(), clock));
            case SIM -> simulated(fixture, new SimulatedPins(clock, fixture.gpio().edgeUncertaintyNanos()), clock);
        };
    }

    /** Lines over in-memory pins, whose far side (the board's end of each wire) the caller holds. */
    static RigLines simulated(RigFixture fixture, SimulatedPins pins, Clock clock) {
        return WiredLines.open(fixture, clock, claims -> pins.claim(claims));
    }
}
