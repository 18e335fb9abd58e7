package org.hilrig.device.plant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.random.SeededRandom;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.AnalogSignal;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.Test;

/** Plant models alone, on virtual time, against their closed forms. */
class PlantModelsTest {
    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;

    private final Scheduler scheduler = new Scheduler();
    private final SignalSet signals = new SignalSet(scheduler, new Trace());

    private final class Tank {
        Tank(double dischargeMa) {
            this.dischargeMa = dischargeMa;
            init();
        }

        final double dischargeMa;
        final DigitalSignal hv = signals.digital("gen.hv_enable", false);
        final AnalogSignal kvDemand = signals.analog("gen.kv_demand", 0);
        final AnalogSignal maDemand = signals.analog("gen.ma_demand", 0);
        final DigitalSignal kvOk = signals.digital("plant.kv_ok", false);
        final DigitalSignal arc = signals.digital("plant.arc", false);
        final DigitalSignal boost = signals.digital("gen.fil_boost", false);
        final DigitalSignal filOk = signals.digital("plant.fil_ok", true);
        HvTank tank;
        final List<Long> kvOkEdges = new ArrayList<>();

        Tank() {
            this(0.0);
        }

        private void init() {
            tank = new HvTank(scheduler, new HvTank.Parameters(500 * US, 0.75, 2.0, 0.5, 0.0, 40_000, 10 * US, dischargeMa),
                    hv, kvDemand, maDemand, kvOk, arc, signals.analog("plant.kv_fb", 0), signals.analog("plant.ma_fb", 0));
            kvOk.onEdge((s, h, t) -> kvOkEdges.add(t));
            signals.start();
        }

        void expose(double kv, double ma, long lengthNanos) {
            kvDemand.set(kv);
            maDemand.set(ma);
            hv.set(true);
            scheduler.runUntil(scheduler.nowNanos() + lengthNanos);
            hv.set(false);
        }
    }

    @Test
    void theKvRisesExponentiallyAndTheComparatorTripsAtSeventyFivePercentExactly() {
        Tank t = new Tank();
        scheduler.runUntil(MS);
        t.expose(100, 200, 10 * MS);
        // tau = 500 us / ln 9; 75 % after tau ln 4 = 315.465 us (rounded up to the next ns)
        assertThat(t.kvOkEdges.get(0)).isEqualTo(MS + 315_465);
    }

    @Test
    void theDecayTailLastsCTimesDeltaVOverTheTubeCurrent() {
        Tank t = new Tank();
        t.expose(80, 50, 10 * MS);
        long off = scheduler.nowNanos();
        t.maDemand.set(5); // the demand changes nothing once HV is off: the tail uses the exposure's current
        scheduler.runUntil(off + 200 * MS);
        long tail = t.kvOkEdges.get(1) - off;
        // 80 kV to 60 kV through 2 nF at 50 + 0.5 mA bleed: 20 kV * 2 nF / 50.5 mA = 792.079 us
        assertThat(tail).isEqualTo(792_080);
    }

    @Test
    void theActiveDischargeDrawsItsCurrentFromTheCableOnceHvIsOffAndCanFailOpen() {
        Tank t = new Tank(200);
        t.expose(80, 50, 10 * MS);
        long off = scheduler.nowNanos();
        scheduler.runUntil(off + 50 * MS);
        // 20 kV * 2 nF / (50 + 0.5 + 200) mA = 159.681 us
        assertThat(t.kvOkEdges.get(1) - off).isEqualTo(159_681);
        assertThat(t.tank.kv()).isZero();

        t.tank.setDischargeWorks(false);
        t.expose(80, 50, 10 * MS);
        long again = scheduler.nowNanos();
        scheduler.runUntil(again + 50 * MS);
        assertThat(t.kvOkEdges.get(3) - again).isEqualTo(792_080); // the bleeder and the tube alone
    }

