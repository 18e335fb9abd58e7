package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.device.sim.Rig.MS;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Arrays;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.firmware.GenState;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.ReceivedFrame;
import org.junit.jupiter.api.Test;

/** Protocol v1 conformance of the emulated GEN, through byte streams on its UART at 115200 baud. */
class GenProtocolTest {
    private static Rig booted() {
        Rig r = Rig.gen();
        r.run(60 * MS);
        return r;
    }

    private static String nak(Frame f) {
        assertThat(f.kind()).as("reply %s", f).isEqualTo(org.hilrig.device.protocol.FrameKind.NAK);
        return f.nakCodeText();
    }

    @Test
    void verAndStaReportIdentityAndState() {
        Rig r = booted();
        assertThat(r.command("VER").text()).startsWith("00,ACK,VER,board=GEN,fw=1.0.0,proto=1,sn=GEN-0001,build=5e1a7c0,");
        Frame sta = r.command("STA");
        assertThat(sta.values().asMap()).containsEntry("state", "STANDBY").containsEntry("mode", "LOCAL")
                .containsEntry("kv", "80.0").containsEntry("ma", "250.0").containsEntry("ms", "100.0")
                .containsEntry("ilk", "0").containsEntry("flt", "0").containsEntry("anode", "0").containsEntry("crcerr", "0");
        assertThat(sta.values().asMap().keySet()).containsExactly("state", "mode", "kv", "ma", "ms", "ilk", "flt", "anode", "crcerr");
    }

    @Test
    void everyReplyStartsWithinFiveMillisecondsOfTheCommandsEtx() {
        Rig r = booted();
        for (String c : new String[] {"VER", "STA", "HBT", "FLT", "HEA", "LXP", "XYZ"}) {
            int before = r.fromBoard.size();
            long sent = r.now();
            r.command(c);
            ReceivedFrame reply = r.fromBoard.get(r.fromBoard.size() - 1);
            assertThat(r.fromBoard.size()).isGreaterThan(before);
            long commandBytes = Frame.command(0, c).encode().length;
            long etx = sent + commandBytes * r.m.hostLink().byteNanos();
            long replyStx = reply.startNanos() - r.m.hostLink().byteNanos();
            assertThat(replyStx - etx).as(c).isLessThanOrEqualTo(5 * MS);
        }
    }

    @Test
    void aReplyOvertakesQueuedEventsSoItStillStartsWithinFiveMilliseconds() {
        Rig r = Rig.gen();
        r.toReady();
        r.press("EXP_REQ_A", "EXP_REQ_B");
        r.run(600 * Rig.US); // exposure starts: STATE and XON events are queued
        long sent = r.now();
        Frame reply = r.command("STA");
        ReceivedFrame received = r.fromBoard.stream().filter(f -> f.frame().equals(reply)).findFirst().orElseThrow();
        long etx = sent + Frame.command(0, "STA").encode().length * r.m.hostLink().byteNanos();
        assertThat(received.startNanos() - r.m.hostLink().byteNanos() - etx).isLessThanOrEqualTo(5 * MS);
        assertThat(reply.values().text("state")).isEqualTo("EXPOSING");
        // the events still all arrive, in counter order
        r.run(20 * MS);
        assertThat(r.events("XON")).hasSize(1);
    }

    @Test
    void techniqueCommandsCheckRangePowerHeatAndState() {
        Rig r = booted();
        assertThat(r.command("SKV", "90.5").text()).startsWith("00,ACK,SKV,kv=90.5,");
        assertThat(nak(r.command("SKV", "150.1"))).isEqualTo("03");
        assertThat(nak(r.command("SKV", "39.9"))).isEqualTo("03");
        assertThat(nak(r.command("SKV", "abc"))).isEqualTo("01");
        assertThat(nak(r.command("SKV"))).isEqualTo("01");
        assertThat(nak(r.command("SKV", "80", "1"))).isEqualTo("01");
        assertThat(r.command("SMA", "800").kind().name()).isEqualTo("ACK");
        assertThat(nak(r.command("SKV", "120"))).as("120 kV x 800 mA = 96 kW").isEqualTo("03");
        assertThat(nak(r.command("SMA", "1001"))).isEqualTo("03");
        assertThat(nak(r.command("SMA", "9"))).isEqualTo("03");
        // 640 mAs: over the AEC backup's 600 mAs, but a manual technique is limited by power and heat only
        // (90.5 kV x 640 mAs x 1.4 = 81.1 kHU of a 350 kHU anode)
        assertThat(r.command("SMS", "800").text()).contains("ACK,SMS,ms=800.0");
        // 90.5 kV x 800 mA x 5 s x 1.4 = 506.8 kHU: beyond the anode even cold
        assertThat(nak(r.command("SMS", "5000"))).isEqualTo("03");
        assertThat(r.command("SMS", "750").text()).contains("ACK,SMS,ms=750.0");
        assertThat(nak(r.command("SMS", "0.5"))).isEqualTo("03");
        assertThat(nak(r.command("SMS", "6001"))).isEqualTo("03");
        r.toReady();
        assertThat(nak(r.command("SKV", "70"))).isEqualTo("04");
        assertThat(nak(r.command("MOD", "REMOTE"))).isEqualTo("04");
        assertThat(r.command("STA").values().text("kv")).isEqualTo("90.5");
    }

