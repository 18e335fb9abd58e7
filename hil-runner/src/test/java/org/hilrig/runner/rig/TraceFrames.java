package org.hilrig.runner.rig;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;

/** Reading frame times back from a trace, for tests of the rigs. */
public final class TraceFrames {
    private TraceFrames() {
    }

    /** The times of the frames in {@code trace} going {@code direction} ({@code rx}: to the board), in order. */
    public static List<Long> times(Trace trace, String direction) {
        List<Long> out = new ArrayList<>();
        trace.replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
            }

            @Override
            public void frame(long timeNanos, String link, String dir, byte[] bytes) {
                if (dir.equals(direction)) {
                    out.add(timeNanos);
                }
            }
        });
        return out;
    }
}
