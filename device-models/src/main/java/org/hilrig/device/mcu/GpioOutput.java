package org.hilrig.device.mcu;

import org.hilrig.timing.signal.DigitalSignal;

/** A digital output pin driving a board-side signal (high = logically active). Low after any reset. */
public final class GpioOutput implements Mcu.Peripheral {
    private final DigitalSignal pin;

    public GpioOutput(Mcu mcu, DigitalSignal pin) {
        this.pin = pin;
        mcu.attach(this);
    }

    public void write(boolean high) {
        pin.set(high);
    }

    public boolean isHigh() {
        return pin.isHigh();
    }

    public void toggle() {
        pin.set(!pin.isHigh());
    }

    public DigitalSignal signal() {
        return pin;
    }

    @Override
    public void reset() {
        pin.set(false);
    }
}
