package org.hilrig.device.mcu;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.sched.Timer;

/**
 * The microcontroller core: power and reset, the main loop with its tick, and the peripherals attached to
 * it. Laid out like a reference manual's "reset and clock control" chapter:
 *
 * <pre>
 *  power off --powerOn()--> RESET --boot time--> RUNNING --watchdog / brownOut() / softReset()--> RESET
 *                                 (outputs low,         (Program.start(reason), then
 *                                  timers stopped)       Program.loop() every tick)
 * </pre>
 *
 * While not running, every peripheral is in its reset state: outputs low, interrupts and timers off, UART
 * FIFOs empty. The main loop can be blocked for a while ({@link #blockMainLoop}), as a hung loop would be:
 * interrupts still run, the UART FIFO fills, the watchdog starves.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Mcu {
    /** Where the core is in its power and reset cycle. */
    public enum Phase { OFF, RESET, RUNNING }

    private final Scheduler scheduler;
    private final String name;
    private final long tickNanos;
    private final long irqLatencyNanos;
    private final long bootNanos;
    private final List<Peripheral> peripherals = new ArrayList<>();
    private final Timer mainLoop;
    private final Timer bootDone;
    private Program program;
    private Phase phase = Phase.OFF;
    private ResetReason pendingReason = ResetReason.POWERON;
    private long blockedUntilNanos = Long.MIN_VALUE;
    private long loops;
    private int resets;

    /** Something the core resets: each peripheral returns to its reset state here. */
    interface Peripheral {
        void reset();
    }

    /**
     * @param name the board's prefix, used in timer names
     * @param tickNanos main-loop period, above 0
     * @param irqLatencyNanos delay from a pin edge to its handler, 0 or more
     * @param bootNanos delay from leaving reset to {@link Program#start}
     */
    public Mcu(Scheduler scheduler, String name, long tickNanos, long irqLatencyNanos, long bootNanos) {
        if (tickNanos <= 0 || irqLatencyNanos < 0 || bootNanos < 0) {
            throw new IllegalArgumentException("mcu " + name + ": tick " + tickNanos + " ns must be above 0, latency "
                    + irqLatencyNanos + " ns and boot " + bootNanos + " ns 0 or more");
        }
        this.scheduler = scheduler;
        this.name = name;
        this.tickNanos = tickNanos;
        this.irqLatencyNanos = irqLatencyNanos;
        this.bootNanos = bootNanos;
        this.mainLoop = scheduler.timer(name + ".loop", this::runLoop);
        this.bootDone = scheduler.timer(name + ".boot", this::leaveReset);
    }

    /** Installs the firmware; call before {@link #powerOn()}. */
    public void load(Program p) {
        this.program = p;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public String name() {
        return name;
    }

    public long tickNanos() {
        return tickNanos;
    }

    public long irqLatencyNanos() {
        return irqLatencyNanos;
    }

    public Phase phase() {
        return phase;
    }

    public boolean isRunning() {
        return phase == Phase.RUNNING;
    }

    /** Main-loop passes since construction (benchmarks and tests). */
    public long loops() {
        return loops;
    }

    /** Resets of any kind since construction. */
    public int resets() {
        return resets;
    }

    void attach(Peripheral p) {
        peripherals.add(p);
    }

    /** Applies power: the core boots and starts the firmware with reason POWERON after the boot time. */
    public void powerOn() {
        if (phase == Phase.OFF) {
            enterReset(ResetReason.POWERON);
        }
    }

    /** Removes power: everything stops, outputs go low. */
    public void powerOff() {
        enterReset(ResetReason.POWERON);
        bootDone.cancel();
        phase = Phase.OFF;
    }

    /**
     * Holds the core in reset (supply under the brown-out threshold). When released with {@link
     * #releaseBrownOut()} it boots with reason BROWNOUT. Harmless when off.
     */
    public void holdBrownOut() {
        if (phase != Phase.OFF) {
            enterReset(ResetReason.BROWNOUT);
            bootDone.cancel();
        }
    }

    /** Lets a core held by {@link #holdBrownOut()} boot. */
    public void releaseBrownOut() {
        if (phase == Phase.RESET && !bootDone.isPending()) {
            bootDone.after(bootNanos);
        }
    }

    /** A reset requested by the firmware itself (or by the watchdog peripheral with WATCHDOG). */
    public void reset(ResetReason reason) {
        if (phase != Phase.OFF) {
            enterReset(reason);
        }
    }

    /** Stops the main loop from running until {@code nowNanos + durationNanos}; interrupts keep running. */
    public void blockMainLoop(long durationNanos) {
        blockedUntilNanos = Math.max(blockedUntilNanos, scheduler.nowNanos() + durationNanos);
    }

    public boolean isMainLoopBlocked() {
        return scheduler.nowNanos() < blockedUntilNanos;
    }

    private void enterReset(ResetReason reason) {
        phase = Phase.RESET;
        pendingReason = reason;
        resets++;
        mainLoop.cancel();
        blockedUntilNanos = Long.MIN_VALUE;
        for (int i = 0; i < peripherals.size(); i++) {
            peripherals.get(i).reset();
        }
        bootDone.after(bootNanos);
    }

    private void leaveReset() {
        phase = Phase.RUNNING;
        mainLoop.period(tickNanos).after(tickNanos);
        if (program != null) {
            program.start(pendingReason);
        }
    }

    private void runLoop() {
        if (phase != Phase.RUNNING || scheduler.nowNanos() < blockedUntilNanos) {
            return;
        }
        loops++;
        if (program != null) {
            program.loop();
        }
    }

    @Override
    public String toString() {
        return "Mcu[" + name + " " + phase + "]";
    }
}
