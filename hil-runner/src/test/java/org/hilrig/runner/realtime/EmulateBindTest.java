package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Where {@code hil emulate --tcp} listens, checked on the socket the kernel lists ({@code /proc/net/tcp}
 * and {@code tcp6}) and by connecting: the loopback address by default, another only with {@code --bind}.
 */
class EmulateBindTest {
    @Test
    void byDefaultTheEmulatorListensOnTheLoopbackAddressOnly() throws Exception {
        int port = freePort();
        try (HilProcess emulate = HilProcess.hil("emulate", "--board", "GEN", "--tcp", Integer.toString(port))) {
            assertThat(emulate.lineStartingWith("emulating ", 30)).contains("on tcp port " + port + " on 127.0.0.1;");

            assertThat(listeningAddresses(port)).containsExactly("127.0.0.1");
            for (InetAddress other : nonLoopbackAddresses()) {
                assertThatThrownBy(() -> connect(other, port)).as("from %s", other).isInstanceOf(ConnectException.class);
            }
            connect(InetAddress.getLoopbackAddress(), port);
            emulate.terminate();
            assertThat(emulate.waitForExit(20)).isZero();
        }
    }

    @Test
    void bindOnTheWildcardListensOnEveryInterface() throws Exception {
        int port = freePort();
        try (HilProcess emulate = HilProcess.hil("emulate", "--board", "GEN", "--tcp", Integer.toString(port), "--bind", "0.0.0.0")) {
            assertThat(emulate.lineStartingWith("emulating ", 30)).contains("on tcp port " + port + " on ");

            assertThat(listeningAddresses(port)).hasSize(1).first().isIn("0.0.0.0", "::");
            connect(InetAddress.getLoopbackAddress(), port);
            for (InetAddress other : nonLoopbackAddresses()) {
                connect(other, port);
            }
            emulate.terminate();
            assertThat(emulate.waitForExit(20)).isZero();
        }
    }

    @Test
    void bindOnOneAddressOfTheMachineListensThereAlone() throws Exception {
        List<InetAddress> others = nonLoopbackAddresses();
        InetAddress address = others.isEmpty() ? InetAddress.getLoopbackAddress() : others.get(0);
        int port = freePort();
        try (HilProcess emulate = HilProcess.hil("emulate", "--board", "GEN", "--tcp", Integer.toString(port),
                "--bind", address.getHostAddress())) {
            assertThat(emulate.lineStartingWith("emulating ", 30)).contains("on tcp port " + port + " on " + address.getHostAddress() + ";");

            assertThat(listeningAddresses(port)).containsExactly(address.getHostAddress());
            connect(address, port);
            emulate.terminate();
            assertThat(emulate.waitForExit(20)).isZero();
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** This machine's IPv4 addresses other than the loopback ones (the other ends a remote host could reach). */
    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(i.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && i.isUp()) {
                    found.add(a);
                }
            }
        }
        return found;
    }

    /**
     * The local addresses of the sockets listening on {@code port}, as the kernel lists them: an IPv4-mapped
     * IPv6 address as its IPv4 form, the IPv6 wildcard as {@code ::}.
     */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> found = new ArrayList<>();
        String portHex = String.format(Locale.ROOT, "%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) { // after the header
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (local[1].equals(portHex) && f[3].equals("0A")) { // 0A: LISTEN
                    found.add(address(local[0]));
                }
            }
        }
        return found;
    }

    /** A /proc/net address: 32-bit words in host (little-endian) order, printed in hex. */
    private static String address(String hex) throws IOException {
        byte[] b = new byte[hex.length() / 2];
        for (int w = 0; w < b.length / 4; w++) {
            for (int i = 0; i < 4; i++) {
                b[w * 4 + i] = (byte) Integer.parseInt(hex.substring(w * 8 + (3 - i) * 2, w * 8 + (3 - i) * 2 + 2), 16);
            }
        }
        InetAddress a = InetAddress.getByAddress(b); // a mapped ::ffff:a.b.c.d comes back as Inet4Address
        return a.isAnyLocalAddress() && b.length == 16 ? "::" : a.getHostAddress();
    }
}
