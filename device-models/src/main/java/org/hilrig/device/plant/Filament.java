package org.hilrig.device.plant;

import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.sched.Timer;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * The cathode filament. At standby heat it can emit only a fraction of an exposure's tube current; the
 * generator's boost output heats it to full emission after the heat-up time. When the boost drops it cools
 * with its thermal time constant: emission falls from where it was towards standby as {@code e^(-t/tau)},
 * updated in {@value #COOL_STEPS} steps per time constant for {@value #COOL_CONSTANTS} constants, then standby.
 * An open filament emits nothing at once and its current sense ({@code fil_ok}) reads low.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Filament {
    /** Emission updates per time constant while the filament cools. */
    static final int COOL_STEPS = 20;
    /** Time constants the cooling is followed for; after them the filament is at standby. */
    static final int COOL_CONSTANTS = 5;

    private final HvTank tank;
    private final DigitalSignal boost;
    private final DigitalSignal senseOk;
    private final double standbyFraction;
    private final long heatUpNanos;
    private final long coolNanos;
    private final Timer heated;
    private final Timer cooling;
    private final Scheduler scheduler;
    private boolean open;
    private boolean hot;
    /** The emission (fraction of full) when the boost dropped, and when. */
    private double coolFrom;
    private long coolSince = -1;

    /**
     * @param boost the generator's boost output
     * @param senseOk the filament current sense the generator reads
     * @param standbyFraction emission at standby heat, as a fraction of full emission (0..1)
     * @param heatUpNanos standby to full emission under boost
     * @param coolNanos the thermal time constant once the boost drops (0: back to standby at once)
     */
    public Filament(Scheduler scheduler, HvTank tank, DigitalSignal boost, DigitalSignal senseOk,
                    double standbyFraction, long heatUpNanos, long coolNanos) {
        this.scheduler = scheduler;
        this.coolNanos = coolNanos;
        this.tank = tank;
        this.boost = boost;
        this.senseOk = senseOk;
        this.standbyFraction = standbyFraction;
        this.heatUpNanos = heatUpNanos;
        this.heated = scheduler.timer("plant.filament.heated", () -> {
            hot = true;
            coolSince = -1;
            update();
        });
        this.cooling = scheduler.timer("plant.filament.cooling", this::cooled);
        boost.onEdge((s, high, t) -> {
            if (high) {
                heated.after(heatUpNanos);
                if (coolSince >= 0) {
                    // warms again from where it had cooled to: held there until the heat-up is done
                    coolFrom = coolingEmission(t);
                    coolSince = -1;
                    cooling.cancel();
                    update();
                }
            } else {
                heated.cancel();
                coolFrom = hot ? 1.0 : coolSince >= 0 ? coolingEmission(t) : Math.max(coolFrom, standbyFraction);
                hot = false;
                coolSince = t;
                if (coolNanos > 0) {
                    cooling.after(Math.max(1, coolNanos / COOL_STEPS));
                }
                update();
            }
        });
        update();
    }

    /** The emission while cooling, {@code t} ns into it: from {@link #coolFrom} towards standby. */
    private double coolingEmission(long t) {
        if (coolNanos <= 0) {
            return standbyFraction;
        }
        double x = (double) (t - coolSince) / coolNanos;
        return x >= COOL_CONSTANTS ? standbyFraction : standbyFraction + (coolFrom - standbyFraction) * Math.exp(-x);
    }

    private void cooled() {
        long t = scheduler.nowNanos();
        if (t - coolSince < (long) COOL_CONSTANTS * coolNanos) {
            cooling.after(Math.max(1, coolNanos / COOL_STEPS));
        } else {
            coolSince = -1;
            coolFrom = standbyFraction;
        }
        update();
    }

    /** True once boosted to full emission. */
    public boolean isHot() {
        return hot;
    }

    /** The filament breaks (true) or is replaced (false). */
    public void setOpen(boolean isOpen) {
        open = isOpen;
        if (!open && boost.isHigh() && !hot && !heated.isPending()) {
            heated.after(heatUpNanos);
        }
        update();
    }

    private void update() {
        senseOk.set(!open);
        double warm = coolSince >= 0 ? coolingEmission(scheduler.nowNanos()) : Math.max(coolFrom, standbyFraction);
        tank.setEmission(open ? 0.0 : hot ? 1.0 : warm);
    }
}
