package org.hilrig.device.firmware;

import java.util.List;

/**
 * Defects of the parts every board's firmware shares ({@link HostPort}'s frame check, {@link FaultLatch}'s
 * reset): a board whose firmware uses those parts lists these among its defects. Stateless.
 */
public final class CommonDefects {
    private CommonDefects() {
    }

    /** Frames with a wrong CRC are executed. */
    public static final Defect CRC_NOT_CHECKED = new Defect("CRC_NOT_CHECKED",
            "Frames with a wrong CRC are executed.");

    /** RST clears faults whose cause is still present. */
    public static final Defect RESET_WHILE_ACTIVE = new Defect("RESET_WHILE_ACTIVE",
            "RST clears faults whose cause is still present.");

    /** Both, in their catalogue order. */
    public static final List<Defect> ALL = List.of(CRC_NOT_CHECKED, RESET_WHILE_ACTIVE);
}
