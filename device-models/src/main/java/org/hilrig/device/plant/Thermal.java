package org.hilrig.device.plant;

import org.hilrig.device.profile.AnodeModel;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * The tube's thermal network, two nodes: the anode, whose stored heat cools into the housing on its data
 * sheet's curve ({@link AnodeModel}, the curve the generator's heat computer predicts with), and the housing,
 * which takes that heat and cools exponentially to ambient. Both are evaluated in closed form (the exact
 * solution of the two linear equations over each interval, so reading the temperatures more or less often
 * changes nothing). The housing thermal switch is set at each deposit and fault: open above its limit (or
 * when forced open), closed at or below it.
 *
 * <p>The anode's heat capacity follows from the data sheet: its storage capacity is the heat that takes it
 * from ambient to {@code anodeMaxC}, so {@code J per degree C = capacity in J / (anodeMaxC - ambientC)}.
 *
 * <pre>
 *   anode heat  E(t) = E0 exp(-t/ta)                         ta = the anode model's time constant
 *   housing     q(t) = q0 exp(-t/th) + K (exp(-t/ta) - exp(-t/th)),   K = E0 th / (Ch (ta - th))
 *   anode_c = ambient + q + E / Ca                            housing_c = ambient + q
 * </pre>
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Thermal {
    /**
     * The tube's thermal data.
     *
     * @param anode the anode's data sheet (capacity in kHU, cooling curve)
     * @param huPerJoule heat units per joule of the data sheet's kHU
     * @param anodeMaxC the anode temperature at full capacity
     * @param ambientC the temperature of a cold tube and of the room
     * @param housingJoulesPerC the housing's heat capacity
     * @param housingTimeConstantNanos the housing's cooling time constant to ambient
     * @param housingMaxC the housing temperature above which the thermal switch opens
     */
    public record Parameters(AnodeModel anode, double huPerJoule, double anodeMaxC, double ambientC,
            double housingJoulesPerC, long housingTimeConstantNanos, double housingMaxC) {
        public Parameters {
            if (!(anodeMaxC > ambientC)) {
                throw new IllegalArgumentException("thermal: anode_max_c " + anodeMaxC + " must be above ambient_c " + ambientC);
            }
        }

        /** The anode's heat capacity, J per degree C. */
        double anodeJoulesPerC() {
            return anode.capacityHu() / huPerJoule / (anodeMaxC - ambientC);
        }
    }

    private final Scheduler scheduler;
    private final DigitalSignal switchOk;
    private final Parameters p;
    private final double anodeJoulesPerC;
    private double anodeJoules;
    private double housingRiseC;
    private long t0;
    private boolean forcedOpen;

    public Thermal(Scheduler scheduler, DigitalSignal switchOk, Parameters parameters) {
        this.scheduler = scheduler;
        this.switchOk = switchOk;
        this.p = parameters;
        this.anodeJoulesPerC = parameters.anodeJoulesPerC();
    }

    /** Deposits {@code joules} of heat into the anode now (from an exposure). */
    public void deposit(double joules) {
        advance();
        anodeJoules += joules;
        update();
    }

    /** The heat the anode stores now above the housing, J (what the generator's heat computer accounts, in HU). */
    public double anodeJoules() {
        advance();
        return anodeJoules;
    }

    public double anodeC() {
        advance();
        return p.ambientC() + housingRiseC + anodeJoules / anodeJoulesPerC;
    }

    public double housingC() {
        advance();
        return p.ambientC() + housingRiseC;
    }

    /** Forces the housing switch open (fault) or lets it follow the temperature again. */
    public void forceSwitchOpen(boolean open) {
        forcedOpen = open;
        update();
    }

    private void advance() {
        long now = scheduler.nowNanos();
        long dt = now - t0;
        if (dt <= 0) {
            return;
        }
        double ta = p.anode().timeConstantNanos();
        double th = p.housingTimeConstantNanos();
        double e0 = anodeJoules;
        double anodeDecay = Math.exp(-dt / ta);
        double housingDecay = Math.exp(-dt / th);
        double fromAnode;
        if (Double.isInfinite(ta) || e0 == 0) {
            fromAnode = 0;
        } else if (ta == th) {
            fromAnode = e0 / p.housingJoulesPerC() * dt / ta * anodeDecay;
        } else {
            fromAnode = e0 * th / (p.housingJoulesPerC() * (ta - th)) * (anodeDecay - housingDecay);
        }
        anodeJoules = e0 * anodeDecay;
        housingRiseC = housingRiseC * housingDecay + fromAnode;
        t0 = now;
    }

    private void update() {
        switchOk.set(!forcedOpen && p.ambientC() + housingRiseC <= p.housingMaxC());
    }
}
