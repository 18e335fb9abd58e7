package org.hilrig.runner.driver;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hilrig.timing.RigFailureException;

/** Keeps everything a driver reports, and the threads it reported on. */
final class RecordingListener implements DriverListener {
    final List<BoardEvent> events = new CopyOnWriteArrayList<>();
    final List<LinkAnomaly> anomalies = new CopyOnWriteArrayList<>();
    final List<RigFailureException> downs = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final List<String> transcript = new CopyOnWriteArrayList<>();

    @Override
    public void frameSent(byte[] bytes, int attempt, long timeNanos) {
        transcript.add("tx " + new String(bytes, 1, bytes.length - 2, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public void frameReceived(org.hilrig.device.protocol.ReceivedFrame frame) {
        transcript.add("rx " + frame.frame().text());
    }

    @Override
    public void event(BoardEvent event) {
        threads.add(Thread.currentThread());
        events.add(event);
    }

    @Override
    public void anomaly(LinkAnomaly anomaly) {
        threads.add(Thread.currentThread());
        anomalies.add(anomaly);
    }

    @Override
    public void linkDown(RigFailureException cause) {
        downs.add(cause);
    }

    <T extends LinkAnomaly> List<T> anomalies(Class<T> type) {
        return anomalies.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<String> eventNames() {
        return events.stream().map(BoardEvent::name).toList();
    }
}
