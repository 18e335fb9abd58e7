package org.hilrig.runner.evidence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;

/**
 * An evidence folder being written by a run, and its sealing.
 *
 * <p>Life cycle, and what a kill at any moment leaves behind:
 *
 * <pre>
 * create(dir)     .DIR.creating-PID is made with the INCOMPLETE marker            -> verify: incomplete
 *                 and renamed to dir: dir appears atomically, marker inside       -> verify: incomplete
 * write(...)      files are added, each by temp file + rename                     -> verify: incomplete
 * seal(home, id)  1. forces every file and folder to disk and hashes every file
 *                    into manifest.json (temp + rename, forced)                   -> verify: incomplete
 *                 2. signs it into manifest.sig when the rig has a key            -> verify: incomplete
 *                 3. appends the manifest's hash to the rig's chain log           -> verify: incomplete
 *                 4. deletes INCOMPLETE                                           -> verify: intact
 * </pre>
 *
 * <p>So a folder is complete exactly when it has a manifest and no marker; {@code hil verify} reports
 * anything else as incomplete, never as intact. Writers may also put files into {@link #dir()} directly
 * (a VCD writer streaming a trace): everything in the folder at {@link #seal} time is hashed.
 *
 * <p>How {@code hil run} uses it (the folder must be created before anything is written into it, or a kill
 * could leave a partial folder without a marker):
 *
 * <pre>
 * EvidenceFolder folder = EvidenceFolder.create(outDir);            // fails with exit 2 if outDir has files
 * ResultStore db = ResultStore.open(url);  db.startRun(run, home.rigId(), host);
 * ... each scenario: write traces/ID.vcd into folder.dir(); db.addScenario(runId, result);
 * ... results.json, junit.xml into folder.dir()
 * folder.copy("scenarios/" + relativePath, scenarioFile);         // the exact scenario files (and fixture)
 * RunIdentity id = RunIdentity.capture(...);  folder.write("identity.json", id.toJson());
 * HtmlReport.write(folder.dir(), run, tracesById, id, requirements);
 * db.resultsRecorded(runId);                                        // every result in, the seal pending
 * Sealed s = folder.seal(home, runId);
 * db.sealed(runId, endedUtc, s.manifestSha256());                   // last: only now has the run ended
 * </pre>
 *
 * <p>Confined to one thread. I/O errors are {@link RigFailureException}s naming the file.
 */
public final class EvidenceFolder {
    /** The marker present while a folder is being written. */
    public static final String MARKER = "INCOMPLETE";
    /** Threads that force and hash files at the seal: enough to overlap the file system's syncs. */
    private static final int SEAL_THREADS = 8;

    private final Path dir;
    private final Consumer<String> phases;
    private boolean sealed;

    private EvidenceFolder(Path dir, Consumer<String> phases) {
        this.dir = dir;
        this.phases = phases;
    }

    /**
     * Starts an evidence folder at {@code dir}, which must not exist or be empty.
     *
     * @throws BadInputException when {@code dir} is a file or a folder with something in it
     */
    public static EvidenceFolder create(Path dir) {
        return create(dir, phase -> {
        });
    }

