package org.hilrig.runner.driver;

import java.util.Arrays;
import java.util.Locale;
import org.hilrig.runner.io.LinkEndpoint;
import org.hilrig.runner.io.SerialEndpoint;
import org.hilrig.runner.io.SocatPtyPair;
import org.hilrig.runner.io.TcpPeer;
import org.hilrig.timing.Clock;
import org.hilrig.timing.MonotonicClock;

/**
 * Measures request/reply round trips of the {@link BoardDriver} against a {@link ScriptedBoard} that
 * answers at once, over a socat pseudo-terminal pair (jSerialComm both ends) or loopback TCP. Not a test:
 * run it with {@code scripts/measure-link-roundtrip.sh [pty|tcp] [exchanges] [baud]}. Prints percentiles
 * of the driver's round trip (first write to the reply's ETX stamp) and of the caller's view (call to
 * return of {@code send}).
 *
 * <p>{@code fixture FILE [exchanges]} tells, against the running board the fixture reaches, which {@code wire:}
 * its link has (see {@link #fixture}).
 *
 * <p>{@code loopback PATH [exchanges] [baud]} calibrates a real serial port instead: with a jumper from
 * its TX to its RX (on a Pi: header pins 8 and 10, the board disconnected) it writes a 16-byte frame and
 * waits for its own bytes, then prints the round trip and the one-way latency to put in the fixture's
 * {@code link_latency}: half of what the round trip takes beyond the frame's time on the wire.
 */
public final class RoundTripProbe {
    private RoundTripProbe() {
    }

    public static void main(String[] args) throws Exception {
        String transport = args.length > 0 ? args[0] : "pty";
        Clock clock = new MonotonicClock();
        if (transport.equals("fixture")) {
            fixture(java.nio.file.Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 500, clock);
            return;
        }
        if (transport.equals("loopback")) {
            loopback(args.length > 1 ? args[1] : "/dev/ttyAMA0", args.length > 2 ? Integer.parseInt(args[2]) : 2_000,
                    args.length > 3 ? Integer.parseInt(args[3]) : 115_200, clock);
            return;
        }
        int exchanges = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int baud = args.length > 2 ? Integer.parseInt(args[2]) : 115_200;
        int warmup = Math.max(100, exchanges / 10);
        try (ScriptedBoard board = new ScriptedBoard()) {
            AutoCloseable cable;
            LinkEndpoint endpoint;
            AutoCloseable farEnd;
            if (transport.equals("pty")) {
                SocatPtyPair pair = SocatPtyPair.start();
                cable = pair;
                farEnd = new SerialEndpoint(pair.second(), baud).open(clock, board);
                board.attach((org.hilrig.runner.io.ByteLink) farEnd);
                endpoint = new SerialEndpoint(pair.first(), baud);
            } else {
                TcpPeer peer = TcpPeer.listen(clock, board);
                cable = peer;
                farEnd = peer;
                board.attach(peer);
                endpoint = peer.endpoint();
            }
            try (cable; farEnd; BoardDriver driver = BoardDriver.open(endpoint, clock, DriverListener.NONE)) {
                long[] roundTrip = new long[exchanges];
                long[] caller = new long[exchanges];
                int resends = 0;
                for (int i = -warmup; i < exchanges; i++) {
                    long t0 = clock.nowNanos();
                    Reply reply = driver.send("HBT");
                    long t1 = clock.nowNanos();
                    if (i >= 0) {
                        roundTrip[i] = reply.roundTripNanos();
                        caller[i] = t1 - t0;
                        resends += reply.attempts() - 1;
                    }
                }
                System.out.printf(Locale.ROOT, "transport=%s baud=%d exchanges=%d warmup=%d resends=%d crcerr=%d otherDiscards=%d%n",
                        transport, baud, exchanges, warmup, resends, driver.counters().crcErrors(),
                        driver.counters().otherDiscards());
                print("round trip (write -> reply ETX stamp)", roundTrip);
                print("caller (send() call -> return)     ", caller);
            }
        }
    }

