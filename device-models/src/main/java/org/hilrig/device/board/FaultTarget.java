package org.hilrig.device.board;

import org.hilrig.device.fault.PlantFault;

/** The part of a machine that makes some plant faults happen. Confined to the machine's scheduler thread. */
public interface FaultTarget {
    /**
     * What the fault does, ready to run now or later; the fault's kind is one this part accepts.
     *
     * @throws IllegalArgumentException when this part accepts the kind but cannot make it in this configuration
     */
    Runnable prepare(PlantFault fault);
}
