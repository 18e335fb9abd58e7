package org.hilrig.device.mcu;

import java.util.function.DoubleSupplier;

/**
 * An ADC channel: each {@link #read()} samples the plant quantity at the current virtual time and
 * quantises it to {@code bits} over {@code [0, fullScale]} (values outside clip). The plant computes its
 * quantities analytically, so a sample is exact at its instant.
 */
public final class Adc {
    private final DoubleSupplier source;
    private final double fullScale;
    private final double assumedFullScale;
    private final int maxCode;

    /**
     * @param source the plant quantity in engineering units
     * @param fullScale the value of the top code, above 0
     * @param bits resolution, 1 to 24
     */
    public Adc(DoubleSupplier source, double fullScale, int bits) {
        this(source, fullScale, bits, fullScale);
    }

    /**
     * A channel whose firmware converts codes with {@code assumedFullScale} where the hardware's is {@code
     * fullScale} (a calibration or scaling bug: every reading off by their ratio).
     */
    public Adc(DoubleSupplier source, double fullScale, int bits, double assumedFullScale) {
        if (!(fullScale > 0) || !(assumedFullScale > 0) || bits < 1 || bits > 24) {
            throw new IllegalArgumentException("adc: full scale " + fullScale + " (assumed " + assumedFullScale
                    + ") must be above 0 and bits " + bits + " 1..24");
        }
        this.source = source;
        this.fullScale = fullScale;
        this.assumedFullScale = assumedFullScale;
        this.maxCode = (1 << bits) - 1;
    }

    /** Samples now; returns the quantised value in engineering units. */
    public double read() {
        double v = source.getAsDouble();
        long code = Math.round(v / fullScale * maxCode);
        code = Math.max(0, Math.min(maxCode, code));
        return code * assumedFullScale / maxCode;
    }
}
