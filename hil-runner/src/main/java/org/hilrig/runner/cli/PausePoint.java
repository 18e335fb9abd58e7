package org.hilrig.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;

/**
 * A kill test's way to stop {@code hil run} at a named point of its end and kill it there, deterministically:
 * with {@code -Dhil.pause-at=POINT} the run, on reaching POINT, creates the file named by
 * {@code -Dhil.pause-signal=FILE} (when given) and waits there until the process is killed. The points are the
 * evidence folder's phases ({@code EvidenceFolder.create(Path, Consumer)}): {@code staging}; then, after the
 * database recorded every result, {@code hash}, {@code manifest}, {@code signature}, {@code chain},
 * {@code marker}; and {@code sealed}, after the seal and before the database records the run's end. Without
 * the property it does nothing; the tool never sets it.
 */
final class PausePoint implements Consumer<String> {
    static final String POINT_PROPERTY = "hil.pause-at";
    static final String SIGNAL_PROPERTY = "hil.pause-signal";
    static final List<String> POINTS = List.of("staging", "hash", "manifest", "signature", "chain", "marker", "sealed");

    private final String point;
    private final Path signal;

    private PausePoint(String point, Path signal) {
        this.point = point;
        this.signal = signal;
    }

    /**
     * The pause point the system properties ask for, or one that never pauses.
     *
     * @throws BadInputException when {@code hil.pause-at} names no point
     */
    static Consumer<String> fromSystemProperties() {
        String point = System.getProperty(POINT_PROPERTY);
        if (point == null) {
            return phase -> {
            };
        }
        if (!POINTS.contains(point)) {
            throw new BadInputException("-D" + POINT_PROPERTY, 0, 0, "'" + point + "' is not a pause point, allowed: "
                    + String.join(", ", POINTS));
        }
        String signal = System.getProperty(SIGNAL_PROPERTY);
        return new PausePoint(point, signal == null ? null : Path.of(signal));
    }

    @Override
    public void accept(String phase) {
        if (!phase.equals(point)) {
            return;
        }
        try {
            if (signal != null) {
                Files.writeString(signal, "paused at " + point + "\n");
            }
            new CountDownLatch(1).await();
        } catch (IOException e) {
            throw new RigFailureException("cannot write the pause signal " + signal + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFailureException("interrupted while paused at " + point, e);
        }
    }
}
