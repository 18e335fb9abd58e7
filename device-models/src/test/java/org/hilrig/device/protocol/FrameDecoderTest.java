package org.hilrig.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hilrig.device.protocol.Recorder.concat;
import static org.hilrig.device.protocol.Recorder.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static final List<String> EXAMPLES = List.of(
            "01,VER,683C",
            "2A,SKV,80.0,B2DF",
            "01,ACK,VER,board=GEN,fw=1.0.0,proto=1,sn=GEN-0001,69F0",
            "07,EVT,XOFF,ms=100.0,mas=25.00,end=TIMER,767B");
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;

    private final Recorder out = new Recorder();
    private final FrameDecoder decoder = new FrameDecoder(out);

    /** Feeds {@code bytes} 87 us apart (one byte time at 115200 baud) from {@code startNanos}. */
    private long feed(byte[] bytes, long startNanos) {
        long t = startNanos;
        for (byte b : bytes) {
            decoder.accept(b, t);
            t += 87 * US;
        }
        return t;
    }

    @Test
    void everyProtocolExampleDecodesAndReencodesToTheSameBytes() {
        long t = 0;
        for (String example : EXAMPLES) {
            t = feed(wire(example), t);
        }
        assertThat(out.frameTexts()).containsExactlyElementsOf(EXAMPLES);
        assertThat(out.discards()).isEmpty();
        for (ReceivedFrame f : out.frames()) {
            assertThat(f.frame().encode()).isEqualTo(f.bytes());
        }
        assertThat(out.frames().get(1).frame()).isEqualTo(Frame.command(0x2A, "SKV", "80.0"));
    }

    @Test
    void aFrameIsStampedWithTheArrivalOfItsStxAndItsEtx() {
        feed(wire("01,VER,683C"), 5 * MS);
        ReceivedFrame f = out.frames().get(0);
        assertThat(f.startNanos()).isEqualTo(5 * MS);
        assertThat(f.endNanos()).isEqualTo(5 * MS + 12 * 87 * US);
    }

    @Test
    void everyExampleStreamSplitAtEveryByteBoundaryDecodesTheSame() {
        byte[] stream = concat(wire(EXAMPLES.get(0)), wire(EXAMPLES.get(1)), wire(EXAMPLES.get(2)),
                wire(EXAMPLES.get(3)));
        for (int split = 0; split <= stream.length; split++) {
            Recorder r = new Recorder();
            FrameDecoder d = new FrameDecoder(r);
            d.accept(stream, 0, split, 1 * MS);
            d.accept(stream, split, stream.length - split, 2 * MS);
            assertThat(r.frameTexts()).as("split at %d", split).containsExactlyElementsOf(EXAMPLES);
            assertThat(r.discards()).as("split at %d", split).isEmpty();
        }
    }

    @Test
    void garbageBeforeAndBetweenFramesIsDiscardedBytewiseAndFramesStillDecode() {
        byte[] garbage = "zz\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] etx = {ProtocolV1.ETX, (byte) 0xFF};
        feed(concat(garbage, wire("01,VER,683C"), etx, wire("2A,SKV,80.0,B2DF"), garbage), 0);
        assertThat(out.frameTexts()).containsExactly("01,VER,683C", "2A,SKV,80.0,B2DF");
        assertThat(out.reasons()).hasSize(10).containsOnly(DiscardReason.OUTSIDE_FRAME);
        assertThat(out.discards().get(0).detail()).isEqualTo("byte 0x7A outside a frame");
        assertThat(out.discards().get(4).bytes()).containsExactly(ProtocolV1.ETX);
    }

    @Test
    void aNewStxDiscardsThePartialFrameAndStartsTheNextOne() {
        byte[] partial = wire("01,VER,683C");
        byte[] cut = java.util.Arrays.copyOf(partial, 6);
        feed(concat(cut, wire("2A,SKV,80.0,B2DF")), 0);
        assertThat(out.frameTexts()).containsExactly("2A,SKV,80.0,B2DF");
        assertThat(out.reasons()).containsExactly(DiscardReason.RESTARTED_BY_STX);
        assertThat(out.discards().get(0).bytes()).isEqualTo(cut);
        assertThat(out.discards().get(0).detail()).isEqualTo("partial frame of 6 bytes cut short by a new STX");
    }

    @Test
    void aGapOfExactlyTenMillisecondsBetweenTwoBytesIsAccepted() {
        byte[] f = wire("01,VER,683C");
        decoder.accept(f, 0, 5, 0);
        decoder.accept(f, 5, f.length - 5, ProtocolV1.MAX_INTER_BYTE_GAP_NANOS);
        assertThat(out.frameTexts()).containsExactly("01,VER,683C");
    }

    @Test
    void aGapOfTenMillisecondsAndOneNanosecondDiscardsThePartialFrame() {
        byte[] f = wire("01,VER,683C");
        decoder.accept(f, 0, 5, 0);
        decoder.accept(f, 5, f.length - 5, ProtocolV1.MAX_INTER_BYTE_GAP_NANOS + 1);
        assertThat(out.frames()).isEmpty();
        assertThat(out.discards().get(0).reason()).isEqualTo(DiscardReason.INTER_BYTE_GAP);
        assertThat(out.discards().get(0).bytes()).hasSize(5);
        assertThat(out.discards().get(0).detail())
                .isEqualTo("gap of 10000001 ns after byte 5 (allowed: at most 10000000 ns between two bytes of a frame)");
        // the rest of the frame, having lost its STX, is outside a frame byte by byte
        assertThat(out.reasons().subList(1, out.reasons().size())).hasSize(f.length - 5)
                .containsOnly(DiscardReason.OUTSIDE_FRAME);
    }

    @Test
    void anStxAfterALongGapStartsAFrameAfterDiscardingTheStaleOne() {
        byte[] f = wire("01,VER,683C");
        decoder.accept(f, 0, 5, 0);
        feed(f, 50 * MS);
        assertThat(out.reasons()).containsExactly(DiscardReason.INTER_BYTE_GAP);
        assertThat(out.frameTexts()).containsExactly("01,VER,683C");
    }

    @Test
    void idleTimeBetweenFramesIsNotAGap() {
        feed(wire("01,VER,683C"), 0);
        feed(wire("2A,SKV,80.0,B2DF"), 10 * 1_000 * MS);
        assertThat(out.frames()).hasSize(2);
        assertThat(out.discards()).isEmpty();
    }

    @Test
    void aFrameOf128BytesIsAcceptedAndOneOf129IsDiscardedAsOverlong() {
        byte[] max = Frame.command(0x10, "ABC", "x".repeat(114)).encode();
        assertThat(max).hasSize(128);
        feed(max, 0);
        assertThat(out.frames()).hasSize(1);

        byte[] tooLong = wire("11,ABC," + "x".repeat(115) + ",0000");
        assertThat(tooLong).hasSize(129);
        feed(concat(tooLong, wire("01,VER,683C")), 1_000 * MS);
        assertThat(out.frames()).hasSize(2);
        assertThat(out.frameTexts().get(1)).isEqualTo("01,VER,683C");
        DiscardedInput overlong = out.discards().get(0);
        assertThat(overlong.reason()).isEqualTo(DiscardReason.OVERLONG);
        assertThat(overlong.bytes()).isEqualTo(java.util.Arrays.copyOf(tooLong, 128));
        assertThat(overlong.detail()).isEqualTo("no ETX within 128 bytes (allowed: at most 128 bytes, STX and ETX included)");
        // the 129th byte (the ETX) is outside a frame
        assertThat(out.reasons()).containsExactly(DiscardReason.OVERLONG, DiscardReason.OUTSIDE_FRAME);
    }

    @Test
    void aMuchLongerRunWithoutEtxIsOneOverlongThenOutsideBytes() {
        byte[] stx = {ProtocolV1.STX};
        feed(concat(stx, "A".repeat(300).getBytes(StandardCharsets.US_ASCII)), 0);
        assertThat(out.reasons().get(0)).isEqualTo(DiscardReason.OVERLONG);
        assertThat(decoder.discardCount(DiscardReason.OVERLONG)).isEqualTo(1);
        assertThat(decoder.discardCount(DiscardReason.OUTSIDE_FRAME)).isEqualTo(301 - 128);
    }

    @Test
    void aFrameWithAWrongCrcIsCountedAndNeverDelivered() {
        feed(concat(wire("01,VER,683D"), wire("2A,SKV,81.0,B2DF"), wire("01,VER,683C")), 0);
        assertThat(out.frameTexts()).containsExactly("01,VER,683C");
        assertThat(out.reasons()).containsExactly(DiscardReason.CRC_ERROR, DiscardReason.CRC_ERROR);
        assertThat(decoder.crcErrorCount()).isEqualTo(2);
        assertThat(out.discards().get(0).detail()).isEqualTo("crc 683D sent, 683C computed");
    }

    @Test
    void contentBreakingTheGrammarWithAGoodCrcIsMalformed() {
        feed(concat(
                wire(withCrc("1a,VER,")),
                wire(withCrc("01,Ver,")),
                wire(withCrc("01,VER,,")),
                wire(withCrc("01,ACK,")),
                wire(withCrc("01,SKV,8 0,")),
                wire("01,VER,683c"),
                wire("683C"),
                new byte[] {ProtocolV1.STX, ProtocolV1.ETX}), 0);
        assertThat(out.frames()).isEmpty();
        assertThat(out.reasons()).containsOnly(DiscardReason.MALFORMED).hasSize(8);
        assertThat(out.discards().stream().map(DiscardedInput::detail)).containsExactly(
                "seq '1a' is not 2 uppercase hex digits",
                "name 'Ver' is not 3 uppercase letters",
                "field 1 is empty (allowed: 1 or more printable ASCII characters except ',')",
                "ACK without the command it answers (allowed: seq,ACK,CMD,...)",
                "byte 0x20 at frame offset 9 (STX is 0), allowed: printable ASCII 0x21..0x7E",
                "no ',crc' of 4 uppercase hex digits before ETX",
                "no ',crc' of 4 uppercase hex digits before ETX",
                "no ',crc' of 4 uppercase hex digits before ETX");
        assertThat(decoder.crcErrorCount()).isZero();
    }

    @Test
    void timeGoingBackwardsIsRefused() {
        decoder.accept(ProtocolV1.STX, 10);
        assertThatThrownBy(() -> decoder.accept((byte) '0', 9))
                .hasMessage("byte time 9 ns is before the previous byte's 10 ns (times must not decrease)");
    }

    @Test
    void countersTrackFramesAndDiscards() {
        feed(concat(wire("01,VER,683C"), new byte[] {'x'}, wire("01,VER,0000")), 0);
        assertThat(decoder.frameCount()).isEqualTo(1);
        assertThat(decoder.discardCount(DiscardReason.OUTSIDE_FRAME)).isEqualTo(1);
        assertThat(decoder.crcErrorCount()).isEqualTo(1);
        assertThat(decoder.inFrame()).isFalse();
    }

    /** Appends the right CRC to {@code body} (which ends with the comma before the crc). */
    static String withCrc(String body) {
        return body + String.format("%04X", Crc16Ccitt.of(body.getBytes(StandardCharsets.US_ASCII)));
    }
}
