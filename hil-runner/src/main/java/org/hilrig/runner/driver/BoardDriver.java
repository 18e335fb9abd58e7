package org.hilrig.runner.driver;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardReason;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.FrameKind;
import org.hilrig.device.protocol.ReceivedFrame;
import org.hilrig.runner.io.ByteLink;
import org.hilrig.runner.io.ByteReceiver;
import org.hilrig.runner.io.LinkEndpoint;
import org.hilrig.timing.Clock;
import org.hilrig.timing.Durations;
import org.hilrig.timing.RigFailureException;

/**
 * The host side of the board protocol over one {@link ByteLink}.
 *
 * <p>{@link #send} writes {@code seq,CMD[,arg...]} with the next sequence number (incrementing by one
 * per new command, wrapping at FF), waits {@link DriverSettings#replyTimeoutNanos()} for the reply with
 * the same {@code seq} and command, sends the very same bytes again on a time-out at most {@link
 * DriverSettings#maxResends()} times, then declares the link down: the driver goes {@link
 * DriverState#DOWN} and stays so. A NAK is returned, not thrown. Replies that match no waiting command
 * (late, duplicated) are reported as {@link LinkAnomaly.StaleReply} and otherwise ignored.
 *
 * <p>Events are checked against the board's event counter ({@code BOOT} restarts it at 00); a jump is
 * reported as {@link LinkAnomaly.EventGap} and counted, a repeat as {@link LinkAnomaly.DuplicateEvent}
 * and not delivered.
 *
 * <pre>
 *  link reader thread          dispatcher thread                 caller thread
 *  bytes -&gt; FrameDecoder --&gt; inbox --&gt; reply for pending? --&gt; pending future --&gt; send() returns
 *                                     event / anomaly   --&gt; DriverListener
 * </pre>
 *
 * <p>Time-outs are measured on the driver's clock, which also stamps received bytes. {@code send} is
 * thread-safe (callers are served one at a time). The driver owns its link and closes it in {@link
 * #close()}.
 */
public final class BoardDriver implements AutoCloseable {
    private static final Object STOP = new Object();

    private final ByteLink link;
    private final Clock clock;
    private final DriverListener listener;
    private final DriverSettings settings;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Thread dispatcher;
    private final Object sendLock = new Object();
    private volatile DriverState state = DriverState.UP;
    private volatile Pending pending;
    private volatile RigFailureException downCause;
    private int nextSeq;
    private int lastEventCounter = -1;
    private boolean linkDownReported;

    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong crcErrors = new AtomicLong();
    private final AtomicLong otherDiscards = new AtomicLong();
    private final AtomicLong resends = new AtomicLong();
    private final AtomicLong staleReplies = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong eventsLost = new AtomicLong();
    private final AtomicLong duplicateEvents = new AtomicLong();

    /** What a send waits for: the reply to {@code command} with sequence number {@code seq}. */
    private record Pending(int seq, String command, CompletableFuture<ReceivedFrame> reply) {
    }

    /** A frame about to be written. */
    private record Sent(byte[] bytes, int attempt, long timeNanos) {
    }

    /** The link reported its loss. */
    private record Lost(RigFailureException cause) {
    }

