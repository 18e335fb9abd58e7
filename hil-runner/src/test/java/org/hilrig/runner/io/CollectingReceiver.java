package org.hilrig.runner.io;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.RigFailureException;

/** Keeps every byte, stamp, thread and loss a link reports; safe to read from the test thread. */
public final class CollectingReceiver implements ByteReceiver {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<Long> stamps = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<RigFailureException> losses = new ArrayList<>();

    @Override
    public synchronized void received(byte[] chunk, long timeNanos) {
        bytes.write(chunk, 0, chunk.length);
        for (int i = 0; i < chunk.length; i++) {
            stamps.add(timeNanos);
        }
        if (!threads.contains(Thread.currentThread())) {
            threads.add(Thread.currentThread());
        }
    }

    @Override
    public synchronized void lost(RigFailureException cause) {
        losses.add(cause);
    }

    public synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    public synchronized int size() {
        return bytes.size();
    }

    public synchronized List<Long> stamps() {
        return List.copyOf(stamps);
    }

    public synchronized List<Thread> threads() {
        return List.copyOf(threads);
    }

    public synchronized List<RigFailureException> losses() {
        return List.copyOf(losses);
    }
}
