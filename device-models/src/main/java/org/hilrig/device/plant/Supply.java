package org.hilrig.device.plant;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.device.mcu.Mcu;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.sched.Timer;
import org.hilrig.timing.signal.AnalogSignal;

/**
 * The boards' supply rail. A brown-out dips it to a depth for a length: boards whose brown-out threshold
 * lies above the depth are held in reset and reboot with reason BROWNOUT when it recovers. A power loss
 * removes it: boards stop, and boot with reason POWERON when it returns (never on their own: a loss
 * without a length lasts until {@link #restore()}).
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Supply {
    private record Load(Mcu mcu, double brownOutVolts) {
    }

    private final AnalogSignal volts;
    private final double nominalVolts;
    private final List<Load> loads = new ArrayList<>();
    private final Timer recover;
    private boolean off;

    public Supply(Scheduler scheduler, AnalogSignal volts, double nominalVolts) {
        this.volts = volts;
        this.nominalVolts = nominalVolts;
        this.recover = scheduler.timer("plant.supply.recover", this::restore);
    }

    /** Connects a board and powers it on. */
    public void connect(Mcu mcu, double brownOutVolts) {
        loads.add(new Load(mcu, brownOutVolts));
        mcu.powerOn();
    }

    /** The rail dips to {@code depthVolts} for {@code lengthNanos}, then recovers. */
    public void brownOut(double depthVolts, long lengthNanos) {
        volts.set(depthVolts);
        for (Load l : loads) {
            if (depthVolts < l.brownOutVolts()) {
                l.mcu().holdBrownOut();
            }
        }
        recover.after(lengthNanos);
    }

    /** The rail drops to 0; it returns after {@code lengthNanos}, or never when that is 0 or less. */
    public void powerLoss(long lengthNanos) {
        off = true;
        volts.set(0);
        for (Load l : loads) {
            l.mcu().powerOff();
        }
        if (lengthNanos > 0) {
            recover.after(lengthNanos);
        } else {
            recover.cancel();
        }
    }

    /** The rail is back at its nominal voltage. */
    public void restore() {
        recover.cancel();
        volts.set(nominalVolts);
        for (Load l : loads) {
            if (off) {
                l.mcu().powerOn();
            } else {
                l.mcu().releaseBrownOut();
            }
        }
        off = false;
    }
}
