package org.hilrig.runner.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.hilrig.timing.RigFailureException;

/**
 * Writes a file so that readers see either its old state or the whole new content, never a part: the bytes
 * go to a temporary sibling ({@code .NAME.tmp}), are forced to disk, and the sibling is renamed over the
 * target. A process killed mid-write leaves at most the temporary sibling behind.
 *
 * <p>I/O errors become {@link RigFailureException} naming the file. Safe to call from any thread for
 * distinct targets.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** What writes the content; it must not close the stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code target} from {@code content}, creating missing parent folders, and forces it to disk. */
    public static void write(Path target, Content content) {
        write(target, content, true);
    }

    /**
     * Writes {@code target} by temp file and rename without forcing it to disk: for files of an evidence folder
     * that is not sealed yet, which {@link EvidenceFolder#seal} forces all at once before it writes the manifest.
     * A kill of the process still leaves either the whole old file or the whole new one.
     */
    static void writeUnforced(Path target, Content content) {
        write(target, content, false);
    }

    private static void write(Path target, Content content, boolean force) {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(parent);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch),
                            1 << 16)) {
                content.writeTo(out);
                out.flush();
                if (force) {
                    ch.force(true);
                }
            }
            move(tmp, target);
            if (force) {
                syncFolder(parent);
            }
        } catch (IOException e) {
            throw new RigFailureException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename " + from + " atomically", e);
        }
    }

    /** Forces a folder's entries (new names, renames) to disk; a no-op where the platform cannot. */
    static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a folder for reading; rename is still atomic there.
        }
    }
}
