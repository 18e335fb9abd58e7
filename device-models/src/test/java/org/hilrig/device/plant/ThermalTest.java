package org.hilrig.device.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hilrig.device.profile.AnodeModel;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * The tube's thermal network on virtual time: an anode of 10 kHU cooling at most 60 kHU/min (time constant
 * 10 s), 2 HU per J (capacity 5000 J), 125 C at full capacity from 25 C (50 J/C); a housing of 1000 J/C
 * cooling with 100 s to ambient, its switch at 30 C.
 */
class ThermalTest {
    private static final long S = 1_000_000_000L;

    private final Scheduler scheduler = new Scheduler();
    private final SignalSet signals = new SignalSet(scheduler, new Trace());
    private final DigitalSignal switchOk = signals.digital("plant.thermal_ok", true);
    private final Thermal thermal = new Thermal(scheduler, switchOk,
            new Thermal.Parameters(new AnodeModel(10, 60), 2, 125, 25, 1000, 100 * S, 30));

    private void runTo(long nanos) {
        scheduler.runUntil(nanos);
    }

    @Test
    void aDepositRaisesTheAnodeByItsEnergyOverItsHeatCapacity() {
        signals.start();
        thermal.deposit(2500);
        // 2500 J / 50 J/C = 50 C above ambient; the housing has not taken any yet
        assertThat(thermal.anodeC()).isCloseTo(75.0, within(1e-9));
        assertThat(thermal.housingC()).isEqualTo(25.0);
        assertThat(thermal.anodeJoules()).isEqualTo(2500.0);
    }

    @Test
    void theAnodeCoolsIntoTheHousingOnTheDataSheetCurve() {
        signals.start();
        thermal.deposit(2500);
        runTo(10 * S);
        // anode: 2500 J x exp(-1) = 919.70 J; housing: K = 2500 x 100 / (1000 x (10 - 100)) = -2.7778 C,
        // q = K x (exp(-1) - exp(-0.1)) = -2.7778 x -0.53696 = 1.4915 C; anode 25 + 1.4915 + 919.70 / 50 = 44.886 C
        assertThat(thermal.anodeJoules()).isCloseTo(919.70, within(0.01));
        assertThat(thermal.housingC()).isCloseTo(26.4915, within(0.0001));
        assertThat(thermal.anodeC()).isCloseTo(44.8855, within(0.0001));
        runTo(100 * S);
        // q = K x (exp(-10) - exp(-1)) = 1.0218 C; the anode has given nearly all to the housing
        assertThat(thermal.housingC()).isCloseTo(26.0218, within(0.0001));
    }

    @Test
    void readingTheTemperaturesOftenChangesNothing() {
        Scheduler other = new Scheduler();
        SignalSet otherSignals = new SignalSet(other, new Trace());
        Thermal readOnce = new Thermal(other, otherSignals.digital("plant.thermal_ok", true),
                new Thermal.Parameters(new AnodeModel(10, 60), 2, 125, 25, 1000, 100 * S, 30));
        signals.start();
        otherSignals.start();
        thermal.deposit(2500);
        readOnce.deposit(2500);
        for (int i = 1; i <= 37; i++) {
            runTo(i * S);
            thermal.anodeC();
        }
        other.runUntil(37 * S);
        assertThat(thermal.anodeC()).isCloseTo(readOnce.anodeC(), within(1e-9));
        assertThat(thermal.housingC()).isCloseTo(readOnce.housingC(), within(1e-9));
    }

    @Test
    void theHousingSwitchOpensAtADepositAboveItsLimitOrWhenForced() {
        signals.start();
        thermal.deposit(5000);
        runTo(20 * S);
        assertThat(thermal.housingC()).isGreaterThan(25.0).isLessThan(30.0);
        assertThat(switchOk.isHigh()).isTrue();
        thermal.forceSwitchOpen(true);
        assertThat(switchOk.isHigh()).isFalse();
        thermal.forceSwitchOpen(false);
        assertThat(switchOk.isHigh()).isTrue();
        // 20 kJ more: by 60 s the housing has taken 22.2 C x (exp(-0.4) - exp(-4)) = 14.5 C of it (and 3.0 C of the
        // first 5 kJ): about 42.5 C, above 30 C, which the switch shows at the next deposit
        thermal.deposit(20_000);
        runTo(60 * S);
        thermal.deposit(0);
        assertThat(thermal.housingC()).isCloseTo(42.5, within(0.1));
        assertThat(switchOk.isHigh()).isFalse();
    }
}