    @Test
    void remoteCommandsNeedRemoteModeAndPermissives() {
        Rig r = booted();
        assertThat(nak(r.command("PRP", "1"))).isEqualTo("08");
        assertThat(nak(r.command("EXP", "1"))).isEqualTo("08");
        assertThat(nak(r.command("MOD", "FAST"))).isEqualTo("03");
        assertThat(nak(r.command("MOD"))).isEqualTo("01");
        assertThat(r.command("MOD", "REMOTE").values().text("mode")).isEqualTo("REMOTE");
        assertThat(nak(r.command("PRP", "2"))).isEqualTo("03");
        assertThat(nak(r.command("PRP", "on"))).isEqualTo("01");
        assertThat(nak(r.command("EXP", "1"))).isEqualTo("04");
        r.m.inject("door_open");
        r.run(MS);
        assertThat(nak(r.command("PRP", "1"))).isEqualTo("05");
        assertThat(r.command("STA").values().text("ilk")).isEqualTo("1");
        r.m.inject("door_close");
        r.m.inject("estop_press");
        r.run(MS);
        assertThat(nak(r.command("PRP", "1"))).isEqualTo("09");
        assertThat(r.command("STA").values().text("ilk")).isEqualTo("2");
        assertThat(nak(r.command("RST"))).as("e-stop still pressed").isEqualTo("09");
        r.m.inject("estop_release");
        r.run(MS);
        assertThat(r.command("RST").text()).contains("ACK,RST,flt=0");
        assertThat(r.events("CLEAR", "code", "F02")).hasSize(1);
        assertThat(r.command("PRP", "1").values().text("state")).isEqualTo("PREP");
        r.runUntil(() -> r.isHigh("READY"), 2 * 1000 * MS);
        assertThat(nak(r.command("EXP", "1"))).as("host watchdog off").isEqualTo("04");
        assertThat(r.command("WDG", "1000").values().text("wdg")).isEqualTo("1000");
        assertThat(r.command("EXP", "1").values().text("state")).isEqualTo("EXPOSING");
        r.run(200 * MS);
        assertThat(r.events("XOFF", "end", "TIMER")).hasSize(1);
        Frame lxp = r.command("LXP");
        // what the dose meter measured: kVp 80.0, 250 mA as the 12-bit ADC reads it (0.37 mA a code), the loading time
        // 100 ms + the 0.09 ms tail, the mAs with the current of the rise and of the tail
        assertThat(lxp.values().asMap()).containsEntry("kv", "80.0").containsEntry("ma", "250.2")
                .containsEntry("ms", "100.1").containsEntry("arcs", "0").containsEntry("end", "TIMER");
        assertThat(Double.parseDouble(lxp.values().text("mas"))).isBetween(25.0, 25.25);
        assertThat(r.command("ABT").values().text("state")).isEqualTo("STANDBY");
    }

