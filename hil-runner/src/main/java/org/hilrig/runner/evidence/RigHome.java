package org.hilrig.runner.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.hilrig.timing.RigFailureException;

/**
 * The rig's own state, kept between runs in one folder (default {@code ~/.hil}, else {@code HIL_HOME}, else
 * a command-line option, the option winning):
 *
 * <pre>
 * rig-id           this rig's name in manifests: a random id made on first use, kept across key changes
 * rig-key          Ed25519 private key, PKCS#8 DER (mode 600); written by {@code hil keygen}
 * rig-key.pub      Ed25519 public key, X.509 DER
 * retired-keys/    public keys replaced by {@code hil keygen --force}, still trusted for older runs
 * chain.log        one line per sealed run: "MANIFEST_SHA256 RUN_ID CREATED_UTC", oldest first
 * chain.lock       lock file held while a run is appended to the chain
 * results.db       the default SQLite results database
 * </pre>
 *
 * <p>Values are immutable; the folder is created on first use. I/O errors are {@link RigFailureException}s.
 */
public record RigHome(Path dir) {
    /** The environment variable that moves the rig home. */
    public static final String ENV = "HIL_HOME";

    /**
     * Picks the rig home: {@code option} when given, else {@code env.get("HIL_HOME")} when set and not blank,
     * else {@code userHome/.hil}.
     */
    public static RigHome locate(Path option, Map<String, String> env, Path userHome) {
        if (option != null) {
            return new RigHome(option);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new RigHome(Path.of(fromEnv));
        }
        return new RigHome(userHome.resolve(".hil"));
    }

    /** {@link #locate} with this process's environment and {@code user.home}. */
    public static RigHome locate(Path option) {
        return locate(option, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public Path privateKeyFile() {
        return dir.resolve("rig-key");
    }

    public Path publicKeyFile() {
        return dir.resolve("rig-key.pub");
    }

    public Path chainLog() {
        return dir.resolve("chain.log");
    }

    Path chainLock() {
        return dir.resolve("chain.lock");
    }

    /** Where {@code hil keygen --force} keeps the public keys it replaced. */
    public Path retiredKeys() {
        return dir.resolve("retired-keys");
    }

    /** The default results database file. */
    public Path database() {
        return dir.resolve("results.db");
    }

    /** The rig's key pair, when {@code hil keygen} has written one. */
    public Optional<RigKey> key() {
        if (!Files.exists(privateKeyFile())) {
            return Optional.empty();
        }
        return Optional.of(RigKey.load(privateKeyFile(), publicKeyFile()));
    }

    /**
     * This rig's id: a random id made once and kept in {@code rig-id}. Safe when several threads or processes
     * ask at once on a new rig: the file is published with a hard link, which fails if another got there first,
     * and then everyone reads that one.
     */
    public String rigId() {
        Optional<String> id = existingRigId();
        if (id.isPresent()) {
            return id.get();
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String made = "rig-" + HexFormat.of().formatHex(random);
        Path file = dir.resolve("rig-id");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".rig-id", ".tmp");
            try {
                Files.writeString(tmp, made + "\n", StandardCharsets.UTF_8);
                Files.createLink(file, tmp);
                return made;
            } catch (FileAlreadyExistsException e) {
                return existingRigId().orElseThrow(() -> new RigFailureException(file + " vanished while being read", e));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new RigFailureException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** This rig's id when it has one already; never creates anything. */
    public Optional<String> existingRigId() {
        Path file = dir.resolve("rig-id");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new RigFailureException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
