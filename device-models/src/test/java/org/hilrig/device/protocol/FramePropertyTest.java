package org.hilrig.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

class FramePropertyTest {
    private static final long BYTE_NANOS = 87_000L;

    @Property
    void everyValidFrameRoundTripsThroughItsBytes(@ForAll("frames") Frame frame) {
        Recorder out = new Recorder();
        FrameDecoder decoder = new FrameDecoder(out);
        byte[] bytes = frame.encode();
        decoder.accept(bytes, 0, bytes.length, 0);
        assertThat(out.discards()).isEmpty();
        assertThat(out.frames()).hasSize(1);
        assertThat(out.frames().get(0).frame()).isEqualTo(frame);
        assertThat(out.frames().get(0).bytes()).isEqualTo(bytes);
    }

    @Property
    void framesSeparatedByGarbageWithoutStxAllDecodeInOrder(
            @ForAll @Size(min = 1, max = 8) List<@From("frames") Frame> frames,
            @ForAll @Size(max = 8) List<@From("garbage") byte[]> garbage,
            @ForAll @IntRange(max = 10_000) int gapMicros) {
        Recorder out = new Recorder();
        FrameDecoder decoder = new FrameDecoder(out);
        long t = 0;
        long garbageBytes = 0;
        for (int i = 0; i < frames.size(); i++) {
            byte[] g = garbage.isEmpty() ? new byte[0] : garbage.get(i % garbage.size());
            garbageBytes += g.length;
            for (byte b : g) {
                decoder.accept(b, t += gapMicros * 1_000L);
            }
            for (byte b : frames.get(i).encode()) {
                decoder.accept(b, t += gapMicros * 1_000L);
            }
        }
        assertThat(out.frames().stream().map(ReceivedFrame::frame)).containsExactlyElementsOf(frames);
        assertThat(out.reasons()).allMatch(r -> r == DiscardReason.OUTSIDE_FRAME);
        assertThat((long) out.discards().size()).isEqualTo(garbageBytes);
    }

