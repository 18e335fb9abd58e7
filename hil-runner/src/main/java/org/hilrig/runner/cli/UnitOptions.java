package org.hilrig.runner.cli;

import org.hilrig.runner.rig.SimRigs;
import org.hilrig.timing.BadInputException;
import picocli.CommandLine.Option;

/**
 * The options that choose which unit of a production lot an emulated board is ({@code hil run} on the
 * simulated rig, {@code hil emulate}): a unit seed, or the serial number the unit reports. Neither: the
 * nominal unit of the reference profile.
 */
final class UnitOptions {
    @Option(names = "--unit-seed", paramLabel = "N", description = "Emulate the unit of this seed (0 or more): its"
            + " components drawn within the profile's 'units' spreads; it reports the serial number <prefix>-U<N>."
            + " Default: the nominal unit.")
    Long unitSeed;

    @Option(names = "--serial-number", paramLabel = "SN", description = "Emulate the unit with this serial number (its"
            + " unit seed follows from it: GEN-U17 is unit 17, any other text a seed of its own).")
    String serial;

    /**
     * The chosen unit, or null for the nominal one.
     *
     * @throws BadInputException when both are given, the seed is negative or the serial is not printable text
     */
    SimRigs.UnitChoice choice() {
        if (unitSeed != null && serial != null) {
            throw new BadInputException("", 0, 0, "--unit-seed and --serial-number: give one or the other (a serial"
                    + " number gives its own unit seed)");
        }
        if (unitSeed != null) {
            if (unitSeed < 0) {
                throw new BadInputException("", 0, 0, "--unit-seed " + unitSeed + ": a unit seed is 0 or more");
            }
            return SimRigs.UnitChoice.ofSeed(unitSeed);
        }
        if (serial != null) {
            if (serial.isBlank() || !serial.trim().chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != ',')) {
                throw new BadInputException("", 0, 0, "--serial-number '" + serial + "': a serial number is printable"
                        + " text without spaces or commas");
            }
            return SimRigs.UnitChoice.ofSerial(serial);
        }
        return null;
    }
}
