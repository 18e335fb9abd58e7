package org.hilrig.timing.vcd;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.TraceHeader;

/** Records what a reader delivers as readable lines: {@code "5000 tb.door_closed 0"}, {@code "end 6000"}. */
final class ChangeLog implements ChangeListener {
    TraceHeader header;
    final List<String> lines = new ArrayList<>();

    @Override
    public void begin(TraceHeader header) {
        this.header = header;
    }

    @Override
    public void digital(long timeNanos, int signalId, Level level) {
        lines.add(timeNanos + " " + path(signalId) + " " + level.vcdChar());
    }

    @Override
    public void vector(long timeNanos, int signalId, String bits) {
        lines.add(timeNanos + " " + path(signalId) + " b" + bits);
    }

    @Override
    public void real(long timeNanos, int signalId, double value) {
        lines.add(timeNanos + " " + path(signalId) + " r" + value);
    }

    @Override
    public void end(long endNanos) {
        lines.add("end " + endNanos);
    }

    private String path(int id) {
        return header.signals().get(id).path();
    }

    /** The lines of one signal (by path), plus the end line. */
    List<String> of(String path) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String[] f = l.split(" ");
            if (f.length == 3 && f[1].equals(path)) {
                out.add(l);
            }
        }
        return out;
    }

    static ChangeLog read(String vcd) {
        ChangeLog log = new ChangeLog();
        VcdReader.read(new java.io.ByteArrayInputStream(vcd.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "t.vcd", log);
        return log;
    }
}