    /**
     * Against the running board a fixture reaches (nothing else on its link): a short reply ({@code HBT}) and
     * a long one ({@code VER}) in turn, {@code exchanges} each. On a link with wire timing the long reply's
     * round trip is longer by its extra bytes' time at the baud rate; without, by (nearly) nothing. Prints both
     * round trips, which {@code wire:} they fit and the fixture's, and the spread of the round trips (the
     * board's own variation included: an upper bound of what the link adds to a frame's stamps).
     */
    private static void fixture(java.nio.file.Path file, int exchanges, Clock clock) throws Exception {
        org.hilrig.runner.fixture.RigFixture f = org.hilrig.runner.fixture.RigFixtureLoader.load(file);
        int baud = f.link() instanceof SerialEndpoint s ? s.baud() : SerialEndpoint.DEFAULT_BAUD;
        long byteNanos = 10_000_000_000L / baud;
        long[] shortTrip = new long[exchanges];
        long[] longTrip = new long[exchanges];
        int shortBytes = 0;
        int longBytes = 0;
        try (BoardDriver driver = BoardDriver.open(f.link(), clock, DriverListener.NONE)) {
            for (int i = -Math.max(20, exchanges / 10); i < exchanges; i++) {
                Reply hbt = driver.send("HBT");
                Reply ver = driver.send("VER");
                if (i >= 0) {
                    shortTrip[i] = hbt.roundTripNanos();
                    longTrip[i] = ver.roundTripNanos();
                    shortBytes = hbt.reply().bytes().length;
                    longBytes = ver.reply().bytes().length;
                }
            }
        }
        long[] a = shortTrip.clone();
        long[] b = longTrip.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        long extra = b[b.length / 2] - a[a.length / 2];
        long wire = (longBytes - shortBytes) * byteNanos;
        String fits = extra > wire / 2 ? "uart" : "none";
        print("HBT round trip (" + shortBytes + "-byte reply)", shortTrip);
        print("VER round trip (" + longBytes + "-byte reply)", longTrip);
        System.out.printf(Locale.ROOT, "the longer reply takes %.1f us longer (median); its %d extra bytes take %.1f us at %d baud:"
                + " wire: %s fits (the fixture says wire: %s)%n", extra / 1e3, longBytes - shortBytes, wire / 1e3, baud, fits,
                f.wire().name().toLowerCase(Locale.ROOT));
        System.out.printf(Locale.ROOT, "HBT round-trip spread beyond its median: p99 %.1f us, max %.1f us (the board's own"
                + " variation included; the fixture's frame_uncertainty: %.1f us)%n",
                (a[Math.min(a.length - 1, (int) (a.length * 0.99))] - a[a.length / 2]) / 1e3, (a[a.length - 1] - a[a.length / 2]) / 1e3,
                f.frameUncertaintyNanos() / 1e3);
    }

    /** Frames written to a port whose TX is wired to its RX, each awaited whole; the link's one-way latency. */
    private static void loopback(String path, int exchanges, int baud, Clock clock) throws Exception {
        byte[] frame = "\u0002LOOPBACK-PROBE\u0003".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.concurrent.LinkedBlockingQueue<long[]> arrivals = new java.util.concurrent.LinkedBlockingQueue<>();
        org.hilrig.runner.io.ByteReceiver receiver = new org.hilrig.runner.io.ByteReceiver() {
            @Override
            public void received(byte[] bytes, long timeNanos) {
                arrivals.add(new long[] {bytes.length, timeNanos});
            }

            @Override
            public void lost(org.hilrig.timing.RigFailureException cause) {
                arrivals.add(new long[] {-1, 0});
            }
        };
        long byteNanos = 10_000_000_000L / baud;
        int warmup = Math.max(20, exchanges / 10);
        long[] roundTrip = new long[exchanges];
        try (org.hilrig.runner.io.ByteLink port = new SerialEndpoint(path, baud).open(clock, receiver)) {
            for (int i = -warmup; i < exchanges; i++) {
                long written;
                port.write(frame);
                written = clock.nowNanos();
                int got = 0;
                long last = 0;
                while (got < frame.length) {
                    long[] a = arrivals.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                    if (a == null || a[0] < 0) {
                        throw new IllegalStateException(path + ": the frame did not come back (is TX wired to RX, and"
                                + " nothing else on the port?)");
                    }
                    got += (int) a[0];
                    last = a[1];
                }
                if (i >= 0) {
                    roundTrip[i] = last - written;
                }
            }
        }
        long[] s = roundTrip.clone();
        Arrays.sort(s);
        long wire = frame.length * byteNanos;
        print("loopback round trip (write -> last byte back)", roundTrip);
        System.out.printf(Locale.ROOT, "frame on the wire: %.1f us; link_latency (one way, median): %.0fus%n", wire / 1e3,
                Math.max(0, s[s.length / 2] - wire) / 2e3);
    }

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%s: p50 %.1f us  p90 %.1f us  p99 %.1f us  max %.1f us  min %.1f us%n", what,
                s[(int) (s.length * 0.50)] / 1e3, s[(int) (s.length * 0.90)] / 1e3, s[Math.min(s.length - 1,
                        (int) (s.length * 0.99))] / 1e3, s[s.length - 1] / 1e3, s[0] / 1e3);
    }
}
