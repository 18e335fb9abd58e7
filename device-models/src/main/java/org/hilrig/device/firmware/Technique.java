package org.hilrig.device.firmware;

/**
 * The generator's technique: tube voltage in kV, tube current in mA, exposure time in ms, as set by
 * {@code SKV}, {@code SMA}, {@code SMS} (or the profile's defaults after boot). A value; one axis at a time
 * changes through {@link TechniqueAxis#with}.
 */
record Technique(double kv, double ma, double ms) {
    /** Electrical power in kW: kV x mA / 1000. */
    double kilowatts() {
        return kv * ma / 1000.0;
    }

    /** Charge in mAs: mA x ms / 1000. */
    double milliampereSeconds() {
        return ma * ms / 1000.0;
    }
}