    private BoardDriver(LinkEndpoint endpoint, Clock clock, DriverListener listener, DriverSettings settings) {
        this.clock = clock;
        this.listener = listener;
        this.settings = settings;
        this.nextSeq = settings.firstSeq();
        FrameDecoder decoder = new FrameDecoder(new DecodeListener() {
            @Override
            public void frame(ReceivedFrame frame) {
                inbox.add(frame);
            }

            @Override
            public void discarded(DiscardedInput discarded) {
                inbox.add(discarded);
            }
        });
        this.link = endpoint.open(clock, new ByteReceiver() {
            @Override
            public void received(byte[] bytes, long timeNanos) {
                decoder.accept(bytes, 0, bytes.length, timeNanos);
            }

            @Override
            public void lost(RigFailureException cause) {
                inbox.add(new Lost(cause));
            }
        });
        this.dispatcher = new Thread(this::dispatch, "board-driver " + link.describe());
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    /**
     * Opens {@code endpoint} and starts the driver with protocol version 1 settings.
     *
     * @throws RigFailureException if the link cannot be opened
     */
    public static BoardDriver open(LinkEndpoint endpoint, Clock clock, DriverListener listener) {
        return open(endpoint, clock, listener, DriverSettings.PROTOCOL_V1);
    }

    /** Opens {@code endpoint} and starts the driver with {@code settings}. */
    public static BoardDriver open(LinkEndpoint endpoint, Clock clock, DriverListener listener,
            DriverSettings settings) {
        return new BoardDriver(endpoint, clock, listener, settings);
    }

    /**
     * Sends {@code command} with {@code args} and waits for the board's reply.
     *
     * @return the ACK or the NAK
     * @throws IllegalArgumentException if the command or an argument breaks the frame grammar
     * @throws RigFailureException if the link is (or goes) down or closed, or no reply came after the
     *     last resend (the driver is then {@link DriverState#DOWN})
     */
    public Reply send(String command, String... args) {
        synchronized (sendLock) {
            checkUp();
            Frame frame = Frame.command(nextSeq, command, args);
            nextSeq = (nextSeq + 1) & 0xFF;
            byte[] bytes = frame.encode();
            Pending p = new Pending(frame.seq(), command, new CompletableFuture<>());
            pending = p;
            try {
                long sentNanos = clock.nowNanos();
                int attempts = settings.maxResends() + 1;
                for (int attempt = 1; attempt <= attempts; attempt++) {
                    if (attempt > 1) {
                        resends.incrementAndGet();
                        inbox.add(new LinkAnomaly.Resent(frame, attempt));
                    }
                    inbox.add(new Sent(bytes, attempt, clock.nowNanos()));
                    write(bytes);
                    ReceivedFrame reply = await(p, clock.nowNanos() + settings.replyTimeoutNanos());
                    if (reply != null) {
                        return reply.frame().kind() == FrameKind.ACK
                                ? new Reply.Ack(frame, reply, attempt, sentNanos)
                                : new Reply.Nak(frame, reply, attempt, sentNanos);
                    }
                }
                RigFailureException down = new RigFailureException(link.describe() + ": no reply to " + frame.text()
                        + " within " + Durations.format(settings.replyTimeoutNanos()) + " of each of " + attempts
                        + " sends (allowed: at most " + settings.maxResends() + " resends); link declared down");
                goDown(down);
                throw down;
            } finally {
                pending = null;
            }
        }
    }

    /** UP, DOWN or CLOSED. */
    public DriverState state() {
        return state;
    }

    /** What the driver has counted so far. */
    public DriverCounters counters() {
        return new DriverCounters(framesReceived.get(), crcErrors.get(), otherDiscards.get(), resends.get(),
                staleReplies.get(), events.get(), eventsLost.get(), duplicateEvents.get());
    }

    /** The link's description, for messages. */
    public String describe() {
        return link.describe();
    }

    /** Closes the link and stops the dispatcher; idempotent. A waiting {@code send} fails. */
    @Override
    public void close() {
        if (state != DriverState.CLOSED) {
            state = DriverState.CLOSED;
            Pending p = pending;
            if (p != null) {
                p.reply.completeExceptionally(new RigFailureException(link.describe() + ": driver closed"));
            }
            link.close();
            inbox.add(STOP);
            if (Thread.currentThread() != dispatcher) {
                try {
                    dispatcher.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void checkUp() {
        if (state == DriverState.CLOSED) {
            throw new RigFailureException(link.describe() + ": driver is closed");
        }
        if (state == DriverState.DOWN) {
            throw new RigFailureException(link.describe() + ": link is down (" + downCause.getMessage() + ")",
                    downCause);
        }
    }

    private void write(byte[] bytes) {
        try {
            link.write(bytes);
        } catch (RigFailureException e) {
            goDown(e);
            throw e;
        }
    }

    /** The matching reply, or null when {@code deadlineNanos} passed first. */
    private ReceivedFrame await(Pending p, long deadlineNanos) {
        while (true) {
            long remaining = deadlineNanos - clock.nowNanos();
            if (remaining <= 0) {
                return p.reply.getNow(null);
            }
            try {
                return p.reply.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // the clock decides whether the deadline passed; loop
            } catch (ExecutionException e) {
                RigFailureException cause = e.getCause() instanceof RigFailureException r ? r
                        : new RigFailureException(link.describe() + ": " + e.getCause(), e.getCause());
                throw cause;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RigFailureException(link.describe() + ": interrupted while waiting for a reply", e);
            }
        }
    }

    private void goDown(RigFailureException cause) {
        synchronized (this) {
            if (state != DriverState.UP) {
                return;
            }
            downCause = cause;
            state = DriverState.DOWN;
        }
        Pending p = pending;
        if (p != null) {
            p.reply.completeExceptionally(cause);
        }
        inbox.add(new Lost(cause));
    }

    /** The dispatcher thread: routes everything the reader queued, in order. */
    private void dispatch() {
        while (true) {
            Object item;
            try {
                item = inbox.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == STOP) {
                return;
            }
            try {
                route(item);
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }

    private void route(Object item) {
        if (item instanceof Sent sent) {
            listener.frameSent(sent.bytes.clone(), sent.attempt, sent.timeNanos);
        } else if (item instanceof ReceivedFrame frame) {
            framesReceived.incrementAndGet();
            listener.frameReceived(frame);
            switch (frame.frame().kind()) {
                case ACK, NAK -> routeReply(frame);
                case EVENT -> routeEvent(frame);
                case COMMAND -> listener.anomaly(new LinkAnomaly.UnexpectedFrame(frame));
                default -> throw new IllegalStateException(frame.toString());
            }
        } else if (item instanceof DiscardedInput discarded) {
            (discarded.reason() == DiscardReason.CRC_ERROR ? crcErrors : otherDiscards).incrementAndGet();
            listener.anomaly(new LinkAnomaly.Discarded(discarded));
        } else if (item instanceof LinkAnomaly anomaly) {
            listener.anomaly(anomaly);
        } else if (item instanceof Lost lost) {
            goDown(lost.cause);
            if (!linkDownReported && state == DriverState.DOWN) {
                linkDownReported = true;
                listener.linkDown(downCause);
            }
        }
    }

    private void routeReply(ReceivedFrame frame) {
        Pending p = pending;
        if (p != null && frame.frame().seq() == p.seq) {
            if (!frame.frame().subject().equals(p.command)) {
                listener.anomaly(new LinkAnomaly.UnexpectedFrame(frame));
                return;
            }
            if (p.reply.complete(frame)) {
                return;
            }
        }
        staleReplies.incrementAndGet();
        listener.anomaly(new LinkAnomaly.StaleReply(frame));
    }

    private void routeEvent(ReceivedFrame frame) {
        int counter = frame.frame().seq();
        boolean boot = frame.frame().subject().equals("BOOT");
        int expected = boot ? 0 : lastEventCounter < 0 ? counter : (lastEventCounter + 1) & 0xFF;
        if (!boot && counter == lastEventCounter) {
            duplicateEvents.incrementAndGet();
            listener.anomaly(new LinkAnomaly.DuplicateEvent(frame));
            return;
        }
        lastEventCounter = counter;
        if (counter != expected) {
            int lost = (counter - expected) & 0xFF;
            eventsLost.addAndGet(lost);
            listener.anomaly(new LinkAnomaly.EventGap(expected, counter, lost, frame));
        }
        events.incrementAndGet();
        listener.event(new BoardEvent(frame));
    }
}
