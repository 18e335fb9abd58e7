package org.hilrig.runner.driver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.FrameKind;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.ReceivedFrame;
import org.hilrig.runner.io.ByteLink;
import org.hilrig.runner.io.ByteReceiver;
import org.hilrig.timing.RigFailureException;

/**
 * A board that answers according to a script, on the far end of a real cable (like OkHttp's
 * MockWebServer): each command received (a resend too) takes the next entry of the script, a list of
 * {@link Fault}s; with the script empty it answers cleanly. Replies come from per-command answers
 * (default: an ACK with no fields). Like a real board, a command repeated with the same seq and bytes is
 * not executed again: the previous reply is re-sent.
 *
 * <p>The cable's reader thread only decodes; all board logic and writes run on one board thread, which
 * also times delayed replies (no sleeping).
 */
final class ScriptedBoard implements ByteReceiver, AutoCloseable {
    private final FrameDecoder decoder;
    private final ScheduledExecutorService board = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scripted-board");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<List<Fault>> script = new ConcurrentLinkedQueue<>();
    private final Map<String, Function<Frame, Frame>> answers = new HashMap<>();
    private final List<byte[]> received = new ArrayList<>();
    private final Map<String, Integer> executions = new HashMap<>();
    private volatile ByteLink link;
    private byte[] lastCommand;
    private Frame lastReply;
    private int nextEventCounter;

    ScriptedBoard() {
        this.decoder = new FrameDecoder(new DecodeListener() {
            @Override
            public void frame(ReceivedFrame frame) {
                board.execute(() -> onFrame(frame));
            }

            @Override
            public void discarded(DiscardedInput discarded) {
                // a clean host never causes discards; tests that care look at the host's counters
            }
        });
    }

    /** Connects the board to its end of the cable; before the host sends anything. */
    void attach(ByteLink farEnd) {
        this.link = farEnd;
    }

    @Override
    public void received(byte[] bytes, long timeNanos) {
        decoder.accept(bytes, 0, bytes.length, timeNanos);
    }

    @Override
    public void lost(RigFailureException cause) {
        // the host side observes the loss; the board just stops answering
    }

    /** Answers {@code command} with what {@code answer} makes of the received frame. */
    synchronized ScriptedBoard answer(String command, Function<Frame, Frame> answer) {
        answers.put(command, answer);
        return this;
    }

    /** Appends one script entry: the faults for the next command received. An empty entry answers cleanly. */
    ScriptedBoard then(Fault... faults) {
        script.add(List.of(faults));
        return this;
    }

    /** Sends an event now, with the board's next event counter. */
    void sendEvent(String name, KeyValues values) {
        board.execute(() -> writeEvent(name, values));
    }

    /** Lets the counter jump before the next event, as if {@code skipped} events were lost. */
    void skipEventCounter(int skipped) {
        board.execute(() -> nextEventCounter = (nextEventCounter + skipped) & 0xFF);
    }

    /** Every command frame received, as bytes, in order (resends included). */
    synchronized List<byte[]> received() {
        return List.copyOf(received);
    }

    /** How often {@code command} was executed (resends of the same frame are not executed again). */
    synchronized int executions(String command) {
        return executions.getOrDefault(command, 0);
    }

    private void onFrame(ReceivedFrame frame) {
        if (frame.frame().kind() != FrameKind.COMMAND) {
            return;
        }
        byte[] bytes = frame.bytes();
        Frame reply;
        synchronized (this) {
            received.add(bytes);
            if (lastCommand != null && Arrays.equals(lastCommand, bytes)) {
                reply = lastReply;
            } else {
                executions.merge(frame.frame().name(), 1, Integer::sum);
                Function<Frame, Frame> answer = answers.getOrDefault(frame.frame().name(),
                        f -> Frame.ack(f.seq(), f.name(), KeyValues.empty()));
                reply = answer.apply(frame.frame());
                lastCommand = bytes;
                lastReply = reply;
            }
        }
        List<Fault> faults = script.poll();
        byte[] out = reply.encode();
        long delayNanos = 0;
        int copies = 1;
        for (Fault fault : faults == null ? List.<Fault>of() : faults) {
            if (fault instanceof Fault.DropReply) {
                copies = 0;
            } else if (fault instanceof Fault.CorruptCrc) {
                out[out.length - 2] = (byte) (out[out.length - 2] == '0' ? '1' : '0');
            } else if (fault instanceof Fault.Delay d) {
                delayNanos = d.nanos();
            } else if (fault instanceof Fault.Duplicate) {
                copies = 2;
            } else if (fault instanceof Fault.InterleaveEvent e) {
                writeEvent(e.name(), e.values());
            } else if (fault instanceof Fault.SkipEventCounter s) {
                nextEventCounter = (nextEventCounter + s.skipped()) & 0xFF;
            }
        }
        int n = copies;
        byte[] reply0 = out;
        Runnable send = () -> {
            for (int i = 0; i < n; i++) {
                write(reply0);
            }
        };
        if (delayNanos > 0) {
            board.schedule(send, delayNanos, TimeUnit.NANOSECONDS);
        } else {
            send.run();
        }
    }

    private void writeEvent(String name, KeyValues values) {
        write(Frame.event(nextEventCounter, name, values).encode());
        nextEventCounter = (nextEventCounter + 1) & 0xFF;
    }

    private void write(byte[] bytes) {
        ByteLink l = link;
        if (l != null && l.isOpen()) {
            l.write(bytes);
        }
    }

    @Override
    public void close() {
        board.shutdownNow();
        try {
            board.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
