package org.hilrig.device.plant;

import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.sched.Timer;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * The cathode filament. At standby heat it can emit only a fraction of an exposure's tube current; the
 * generator's boost output heats it to full emission after the heat-up time, and it cools back to standby
 * at once when the boost drops (the model is coarse: two levels, one delay). An open filament emits
 * nothing and its current sense ({@code fil_ok}) reads low.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Filament {
    private final HvTank tank;
    private final DigitalSignal boost;
    private final DigitalSignal senseOk;
    private final double standbyFraction;
    private final long heatUpNanos;
    private final Timer heated;
    private boolean open;
    private boolean hot;

    /**
     * @param boost the generator's boost output
     * @param senseOk the filament current sense the generator reads
     * @param standbyFraction emission at standby heat, as a fraction of full emission (0..1)
     * @param heatUpNanos standby to full emission under boost
     */
    public Filament(Scheduler scheduler, HvTank tank, DigitalSignal boost, DigitalSignal senseOk,
                    double standbyFraction, long heatUpNanos) {
        this.tank = tank;
        this.boost = boost;
        this.senseOk = senseOk;
        this.standbyFraction = standbyFraction;
        this.heatUpNanos = heatUpNanos;
        this.heated = scheduler.timer("plant.filament.heated", () -> {
            hot = true;
            update();
        });
        boost.onEdge((s, high, t) -> {
            if (high) {
                heated.after(heatUpNanos);
            } else {
                heated.cancel();
                hot = false;
                update();
            }
        });
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
        tank.setEmission(open ? 0.0 : hot ? 1.0 : standbyFraction);
    }
}
