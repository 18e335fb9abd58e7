package org.hilrig.runner.rig;

import java.util.function.BooleanSupplier;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.timing.Clock;
import org.hilrig.timing.trace.Trace;

/**
 * The port the scenario engine drives: one board under test with everything around it.
 *
 * <p>Everything the rig observes is recorded in its {@link #trace()} with the time it happened: every line
 * (inputs as driven, outputs as the board set them) under its logical name as the signal's reference
 * ({@code XRAY_ON}, high = active), analog feedback, and every valid serial frame on the board's host link,
 * named from the board's side like a protocol analyser on its cable (direction {@code "rx"} host to
 * board, {@code "tx"} board to host), stamped at the frame's last byte. The engine watches the trace;
 * it never asks the board directly. Stimuli return the trace time they actually took effect, so limits
 * are measured from what happened, not from when it was asked for.
 *
 * <p>Confined to the thread that runs the scenario. {@link #close()} returns every output of the rig to
 * its safe state (handswitch released, permissives removed) and is called on every way out.
 */
public interface Rig extends Clock, AutoCloseable {
    /** The record of everything observed so far; live (it grows as time passes). */
    Trace trace();

    /**
     * Drives an input line to a logical state.
     *
     * @return the trace time of the edge (now when the line already was in that state)
     * @throws IllegalArgumentException when the rig has no such input line
     */
    long drive(String line, boolean active);

    /**
     * Sends bytes to the board's host port as they are (the caller frames them).
     *
     * @return the trace time at which the last byte will have left the host (paced at the link's rate)
     */
    long send(byte[] bytes);

    /**
     * Injects a plant fault now (scenarios place faults with steps, so limits are measured from the time
     * returned; there is no delayed injection).
     *
     * @return the trace time the fault took effect
     * @throws IllegalArgumentException when this rig cannot make that fault happen
     */
    long inject(PlantFault fault);

    /**
     * Lets time pass until {@code condition} holds (checked at once, then after each thing that happens)
     * or the rig's clock reaches {@code deadlineNanos}.
     *
     * @return true when the condition held; the clock then reads the time it came true
     */
    boolean runUntil(BooleanSupplier condition, long deadlineNanos);

    /** How far a recorded time may lie from the true time of an edge, ns (0 on virtual time): the worst case. */
    default long timestampUncertaintyNanos() {
        return 0L;
    }

    /**
     * How far a measurement from a {@code stimulus} stamp to a {@code response} stamp may lie from the truth,
     * ns; by default the worst case, {@link #timestampUncertaintyNanos()}.
     */
    default long uncertaintyNanos(StampKind stimulus, StampKind response) {
        return timestampUncertaintyNanos();
    }

    /**
     * How long one byte takes on the board's host link, ns (10 bit times at its baud rate), so the start of
     * a frame can be told from its recorded last byte; 0 when not known.
     */
    default long byteNanos() {
        return 0L;
    }

    /**
     * Whether the board powers up with the rig (its {@code EVT,BOOT} comes within 500 ms of time 0); false
     * for a board that was already running when the rig opened (a real board, {@code hil emulate}).
     */
    default boolean boardBootsAtStart() {
        return true;
    }

    /** Returns every output to its safe state. Never throws for a rig that is already closed. */
    /**
     * How often the rig's acquisition samples the boards' analog lines ({@code KV_FB}, {@code MA_FB}) once
     * {@link #sampleAnalogs} started it, ns; 0 for a rig without acquisition channels. A statistic taken of the
     * samples is as uncertain as this period in time.
     */
    default long analogSampleNanos() {
        return 0L;
    }

    /**
     * Starts sampling the analog lines every {@link #analogSampleNanos}, each sample recorded in the trace.
     *
     * @throws IllegalStateException on a rig without acquisition channels (its capabilities list none)
     */
    default void sampleAnalogs() {
        throw new IllegalStateException("this rig samples no analog lines");
    }

    @Override
    void close();
}
