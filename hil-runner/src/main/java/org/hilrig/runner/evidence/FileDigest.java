package org.hilrig.runner.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hilrig.timing.RigFailureException;

/**
 * A file named as the run saw it, with the SHA-256 of its bytes (lowercase hex) and its size in bytes.
 *
 * @param path the name to record: relative to the evidence folder ({@code /} separated) for its files, as
 *     given on the command line for scenario and fixture files
 */
public record FileDigest(String path, String sha256, long sizeBytes) {

    /** Hashes {@code file} and records it under {@code name}; an unreadable file is a rig failure naming it. */
    public static FileDigest of(String name, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = newSha256();
            byte[] buf = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
                size += n;
            }
            return new FileDigest(name, HexFormat.of().formatHex(d.digest()), size);
        } catch (IOException e) {
            throw new RigFailureException("cannot read " + file + " to hash it: " + e.getMessage(), e);
        }
    }

    /** Hashes {@code file} and records it under its own path as given. */
    public static FileDigest of(Path file) {
        return of(file.toString().replace('\\', '/'), file);
    }

    /** The SHA-256 of {@code bytes}, lowercase hex. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
