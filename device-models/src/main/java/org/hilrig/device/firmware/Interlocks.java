package org.hilrig.device.firmware;

import org.hilrig.device.mcu.GpioInput;

/**
 * The generator's three interlock inputs as the firmware reads them: door closed, e-stop chain closed,
 * housing thermal switch closed (each high when safe). Reading only; what an opening does is
 * {@link ExposureSequence#interlockOpened()}.
 *
 * <p>Defects: {@link Defect#DOOR_IGNORED_IN_PREP}: an open door does not block prep or READY
 * ({@link #blockPrep()}).
 */
final class Interlocks {
    private final GpioInput door;
    private final GpioInput estop;
    private final GpioInput thermal;
    private final boolean doorIgnoredInPrep;

    Interlocks(GpioInput door, GpioInput estop, GpioInput thermal, boolean doorIgnoredInPrep) {
        this.door = door;
        this.estop = estop;
        this.thermal = thermal;
        this.doorIgnoredInPrep = doorIgnoredInPrep;
    }

    boolean doorOpen() {
        return !door.read();
    }

    boolean estopOpen() {
        return !estop.read();
    }

    boolean thermalOpen() {
        return !thermal.read();
    }

    /** True when an open interlock keeps prep from starting and READY from being reached. */
    boolean blockPrep() {
        boolean doorBlocks = doorOpen() && !doorIgnoredInPrep;
        return doorBlocks || estopOpen() || thermalOpen();
    }

    /** The {@code ilk} bitmap of STA: bit 0 door, bit 1 e-stop, bit 2 thermal, set when open. */
    int bits() {
        return (doorOpen() ? 1 : 0) | (estopOpen() ? 2 : 0) | (thermalOpen() ? 4 : 0);
    }
}
