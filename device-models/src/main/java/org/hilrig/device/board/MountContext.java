package org.hilrig.device.board;

import java.util.Set;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.mcu.Mcu;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.timing.random.RandomStreams;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;

/**
 * What a board's {@link BoardMount} sees of the machine it is mounted in while the machine is assembled:
 * the scheduler, the signals, the random streams, which boards are present, and the plant parts other
 * boards provide. Confined to the machine's scheduler thread, and only valid during assembly.
 */
public interface MountContext {
    Scheduler scheduler();

    SignalSet signals();

    RandomStreams random();

    /** The board whose serial port the host talks to. */
    Board underTest();

    /** Whether this board is part of the machine. */
    boolean present(Board board);

    /** The firmware defects of this run (every emulated board honours its own). */
    Set<Defect> defects();

    /** Declares a digital signal, or returns it when another board declared it already (a shared plant line). */
    DigitalSignal digitalOnce(String path, boolean initialHigh);

    /** Makes a plant part available to the boards mounted after this one ({@code Thermal}, {@code Rotor}). */
    <T> void provide(Class<T> type, T part);

    /**
     * A plant part another board provided.
     *
     * @throws IllegalStateException when no board provides one
     */
    <T> T part(Class<T> type);

    /** Propagates every edge of {@code from} to {@code to}, {@code delayNanos} later. */
    void connect(DigitalSignal from, DigitalSignal to, long delayNanos);

    /** A new MCU with the profile's tick, interrupt latency and boot time. */
    Mcu mcu(String name, BoardProfile profile);

    /**
     * Whether the rig has this instrument on the machine: an analog line a board defines that the rig measures with
     * its own instrument, present only when a run asks for it ({@code DOSE}, a dosimeter in the beam).
     */
    boolean instrument(String analog);
}