    /**
     * Whatever corruption a stream suffers, the decoder delivers only frames whose bytes are exactly a
     * canonical encoding with a correct CRC, that were received contiguously, and every input byte ends up
     * in exactly one report (or in the open frame at the end).
     */
    @Property(tries = 2000)
    void corruptedStreamsNeverDeliverAFrameThatIsNotExactlyAValidEncoding(
            @ForAll @Size(min = 1, max = 6) List<@From("frames") Frame> frames,
            @ForAll @Size(min = 1, max = 6) List<@From("mutations") Mutation> mutations) {
        List<Timed> stream = new ArrayList<>();
        long t = 0;
        for (Frame f : frames) {
            for (byte b : f.encode()) {
                stream.add(new Timed(b, t += BYTE_NANOS));
            }
        }
        for (Mutation m : mutations) {
            m.applyTo(stream);
        }
        Recorder out = new Recorder();
        FrameDecoder decoder = new FrameDecoder(out);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        long time = 0;
        for (Timed b : stream) {
            time = Math.max(time, b.timeNanos);
            decoder.accept(b.value, time);
            input.write(b.value);
        }
        byte[] in = input.toByteArray();
        long accounted = decoder.bufferedLength();
        for (Decoded d : out.all) {
            accounted += d.bytes().length;
        }
        assertThat(accounted).isEqualTo(in.length);
        for (ReceivedFrame r : out.frames()) {
            byte[] bytes = r.bytes();
            assertThat(r.frame().encode()).isEqualTo(bytes);
            assertThat(bytes.length).isLessThanOrEqualTo(ProtocolV1.MAX_FRAME_BYTES);
            String crcText = new String(bytes, bytes.length - 5, 4, java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(Integer.parseInt(crcText, 16)).isEqualTo(Crc16Ccitt.of(bytes, 1, bytes.length - 6));
            assertThat(indexOf(in, bytes)).isNotNegative();
        }
        // the property is not vacuous: corruption is caught by every rule, and frames still get through
        for (DiscardReason reason : DiscardReason.values()) {
            Statistics.label(reason.name()).collect(decoder.discardCount(reason) > 0);
            Statistics.label(reason.name()).coverage(c -> c.check(true).percentage(p -> p > 0.5));
        }
        Statistics.label("delivered").collect(!out.frames().isEmpty());
        Statistics.label("delivered").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    @Provide
    Arbitrary<Frame> frames() {
        Arbitrary<Integer> seq = Arbitraries.integers().between(0, 255);
        Arbitrary<String> name = Arbitraries.strings().withCharRange('A', 'Z').ofLength(3)
                .filter(n -> !n.equals("ACK") && !n.equals("NAK") && !n.equals("EVT"));
        Arbitrary<String> field = Arbitraries.strings().withCharRange((char) 0x21, (char) 0x7E)
                .excludeChars(',').ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> key = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
        Arbitrary<KeyValues> values = Arbitraries.maps(key, field).ofMaxSize(4).map(m -> {
            KeyValues kv = KeyValues.empty();
            for (var e : m.entrySet()) {
                kv = kv.and(e.getKey(), e.getValue());
            }
            return kv;
        });
        Arbitrary<Frame> commands = Combinators.combine(seq, name, field.list().ofMaxSize(5))
                .as((s, n, f) -> new Frame(s, n, f));
        Arbitrary<Frame> acks = Combinators.combine(seq, name, values).as(Frame::ack);
        Arbitrary<Frame> naks = Combinators.combine(seq, name, Arbitraries.of(NakCode.class)).as(Frame::nak);
        Arbitrary<Frame> events = Combinators.combine(seq, field, values).as(Frame::event);
        return Arbitraries.oneOf(commands, acks, naks, events)
                .ignoreException(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return Arbitraries.bytes().filter(b -> b != ProtocolV1.STX).array(byte[].class).ofMaxSize(10);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(MutationKind.class), Arbitraries.integers().between(0, 10_000),
                Arbitraries.bytes(), Arbitraries.integers().between(0, 7)).as(Mutation::new);
    }

    /** A closed set of ways a serial line corrupts a stream. */
    enum MutationKind { FLIP_BIT, REPLACE, DELETE, INSERT, INSERT_STX, INSERT_ETX, DUPLICATE_RUN, GAP, FLOOD }

    record Timed(byte value, long timeNanos) {
    }

    record Mutation(MutationKind kind, int position, byte value, int bit) {
        void applyTo(List<Timed> s) {
            if (s.isEmpty()) {
                return;
            }
            int i = position % s.size();
            Timed at = s.get(i);
            switch (kind) {
                case FLIP_BIT -> s.set(i, new Timed((byte) (at.value ^ (1 << bit)), at.timeNanos));
                case REPLACE -> s.set(i, new Timed(value, at.timeNanos));
                case DELETE -> s.remove(i);
                case INSERT -> s.add(i, new Timed(value, at.timeNanos));
                case INSERT_STX -> s.add(i, new Timed(ProtocolV1.STX, at.timeNanos));
                case INSERT_ETX -> s.add(i, new Timed(ProtocolV1.ETX, at.timeNanos));
                case DUPLICATE_RUN -> s.addAll(i, new ArrayList<>(s.subList(i, Math.min(s.size(), i + 1 + bit * 4))));
                case GAP -> {
                    for (int j = i; j < s.size(); j++) {
                        s.set(j, new Timed(s.get(j).value, s.get(j).timeNanos + ProtocolV1.MAX_INTER_BYTE_GAP_NANOS
                                + (value & 0xFF)));
                    }
                }
                case FLOOD -> {
                    List<Timed> run = new ArrayList<>();
                    for (int j = 0; j < 100 + (value & 0xFF); j++) {
                        run.add(new Timed((byte) ('a' + j % 26), at.timeNanos));
                    }
                    s.addAll(i, run);
                }
                default -> throw new IllegalStateException(kind.toString());
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return Arrays.hashCode(needle) == 0 ? 0 : -1;
    }
}
