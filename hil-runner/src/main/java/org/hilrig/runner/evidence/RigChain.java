package org.hilrig.runner.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.RigFailureException;

/**
 * The rig's chain log, {@code chain.log} in the rig home: one line per sealed run, oldest first,
 * {@code MANIFEST_SHA256 RUN_ID CREATED_UTC}. Appends hold an exclusive lock on {@code chain.lock}, so runs
 * sealing at the same time on one rig (even from several processes) chain one after the other. File locks
 * belong to the whole JVM (a second thread asking gets an exception, not a wait), so threads of one JVM first
 * queue on {@link #IN_PROCESS}.
 */
final class RigChain {
    private static final Object IN_PROCESS = new Object();

    record Entry(String manifestSha256, String runId, String createdUtc) {
    }

    private final RigHome home;

    RigChain(RigHome home) {
        this.home = home;
    }

    /** Every entry, oldest first; empty when there is no log. Malformed lines are a rig failure naming the line. */
    List<Entry> entries() {
        Path log = home.chainLog();
        List<Entry> out = new ArrayList<>();
        if (!Files.exists(log)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split(" ");
                if (parts.length != 3 || !parts[0].matches("[0-9a-f]{64}")) {
                    throw new RigFailureException(log + ":" + (i + 1) + ": not a chain entry 'SHA256 RUN_ID UTC': '"
                            + line + "'");
                }
                out.add(new Entry(parts[0], parts[1], parts[2]));
            }
            return out;
        } catch (IOException e) {
            throw new RigFailureException("cannot read " + log + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code body} holding the rig's chain lock; it gets the last manifest hash (null for none). */
    <T> T locked(java.util.function.Function<String, T> body) {
        synchronized (IN_PROCESS) {
            return lockedInProcess(body);
        }
    }

    private <T> T lockedInProcess(java.util.function.Function<String, T> body) {
        try {
            Files.createDirectories(home.dir());
            try (FileChannel ch = FileChannel.open(home.chainLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = ch.lock();
                try {
                    List<Entry> all = entries();
                    return body.apply(all.isEmpty() ? null : all.get(all.size() - 1).manifestSha256());
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new RigFailureException("cannot lock " + home.chainLock() + ": " + e.getMessage(), e);
        }
    }

    /** Appends an entry and forces it to disk. Call only inside {@link #locked}. */
    void append(Entry e) {
        String line = e.manifestSha256() + " " + e.runId() + " " + e.createdUtc() + "\n";
        try (FileChannel ch = FileChannel.open(home.chainLog(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException ex) {
            throw new RigFailureException("cannot append to " + home.chainLog() + ": " + ex.getMessage(), ex);
        }
    }
}
