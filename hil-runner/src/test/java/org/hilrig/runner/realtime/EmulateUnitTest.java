package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.FrameKind;
import org.hilrig.device.protocol.ReceivedFrame;
import org.junit.jupiter.api.Test;

/**
 * {@code hil emulate --unit-seed}: the emulated board a host reaches over a real TCP socket is the unit of that
 * seed, and says so when asked ({@code VER}), as the same unit does on the simulated rig.
 */
class EmulateUnitTest {
    @Test
    void anEmulatedUnitReportsTheSerialNumberOfItsSeedOverTcp() throws Exception {
        assertThat(serialOver("--unit-seed", "17")).isEqualTo("GEN-U17");
        assertThat(serialOver("--serial-number", "GEN-U4")).isEqualTo("GEN-U4");
        assertThat(serialOver()).as("the nominal unit").isEqualTo("GEN-0001");
    }

    /** Starts {@code hil emulate --board GEN --tcp PORT} with {@code unit}, asks VER and returns the serial number. */
    private static String serialOver(String... unit) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> args = new ArrayList<>(List.of("emulate", "--board", "GEN", "--tcp", Integer.toString(port)));
        args.addAll(List.of(unit));
        try (HilProcess emulate = HilProcess.hil(args.toArray(new String[0]))) {
            assertThat(emulate.lineStartingWith("emulating ", 30)).contains("on tcp port " + port);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                List<Frame> got = new ArrayList<>();
                FrameDecoder decoder = new FrameDecoder(new DecodeListener() {
                    @Override
                    public void frame(ReceivedFrame f) {
                        got.add(f.frame());
                    }

                    @Override
                    public void discarded(DiscardedInput d) {
                        // boot noise before the first frame start
                    }
                });
                out.write(Frame.command(1, "VER").encode());
                out.flush();
                byte[] buf = new byte[256];
                while (got.stream().noneMatch(f -> f.kind() == FrameKind.ACK)) {
                    int n = in.read(buf);
                    assertThat(n).as("the emulator closed the connection before answering VER").isPositive();
                    decoder.accept(buf, 0, n, 0);
                }
                Map<String, String> ver = got.stream().filter(f -> f.kind() == FrameKind.ACK).findFirst().orElseThrow()
                        .values().asMap();
                emulate.terminate();
                assertThat(emulate.waitForExit(20)).isZero();
                return ver.get("sn");
            }
        }
    }
}
