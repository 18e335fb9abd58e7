package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.device.sim.Rig.MS;

import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.firmware.GenState;
import org.hilrig.device.firmware.TubFault;
import org.hilrig.device.firmware.TubState;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.ReferenceProfiles;
import org.hilrig.device.protocol.Frame;
import org.junit.jupiter.api.Test;

/** The emulated tube controller: alone under test (rig drives ROTOR_START), and behind an emulated GEN. */
class TubeControllerTest {
    private static Rig tub() {
        return new Rig(Machine.builder().genProfile(ReferenceProfiles.gen()).tubProfile(ReferenceProfiles.tub())
                .boardUnderTest(Board.TUB).seed(3).build());
    }

    @Test
    void startsTheAnodeAndReportsReadyWithinTheOneMillisecondLoop() {
        Rig r = tub();
        r.run(60 * MS);
        assertThat(r.command("VER").text()).startsWith("00,ACK,VER,board=TUB,fw=1.0.0,proto=1,sn=TUB-0001,build=9b03d22,");
        long start = r.now();
        r.m.drive("ROTOR_START", true);
        r.run(2_000 * MS);
        long ready = r.edge("ROTOR_READY", true, start);
        // 95 % of 9000 rpm after 1.14 s, seen on the next 1 ms tick
        assertThat(ready - start).isBetween(1_140 * MS, 1_141 * MS + MS);
        assertThat(r.m.tube().state()).isEqualTo(TubState.AT_SPEED);
        Frame sta = r.command("STA");
        assertThat(sta.values().asMap()).containsEntry("state", "AT_SPEED").containsEntry("target", "9000")
                .containsEntry("starts", "1").containsEntry("crcerr", "0");
        assertThat(sta.values().asMap().keySet()).containsExactly("state", "rpm", "target", "anode_c", "housing_c", "starts", "crcerr");
        assertThat(r.command("SRS", "LOW").nakCodeText()).isEqualTo("04");
        r.m.drive("ROTOR_START", false);
        r.run(5_000 * MS);
        assertThat(r.m.tube().state()).isEqualTo(TubState.STOPPED);
        assertThat(r.command("SRS", "LOW").values().text("target")).isEqualTo("3000");
        assertThat(r.command("SRS", "MEDIUM").nakCodeText()).isEqualTo("03");
        assertThat(r.command("XYZ").nakCodeText()).isEqualTo("02");
    }

    @Test
    void lowSpeedIsReachedInAThirdOfTheTime() {
        Rig r = tub();
        r.run(60 * MS);
        assertThat(r.command("SRS", "LOW").values().text("target")).isEqualTo("3000");
        long start = r.now();
        r.m.drive("ROTOR_START", true);
        r.run(1_000 * MS);
        // 95 % of 3000 rpm at 9000 rpm per 1.2 s: 380 ms, seen on the next tick
        assertThat(r.edge("ROTOR_READY", true, start) - start).isBetween(380 * MS, 382 * MS);
        assertThat(r.m.analog("ROTOR_RPM").value()).isEqualTo(3000.0);
    }

    @Test
    void aStallAPhaseLossAndTheStartRateLimitEachLatchTheirFault() {
        Rig stall = tub();
        stall.run(60 * MS);
        stall.m.drive("ROTOR_START", true);
        stall.run(1_500 * MS);
        stall.m.inject("rotor_stall");
        stall.run(200 * MS);
        assertThat(stall.m.tube().faults()).containsExactly(TubFault.T01);
        assertThat(stall.isHigh("TUB_FAULT")).isTrue();
        assertThat(stall.events("FAULT", "code", "T01")).hasSize(1);

        Rig phase = tub();
        phase.run(60 * MS);
        phase.m.drive("ROTOR_START", true);
        phase.run(1_500 * MS);
        phase.m.inject("phase_loss");
        phase.run(5 * MS);
        assertThat(phase.m.tube().faults()).containsExactly(TubFault.T02);
        assertThat(phase.command("RST").nakCodeText()).as("phase still lost").isEqualTo("09");
        phase.m.inject("rotor_repair");
        phase.run(MS);
        assertThat(phase.command("RST").values().text("flt")).isEqualTo("0");

        Rig rate = tub();
        rate.run(60 * MS);
        for (int i = 0; i < 3; i++) {
            rate.m.drive("ROTOR_START", true);
            rate.run(100 * MS);
            rate.m.drive("ROTOR_START", false);
            rate.run(100 * MS);
        }
        assertThat(rate.m.tube().faults()).containsExactly(TubFault.T03);
    }

    @Test
    void anOverheatedAnodeLatchesT04() {
        Rig r = tub();
        r.run(60 * MS);
        r.m.inject("tube_overheat", java.util.Map.of("joules", "2000000"));
        r.run(100 * MS); // temperatures are sampled every 100 ms
        assertThat(r.m.tube().faults()).containsExactly(TubFault.T04);
        assertThat(r.command("FLT").values().text("list")).isEqualTo("T04");
    }

    @Test
    void theGeneratorExposesWithAnEmulatedTubeController() {
        Rig r = new Rig(Machine.builder().genProfile(ReferenceProfiles.gen().with(GeneratorKeys.BOUNCE_MAX, "0ns"))
                .tubProfile(ReferenceProfiles.tub()).boardUnderTest(Board.GEN).emulateOtherBoard(true).seed(3).build());
        r.toExposing();
        r.run(200 * MS);
        assertThat(r.m.tube()).isNotNull();
        assertThat(r.events("XOFF", "end", "TIMER")).hasSize(1);
        assertThat(r.m.generator().state()).isEqualTo(GenState.READY);
        assertThat(r.isHigh("tub.rotor_drive")).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameTraceToTheByte() {
        String[] hashes = new String[2];
        for (int i = 0; i < 2; i++) {
            Machine m = Machine.builder().genProfile(ReferenceProfiles.gen()).tubProfile(ReferenceProfiles.tub()).seed(42).build();
            m.runFor(60 * MS);
            m.drive("PREP_REQ", true);
            m.runFor(2_000 * MS);
            m.drive("EXP_REQ_A", true);
            m.drive("EXP_REQ_B", true);
            m.inject("arc_burst", java.util.Map.of("arcs", "2", "when", "XRAY_ON"));
            m.hostLink().send(Frame.command(1, "STA").encode());
            m.runFor(500 * MS);
            m.trace().end(m.scheduler().nowNanos());
            hashes[i] = m.trace().sha256Hex();
        }
        assertThat(hashes[0]).isEqualTo(hashes[1]);
    }

    @Test
    void aBlockedMainLoopOverrunsTheReceiveFifoAndTheFrameIsLost() {
        Rig r = Rig.gen();
        r.run(60 * MS);
        r.m.inject("firmware_hang", java.util.Map.of("length", "20ms"));
        int before = r.fromBoard.size();
        r.send(Frame.command(0x33, "SKV", "123.4").encode());
        r.run(40 * MS);
        assertThat(r.fromBoard).hasSize(before);
        assertThat(r.m.generator().uart().overruns()).isPositive();
        assertThat(r.command("STA").values().text("kv")).isEqualTo("80.0");
    }
}
