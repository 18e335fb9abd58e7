package org.hilrig.device.firmware;

/**
 * The generator's technique: tube voltage in kV, tube current in mA, exposure time in ms, as set by
 * {@code SKV}, {@code SMA}, {@code SMS} (or the profile's defaults after boot), and whether the exposure is
 * timed (manual, the default) or ended by the AEC chamber ({@code AEC 1}, docs/protocol-additions.md). In AEC
 * the set time is kept but not used: the exposure runs until {@code AEC_STOP}, at most for
 * {@code aecBackupMs}, the AEC backup's time at this kV and mA. A value; one axis at a time changes through
 * {@link TechniqueAxis#with}.
 *
 * @param aecBackupMs the AEC backup time in ms, above 0 in AEC; 0 for a manual technique
 */
record Technique(double kv, double ma, double ms, double aecBackupMs) {
    /** A manual technique: the exposure lasts its set time. */
    Technique(double kv, double ma, double ms) {
        this(kv, ma, ms, 0);
    }

    /** True when the AEC chamber ends the exposure, not the set time. */
    boolean aec() {
        return aecBackupMs > 0;
    }

    /** The longest the exposure may last, ms: the set time, or in AEC the backup's time. */
    double longestMs() {
        return aec() ? aecBackupMs : ms;
    }

    /** This technique in AEC, with the backup time {@code backupMs} (above 0). */
    Technique withAecBackup(double backupMs) {
        return new Technique(kv, ma, ms, backupMs);
    }

    /** This technique timed by its set time. */
    Technique manual() {
        return new Technique(kv, ma, ms);
    }

    /** Charge in mAs of the set time: mA x ms / 1000. */
    double milliampereSeconds() {
        return ma * ms / 1000.0;
    }

    /** Electrical power in kW: kV x mA / 1000. */
    double kilowatts() {
        return kv * ma / 1000.0;
    }
}
