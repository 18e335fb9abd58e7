package org.hilrig.runner.rig;

import java.util.function.BooleanSupplier;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.sim.HostLink;
import org.hilrig.device.sim.Machine;
import org.hilrig.timing.trace.Trace;

/**
 * The simulated rig: a {@link Machine} (emulated boards and plant on virtual time) behind the {@link Rig}
 * port. Stimuli take effect at the current virtual time; a frame's last byte leaves the host at the baud
 * rate after everything queued before it. Timestamps are exact (uncertainty 0).
 *
 * <p>Confined to the thread that runs the scenario (the machine's scheduler thread).
 */
final class SimRig implements Rig {
    /**
     * The simulated rig's acquisition: 100 kS/s on every analog line, 2.5 samples of a period of the 40 kHz
     * inverter ripple, at phases that step by 0.4 of it (the ripple's peaks are seen within 5 %).
     */
    static final long ANALOG_SAMPLE_NANOS = 10_000;

    private final Machine machine;
    private final HostLink link;
    private long lastByteNanos;
    private boolean closed;

    SimRig(Machine machine) {
        this.machine = machine;
        this.link = machine.hostLink();
    }

    @Override
    public long nowNanos() {
        return machine.scheduler().nowNanos();
    }

    @Override
    public Trace trace() {
        return machine.trace();
    }

    @Override
    public long drive(String line, boolean active) {
        machine.drive(line, active);
        return nowNanos();
    }

    @Override
    public long send(byte[] bytes) {
        long start = link.queued() == 0 ? nowNanos() : lastByteNanos;
        link.send(bytes);
        lastByteNanos = start + bytes.length * link.byteNanos();
        return lastByteNanos;
    }

    @Override
    public long byteNanos() {
        return link.byteNanos();
    }

    @Override
    public long analogSampleNanos() {
        return ANALOG_SAMPLE_NANOS;
    }

    @Override
    public void sampleAnalogs() {
        machine.sampleAnalogs(ANALOG_SAMPLE_NANOS);
    }

    /** Injects a fault into the machine now. */
    @Override
    public long inject(PlantFault fault) {
        machine.inject(fault);
        return nowNanos();
    }

    @Override
    public boolean runUntil(BooleanSupplier condition, long deadlineNanos) {
        return machine.scheduler().runUntil(condition, deadlineNanos);
    }

    /** Releases every input the rig drives (the machine's drivable lines: the safe state). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String input : machine.drivableLines()) {
            machine.drive(input, false);
        }
    }
}
