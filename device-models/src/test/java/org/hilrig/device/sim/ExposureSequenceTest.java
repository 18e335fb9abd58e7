package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.device.sim.Rig.MS;
import static org.hilrig.device.sim.Rig.US;

import org.hilrig.device.firmware.ExposureEnd;
import org.hilrig.device.firmware.GenState;
import org.junit.jupiter.api.Test;

/** The exposure sequence of domain.md on the reference GEN, with exact virtual times (no contact bounce). */
class ExposureSequenceTest {
    private static final long LATENCY = 2 * US;
    private static final long DEBOUNCE = 500 * US;
    /** 10-90 % in 500 us: tau = 500 us / ln 9; 75 % of the setpoint is reached after tau ln 4. */
    private static final long RISE_TO_75 = 315_465;

    @Test
    void bootSendsEventBootWithinHalfASecondAndStartsAlive() {
        Rig r = Rig.gen();
        r.run(500 * MS);
        assertThat(r.events("BOOT")).hasSize(1);
        assertThat(r.events("BOOT").get(0).frame().text()).startsWith("00,EVT,BOOT,fw=1.0.0,reason=POWERON,");
        assertThat(r.events("BOOT").get(0).endNanos()).isLessThan(500 * MS);
        // ALIVE toggles every 50 ms = 10 Hz, from 50 ms after the firmware started at 50 ms
        assertThat(r.edge("ALIVE", true, 0)).isEqualTo(100 * MS);
        assertThat(r.edge("ALIVE", false, 0)).isEqualTo(150 * MS);
        assertThat(r.edgeCount("ALIVE", true, 0)).isEqualTo(5); // 100, 200, 300, 400 and 500 ms
    }

    @Test
    void prepReadyAndExposureHappenAtTheirExactTimes() {
        Rig r = Rig.gen();
        r.run(60 * MS);
        r.press("PREP_REQ");
        r.run(2_000 * MS);
        long prep = 60 * MS + LATENCY + DEBOUNCE;
        assertThat(r.edge("ROTOR_START", true, 0)).isEqualTo(prep);
        // the anode reaches 95 % of 9000 rpm at 1.2 s * 0.95 = 1.14 s after the start
        long rotorReady = r.edge("ROTOR_READY", true, 0);
        assertThat(rotorReady).isBetween(prep + 1_140 * MS, prep + 1_140 * MS + 1);
        assertThat(r.edge("READY", true, 0)).isEqualTo(rotorReady + LATENCY);
        assertThat(r.m.generator().state()).isEqualTo(GenState.READY);

        long exp = r.now();
        r.press("EXP_REQ_A", "EXP_REQ_B");
        r.run(200 * MS);
        long hvOn = r.edge("HV_ENABLE", true, 0);
        assertThat(hvOn).isEqualTo(exp + LATENCY + DEBOUNCE);
        long xrayOn = r.edge("XRAY_ON", true, 0);
        assertThat(xrayOn).isEqualTo(hvOn + RISE_TO_75 + LATENCY);
        // the exposure timer runs from X-ray on for the set 100 ms
        long hvOff = r.edge("HV_ENABLE", false, 0);
        assertThat(hvOff).isEqualTo(xrayOn + 100 * MS);
        // decay tail: 80 kV to 60 kV through 2 nF at 250.5 mA and the 200 mA discharge takes 20 kV * 2 nF / 450.5 mA
        // = 88.7902 us
        long xrayOff = r.edge("XRAY_ON", false, 0);
        assertThat(xrayOff).isEqualTo(hvOff + 88_791 + LATENCY); // rounded up to the next ns
        assertThat(r.events("XON")).singleElement().satisfies(e -> assertThat(e.frame().values().text("kv")).isEqualTo("80.0"));
        assertThat(r.events("XOFF")).singleElement().satisfies(e -> {
            // the loading time, 75 % to 75 %: 100 ms + the 88.8 us tail; the mAs of 250 mA from HV on to the tail's end
            assertThat(e.frame().values().text("ms")).isEqualTo("100.1");
            assertThat(Double.parseDouble(e.frame().values().text("mas"))).isBetween(25.0, 25.25);
            assertThat(e.frame().values().text("end")).isEqualTo("TIMER");
        });
        assertThat(r.m.generator().lastExposure().end()).isEqualTo(ExposureEnd.TIMER);
        // still held: back to READY, but no second exposure until expose is released and pressed again
        assertThat(r.m.generator().state()).isEqualTo(GenState.READY);
        r.run(500 * MS);
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(1);
        r.release("EXP_REQ_A", "EXP_REQ_B");
        r.run(10 * MS);
        r.press("EXP_REQ_A", "EXP_REQ_B");
        r.run(200 * MS);
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(2);
    }

    @Test
    void kvFeedbackReachesNinetyPercentAtTheAnalyticInstant() {
        Rig r = Rig.gen();
        int kvId = r.m.trace().find("plant.kv_fb").id();
        java.util.List<long[]> kv = new java.util.ArrayList<>();
        r.m.trace().subscribe(new org.hilrig.timing.trace.ChangeListener() {
            @Override
            public void digital(long t, int id, org.hilrig.timing.trace.Level level) {
            }

            @Override
            public void real(long t, int id, double value) {
                if (id == kvId) {
                    kv.add(new long[] {t, Math.round(value * 1000)});
                }
            }
        });
        r.toExposing();
        r.run(5 * MS);
        long hvOn = r.edge("HV_ENABLE", true, 0);
        // 90 % of 80 kV = 72 kV at tau ln 10 = 500 us * ln 10 / ln 9 = 523.976 us after HV on
        assertThat(kv).anySatisfy(p -> {
            assertThat(p[0]).isEqualTo(hvOn + 523_976);
            assertThat(p[1]).isEqualTo(72_000);
        });
        // and 10 % would be at tau ln(10/9) = 23.976 us: 10-90 % is the profile's 500 us
        assertThat(523_976 - 23_976).isEqualTo(500 * US);
    }

    @Test
    void releasingExposeEndsTheExposureWithinOneMillisecond() {
        Rig r = Rig.gen();
        r.toExposing();
        r.run(20 * MS);
        long release = r.now();
        r.release("EXP_REQ_B");
        r.run(10 * MS); // XOFF comes once the tail has ended, after STATE
        assertThat(r.edge("HV_ENABLE", false, release) - release).isEqualTo(LATENCY);
        assertThat(r.events("XOFF", "end", "HANDSWITCH")).hasSize(1);
    }

    @Test
    void aecStopEndsTheExposureWithinOneHundredMicroseconds() {
        Rig r = Rig.gen();
        r.toExposing();
        r.run(30 * MS);
        long stop = r.now();
        r.press("AEC_STOP");
        r.run(10 * MS);
        assertThat(r.edge("HV_ENABLE", false, stop) - stop).isEqualTo(LATENCY);
        assertThat(r.events("XOFF", "end", "AEC")).hasSize(1);
    }
}
