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
 * Checks evidence folders against the threat model of {@code package-info}: completeness, every file against the
 * manifest, files added, the signature against the trusted keys, the manifest's rig against the signer's, and the
 * chain (against the rig's chain log when the folder belongs to the rig whose home is given, and between the
 * folders checked together).
 *
 * <p>Trusted keys: the one given, else the rig home's current and retired public keys. With a trusted key an
 * unsigned manifest, a signature by any other key, and a {@code rig_id} other than the key's rig are problems;
 * without one (no key given, none in the rig home) nothing can prove who wrote a folder, and verification says
 * so as a warning.
 *
 * <p>Reads only; never changes a folder or the rig home. Thread-safe.
 */
public final class EvidenceVerifier {
    private final RigHome home;
    private final PublicKey trustedKey;
    private final Anchor anchor;

    /** A key signatures may be from, and the rig it belongs to (null when not known here). */
    private record TrustedKey(String fingerprint, String rigId) {
    }

    /**
     * What a signature must be from: the keys, and how a message names them. Empty when no key is at hand.
     */
    private record Anchor(List<TrustedKey> keys, String described) {
        boolean none() {
            return keys.isEmpty();
        }

        /** The rig every trusted key belongs to, or null when that is not known (or they differ). */
        String rigId() {
            String rig = keys.isEmpty() ? null : keys.get(0).rigId();
            for (TrustedKey k : keys) {
                if (k.rigId() == null || !k.rigId().equals(rig)) {
                    return null;
                }
            }
            return rig;
        }
    }

    /**
     * @param home the rig home to check chains and keys against, or null to check folders on their own
     * @param trustedKey the only key signatures may have been made with, or null to trust the rig home's current
     *     and retired keys (and, when it has none, to report whose key signed without trusting it)
     * @throws BadInputException when a public key in the rig home is not one
     */
    public EvidenceVerifier(RigHome home, PublicKey trustedKey) {
        this.home = home;
        this.trustedKey = trustedKey;
        this.anchor = anchor(home, trustedKey);
    }

    private static Anchor anchor(RigHome home, PublicKey given) {
        String homeRig = home == null ? null : home.existingRigId().orElse(null);
        List<String> homeKeys = homeKeyFingerprints(home);
        if (given != null) {
            String fp = RigKey.fingerprint(given);
            String rig = homeKeys.contains(fp) ? homeRig : null;
            return new Anchor(List.of(new TrustedKey(fp, rig)), "the key given with --key (" + fp + ")");
        }
        if (homeKeys.isEmpty()) {
            return new Anchor(List.of(), "no key");
        }
        List<TrustedKey> keys = homeKeys.stream().map(fp -> new TrustedKey(fp, homeRig)).toList();
        return new Anchor(keys, "rig " + homeRig + "'s key (" + homeKeys.get(0)
                + (homeKeys.size() > 1 ? ", or one of its " + (homeKeys.size() - 1) + " retired keys" : "") + ", rig home "
                + home.dir() + ")");
    }

