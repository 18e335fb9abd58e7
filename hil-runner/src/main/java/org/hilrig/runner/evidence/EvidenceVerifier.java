package org.hilrig.runner.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigException;
import org.hilrig.timing.RigFailureException;

/**
 * Checks evidence folders: completeness, every file against the manifest, files added, the signature, and the
 * chain (against the rig's chain log when the folder was sealed on the rig whose home is given, and between
 * the folders checked together).
 *
 * <p>Reads only; never changes a folder or the rig home. Thread-safe.
 */
public final class EvidenceVerifier {
    private final RigHome home;
    private final PublicKey trustedKey;

    /**
     * @param home the rig home to check chains and keys against, or null to check folders on their own
     * @param trustedKey the key signatures must have been made with, or null to trust the rig home's key (when
     *     the folder comes from that rig) and otherwise only report whose key signed
     */
    public EvidenceVerifier(RigHome home, PublicKey trustedKey) {
        this.home = home;
        this.trustedKey = trustedKey;
    }

    /**
     * Verifies several folders, each on its own and then as a chain: for each rig, folders ordered by seal time
     * must each name the one before as their previous manifest.
     */
    public List<Verification> verifyAll(List<Path> dirs) {
        List<Verification> results = new ArrayList<>();
        for (Path d : dirs) {
            results.add(verify(d));
        }
        Map<String, List<Integer>> byRig = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            Manifest m = results.get(i).manifest();
            if (m != null) {
                byRig.computeIfAbsent(m.rigId(), k -> new ArrayList<>()).add(i);
            }
        }
        List<List<Finding>> extra = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            extra.add(new ArrayList<>(results.get(i).findings()));
        }
        for (List<Integer> idx : byRig.values()) {
            idx.sort(Comparator.comparing((Integer i) -> sealedAt(results.get(i))).thenComparing((a, b) ->
                    results.get(a).manifestSha256().equals(results.get(b).manifest().previousManifestSha256()) ? -1
                            : results.get(b).manifestSha256().equals(results.get(a).manifest().previousManifestSha256())
                                    ? 1 : 0));
            for (int k = 1; k < idx.size(); k++) {
                Verification before = results.get(idx.get(k - 1));
                Verification after = results.get(idx.get(k));
                String prev = after.manifest().previousManifestSha256();
                if (!before.manifestSha256().equals(prev)) {
                    extra.get(idx.get(k)).add(new Finding(Finding.Kind.BROKEN_CHAIN, Manifest.FILE,
                            "previous manifest is " + shortHash(prev) + ", but the run sealed before it on rig "
                                    + after.manifest().rigId() + " (" + before.dir() + ") has manifest "
                                    + shortHash(before.manifestSha256())
                                    + ": a run between them is missing or a manifest was replaced"));
                }
            }
        }
        List<Verification> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Verification v = results.get(i);
            out.add(new Verification(v.dir(), v.manifest(), v.manifestSha256(), extra.get(i)));
        }
        return out;
    }

    /** When the folder was sealed; a manifest with an unreadable time sorts first. */
    private static Instant sealedAt(Verification v) {
        try {
            return Instant.parse(v.manifest().createdUtc());
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }

    /**
     * Verifies one folder.
     *
     * @throws BadInputException when {@code dir} is not a folder
     */
    public Verification verify(Path dir) {
        if (!Files.exists(dir) && !EvidenceFolder.stagingLeftovers(dir).isEmpty()) {
            return new Verification(dir, null, null, List.of(new Finding(Finding.Kind.INCOMPLETE, null,
                    "the run writing this folder was stopped before it created it (left "
                            + EvidenceFolder.stagingLeftovers(dir).get(0).getFileName() + ")")));
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir.toString(), 0, 0, Files.exists(dir) ? "not a folder" : "no such folder");
        }
        List<Finding> findings = new ArrayList<>();
        if (Files.exists(dir.resolve(EvidenceFolder.MARKER))) {
            findings.add(new Finding(Finding.Kind.INCOMPLETE, EvidenceFolder.MARKER,
                    "the run writing this folder did not finish (its marker is still there)"));
        }
        Path manifestFile = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(manifestFile)) {
            findings.add(new Finding(Finding.Kind.INCOMPLETE, Manifest.FILE,
                    "no manifest: the run did not finish sealing the folder, or the manifest was removed"));
            return new Verification(dir, null, null, findings);
        }
        byte[] bytes = read(manifestFile);
        String sha = FileDigest.sha256Hex(bytes);
        Manifest manifest;
        try {
            manifest = Manifest.parse(bytes);
        } catch (IllegalArgumentException e) {
            findings.add(new Finding(Finding.Kind.MALFORMED, Manifest.FILE, e.getMessage()));
            return new Verification(dir, null, sha, findings);
        }
        checkFiles(dir, manifest, findings);
        checkSignature(dir, manifest, bytes, findings);
        checkChain(manifest, sha, findings);
        return new Verification(dir, manifest, sha, findings);
    }

    private static void checkFiles(Path dir, Manifest manifest, List<Finding> findings) {
        Set<String> listed = new HashSet<>();
        for (FileDigest f : manifest.files()) {
            listed.add(f.path());
            Path p = dir.resolve(f.path()).normalize();
            if (!p.startsWith(dir.normalize()) || EvidenceFolder.isIntegrityFile(f.path())) {
                findings.add(new Finding(Finding.Kind.MALFORMED, Manifest.FILE, "lists '" + f.path()
                        + "', which cannot be an evidence file"));
            } else if (!Files.isRegularFile(p)) {
                findings.add(new Finding(Finding.Kind.MISSING, f.path(), "listed in the manifest (sha256 "
                        + shortHash(f.sha256()) + ", " + f.sizeBytes() + " bytes) but not in the folder"));
            } else {
                FileDigest now = FileDigest.of(f.path(), p);
                if (!now.sha256().equals(f.sha256())) {
                    findings.add(new Finding(Finding.Kind.CHANGED, f.path(), "sha256 is " + shortHash(now.sha256())
                            + " (" + now.sizeBytes() + " bytes), the manifest says " + shortHash(f.sha256()) + " ("
                            + f.sizeBytes() + " bytes)"));
                }
            }
        }
        for (String name : EvidenceFolder.listFiles(dir)) {
            if (!listed.contains(name) && !EvidenceFolder.isIntegrityFile(name)) {
                findings.add(new Finding(Finding.Kind.ADDED, name, "in the folder but not in the manifest"));
            }
        }
    }

    private void checkSignature(Path dir, Manifest manifest, byte[] manifestBytes, List<Finding> findings) {
        Path sigFile = dir.resolve(Manifest.SIGNATURE_FILE);
        if (manifest.signedBy() == null) {
            if (Files.exists(sigFile)) {
                findings.add(new Finding(Finding.Kind.ADDED, Manifest.SIGNATURE_FILE,
                        "a signature file, but the manifest says the run was not signed"));
            } else {
                findings.add(new Finding(Finding.Kind.UNSIGNED, null, "sealed on rig " + manifest.rigId()
                        + ", which had no key: file integrity checked, origin not (run 'hil keygen' on the rig)"));
            }
            return;
        }
        if (!Files.isRegularFile(sigFile)) {
            findings.add(new Finding(Finding.Kind.MISSING, Manifest.SIGNATURE_FILE, "the manifest says it was signed by "
                    + manifest.signedBy() + ", but there is no signature"));
            return;
        }
        PublicKey key;
        byte[] signature;
        try {
            JsonNode sig = new ObjectMapper().readTree(read(sigFile));
            if (sig == null || !"Ed25519".equals(sig.path("algorithm").asText())) {
                throw new IllegalArgumentException("algorithm is not Ed25519");
            }
            key = RigKey.publicKey(Base64.getDecoder().decode(sig.path("public_key").asText()), Manifest.SIGNATURE_FILE);
            signature = Base64.getDecoder().decode(sig.path("signature").asText());
        } catch (IOException | IllegalArgumentException | BadInputException e) {
            findings.add(new Finding(Finding.Kind.MALFORMED, Manifest.SIGNATURE_FILE, "not a signature file: "
                    + e.getMessage()));
            return;
        }
        String fingerprint = RigKey.fingerprint(key);
        if (!fingerprint.equals(manifest.signedBy())) {
            findings.add(new Finding(Finding.Kind.BAD_SIGNATURE, Manifest.SIGNATURE_FILE, "made with key " + fingerprint
                    + ", but the manifest says it was signed by " + manifest.signedBy()));
            return;
        }
        if (!RigKey.verify(key, manifestBytes, signature)) {
            findings.add(new Finding(Finding.Kind.BAD_SIGNATURE, Manifest.SIGNATURE_FILE,
                    "does not verify: the manifest or the signature was changed after sealing"));
            return;
        }
        List<PublicKey> trusted = trusted(manifest);
        if (trusted.isEmpty()) {
            findings.add(new Finding(Finding.Kind.NOT_CHECKED, Manifest.SIGNATURE_FILE, "valid signature by "
                    + fingerprint + ", a key not compared with a trusted one (give --key RIG.pub)"));
        } else if (trusted.stream().noneMatch(k -> RigKey.fingerprint(k).equals(fingerprint))) {
            findings.add(new Finding(Finding.Kind.BAD_SIGNATURE, Manifest.SIGNATURE_FILE, "signed by " + fingerprint
                    + ", not by the trusted key " + RigKey.fingerprint(trusted.get(0))));
        }
    }

    /** The keys a signature must be from: the given one, else the rig's current and retired keys if it is our rig. */
    private List<PublicKey> trusted(Manifest manifest) {
        if (trustedKey != null) {
            return List.of(trustedKey);
        }
        List<PublicKey> keys = new ArrayList<>();
        if (home != null && manifest.rigId().equals(home.existingRigId().orElse(null))) {
            List<Path> files = new ArrayList<>();
            files.add(home.publicKeyFile());
            try (Stream<Path> retired = Files.isDirectory(home.retiredKeys()) ? Files.list(home.retiredKeys())
                    : Stream.empty()) {
                retired.sorted().forEach(files::add);
            } catch (IOException e) {
                throw new RigFailureException("cannot list " + home.retiredKeys() + ": " + e.getMessage(), e);
            }
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    keys.add(RigKey.publicKey(read(f), f.toString()));
                }
            }
        }
        return keys;
    }

    private void checkChain(Manifest manifest, String sha, List<Finding> findings) {
        if (home == null || !manifest.rigId().equals(home.existingRigId().orElse(null))) {
            findings.add(new Finding(Finding.Kind.NOT_CHECKED, null, "chain: sealed on rig " + manifest.rigId()
                    + ", whose chain log is not here (verify on that rig, or verify consecutive runs together)"));
            return;
        }
        List<RigChain.Entry> entries;
        try {
            entries = new RigChain(home).entries();
        } catch (RigException e) {
            findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, null, e.getMessage()));
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).manifestSha256().equals(sha)) {
                String expected = i == 0 ? null : entries.get(i - 1).manifestSha256();
                if (expected == null ? manifest.previousManifestSha256() != null
                        : !expected.equals(manifest.previousManifestSha256())) {
                    findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, Manifest.FILE, "previous manifest is "
                            + shortHash(manifest.previousManifestSha256()) + ", but the rig's chain log has "
                            + shortHash(expected) + " before this run"));
                }
                return;
            }
        }
        findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, Manifest.FILE, "manifest " + shortHash(sha)
                + " is not in this rig's chain log " + home.chainLog() + " (" + entries.size()
                + " runs): the manifest was replaced or the run was not sealed here"));
    }

    static String shortHash(String sha) {
        return sha == null ? "none (first run on its rig)" : sha.substring(0, Math.min(16, sha.length())) + "...";
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new RigFailureException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
