package org.hilrig.device.plant;

import org.hilrig.timing.signal.AnalogSignal;

/**
 * The test station's dosimeter in the beam: the air kerma rate at its place, from the tube voltage and current at
 * the instant the rig's acquisition samples them. The tube's output per mAs grows with the tube voltage as a power
 * of it (bremsstrahlung yield behind the tube's filtration, about the square of kV for a radiographic tube):
 *
 * <pre>
 *   K'(t) = Y80 x (kV(t) / 80)^n x mA(t)        uGy/s, with Y80 the output per mAs at 80 kV (uGy/mAs)
 * </pre>
 *
 * so that its integral over an exposure is the air kerma the exposure delivered there, the tail after HV off
 * included at its lower kV (profile keys {@code dose.output_at_80kv} and {@code dose.kv_exponent}; the output varies
 * from unit to unit with the tube and its filtration). The dose per mAs is what 21 CFR 1020.31(b) and (c) hold
 * reproducible and linear. Confined to the scheduler's thread.
 */
public final class Dosimeter {
    /** The kV the output is given at. */
    private static final double REFERENCE_KV = 80.0;

    private final double outputAt80kv;
    private final double kvExponent;
    private final AnalogSignal rate;

    /**
     * @param outputAt80kv air kerma per mAs at 80 kV at the dosimeter, uGy/mAs
     * @param kvExponent the power of kV the output per mAs follows
     * @param rate the signal the reading goes to, uGy/s
     */
    public Dosimeter(double outputAt80kv, double kvExponent, AnalogSignal rate) {
        this.outputAt80kv = outputAt80kv;
        this.kvExponent = kvExponent;
        this.rate = rate;
    }

    /** Publishes the air kerma rate at this tube voltage (kV) and current (mA). */
    public void sample(double kv, double ma) {
        double k = kv <= 0 || ma <= 0 ? 0 : outputAt80kv * Math.pow(kv / REFERENCE_KV, kvExponent) * ma;
        rate.set(Math.round(k * 1000) / 1000.0);
    }
}