    @Test
    void aTechniqueChangeDuringTheDecayTailIsBusy() {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.DEFAULT_MA, "10")); // 3.8 ms of tail at 10 mA without the discharge
        r.m.inject("discharge_open", Map.of());
        r.toExposing();
        r.run(20 * MS);
        r.release("EXP_REQ_A", "EXP_REQ_B", "PREP_REQ");
        assertThat(nak(r.command("SKV", "70"))).isEqualTo("07");
        r.run(10 * MS);
        assertThat(r.command("SKV", "70").text()).contains("ACK,SKV,kv=70.0");
    }

    @Test
    void heatInhibitRefusesPrepWithSix() {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.ANODE_CAPACITY_KHU, "2"));
        r.run(60 * MS);
        r.command("MOD", "REMOTE");
        // 80 kV x 250 mA x 0.1 s x 1.4 = 2800 HU > 2000 HU
        assertThat(nak(r.command("PRP", "1"))).isEqualTo("06");
        Frame hea = r.command("HEA");
        assertThat(hea.values().asMap()).containsEntry("anode", "0").containsEntry("housing", "OK").containsEntry("wait_s", "-1");
    }

    @Test
    void heatFromExposuresAccumulatesUntilPrepIsRefusedThenCoolsDown() {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.ANODE_CAPACITY_KHU, "5"));
        r.run(60 * MS);
        r.command("MOD", "REMOTE");
        r.command("WDG", "10000");
        int exposures = 0;
        while (r.command("PRP", "1").kind().name().equals("ACK")) {
            r.runUntil(() -> r.isHigh("READY"), 2_000 * MS);
            r.command("EXP", "1");
            r.run(150 * MS);
            r.command("PRP", "0");
            exposures++;
        }
        // 2800 HU each into 5 kHU, cooling at most 60 kHU/min (time constant 5 kHU / 60 kHU/min = 5 s): the second
        // fits once 2200 HU are left, 5 s x ln(2800 / 2200) = 1.21 s after the first (a linear 1 kHU/s: 0.6 s)
        assertThat(exposures).isEqualTo(1);
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(1);
        Frame hea = r.command("HEA");
        assertThat(Integer.parseInt(hea.values().text("anode"))).isBetween(54, 56);
        assertThat(hea.values().text("wait_s")).isEqualTo("2");
        r.run(1_000 * MS);
        assertThat(nak(r.command("PRP", "1"))).isEqualTo("06");
        r.run(300 * MS);
        assertThat(r.command("PRP", "1").kind().name()).isEqualTo("ACK");
    }

    @Test
    void switchingTheHostWatchdogOffEndsARemoteExposureButNotAHandswitchOne() {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.DEFAULT_MS, "1000"));
        r.run(60 * MS);
        r.command("MOD", "REMOTE");
        r.command("WDG", "2000");
        r.command("PRP", "1");
        r.runUntil(() -> r.isHigh("READY"), 2_000 * MS);
        r.command("EXP", "1");
        r.run(100 * MS);
        assertThat(r.isHigh("HV_ENABLE")).isTrue();
        assertThat(r.command("WDG", "0").values().text("wdg")).isEqualTo("0");
        assertThat(r.isHigh("HV_ENABLE")).isFalse();
        r.run(10 * MS); // XOFF comes once the tail has ended, after STATE
        assertThat(r.events("XOFF", "end", "HANDSWITCH")).hasSize(1);
        assertThat(r.m.generator().state()).isEqualTo(GenState.READY);

        Rig hand = Rig.gen(p -> p.with(GeneratorKeys.DEFAULT_MS, "1000"));
        hand.run(60 * MS);
        hand.command("MOD", "REMOTE");
        hand.toExposing();
        assertThat(hand.command("WDG", "0").values().text("wdg")).isEqualTo("0");
        hand.run(10 * MS);
        assertThat(hand.isHigh("HV_ENABLE")).as("the operator holds the handswitch").isTrue();
    }

    @Test
    void watchdogHeartbeatFaultListAndUnknownCommands() {
        Rig r = booted();
        assertThat(nak(r.command("WDG", "50"))).isEqualTo("03");
        assertThat(nak(r.command("WDG", "10001"))).isEqualTo("03");
        assertThat(nak(r.command("WDG", "x"))).isEqualTo("01");
        assertThat(r.command("WDG", "0").values().text("wdg")).isEqualTo("0");
        assertThat(r.command("WDG", "200").values().text("wdg")).isEqualTo("200");
        assertThat(r.command("HBT").text()).startsWith("05,ACK,HBT,");
        assertThat(r.command("FLT").values().text("list")).isEqualTo("none");
        assertThat(nak(r.command("XYZ"))).isEqualTo("02");
        assertThat(nak(r.command("HBT", "1"))).isEqualTo("01");
        r.run(250 * MS); // no frame for 200 ms: host comms lost
        assertThat(r.events("FAULT", "code", "F12")).hasSize(1);
        assertThat(r.command("FLT").values().text("list")).isEqualTo("F12");
    }

    @Test
    void aFrameWithAWrongCrcIsCountedAndNeverActedOn() {
        Rig r = booted();
        r.command("MOD", "REMOTE");
        byte[] bad = Frame.command(0x10, "SKV", "100").encode();
        bad[bad.length - 2] ^= 0x01;
        int before = r.fromBoard.size();
        r.send(bad);
        r.run(20 * MS);
        assertThat(r.fromBoard).hasSize(before);
        Frame sta = r.command("STA");
        assertThat(sta.values().text("crcerr")).isEqualTo("1");
        assertThat(sta.values().text("kv")).isEqualTo("80.0");
    }

    @Test
    void garbageAndPartialFramesBeforeAnStxAreDroppedAndTheNextFrameIsAnswered() {
        Rig r = booted();
        byte[] valid = Frame.command(0x21, "SKV", "70").encode();
        byte[] garbage = "xx\u0003,,SKV,99".getBytes(StandardCharsets.US_ASCII);
        byte[] partial = Arrays.copyOf(Frame.command(0x20, "SKV", "99").encode(), 8);
        r.send(garbage);
        r.send(partial);
        r.send(valid);
        r.run(20 * MS);
        assertThat(r.fromBoard.get(r.fromBoard.size() - 1).frame().text()).startsWith("21,ACK,SKV,kv=70.0,");
        assertThat(r.fromBoard.stream().filter(f -> f.frame().seq() == 0x20 && f.frame().kind().name().equals("ACK"))).isEmpty();
    }

    @Test
    void anOverlongFrameIsDiscardedWhole() {
        Rig r = booted();
        byte[] longFrame = new byte[140];
        Arrays.fill(longFrame, (byte) 'A');
        longFrame[0] = 2;
        byte[] tail = Frame.command(0x30, "SKV", "60").encode();
        System.arraycopy(tail, 1, longFrame, longFrame.length - tail.length + 1, tail.length - 1);
        int before = r.fromBoard.size();
        r.send(longFrame);
        r.run(30 * MS);
        assertThat(r.fromBoard).hasSize(before);
        assertThat(r.command("STA").values().text("kv")).isEqualTo("80.0");
    }

    @Test
    void aGapOfMoreThanTenMillisecondsInsideAFrameDiscardsIt() {
        Rig r = booted();
        byte[] f = Frame.command(0x40, "SKV", "60").encode();
        int before = r.fromBoard.size();
        r.send(Arrays.copyOf(f, 6));
        r.run(11 * MS);
        r.send(Arrays.copyOfRange(f, 6, f.length));
        r.run(20 * MS);
        assertThat(r.fromBoard).hasSize(before);
        byte[] g = Frame.command(0x41, "SKV", "61").encode();
        r.send(Arrays.copyOf(g, 6));
        r.run(9 * MS);
        r.send(Arrays.copyOfRange(g, 6, g.length));
        r.run(20 * MS);
        assertThat(r.fromBoard.get(r.fromBoard.size() - 1).frame().text()).startsWith("41,ACK,SKV,kv=61.0,");
    }

    @Test
    void aDuplicateCommandIsAnsweredWithThePreviousReplyWithoutRunningAgain() {
        Rig r = booted();
        byte[] sta = Frame.command(0x50, "STA").encode();
        r.send(sta);
        r.run(20 * MS);
        Frame first = r.fromBoard.get(r.fromBoard.size() - 1).frame();
        byte[] bad = Frame.command(0x51, "HBT").encode();
        bad[3] = '9'; // crc now wrong: counted, so a fresh STA would say crcerr=1
        r.send(bad);
        r.send(sta);
        r.run(20 * MS);
        Frame again = r.fromBoard.get(r.fromBoard.size() - 1).frame();
        assertThat(again).isEqualTo(first);
        assertThat(again.values().text("crcerr")).isEqualTo("0");
        assertThat(r.command("STA").values().text("crcerr")).isEqualTo("1");
    }

    @Test
    void eventCountersStartAtZeroIncrementByOneAndWrap() {
        Rig r = booted();
        r.command("MOD", "REMOTE");
        for (int i = 0; i < 140; i++) {
            r.command("PRP", "1");
            r.command("PRP", "0");
        }
        int expected = 0;
        for (ReceivedFrame f : r.fromBoard) {
            if (f.frame().kind().name().equals("EVENT")) {
                assertThat(f.frame().seq()).isEqualTo(expected);
                expected = (expected + 1) & 0xFF;
            }
        }
        assertThat(r.events("STATE").size()).isGreaterThan(256);
        assertThat(r.m.generator().state()).isEqualTo(GenState.STANDBY);
    }
}
