package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.Test;

class VcdWriterTest {

    /** The door interlock example: scopes from paths, a real, a serial frame (left out), an end mark. */
    static Trace doorInterlock() {
        Trace trace = new Trace();
        int door = trace.declareDigital("rig.door_closed");
        int hv = trace.declareDigital("rig.gen.hv_enable");
        int kv = trace.declareReal("rig.gen.kv_feedback");
        int xray = trace.declareDigital("rig.tub.xray_on");
        trace.digital(0, door, Level.HIGH);
        trace.digital(0, hv, Level.HIGH);
        trace.real(0, kv, 80.0);
        trace.digital(0, xray, Level.HIGH);
        trace.frame(1_000, "gen", "tx", new byte[] {0x02, 0x41, 0x03});
        trace.digital(5_000_000, door, Level.LOW);
        trace.digital(5_412_000, hv, Level.LOW);
        trace.real(5_412_000, kv, 79.9);
        trace.digital(5_430_000, xray, Level.LOW);
        trace.real(5_500_000, kv, 0.1 + 0.2);
        trace.real(5_600_000, kv, -1.5e-9);
        trace.end(6_000_000);
        return trace;
    }

    @Test
    void theDoorInterlockTraceIsWrittenExactlyAsTheGoldenFile() throws IOException {
        String golden;
        try (InputStream in = VcdWriterTest.class.getResourceAsStream("door-interlock.vcd")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(new String(VcdRoundTripTest.write(doorInterlock()), StandardCharsets.UTF_8)).isEqualTo(golden);
    }

    @Test
    void equalTracesRecordedSeparatelyGiveIdenticalBytes() {
        assertThat(VcdRoundTripTest.write(doorInterlock())).isEqualTo(VcdRoundTripTest.write(doorInterlock()));
    }

    @Test
    void aWriterAndAnOutputStreamWriteTheSameText() {
        StringWriter text = new StringWriter();
        doorInterlock().replay(new VcdWriter(text));

        assertThat(text.toString()).isEqualTo(new String(VcdRoundTripTest.write(doorInterlock()), StandardCharsets.UTF_8));
    }

    @Test
    void identifierCodesAreTheShortestPrintableOnesInIdOrder() {
        assertThat(VcdWriter.code(0)).isEqualTo("!");
        assertThat(VcdWriter.code(1)).isEqualTo("\"");
        assertThat(VcdWriter.code(93)).isEqualTo("~");
        assertThat(VcdWriter.code(94)).isEqualTo("!!");
        assertThat(VcdWriter.code(95)).isEqualTo("\"!");
        assertThat(VcdWriter.code(94 + 94 * 94 - 1)).isEqualTo("~~");
        assertThat(VcdWriter.code(94 + 94 * 94)).isEqualTo("!!!");
    }

    @Test
    void aTimeLineIsWrittenOnlyWhenTimeAdvances() {
        Trace trace = new Trace();
        int a = trace.declareDigital("a");
        int b = trace.declareDigital("b");
        trace.digital(7, a, Level.LOW);
        trace.digital(7, b, Level.LOW);
        trace.digital(9, a, Level.HIGH);
        trace.digital(9, b, Level.X);
        trace.digital(9, a, Level.Z);

        assertThat(new String(VcdRoundTripTest.write(trace), StandardCharsets.UTF_8)).endsWith("""
                $enddefinitions $end
                #7
                $dumpvars
                0!
                0"
                $end
                #9
                1!
                x"
                z!
                """);
    }

    @Test
    void aPathVcdCannotNameIsRefused() {
        Trace trace = new Trace();
        trace.declareDigital("rig.door closed");

        assertThatThrownBy(() -> VcdRoundTripTest.write(trace)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signal path 'rig.door closed' has a character VCD cannot carry in a name: U+0020");
    }

    @Test
    void anEmptyPathPartIsRefused() {
        Trace trace = new Trace();
        trace.declareDigital("rig..door");

        assertThatThrownBy(() -> VcdRoundTripTest.write(trace)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signal path 'rig..door' has an empty part");
    }
}
