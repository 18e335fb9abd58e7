package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.device.sim.Rig.MS;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hilrig.device.profile.CommonKeys;
import org.hilrig.device.firmware.SerialCounters;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ReferenceProfiles;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameKind;
import org.hilrig.device.protocol.ReceivedFrame;
import org.junit.jupiter.api.Test;

/**
 * More host input than the board can take, on virtual time: the host end never throws, the board's
 * receive FIFO overruns and counts what it lost, a full transmit buffer drops replies and counts them, and
 * {@code LNK} tells the host all of it.
 */
class SerialOverloadTest {
    /** 'x' is outside any frame: the board ignores it, which keeps the byte counts exact. */
    private static byte[] junk(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    /** A main loop of 2 ms: slower than a 16-byte FIFO fills at 115200 baud when bytes come back to back. */
    private static BoardProfile slowLoop(BoardProfile p) {
        return p.with(CommonKeys.TICK, "2ms");
    }

    private static Rig booted(Rig r) {
        r.run(60 * MS);
        return r;
    }

    private static Map<String, String> lnk(Rig r) {
        Frame reply = r.command("LNK");
        assertThat(reply).as("LNK reply").isNotNull();
        assertThat(reply.kind()).isEqualTo(FrameKind.ACK);
        return reply.values().asMap();
    }

    @Test
    void aHostThatWaitsForTheLineLosesNothingHoweverMuchItSendsInOneWrite() {
        Rig r = booted(Rig.gen());
        r.send(junk(70_000)); // more than the 64 KiB that used to end the run with "host transmit buffer full"
        assertThat(r.m.hostLink().queued()).isEqualTo(70_000);
        r.runUntil(() -> r.m.hostLink().queued() == 0, 70_000 * r.m.hostLink().byteNanos() + MS);

        Map<String, String> counts = lnk(r);

        int lnkBytes = Frame.command(0, "LNK").encode().length;
        assertThat(counts).containsEntry("rx", Integer.toString(70_000 + lnkBytes)).containsEntry("ovr", "0")
                .containsEntry("txdrop", "0").containsEntry("evdrop", "0");
        assertThat(counts.keySet()).containsExactly("rx", "ovr", "txdrop", "evdrop");
        assertThat(r.m.hostLink().lostBytes()).isZero();
        assertThat(r.command("STA").values().text("state")).isEqualTo("STANDBY");
    }

    @Test
    void aHostThatCannotWaitLosesOnlyWhatExceedsItsBufferAndTheBoardAnswersAfterwards() {
        Rig r = booted(Rig.gen());
        HostLink link = r.m.hostLink();

        assertThat(link.offer(junk(70_000))).isEqualTo(HostLink.HOST_BUFFER_BYTES);
        assertThat(link.offer(junk(1_000))).isZero();
        assertThat(link.lostBytes()).isEqualTo(70_000 + 1_000 - HostLink.HOST_BUFFER_BYTES);
        r.run(10 * MS);
        assertThat(link.offer(junk(100))).as("room again once bytes have left").isEqualTo(100);
        r.runUntil(() -> link.queued() == 0, HostLink.HOST_BUFFER_BYTES * link.byteNanos() + MS);

        Map<String, String> counts = lnk(r);

        int lnkBytes = Frame.command(0, "LNK").encode().length;
        assertThat(counts).containsEntry("rx", Integer.toString(HostLink.HOST_BUFFER_BYTES + 100 + lnkBytes))
                .containsEntry("ovr", "0");
    }

    @Test
    void aReceiveFifoSmallerThanOneTicksBytesOverrunsAndCountsEveryByteItCouldNotHold() {
        // 115200 baud brings 23 bytes a 2 ms tick: a 16-byte FIFO must lose 7 of them each tick of a flood
        // (and still takes a lone 13-byte command whole)
        Rig r = booted(Rig.gen(SerialOverloadTest::slowLoop));
        int flood = 2_000;
        r.send(junk(flood));
        r.runUntil(() -> r.m.hostLink().queued() == 0, flood * r.m.hostLink().byteNanos() + MS);
        r.run(2 * MS);
        long ticks = flood * r.m.hostLink().byteNanos() / (2 * MS);

        SerialCounters counters = r.m.serialCounters();
        Map<String, String> counts = lnk(r);

        assertThat(counters.overrunBytes()).isBetween(flood - 16 * (ticks + 2), flood - 16 * (ticks - 2));
        assertThat(counts).containsEntry("ovr", Long.toString(counters.overrunBytes()));
        assertThat(counters.overrunBytes()).isEqualTo(r.m.generator().uart().overruns());
    }

    @Test
    void hundredStaBackToBackAreEachAnsweredOrCountedAsADroppedReply() {
        Rig r = booted(Rig.gen());
        byte[] last = null;
        for (int seq = 0x10; seq < 0x10 + 100; seq++) {
            last = Frame.command(seq, "STA").encode();
            r.send(last);
        }
        r.run(1_000 * MS);
        Set<Integer> answered = new HashSet<>();
        for (ReceivedFrame f : r.fromBoard) {
            if (f.frame().kind() == FrameKind.ACK && f.frame().subject().equals("STA")) {
                assertThat(answered.add(f.frame().seq())).as("one reply per command, seq %02X", f.frame().seq()).isTrue();
            }
        }

        long dropped = r.m.serialCounters().droppedReplies();

        assertThat(answered).isNotEmpty();
        assertThat(dropped).isPositive();
        assertThat(answered.size() + dropped).isEqualTo(100);
        assertThat(Long.parseLong(lnk(r).get("txdrop"))).isEqualTo(dropped);

        // the last command's reply was dropped: the host's retry of the same frame gets the stored one
        int lastSeq = 0x10 + 99;
        assertThat(answered).doesNotContain(lastSeq);
        int before = r.fromBoard.size();
        r.send(last);
        r.run(20 * MS);
        assertThat(r.fromBoard.subList(before, r.fromBoard.size())).anySatisfy(f ->
                assertThat(f.frame().text()).startsWith(String.format("%02X,ACK,STA,", lastSeq)));
    }

    @Test
    void theCountersLnkReportsStartAtZeroAtEveryBoot() {
        Rig r = booted(Rig.gen(SerialOverloadTest::slowLoop));
        r.send(junk(500));
        r.run(100 * MS);
        assertThat(lnk(r).get("ovr")).isNotEqualTo("0");
        long before = r.m.serialCounters().overrunBytes();

        r.m.inject("power_loss", Map.of("length", "100ms"));
        r.run(300 * MS);

        assertThat(r.events("BOOT")).hasSize(2);
        assertThat(lnk(r)).containsEntry("ovr", "0").containsEntry("txdrop", "0");
        assertThat(r.m.serialCounters().overrunBytes()).as("the machine's own count runs on").isEqualTo(before);
    }

    @Test
    void lnkTakesNoArgumentsAndTheTubeControllerAnswersItToo() {
        Rig r = booted(Rig.gen());
        Frame nak = r.command("LNK", "1");
        assertThat(nak.kind()).isEqualTo(FrameKind.NAK);
        assertThat(nak.nakCodeText()).isEqualTo("01");

        Rig tub = booted(new Rig(Machine.builder().genProfile(ReferenceProfiles.gen()).tubProfile(ReferenceProfiles.tub())
                .boardUnderTest(Board.TUB).seed(7).build()));
        assertThat(tub.command("LNK").text()).startsWith("00,ACK,LNK,rx=");
    }
}
