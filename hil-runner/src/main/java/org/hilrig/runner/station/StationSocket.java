package org.hilrig.runner.station;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.store.AttemptRecord;

/**
 * One DUT socket: its own thread runs its attempts one after the other, so a unit's failure, abort or broken rig
 * never touches another socket. Holds what the page shows of it ({@link #view}), told to {@code changed} on every
 * change (from the socket's thread, or the caller's for a scan or an abort). Thread-safe.
 */
final class StationSocket implements AutoCloseable {
    private final StationFile.Socket spec;
    private final ExecutorService thread;
    private final Consumer<SocketView> changed;
    private final Object lock = new Object();
    private SocketView view;
    private Attempt running;
    private long startedNanos;

    StationSocket(StationFile.Socket spec, Consumer<SocketView> changed) {
        this.spec = spec;
        this.changed = changed;
        this.view = SocketView.idle(spec.name());
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hil-station-socket-" + spec.name());
            t.setDaemon(true);
            return t;
        });
    }

    StationFile.Socket spec() {
        return spec;
    }

    SocketView view() {
        synchronized (lock) {
            long elapsed = running == null ? view.elapsedMillis() : (System.nanoTime() - startedNanos) / 1_000_000;
            return with(view, elapsed);
        }
    }

    boolean busy() {
        synchronized (lock) {
            return running != null;
        }
    }

    /**
     * Starts an attempt on the socket's thread; {@code done} gets its record there once it ended and answers what the
     * unit is now (its status), shown beside its serial.
     *
     * @return false when the socket is already running one (nothing started)
     */
    boolean start(String serial, String operator, java.util.function.Function<Attempt.Listener, Attempt> make,
            java.util.function.Function<AttemptRecord, String> done) {
        Attempt a;
        synchronized (lock) {
            if (running != null) {
                return false;
            }
            startedNanos = System.nanoTime();
            a = make.apply(new Progress());
            running = a;
            view = new SocketView(spec.name(), "running", serial, operator, "scan accepted", 0, 0, null, null, null, 0,
                    List.of(), null, null, null, null, null);
        }
        publish();
        thread.execute(() -> {
            AttemptRecord r;
            try {
                r = a.run();
            } catch (RuntimeException | Error e) {
                r = null;
                synchronized (lock) {
                    view = done(view, "ERROR", "internal error: " + e, null, null, null);
                    running = null;
                }
                publish();
                throw e;
            }
            String notRecorded = null;
            String status = null;
            try {
                status = done.apply(r);
            } catch (RuntimeException e) {
                notRecorded = e.getMessage();
            }
            synchronized (lock) {
                String said = a.inOperatorWords() == null ? r.why() : a.inOperatorWords();
                String detail = a.inOperatorWords() == null ? null : r.why();
                view = done(view, r.verdict().name(), notRecorded == null ? said : said
                        + " (NOT RECORDED in the results database: " + notRecorded + ")", r.evidence(), status, detail);
                running = null;
            }
            publish();
        });
        return true;
    }

    /** Aborts the running attempt (nothing when none runs); the page says so once the attempt has ended. */
    boolean abort(String reason) {
        Attempt a;
        synchronized (lock) {
            a = running;
            if (a == null) {
                return false;
            }
            view = new SocketView(view.socket(), "aborting", view.serial(), view.operator(), "aborting: outputs to the safe"
                    + " state", view.scenarioIndex(), view.scenarioCount(), view.scenario(), view.scenarioTitle(), view.step(),
                    view.elapsedMillis(), view.left(), null, null, null, null, null);
        }
        a.abort(reason);
        publish();
        return true;
    }

    private SocketView done(SocketView v, String verdict, String why, String evidence, String unitStatus,
            String detail) {
        return new SocketView(v.socket(), "done", v.serial(), v.operator(), "ended", v.scenarioIndex(), v.scenarioCount(),
                v.scenario(), v.scenarioTitle(), v.step(), (System.nanoTime() - startedNanos) / 1_000_000, List.of(), verdict,
                why, evidence, unitStatus, detail);
    }

    private static SocketView with(SocketView v, long elapsed) {
        return new SocketView(v.socket(), v.state(), v.serial(), v.operator(), v.phase(), v.scenarioIndex(),
                v.scenarioCount(), v.scenario(), v.scenarioTitle(), v.step(), elapsed, v.left(), v.verdict(), v.why(),
                v.evidence(), v.unitStatus(), v.detail());
    }

    private void publish() {
        changed.accept(view());
    }

    /** The running attempt's progress, from the socket's thread. */
    private final class Progress implements Attempt.Listener {
        @Override
        public void phase(String what) {
            update(v -> new SocketView(v.socket(), v.state(), v.serial(), v.operator(), what, v.scenarioIndex(),
                    v.scenarioCount(), v.scenario(), v.scenarioTitle(), v.step(), 0, v.left(), null, null, null, null, null));
        }

        @Override
        public void scenario(int index, int total, Scenario s, List<Scenario> suite) {
            List<String> left = suite.subList(index + 1, suite.size()).stream().map(Scenario::id).toList();
            update(v -> new SocketView(v.socket(), v.state(), v.serial(), v.operator(), "running the suite", index + 1,
                    total, s.id(), s.title(), null, 0, left, null, null, null, null, null));
        }

        @Override
        public void step(String what) {
            update(v -> new SocketView(v.socket(), v.state(), v.serial(), v.operator(), v.phase(), v.scenarioIndex(),
                    v.scenarioCount(), v.scenario(), v.scenarioTitle(), "sent " + what, 0, v.left(), null, null, null, null, null));
        }

        private void update(java.util.function.UnaryOperator<SocketView> f) {
            synchronized (lock) {
                if (!"aborting".equals(view.state())) {
                    view = f.apply(view);
                }
            }
            publish();
        }
    }

    /** Aborts what runs and waits (at most a minute) for the socket's thread to end. */
    @Override
    public void close() {
        abort("station stopped");
        thread.shutdown();
        try {
            thread.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
