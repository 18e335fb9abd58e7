package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.device.protocol.Frame;
import org.hilrig.runner.io.LinkEndpoint;
import org.hilrig.runner.io.SerialEndpoint;
import org.hilrig.runner.io.SocatPtyPair;
import org.hilrig.runner.io.TcpEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil emulate} in its own process under host input it cannot take, over a socat pty pair and over
 * TCP, through the rig's own links: 70 kB in one write, and a flood at full rate. The emulator keeps
 * running, answers afterwards, and accounts for every byte: what reached the board's UART ({@code rx} of
 * {@code LNK}, {@code bytes received} when it stops) plus what the host sent faster than the line carries
 * ({@code lost before the line}) is what the host wrote. A main loop too slow for its FIFO overruns, and
 * {@code LNK} reports it; a full transmit buffer drops replies, and every command is answered or counted.
 */
class EmulateUnderFloodTest {
    private static final Pattern STOP_COUNTS = Pattern.compile(
            "serial: (\\d+) bytes received, (\\d+) lost to receive overruns, (\\d+) lost before the line \\(sent faster than 115200 baud\\), "
                    + "(\\d+) replies and (\\d+) events dropped \\(transmit buffer full\\)");
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30); // 64 KiB take 5.7 s at 115200 baud

    @TempDir
    Path dir;

    /** What the emulator said when it stopped: received, overrun, lost before the line, replies and events dropped. */
    private record StopCounts(long received, long overrun, long lostBeforeLine, long repliesDropped, long eventsDropped) {
    }

    private interface Flood {
        void into(FloodingHost host);
    }

    private static byte[] junk(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x'); // outside any frame: ignored by the board, counted exactly
        return b;
    }

    private static final Flood SEVENTY_KB_IN_ONE_WRITE = host -> host.write(junk(70_000));

    /** 64 KiB writes back to back for two seconds of wall time, as fast as the link takes them. */
    private static final Flood FULL_RATE = host -> {
        byte[] chunk = junk(65_536);
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() - end < 0) {
            host.write(chunk);
        }
    };

    @Test
    void seventyKilobytesInOneWriteOverAPtyLeaveTheEmulatorAnsweringWithEveryByteAccountedFor() throws Exception {
        StopCounts stop = overPty(SEVENTY_KB_IN_ONE_WRITE, "--board", "GEN");
        assertThat(stop.lostBeforeLine()).as("70 kB exceed the cable's 64 KiB").isPositive();
        assertThat(stop.overrun()).as("115200 baud never outruns a 16-byte FIFO read every 1 ms").isZero();
    }

    @Test
    void seventyKilobytesInOneWriteOverTcpLeaveTheEmulatorAnsweringWithEveryByteAccountedFor() throws Exception {
        StopCounts stop = overTcp(SEVENTY_KB_IN_ONE_WRITE);
        assertThat(stop.lostBeforeLine()).isPositive();
        assertThat(stop.overrun()).isZero();
    }

    @Test
    void aFullRateFloodOverAPtyLeavesTheEmulatorAnsweringWithEveryByteAccountedFor() throws Exception {
        StopCounts stop = overPty(FULL_RATE, "--board", "GEN");
        assertThat(stop.lostBeforeLine()).isPositive();
    }

    @Test
    void aFullRateFloodOverTcpLeavesTheEmulatorAnsweringWithEveryByteAccountedFor() throws Exception {
        StopCounts stop = overTcp(FULL_RATE);
        assertThat(stop.lostBeforeLine()).isPositive();
    }

    @Test
    void aMainLoopSlowerThanItsFifoOverrunsUnderAFloodAndLnkReportsTheCount() throws Exception {
        // a 2 ms loop takes 16 of the 23 bytes that arrive in a tick at 115200 baud
        Path profile = dir.resolve("gen-slow-loop.yaml");
        Files.writeString(profile, Files.readString(Path.of("..", "fixtures", "boards", "gen-reference.yaml"))
                .replace("  tick: 1ms ", "  tick: 2ms "));
        assertThat(Files.readString(profile)).contains("  tick: 2ms ");

        StopCounts stop = overPty(host -> host.write(junk(20_000)), "--board", "GEN", "--profile", profile.toString());

        assertThat(stop.lostBeforeLine()).as("20 kB fit the cable").isZero();
        assertThat(stop.overrun()).as("about 7 of every 23 bytes").isBetween(20_000L * 5 / 23, 20_000L * 9 / 23);
    }

    @Test
    void hundredStaBackToBackOverTcpAreEachAnsweredOrCountedAsADroppedReply() throws Exception {
        int port = freePort();
        try (HilProcess emulate = HilProcess.hil("emulate", "--board", "GEN", "--tcp", Integer.toString(port))) {
            emulate.lineStartingWith("emulating ", 30);
            try (FloodingHost host = new FloodingHost(new TcpEndpoint("127.0.0.1", port))) {
                host.ask("STA", Duration.ofMillis(500), ANSWER_WITHIN);
                byte[] burst = new byte[0];
                for (int seq = 0x80; seq < 0x80 + 100; seq++) {
                    byte[] f = Frame.command(seq, "STA").encode();
                    burst = Arrays.copyOf(burst, burst.length + f.length);
                    System.arraycopy(f, 0, burst, burst.length - f.length, f.length);
                }
                host.write(burst);
                int asksBefore = host.asked();

                Map<String, String> lnk = host.lnk(ANSWER_WITHIN);

                int answered = host.replies("STA", 0x80, 0x80 + 100).size();
                int lnkRepliesDropped = host.asked() - asksBefore - 1; // every LNK before the answered one
                assertThat(answered).as("the transmit buffer holds about a third of the replies").isBetween(20, 60);
                assertThat(host.discarded()).as("frames from the board the host could not decode").isEmpty();
                assertThat(answered + Long.parseLong(lnk.get("txdrop"))).isEqualTo(100 + lnkRepliesDropped);
            }
            emulate.terminate();
            assertThat(emulate.waitForExit(20)).isZero();
        }
    }

    private StopCounts overPty(Flood flood, String... emulateArgs) throws Exception {
        try (SocatPtyPair pair = SocatPtyPair.start()) {
            String[] args = Arrays.copyOf(new String[] {"emulate", "--serial", pair.second()}, 3 + emulateArgs.length);
            System.arraycopy(emulateArgs, 0, args, 3, emulateArgs.length);
            try (HilProcess emulate = HilProcess.hil(args)) {
                emulate.lineStartingWith("emulating ", 30);
                return floodAndAccount(emulate, new SerialEndpoint(pair.first(), 115_200), flood);
            }
        }
    }

    private StopCounts overTcp(Flood flood) throws Exception {
        int port = freePort();
        try (HilProcess emulate = HilProcess.hil("emulate", "--board", "GEN", "--tcp", Integer.toString(port))) {
            emulate.lineStartingWith("emulating ", 30);
            return floodAndAccount(emulate, new TcpEndpoint("127.0.0.1", port), flood);
        }
    }

    /**
     * Waits for the board to answer, reads its counters, floods it, asks until it answers again, stops it;
     * asserts that it kept running, answered, exited 0 and accounted for every byte sent after the first
     * {@code LNK}.
     */
    private static StopCounts floodAndAccount(HilProcess emulate, LinkEndpoint cable, Flood flood) throws InterruptedException {
        long sentAfterFirstLnk;
        Map<String, String> before;
        Map<String, String> after;
        try (FloodingHost host = new FloodingHost(cable)) {
            host.ask("STA", Duration.ofMillis(500), ANSWER_WITHIN); // booted and connected
            before = host.lnk(ANSWER_WITHIN);
            long sentAtFirstLnk = host.sentBytes();

            flood.into(host);

            after = host.lnk(ANSWER_WITHIN);
            Frame sta = host.ask("STA", Duration.ofMillis(500), ANSWER_WITHIN);
            assertThat(sta.values().text("state")).isEqualTo("STANDBY");
            assertThat(host.lost()).as("the host's link").isNull();
            assertThat(emulate.isAlive()).isTrue();
            sentAfterFirstLnk = host.sentBytes() - sentAtFirstLnk;
        }
        emulate.terminate();
        Matcher m = STOP_COUNTS.matcher(emulate.lineStartingWith("serial: ", 20));
        assertThat(m.matches()).as(emulate.output()).isTrue();
        StopCounts stop = new StopCounts(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
        assertThat(emulate.lineStartingWith("emulation of ", 20)).startsWith("emulation of GEN stopped by SIGTERM after ");
        assertThat(emulate.waitForExit(20)).isZero();

        long receivedAfterFirstLnk = stop.received() - Long.parseLong(before.get("rx"));
        assertThat(receivedAfterFirstLnk + stop.lostBeforeLine()).as("every byte sent reached the UART or was counted as lost")
                .isEqualTo(sentAfterFirstLnk);
        // LNK counts when it runs; asks retried behind it may still overrun a slow loop's FIFO afterwards
        assertThat(Long.parseLong(after.get("ovr"))).isLessThanOrEqualTo(stop.overrun());
        if (stop.lostBeforeLine() > 0) {
            assertThat(emulate.output()).contains("hil emulate: warning: the host sends faster than the line's 115200 baud carries");
        }
        return stop;
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
