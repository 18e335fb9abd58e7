package org.hilrig.runner.evidence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Child process for the kill tests: writes an evidence folder and, at the named point, creates the signal file
 * and blocks until it is killed. Points: {@code staging} (before the new folder is renamed into place), {@code created}, {@code mid-file} (inside a file's write), {@code files}
 * (all files written, nothing sealed), or a sealing phase of {@link EvidenceFolder} ({@code hash},
 * {@code manifest}, {@code signature}, {@code chain}, {@code marker}); {@code none} runs to the end.
 *
 * <p>Arguments: DIR RIG_HOME POINT SIGNAL_FILE.
 */
public final class EvidenceWriterProcess {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        RigHome home = new RigHome(Path.of(args[1]));
        String point = args[2];
        Path signal = Path.of(args[3]);
        EvidenceFolder folder = EvidenceFolder.create(dir, phase -> stopIf(phase.equals(point), signal));
        stopIf(point.equals("created"), signal);
        folder.write("results.json", "{\"run_id\": \"killed\"}\n".getBytes(StandardCharsets.UTF_8));
        folder.write("traces/A.vcd", out -> {
            for (int i = 0; i < 20_000; i++) {
                out.write(("#" + i * 1000 + "\n1!\n").getBytes(StandardCharsets.US_ASCII));
                if (i == 10_000) {
                    out.flush();
                    stopIf(point.equals("mid-file"), signal);
                }
            }
        });
        folder.write("junit.xml", "<testsuite/>\n".getBytes(StandardCharsets.UTF_8));
        stopIf(point.equals("files"), signal);
        folder.seal(home, "run-killed-at-" + point);
        System.out.println("sealed");
    }

    private static void stopIf(boolean stop, Path signal) {
        if (!stop) {
            return;
        }
        try {
            Files.writeString(signal, "stopped\n");
            new CountDownLatch(1).await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