    @Test
    void theFilamentCoolsWithItsTimeConstantOnceTheBoostDrops() {
        Tank t = new Tank();
        DigitalSignal boost = t.boost;
        Filament f = new Filament(scheduler, t.tank, boost, t.filOk, 0.2, 100 * MS, 300 * MS);
        boost.set(true);
        scheduler.runUntil(200 * MS);
        assertThat(f.isHot()).isTrue();
        t.kvDemand.set(80);
        t.maDemand.set(100);
        t.hv.set(true);
        scheduler.runUntil(210 * MS);
        assertThat(t.tank.readMa()).isEqualTo(100.0);
        boost.set(false);
        // one time constant on, in steps of a twentieth of it: 0.2 + 0.8 e^-1 = 0.494 of full emission
        scheduler.runUntil(510 * MS);
        assertThat(t.tank.readMa()).isCloseTo(49.4, org.assertj.core.data.Offset.offset(0.2));
        // boosted again between two steps, 307 ms into the cooling: held where it had cooled to, 0.2 + 0.8 e^-1.0233
        // = 0.4875 of full emission, until the heat-up is done
        scheduler.runUntil(517 * MS);
        boost.set(true);
        assertThat(t.tank.readMa()).isCloseTo(48.75, org.assertj.core.data.Offset.offset(0.05));
        scheduler.runUntil(560 * MS);
        assertThat(t.tank.readMa()).isCloseTo(48.75, org.assertj.core.data.Offset.offset(0.05));
        scheduler.runUntil(620 * MS);
        assertThat(t.tank.readMa()).isEqualTo(100.0);
        boost.set(false);
        scheduler.runUntil(2_200 * MS);
        assertThat(t.tank.readMa()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anArcCollapsesTheKvAtOnceAndPulsesTheDetector() {
        Tank t = new Tank();
        t.kvDemand.set(80);
        t.maDemand.set(100);
        t.hv.set(true);
        scheduler.runUntil(5 * MS);
        assertThat(t.tank.kv()).isCloseTo(80, org.assertj.core.data.Offset.offset(1e-6));
        t.tank.arc();
        assertThat(t.tank.kv()).isZero();
        assertThat(t.kvOk.isHigh()).isFalse();
        assertThat(t.arc.isHigh()).isTrue();
        scheduler.runUntil(5 * MS + 10 * US);
        assertThat(t.arc.isHigh()).isFalse();
        // HV still enabled: the kV rises again from zero when the arc clears
        scheduler.runUntil(5 * MS + 10 * US + 315_465);
        assertThat(t.kvOk.isHigh()).isTrue();
        assertThat(t.tank.arcs()).isEqualTo(1);
    }

    @Test
    void theRotorReachesAnySpeedAtItsAnalyticInstant() {
        AnalogSignal rpm = signals.analog("plant.rotor_rpm", 0);
        signals.start();
        Rotor r = new Rotor(scheduler, new Rotor.Parameters(9000, 1_200 * MS, 4_000 * MS, 120_000 * MS), rpm);
        r.drive(9000);
        assertThat(r.timeToReach(4500)).isEqualTo(600 * MS);
        scheduler.runUntil(2_000 * MS);
        assertThat(rpm.value()).isEqualTo(9000.0);
        r.brake();
        assertThat(r.timeToReach(0)).isEqualTo(6_000 * MS);
        assertThat(r.timeToReach(9500)).isEqualTo(Long.MAX_VALUE);
        scheduler.runUntil(3_000 * MS);
        r.seize();
        assertThat(r.timeToReach(0)).isLessThanOrEqualTo(3_100 * MS);
    }

    @Test
    void aPressedContactBouncesWithinItsBounceTimeAndEndsClosed() {
        DigitalSignal rig = signals.digital("rig.exp", false);
        DigitalSignal pin = signals.digital("gen.exp", false);
        List<Long> edges = new ArrayList<>();
        pin.onEdge((s, h, t) -> edges.add(t));
        signals.start();
        new Handswitch(scheduler, rig, pin, new SeededRandom(3), 300 * US);
        int bounced = 0;
        for (int i = 0; i < 20; i++) {
            long t0 = scheduler.nowNanos();
            edges.clear();
            rig.set(true);
            scheduler.runUntil(t0 + MS);
            assertThat(pin.isHigh()).isTrue();
            assertThat(edges.size() % 2).isEqualTo(1);
            bounced += edges.size() > 1 ? 1 : 0;
            assertThat(edges.get(edges.size() - 1) - t0).isLessThanOrEqualTo(300 * US);
            edges.clear();
            rig.set(false);
            scheduler.runUntil(t0 + 2 * MS);
            assertThat(edges).containsExactly(t0 + MS);
        }
        assertThat(bounced).isGreaterThan(5);
    }
}
