package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hilrig.device.profile.Board;
import org.hilrig.device.protocol.Frame;
import org.hilrig.runner.fixture.GpioProvider;
import org.hilrig.runner.fixture.GpioSettings;
import org.hilrig.runner.fixture.RealtimeSettings;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.fixture.WireTiming;
import org.hilrig.runner.io.CollectingReceiver;
import org.hilrig.runner.io.SerialEndpoint;
import org.hilrig.runner.io.TcpPeer;
import org.hilrig.runner.rig.StampKind;
import org.hilrig.timing.Clock;
import org.hilrig.runner.rig.TraceFrames;
import org.junit.jupiter.api.Test;

/**
 * The fixture's calibrated link latency moves the rig's serial stamps to the board's pins: a frame sent
 * reaches the board that long after the write returned (then takes its bytes' time on the line), a frame
 * received was on the board's pins that long before the reader stamped it. Over a real TCP connection, on
 * a clock the test sets, so the stamps are exact. Each kind of stamp has its own uncertainty.
 */
class RealTimeRigLinkLatencyTest {
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long LATENCY = 300 * US;
    private static final long EDGE = 100 * US;

    @Test
    void sentFramesReachTheBoardLaterAndReceivedFramesLeftItEarlierByTheLinkLatency() throws Exception {
        AtomicLong now = new AtomicLong(MS);
        Clock clock = now::get;
        CollectingReceiver atBoard = new CollectingReceiver();
        try (TcpPeer board = TcpPeer.listen(clock, atBoard)) {
            RigFixture fixture = new RigFixture("latency", Board.GEN, board.endpoint(), new GpioSettings(GpioProvider.SIM, "", EDGE),
                    List.of(), MS, LATENCY, RealtimeSettings.NONE, WireTiming.UART);
            RealTimeRig rig = RealTimeRig.open(fixture, clock, new Bench(board.endpoint(), null, null, null, () -> { }));
            try {
                byte[] command = Frame.command(1, "STA").encode();
                now.set(2 * MS);
                long sent = rig.send(command);

                long byteNanos = 10_000_000_000L / SerialEndpoint.DEFAULT_BAUD;
                assertThat(sent).as("the command's last byte at the board").isEqualTo(2 * MS + LATENCY + command.length * byteNanos);
                assertThat(frames(rig, "rx")).containsExactly(sent);

                now.set(10 * MS);
                board.write(Frame.ack(1, "STA", org.hilrig.device.protocol.KeyValues.of("state", "STANDBY")).encode());
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rig.runUntil(() -> !frames(rig, "tx").isEmpty(), 20 * MS));

                assertThat(frames(rig, "tx")).as("the reply's last byte left the board's pins").containsExactly(10 * MS - LATENCY);

                // each measurement its own stamps' uncertainty: frames 1 ms each (the fixture), edges 100 us; the
                // send's bracket is 0 on this clock
                assertThat(rig.stampsNanos(StampKind.FRAME, StampKind.FRAME)).isEqualTo(2 * MS);
                assertThat(rig.stampsNanos(StampKind.FRAME, StampKind.LINE)).isEqualTo(MS + EDGE);
                assertThat(rig.stampsNanos(StampKind.LINE, StampKind.LINE)).isEqualTo(2 * EDGE);
                assertThat(rig.uncertaintyNanos(StampKind.LINE, StampKind.LINE)).as("plus what the rig saw")
                        .isGreaterThanOrEqualTo(2 * EDGE);
                assertThat(rig.timestampUncertaintyNanos()).as("the worst case").isGreaterThanOrEqualTo(2 * MS);
            } finally {
                rig.close();
            }
        }
    }

    @Test
    void onALinkWithoutWireTimingAFrameTakesNoTimeForItsBytes() throws Exception {
        AtomicLong now = new AtomicLong(MS);
        Clock clock = now::get;
        CollectingReceiver atBoard = new CollectingReceiver();
        try (TcpPeer board = TcpPeer.listen(clock, atBoard)) {
            RigFixture fixture = new RigFixture("no-wire", Board.GEN, board.endpoint(), new GpioSettings(GpioProvider.SIM, "", EDGE),
                    List.of(), MS, LATENCY, RealtimeSettings.NONE, WireTiming.NONE);
            RealTimeRig rig = RealTimeRig.open(fixture, clock, new Bench(board.endpoint(), null, null, null, () -> { }));
            try {
                now.set(2 * MS);
                long sent = rig.send(Frame.command(1, "STA").encode());

                assertThat(sent).as("the whole command at the board one link latency after the write").isEqualTo(2 * MS + LATENCY);
                assertThat(rig.byteNanos()).as("a reply's first byte is its last").isZero();
            } finally {
                rig.close();
            }
        }
    }

    private static List<Long> frames(RealTimeRig rig, String direction) {
        return TraceFrames.times(rig.trace(), direction);
    }
}