    /**
     * {@link #create(Path)} telling {@code phases} the name of each phase before it starts: {@code staging}
     * here, then at the seal {@code hash}, {@code manifest}, {@code signature} (with a key), {@code chain},
     * {@code marker}, and {@code sealed} once it is done. Kill tests pause the process there.
     */
    public static EvidenceFolder create(Path dir, Consumer<String> phases) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new BadInputException(dir.toString(), 0, 0, "output folder is a file; give a new or empty folder");
            }
            try (Stream<Path> s = Files.list(target)) {
                long n = s.count();
                if (n > 0) {
                    throw new BadInputException(dir.toString(), 0, 0, "output folder is not empty (" + n
                            + " entries); give a new or empty folder");
                }
            } catch (IOException e) {
                throw new RigFailureException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        Path staging = target.resolveSibling("." + target.getFileName() + ".creating-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(target.getParent());
            Files.createDirectories(staging);
            Files.writeString(staging.resolve(MARKER), "This folder is being written by hil (process "
                    + ProcessHandle.current().pid() + ", started " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                    + ").\nWhile this file exists the folder is not evidence: the run did not finish.\n",
                    StandardCharsets.UTF_8);
            phases.accept("staging");
            AtomicFile.move(staging, target);
            AtomicFile.syncFolder(target.getParent());
        } catch (IOException e) {
            throw new RigFailureException("cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
        return new EvidenceFolder(target, phases);
    }

    /** The staging folders a {@link #create} of {@code dir} may have left when it was killed. */
    static List<Path> stagingLeftovers(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String prefix = "." + target.getFileName() + ".creating-";
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new RigFailureException("cannot list " + parent + ": " + e.getMessage(), e);
        }
    }

    /** The folder, absolute. */
    public Path dir() {
        return dir;
    }

    /**
     * The path of a file in the folder.
     *
     * @param relative {@code /} separated, inside the folder
     * @throws IllegalArgumentException when {@code relative} escapes the folder or names an integrity file
     */
    public Path resolve(String relative) {
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir) || p.equals(dir)) {
            throw new IllegalArgumentException("'" + relative + "' is not a file inside the evidence folder");
        }
        String name = dir.relativize(p).toString();
        if (name.equals(MARKER) || name.equals(Manifest.FILE) || name.equals(Manifest.SIGNATURE_FILE)) {
            throw new IllegalArgumentException("'" + relative + "' is written by the evidence folder itself");
        }
        return p;
    }

    /**
     * Writes a file atomically (temp + rename). It is forced to disk by {@link #seal}, with every other file,
     * not here: until the seal the folder is marked incomplete whatever happens to it.
     */
    public void write(String relative, byte[] bytes) {
        write(relative, out -> out.write(bytes));
    }

    /** Writes a file atomically from a stream writer; forced to disk by {@link #seal}. */
    public void write(String relative, AtomicFile.Content content) {
        checkOpen();
        AtomicFile.writeUnforced(resolve(relative), content);
    }

    /** Copies {@code source} (a scenario file, the fixture) into the folder, atomically. */
    public void copy(String relative, Path source) {
        checkOpen();
        try {
            byte[] bytes = Files.readAllBytes(source);
            AtomicFile.writeUnforced(resolve(relative), out -> out.write(bytes));
        } catch (IOException e) {
            throw new RigFailureException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Seals the folder: hashes every file into {@code manifest.json}, chains it to the previous run sealed on
     * this rig, signs it with the rig's key when there is one, and removes the marker. No file may be
     * written afterwards.
     *
     * @param runId the run's id, no spaces
     * @return the sealed manifest and its hash
     */
    public Sealed seal(RigHome home, String runId) {
        return seal(home, runId, Instant.now());
    }

    /** {@link #seal(RigHome, String)} recording {@code sealedAt} (millisecond precision) as the seal time. */
    Sealed seal(RigHome home, String runId, Instant sealedAt) {
        checkOpen();
        if (runId == null || !runId.matches("\\S+")) {
            throw new IllegalArgumentException("run id '" + runId + "' is empty or has spaces");
        }
        phases.accept("hash");
        List<FileDigest> files = hashAndForce(dir);
        Optional<RigKey> key = home.key();
        String rigId = home.rigId();
        String created = sealedAt.truncatedTo(ChronoUnit.MILLIS).toString();
        RigChain chain = new RigChain(home);
        Sealed sealed = chain.locked(previous -> {
            Manifest m = new Manifest(runId, rigId, created, previous, key.map(RigKey::fingerprint).orElse(null), files);
            byte[] bytes = m.toJson();
            phases.accept("manifest");
            AtomicFile.write(dir.resolve(Manifest.FILE), bytes);
            if (key.isPresent()) {
                phases.accept("signature");
                AtomicFile.write(dir.resolve(Manifest.SIGNATURE_FILE), signatureFile(key.get(), bytes));
            }
            String sha = FileDigest.sha256Hex(bytes);
            phases.accept("chain");
            chain.append(new RigChain.Entry(sha, runId, created));
            return new Sealed(m, sha);
        });
        phases.accept("marker");
        try {
            Files.delete(dir.resolve(MARKER));
        } catch (IOException e) {
            throw new RigFailureException("cannot remove " + dir.resolve(MARKER) + ": " + e.getMessage(), e);
        }
        AtomicFile.syncFolder(dir);
        this.sealed = true;
        phases.accept("sealed");
        return sealed;
    }

    /** A sealed folder's manifest and the SHA-256 of its bytes (what the next run chains to). */
    public record Sealed(Manifest manifest, String manifestSha256) {
    }

    private void checkOpen() {
        if (sealed) {
            throw new IllegalStateException("evidence folder " + dir + " is already sealed");
        }
    }

    static byte[] signatureFile(RigKey key, byte[] manifestBytes) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("algorithm", "Ed25519");
        m.put("public_key", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()));
        m.put("signature", Base64.getEncoder().encodeToString(key.sign(manifestBytes)));
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m).concat("\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a signature as JSON", e);
        }
    }

    /**
     * {@link #hashFiles}, forcing each file and then each folder to disk first, so a manifest never names a
     * file a power cut could still take away. Files are done by several threads at once: the file system
     * groups concurrent syncs into one journal commit, which makes sealing hundreds of small files cheap.
     */
    static List<FileDigest> hashAndForce(Path dir) {
        List<String> names = listFiles(dir).stream().filter(n -> !isIntegrityFile(n)).toList();
        Set<Path> folders = new TreeSet<>();
        folders.add(dir);
        for (String n : names) {
            // every folder between the file and dir: each holds the entry of the one below it
            for (Path f = dir.resolve(n).getParent(); f != null && f.startsWith(dir); f = f.getParent()) {
                folders.add(f);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(SEAL_THREADS, names.size())));
        try {
            List<Future<FileDigest>> digests = new ArrayList<>();
            for (String n : names) {
                digests.add(pool.submit(() -> forceAndHash(n, dir.resolve(n))));
            }
            List<FileDigest> out = new ArrayList<>();
            for (Future<FileDigest> f : digests) {
                out.add(f.get());
            }
            for (Path folder : folders) {
                AtomicFile.syncFolder(folder);
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new RigFailureException("cannot seal " + dir + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFailureException("interrupted while sealing " + dir, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static FileDigest forceAndHash(String name, Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            throw new RigFailureException("cannot force " + file + " to disk: " + e.getMessage(), e);
        }
        return FileDigest.of(name, file);
    }

    /** Every regular file under {@code dir} except the integrity files, sorted by path, hashed. */
    static List<FileDigest> hashFiles(Path dir) {
        List<FileDigest> out = new ArrayList<>();
        for (String name : listFiles(dir)) {
            if (!isIntegrityFile(name)) {
                out.add(FileDigest.of(name, dir.resolve(name)));
            }
        }
        return out;
    }

    static boolean isIntegrityFile(String name) {
        return name.equals(MARKER) || name.equals(Manifest.FILE) || name.equals(Manifest.SIGNATURE_FILE);
    }

    /** Relative {@code /} separated names of every regular file under {@code dir}, sorted. */
    static List<String> listFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        } catch (IOException e) {
            throw new RigFailureException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