    /** The fingerprints of the rig home's public key and its retired keys, current first; empty without a home. */
    private static List<String> homeKeyFingerprints(RigHome home) {
        List<String> out = new ArrayList<>();
        if (home == null) {
            return out;
        }
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
                out.add(RigKey.fingerprint(RigKey.publicKey(read(f), f.toString())));
            }
        }
        return out;
    }

    /**
     * Verifies several folders, each on its own and then as a chain: for each rig, folders ordered by seal time
     * must each name the one before as their previous manifest, and no two may be the same run.
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
                if (before.manifestSha256().equals(after.manifestSha256())) {
                    extra.get(idx.get(k)).add(new Finding(Finding.Kind.BROKEN_CHAIN, Manifest.FILE, "the same run ("
                            + after.manifest().runId() + ", manifest " + shortHash(after.manifestSha256()) + ") as "
                            + before.dir() + ": a folder was copied, or put in place of another run's"));
                } else if (!before.manifestSha256().equals(prev)) {
                    extra.get(idx.get(k)).add(new Finding(Finding.Kind.BROKEN_CHAIN, Manifest.FILE,
                            "previous manifest is " + shortHash(prev) + ", but the run sealed before it on rig "
                                    + after.manifest().rigId() + " (" + before.dir() + ") has manifest "
                                    + shortHash(before.manifestSha256())
                                    + ": a run between them is missing or a manifest was replaced"
                                    + between(after.manifest().rigId(), before.manifestSha256(), after.manifestSha256())));
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

    /** "; the chain log has N runs between them: ..." when the rig home's chain log knows both, else "". */
    private String between(String rigId, String beforeSha, String afterSha) {
        if (home == null || !rigId.equals(home.existingRigId().orElse(null))) {
            return "";
        }
        List<RigChain.Entry> entries;
        try {
            entries = new RigChain(home).entries();
        } catch (RigException e) {
            return ""; // a malformed chain log is each folder's own finding (checkChain); here it only names no runs
        }
        List<String> shas = entries.stream().map(RigChain.Entry::manifestSha256).toList();
        int from = shas.indexOf(beforeSha);
        int to = shas.indexOf(afterSha);
        if (from < 0 || to <= from + 1) {
            return "";
        }
        List<String> ids = entries.subList(from + 1, to).stream().map(RigChain.Entry::runId).toList();
        return "; the rig's chain log has " + ids.size() + (ids.size() == 1 ? " run" : " runs") + " between them: "
                + String.join(", ", ids.subList(0, Math.min(3, ids.size()))) + (ids.size() > 3 ? ", ..." : "");
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
        checkRig(manifest, findings);
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
            }
            if (anchor.none()) {
                findings.add(new Finding(Finding.Kind.UNSIGNED, Manifest.FILE, "the manifest says rig "
                        + manifest.rigId() + " had no key: nothing proves which rig wrote this folder, nor that the "
                        + "manifest was not rewritten after a file changed; files checked against it only (run 'hil "
                        + "keygen' on the rig, verify with --key RIG.pub)", Finding.Severity.WARNING));
            } else {
                findings.add(new Finding(Finding.Kind.UNSIGNED, Manifest.FILE, "the manifest says it was not "
                        + "signed, but a signature by " + anchor.described() + " is required: anyone can write an "
                        + "unsigned manifest for changed files"));
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
        if (anchor.none()) {
            findings.add(new Finding(Finding.Kind.UNTRUSTED_KEY, Manifest.SIGNATURE_FILE, "valid signature by "
                    + fingerprint + ", a key not compared with a trusted one: anyone can sign with a key of their own "
                    + "(give --key RIG.pub, or verify on the rig)"));
        } else if (anchor.keys().stream().noneMatch(k -> k.fingerprint().equals(fingerprint))) {
            findings.add(new Finding(Finding.Kind.BAD_SIGNATURE, Manifest.SIGNATURE_FILE, "signed by " + fingerprint
                    + ", not by " + anchor.described()));
        }
    }

    /** The manifest's rig must be the trusted key's rig, where that is known. */
    private void checkRig(Manifest manifest, List<Finding> findings) {
        String expected = anchor.rigId();
        if (expected != null && !expected.equals(manifest.rigId())) {
            findings.add(new Finding(Finding.Kind.WRONG_RIG, Manifest.FILE, "rig_id is " + manifest.rigId()
                    + ", but the trusted key is rig " + expected + "'s"
                    + (trustedKey == null ? " (a run of another rig verifies with --key THAT_RIG.pub)" : "")));
        }
    }

    private void checkChain(Manifest manifest, String sha, List<Finding> findings) {
        String homeRig = home == null ? null : home.existingRigId().orElse(null);
        if (homeRig == null || !(homeRig.equals(manifest.rigId()) || homeRig.equals(anchor.rigId()))) {
            findings.add(new Finding(Finding.Kind.NOT_CHECKED, null, "chain: sealed on rig " + manifest.rigId()
                    + ", whose rig home is not here: its chain log and rig id not compared (verify on that rig or "
                    + "with --rig-home a copy of its rig home, or verify consecutive runs together)"));
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
            RigChain.Entry entry = entries.get(i);
            if (entry.manifestSha256().equals(sha)) {
                String expected = i == 0 ? null : entries.get(i - 1).manifestSha256();
                if (expected == null ? manifest.previousManifestSha256() != null
                        : !expected.equals(manifest.previousManifestSha256())) {
                    findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, Manifest.FILE, "previous manifest is "
                            + shortHash(manifest.previousManifestSha256()) + ", but the rig's chain log "
                            + home.chainLog() + " has " + shortHash(expected) + " before this run (line " + (i + 1)
                            + "): a run was removed from or reordered in the chain"));
                }
                if (!entry.runId().equals(manifest.runId()) || !entry.createdUtc().equals(manifest.createdUtc())) {
                    findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, Manifest.FILE, "the rig's chain log "
                            + home.chainLog() + ":" + (i + 1) + " has this manifest as run " + entry.runId()
                            + " sealed " + entry.createdUtc() + ", the manifest says run " + manifest.runId()
                            + " sealed " + manifest.createdUtc()));
                }
                return;
            }
        }
        findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, Manifest.FILE, "manifest " + shortHash(sha)
                + " is not in rig " + homeRig + "'s chain log " + home.chainLog() + " (" + entries.size()
                + " runs): the manifest was replaced, or the run was not sealed on this rig"));
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
