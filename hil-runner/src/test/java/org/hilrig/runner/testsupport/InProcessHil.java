package org.hilrig.runner.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.cli.Hil;

/**
 * The {@code hil} command line run in the test's JVM, its output kept: {@code run} (and the lot it may be) in a rig
 * home of the test's own, never {@code ~/.hil}.
 */
public final class InProcessHil {
    private final Path rigHome;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    public InProcessHil(Path rigHome) {
        this.rigHome = rigHome;
    }

    /** Runs {@code hil ARGS} ({@code --rig-home} added to {@code run}); its exit code. */
    public int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (args.length > 0 && args[0].equals("run")) {
            all.addAll(List.of("--rig-home", rigHome.toString()));
        }
        return Hil.run(all.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** What every run so far printed on standard output. */
    public String out() {
        return out.toString();
    }

    /** What every run so far printed on standard error. */
    public String err() {
        return err.toString();
    }
}
