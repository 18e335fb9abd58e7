package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GTKWave reads what the rig writes: its own converter {@code vcd2fst} (GTKWave's VCD parser) takes a
 * rig trace, and {@code fst2vcd} gives back the same changes, which our reader then checks.
 */
class GtkwaveVcdTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void gtkwaveIsInstalled() {
        ExternalTool.requireInstalled("vcd2fst", "gtkwave");
        ExternalTool.requireInstalled("fst2vcd", "gtkwave");
    }

    private static Trace rigTrace() {
        Trace t = new Trace();
        int door = t.declareDigital("rig.plant.door_closed");
        int hv = t.declareDigital("rig.gen.hv_enable");
        int xray = t.declareDigital("rig.gen.xray_on");
        int kv = t.declareReal("rig.gen.kv_fb");
        t.digital(0, door, Level.HIGH);
        t.digital(0, hv, Level.LOW);
        t.digital(0, xray, Level.LOW);
        t.real(0, kv, 0.0);
        t.digital(1_000_000, hv, Level.HIGH);
        t.real(1_300_000, kv, 60.5);
        t.digital(1_315_465, xray, Level.HIGH);
        t.real(1_315_465, kv, 80.25);
        t.digital(5_000_000, door, Level.LOW);
        t.digital(5_000_412, hv, Level.LOW);
        t.digital(5_000_430, xray, Level.LOW);
        t.real(5_000_430, kv, 59.75);
        t.real(5_100_000, kv, 0.0);
        t.end(6_000_000);
        return t;
    }

    @Test
    void gtkwaveConvertsARigTraceAndGivesBackTheSameChanges() throws Exception {
        Path vcd = dir.resolve("rig.vcd");
        Trace trace = rigTrace();
        try (OutputStream out = Files.newOutputStream(vcd)) {
            trace.replay(new VcdWriter(out));
        }
        ExternalTool.run(dir, "vcd2fst", "-v", vcd.toString(), "-f", dir.resolve("rig.fst").toString());
        assertThat(Files.size(dir.resolve("rig.fst"))).isPositive();
        String back = ExternalTool.run(dir, "fst2vcd", "-f", dir.resolve("rig.fst").toString());

        assertThat(changes(ChangeLog.read(back))).isEqualTo(changes(ChangeLog.read(Files.readString(vcd))))
                .contains("5000412 rig.gen.hv_enable 0", "1315465 rig.gen.kv_fb r80.25");
    }

    /** The value changes, without the end mark (FST keeps no end time), in (time, path) order. */
    private static List<String> changes(ChangeLog log) {
        List<String> out = new ArrayList<>();
        for (String line : log.lines) {
            if (!line.startsWith("end ")) {
                out.add(line);
            }
        }
        out.sort(Comparator.comparing((String l) -> Long.parseLong(l.split(" ")[0])).thenComparing(l -> l));
        return out;
    }
}
