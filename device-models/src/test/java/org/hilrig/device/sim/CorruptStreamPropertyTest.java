package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.device.sim.Rig.MS;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.FrameKind;
import org.hilrig.device.protocol.ReceivedFrame;

/**
 * Random and mutated byte streams never make the emulated GEN act on a corrupt frame: every reply it
 * sends answers a frame that was valid as it crossed the wire (decoded by an independent receiver fed the
 * same bytes at the same times), and every technique it accepts is one that a valid frame asked for.
 */
class CorruptStreamPropertyTest {
    /** One step of a stream: a valid command, possibly mutated, or raw noise. */
    record Piece(Frame command, int mutation, int position, int value, byte[] noise) {
        byte[] bytes() {
            if (noise != null) {
                return noise;
            }
            byte[] b = command.encode();
            int p = position % b.length;
            return switch (mutation) {
                case 0 -> b;
                case 1 -> { // flip one bit
                    b[p] ^= (byte) (1 << (value & 7));
                    yield b;
                }
                case 2 -> { // drop one byte
                    byte[] out = new byte[b.length - 1];
                    System.arraycopy(b, 0, out, 0, p);
                    System.arraycopy(b, p + 1, out, p, b.length - p - 1);
                    yield out;
                }
                case 3 -> { // insert one byte
                    byte[] out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, p);
                    out[p] = (byte) value;
                    System.arraycopy(b, p, out, p + 1, b.length - p);
                    yield out;
                }
                default -> { // replace one byte
                    b[p] = (byte) value;
                    yield b;
                }
            };
        }
    }

    @Provide
    Arbitrary<List<Piece>> streams() {
        Arbitrary<Frame> commands = Arbitraries.oneOf(
                Arbitraries.integers().between(30, 160).map(kv -> Frame.command(0, "SKV", Integer.toString(kv))),
                Arbitraries.integers().between(5, 1100).map(ma -> Frame.command(0, "SMA", Integer.toString(ma))),
                Arbitraries.of("STA", "HBT", "VER", "FLT", "ABT").map(c -> Frame.command(0, c)),
                Arbitraries.of("LOCAL", "REMOTE").map(m -> Frame.command(0, "MOD", m)),
                Arbitraries.of("0", "1").map(v -> Frame.command(0, "PRP", v)));
        Arbitrary<Piece> mutated = Combinators.combine(commands, Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 255))
                .as((c, seq, mutation, pos, val) -> new Piece(new Frame(seq, c.name(), c.fields()), mutation, pos, val, null));
        Arbitrary<Piece> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40)
                .map(b -> new Piece(null, 0, 0, 0, b));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, mutated), net.jqwik.api.Tuple.of(1, noise))
                .list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 100)
    void theBoardOnlyEverAnswersFramesThatWereValidOnTheWire(@ForAll("streams") List<Piece> stream) {
        Rig r = Rig.gen();
        r.run(60 * MS);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Piece p : stream) {
            all.writeBytes(p.bytes());
        }
        List<Frame> valid = new ArrayList<>();
        FrameDecoder reference = new FrameDecoder(new DecodeListener() {
            @Override
            public void frame(ReceivedFrame f) {
                valid.add(f.frame());
            }

            @Override
            public void discarded(DiscardedInput d) {
            }
        });
        r.m.hostLink().onReceive((t, b) -> { });
        byte[] bytes = all.toByteArray();
        long start = r.now();
        long byteNanos = r.m.hostLink().byteNanos();
        for (int i = 0; i < bytes.length; i++) {
            reference.accept(bytes[i], start + (i + 1) * byteNanos);
        }
        r.send(bytes);
        r.run(bytes.length * byteNanos + 50 * MS);

        for (ReceivedFrame reply : r.fromBoard) {
            Frame f = reply.frame();
            if (f.kind() == FrameKind.EVENT) {
                continue;
            }
            assertThat(valid).as("reply %s answers a valid frame", f)
                    .anySatisfy(v -> {
                        assertThat(v.seq()).isEqualTo(f.seq());
                        assertThat(v.name()).isEqualTo(f.subject());
                    });
            if (f.kind() == FrameKind.ACK && f.subject().equals("SKV")) {
                String kv = f.values().text("kv");
                assertThat(valid).anySatisfy(v -> {
                    assertThat(v.name()).isEqualTo("SKV");
                    assertThat(Double.parseDouble(v.fields().get(0))).isEqualTo(Double.parseDouble(kv));
                });
            }
        }
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isZero();
        assertThat(r.m.generator().crcErrors()).isEqualTo(reference.crcErrorCount());
    }
}
