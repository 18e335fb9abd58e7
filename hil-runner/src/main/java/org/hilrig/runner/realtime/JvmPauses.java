package org.hilrig.runner.realtime;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The longest stop-the-world garbage-collection pause of this JVM while watched. Every Java thread stands
 * still in such a pause, the link's reader included, so a stamp taken just after one is late by up to its
 * length: the real-time rig adds it to the uncertainty it declares. Concurrent collection work (which
 * does not stop the threads) is not counted.
 */
final class JvmPauses implements AutoCloseable {
    private final AtomicLong longestNanos = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;

    private JvmPauses() {
    }

    /** Starts watching the collectors' notifications. */
    static JvmPauses watch() {
        JvmPauses pauses = new JvmPauses();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(pauses.listener, null, null);
                pauses.emitters.add(emitter);
            }
        }
        return pauses;
    }

    /** The longest pause seen so far, ns (the collectors report whole milliseconds: rounded up by one). */
    long longestNanos() {
        return longestNanos.get();
    }

    private void collected(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (stopsTheWorld(info.getGcAction())) {
            long nanos = (info.getGcInfo().getDuration() + 1) * 1_000_000L;
            longestNanos.accumulateAndGet(nanos, Math::max);
        }
    }

    /** G1, Parallel and Serial report their pauses as the end of a minor or major GC; ZGC and Shenandoah say "pause". */
    static boolean stopsTheWorld(String gcAction) {
        return gcAction.startsWith("end of minor GC") || gcAction.startsWith("end of major GC")
                || gcAction.contains("pause") || gcAction.contains("Pause");
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already removed
            }
        }
        emitters.clear();
    }
}
