package org.hilrig.device.mcu;

import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.sched.Timer;

/**
 * A digital input pin with an optional edge interrupt. The pin reads the board-side signal (logical: high
 * is active). An edge that matches the enabled trigger sets the pending flag; the handler runs after the
 * core's interrupt latency and receives the level of the edge that set the flag. Edges while the flag is
 * pending merge into it; if the pin has changed again by the time the handler ran, the interrupt is
 * pended again with the new level, so a handler always sees the pin's final level.
 *
 * <p>Interrupts are off after reset; the firmware enables them from {@link Program#start}.
 */
public final class GpioInput implements Mcu.Peripheral {
    /** Which edges raise the interrupt. */
    public enum Trigger { NONE, RISING, FALLING, BOTH }

    /** An interrupt service routine for a pin; {@code high} is the level of the edge that raised it. */
    @FunctionalInterface
    public interface Isr {
        void edge(boolean high);
    }

    private final Mcu mcu;
    private final DigitalSignal pin;
    private final Timer pending;
    private Trigger trigger = Trigger.NONE;
    private Isr isr;
    private boolean pendingLevel;

    public GpioInput(Mcu mcu, DigitalSignal pin) {
        this.mcu = mcu;
        this.pin = pin;
        this.pending = mcu.scheduler().timer(pin.path() + ".irq", this::service);
        pin.onEdge((s, high, t) -> edge(high));
        mcu.attach(this);
    }

    /** The pin's level now (high = logically active). Reads low while the core is off. */
    public boolean read() {
        return pin.isHigh();
    }

    public DigitalSignal signal() {
        return pin;
    }

    /** Enables the interrupt for {@code trigger} edges with this handler. */
    public void enableInterrupt(Trigger trigger, Isr handler) {
        this.trigger = trigger;
        this.isr = handler;
    }

    public void disableInterrupt() {
        trigger = Trigger.NONE;
        pending.cancel();
    }

    private void edge(boolean high) {
        if (!mcu.isRunning() || !matches(high) || pending.isPending()) {
            return;
        }
        pendingLevel = high;
        pending.after(mcu.irqLatencyNanos());
    }

    private boolean matches(boolean high) {
        return switch (trigger) {
            case NONE -> false;
            case RISING -> high;
            case FALLING -> !high;
            case BOTH -> true;
        };
    }

    private void service() {
        if (!mcu.isRunning() || isr == null) {
            return;
        }
        boolean delivered = pendingLevel;
        isr.edge(delivered);
        boolean now = pin.isHigh();
        if (now != delivered && matches(now) && !pending.isPending()) {
            pendingLevel = now;
            pending.after(mcu.irqLatencyNanos());
        }
    }

    @Override
    public void reset() {
        trigger = Trigger.NONE;
        isr = null;
        pending.cancel();
    }
}
