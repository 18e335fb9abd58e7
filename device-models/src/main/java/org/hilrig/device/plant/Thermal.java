package org.hilrig.device.plant;

import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * The tube's thermal network, two nodes: anode and housing, each cooling exponentially toward the next
 * (anode to housing, housing to ambient), evaluated in closed form at each deposit. The housing thermal
 * switch opens above its limit (or when forced open by a fault) and closes when it has cooled below.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Thermal {
    private static final double ANODE_J_PER_C = 1_500.0;
    private static final double HOUSING_J_PER_C = 50_000.0;
    private static final double ANODE_TAU_S = 200.0;
    private static final double HOUSING_TAU_S = 3_000.0;

    private final Scheduler scheduler;
    private final DigitalSignal switchOk;
    private final double ambientC;
    private final double housingMaxC;
    private double anodeC;
    private double housingC;
    private long t0;
    private boolean forcedOpen;

    public Thermal(Scheduler scheduler, DigitalSignal switchOk, double ambientC, double housingMaxC) {
        this.scheduler = scheduler;
        this.switchOk = switchOk;
        this.ambientC = ambientC;
        this.housingMaxC = housingMaxC;
        this.anodeC = ambientC;
        this.housingC = ambientC;
    }

    /** Deposits {@code joules} of heat into the anode now (from an exposure). */
    public void deposit(double joules) {
        advance();
        anodeC += joules / ANODE_J_PER_C;
        update();
    }

    public double anodeC() {
        advance();
        return anodeC;
    }

    public double housingC() {
        advance();
        return housingC;
    }

    /** Forces the housing switch open (fault) or lets it follow the temperature again. */
    public void forceSwitchOpen(boolean open) {
        forcedOpen = open;
        update();
    }

    private void advance() {
        long now = scheduler.nowNanos();
        double dt = (now - t0) * 1e-9;
        if (dt <= 0) {
            return;
        }
        double aDecay = Math.exp(-dt / ANODE_TAU_S);
        double flow = (anodeC - housingC) * (1 - aDecay) * ANODE_J_PER_C;
        anodeC = housingC + (anodeC - housingC) * aDecay;
        housingC += flow / HOUSING_J_PER_C;
        housingC = ambientC + (housingC - ambientC) * Math.exp(-dt / HOUSING_TAU_S);
        t0 = now;
    }

    private void update() {
        switchOk.set(!forcedOpen && housingC <= housingMaxC);
    }
}
