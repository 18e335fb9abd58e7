package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.trace.Trace;

/** Whatever bytes arrive, in whatever chunks, the reader answers with changes or a BadInputException. */
class VcdReaderRobustnessTest {
    private static final byte[] SAMPLE = """
            $date today $end
            $timescale 10 ps $end
            $scope module tb $end
            $var wire 1 ! door_closed $end
            $var reg 8 " status [7:0] $end
            $var real 64 # kv $end
            $scope module u1 $end
            $var wire 1 ! door_in $end
            $var string 1 $ state $end
            $upscope $end
            $upscope $end
            $enddefinitions $end
            #0
            $dumpvars 1! b101 " r0 # sIDLE $ $end
            #500000 0! b11110000 " r79.9 # sRUN $
            #500001 x! bz " rnan #
            $comment all done $end
            #600000 z!
            """.getBytes(StandardCharsets.UTF_8);

    @Property(tries = 2000)
    void arbitraryBytesRaiseNothingButBadInput(@ForAll @Size(max = 300) byte[] bytes) {
        readExpectingOnlyBadInput(bytes);
    }

    @Property(tries = 2000)
    void vcdLikeTokenSoupRaisesNothingButBadInput(@ForAll("tokenSoup") String text) {
        readExpectingOnlyBadInput(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 1000)
    void aSampleWithOneByteChangedRaisesNothingButBadInput(@ForAll @IntRange(max = 10_000) int position,
            @ForAll byte value) {
        byte[] bytes = SAMPLE.clone();
        bytes[position % bytes.length] = value;
        readExpectingOnlyBadInput(bytes);
    }

    @Example
    void everyTruncationOfASampleRaisesNothingButBadInput() {
        for (int length = 0; length <= SAMPLE.length; length++) {
            readExpectingOnlyBadInput(Arrays.copyOf(SAMPLE, length));
        }
    }

    @Property(tries = 200)
    void readingInTinyChunksGivesWhatReadingAtOnceGives(@ForAll @IntRange(min = 1, max = 7) int maxChunk,
            @ForAll long seed) {
        ChangeLog whole = new ChangeLog();
        VcdReader.read(new ByteArrayInputStream(SAMPLE), "t.vcd", whole);
        ChangeLog chunked = new ChangeLog();
        VcdReader.read(new Trickle(SAMPLE, maxChunk, seed), "t.vcd", chunked);

        assertThat(chunked.lines).isEqualTo(whole.lines).hasSize(15);
    }

    @Example
    void aVectorWiderThanTheReadBufferCrossesBufferBoundariesIntact() {
        int width = 300_000;
        String ones = "1".repeat(width - 1);
        String vcd = "$var wire " + width + " ! wide $end\n$enddefinitions $end\n#0 b0" + ones + " !\n"
                + "#1 b1" + "0".repeat(width - 1) + " !\n";
        ChangeLog log = new ChangeLog();
        VcdReader.read(new Trickle(vcd.getBytes(StandardCharsets.US_ASCII), 50_000, 7), "wide.vcd", log);

        assertThat(log.lines).containsExactly("0 wide b0" + ones, "1 wide b1" + "0".repeat(width - 1), "end 1");
    }

    @Example
    void lineAndColumnStayRightFarIntoALargeFile() {
        StringBuilder vcd = new StringBuilder("$var wire 1 ! a $end\n$enddefinitions $end\n");
        for (int i = 0; i < 100_000; i++) {
            vcd.append('#').append(i).append(" 1!\n");
        }
        vcd.append("#100000   1?\n");

        assertThatThrownBy(() -> VcdReader.read(new Trickle(vcd.toString().getBytes(StandardCharsets.US_ASCII), 4093, 1),
                "big.vcd", new Trace()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("big.vcd:100003:12: value change for unknown identifier code '?' (declared codes: 1)");
    }

    private static void readExpectingOnlyBadInput(byte[] bytes) {
        try {
            VcdReader.read(new ByteArrayInputStream(bytes), "fuzz.vcd", new Trace());
        } catch (BadInputException e) {
            assertThat(e.getMessage()).startsWith("fuzz.vcd:").doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.of(List.of("$timescale", "1ns", "10", "ps", "$scope", "module", "top",
                "$upscope", "$var", "wire", "real", "string", "1", "8", "!", "\"", "a", "[7:0]", "[3]", "$end",
                "$enddefinitions", "#0", "#5", "#3", "#", "1!", "0\"", "x!", "Z!", "b101", "b1x", "r1.5", "rnan", "r1e999",
                "sHI", "$dumpvars", "$dumpoff", "$comment", "$date", "#99999999999999999999", "b", "r", "0", "\u0000"));
        Arbitrary<String> space = Arbitraries.of(" ", "\n", "\t", "\r\n");
        return Arbitraries.lazy(() -> net.jqwik.api.Combinators.combine(token, space).as((t, s) -> t + s))
                .list().ofMaxSize(60).map(l -> String.join("", l));
    }

    /** An InputStream that hands out its bytes in chunks of 1..maxChunk, as a pipe or socket may. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int maxChunk;
        private final java.util.Random chunks;
        private int pos;

        Trickle(byte[] bytes, int maxChunk, long seed) {
            this.bytes = bytes;
            this.maxChunk = maxChunk;
            this.chunks = new java.util.Random(seed);
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + chunks.nextInt(maxChunk)), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
