package org.hilrig.device.mcu;

import org.hilrig.timing.signal.AnalogSignal;

/** A DAC channel setting an analog demand for the plant (kV, mA), in engineering units. 0 after reset. */
public final class AnalogOutput implements Mcu.Peripheral {
    private final AnalogSignal out;

    public AnalogOutput(Mcu mcu, AnalogSignal out) {
        this.out = out;
        mcu.attach(this);
    }

    public void write(double value) {
        out.set(value);
    }

    public double value() {
        return out.value();
    }

    @Override
    public void reset() {
        out.set(0.0);
    }
}
