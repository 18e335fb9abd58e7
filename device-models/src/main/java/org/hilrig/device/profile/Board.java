package org.hilrig.device.profile;

/** The two boards the rig tests: the generator controller and the tube controller. */
public enum Board {
    /** Generator controller: handswitch, interlocks, HV inverter, exposure timing. */
    GEN,
    /** Tube controller: anode rotor drive, tube thermal supervision. */
    TUB;

    /** The lower-case prefix of this board's signals in a trace ({@code gen}, {@code tub}). */
    public String prefix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
