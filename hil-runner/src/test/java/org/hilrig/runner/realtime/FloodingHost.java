package org.hilrig.runner.realtime;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.FrameKind;
import org.hilrig.device.protocol.ReceivedFrame;
import org.hilrig.runner.io.ByteLink;
import org.hilrig.runner.io.ByteReceiver;
import org.hilrig.runner.io.LinkEndpoint;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;

/**
 * A hostile host at the far end of {@code hil emulate}'s cable, on the rig's own links (jSerialComm on a
 * pty, Netty on TCP): counts every byte it writes, decodes every frame the board sends (on the link's
 * reader thread), and asks the board with fresh sequence numbers until it answers.
 */
final class FloodingHost implements AutoCloseable {
    private final ByteLink link;
    private final List<Frame> frames = new ArrayList<>();
    private final List<DiscardedInput> discarded = new ArrayList<>();
    private final AtomicLong sentBytes = new AtomicLong();
    private volatile RigFailureException lost;
    private int nextSeq = 0x40;

    FloodingHost(LinkEndpoint endpoint) {
        FrameDecoder decoder = new FrameDecoder(new DecodeListener() {
            @Override
            public void frame(ReceivedFrame f) {
                synchronized (frames) {
                    frames.add(f.frame());
                }
            }

            @Override
            public void discarded(DiscardedInput d) {
                if (d.reason() != org.hilrig.device.protocol.DiscardReason.OUTSIDE_FRAME) {
                    synchronized (frames) {
                        discarded.add(d);
                    }
                }
            }
        });
        this.link = endpoint.open(new MonotonicClock(), new ByteReceiver() {
            @Override
            public void received(byte[] bytes, long timeNanos) {
                decoder.accept(bytes, 0, bytes.length, timeNanos);
            }

            @Override
            public void lost(RigFailureException cause) {
                lost = cause;
            }
        });
    }

    /** Writes {@code bytes} in one write and counts them. */
    void write(byte[] bytes) {
        link.write(bytes);
        sentBytes.addAndGet(bytes.length);
    }

    /** Every byte written so far. */
    long sentBytes() {
        return sentBytes.get();
    }

    /**
     * Sends {@code command}, again with a fresh sequence number every {@code retryEvery} while no reply to
     * any of them has come (a flooded board may have lost the bytes or dropped the reply), for at most
     * {@code within}; the first reply.
     */
    Frame ask(String command, Duration retryEvery, Duration within) {
        int first = nextSeq;
        Frame[] reply = new Frame[1];
        long[] lastSent = {0};
        await().atMost(within).pollInterval(Duration.ofMillis(20)).until(() -> {
            reply[0] = replyTo(command, first, nextSeq);
            if (reply[0] == null && (nextSeq == first || System.nanoTime() - lastSent[0] >= retryEvery.toNanos())) {
                write(Frame.command(nextSeq & 0xFF, command).encode());
                nextSeq++;
                lastSent[0] = System.nanoTime();
            }
            return reply[0] != null;
        });
        return reply[0];
    }

    /** {@code ask} for {@code LNK}: its fields. */
    Map<String, String> lnk(Duration within) {
        return ask("LNK", Duration.ofMillis(500), within).values().asMap();
    }

    /** The number of the {@code ask}s sent so far. */
    int asked() {
        return nextSeq - 0x40;
    }

    /** Replies (ACK or NAK) to {@code command} with a seq from {@code fromSeq} (inclusive) to {@code toSeq}. */
    List<Frame> replies(String command, int fromSeq, int toSeq) {
        synchronized (frames) {
            return frames.stream().filter(f -> f.kind() != FrameKind.EVENT && f.subject().equals(command)
                    && inRange(f.seq(), fromSeq, toSeq)).toList();
        }
    }

    private Frame replyTo(String command, int fromSeq, int toSeq) {
        List<Frame> r = replies(command, fromSeq, toSeq);
        return r.isEmpty() ? null : r.get(0);
    }

    /** Whether {@code seq} (8 bits) is one of the unwrapped sequence numbers {@code from..to-1}. */
    private static boolean inRange(int seq, int from, int to) {
        for (int s = from; s < to; s++) {
            if ((s & 0xFF) == seq) {
                return true;
            }
        }
        return false;
    }

    /** What the host's decoder threw away from the board, other than bytes outside a frame. */
    List<DiscardedInput> discarded() {
        synchronized (frames) {
            return List.copyOf(discarded);
        }
    }

    /** Why the link was lost, or null. */
    RigFailureException lost() {
        return lost;
    }

    @Override
    public void close() {
        link.close();
    }
}
