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
 */
public final class RoundTripProbe {
    private RoundTripProbe() {
    }

    public static void main(String[] args) throws Exception {
        String transport = args.length > 0 ? args[0] : "pty";
        int exchanges = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int baud = args.length > 2 ? Integer.parseInt(args[2]) : 115_200;
        int warmup = Math.max(100, exchanges / 10);
        Clock clock = new MonotonicClock();
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

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%s: p50 %.1f us  p90 %.1f us  p99 %.1f us  max %.1f us  min %.1f us%n", what,
                s[(int) (s.length * 0.50)] / 1e3, s[(int) (s.length * 0.90)] / 1e3, s[Math.min(s.length - 1,
                        (int) (s.length * 0.99))] / 1e3, s[s.length - 1] / 1e3, s[0] / 1e3);
    }
}
