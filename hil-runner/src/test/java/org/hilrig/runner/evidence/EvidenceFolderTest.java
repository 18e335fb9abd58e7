package org.hilrig.runner.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hilrig.timing.BadInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceFolderTest {
    @TempDir
    Path tmp;
    RigHome home;

    @BeforeEach
    void rig() {
        home = new RigHome(tmp.resolve("rig"));
    }

    private Path sealedRun(String name) {
        return sealedRun(name, Instant.now());
    }

    private Path sealedRun(String name, Instant sealedAt) {
        EvidenceFolder f = EvidenceFolder.create(tmp.resolve(name));
        f.write("results.json", ("{\"run_id\": \"" + name + "\"}\n").getBytes(StandardCharsets.UTF_8));
        f.write("traces/A.vcd", "$enddefinitions $end\n#0\n1!\n".getBytes(StandardCharsets.UTF_8));
        f.seal(home, name, sealedAt);
        return f.dir();
    }

    private Verification verify(Path dir) {
        return new EvidenceVerifier(home, null).verify(dir);
    }

    private static List<String> problems(Verification v) {
        return v.findings().stream().filter(Finding::problem).map(Finding::toString).toList();
    }

    @Test
    void anUnsignedRunWithNoKeyAtHandIsIntactWithAWarningThatItIsUnsigned() {
        Verification v = verify(sealedRun("run1"));

        assertThat(v.intact()).isTrue();
        assertThat(v.findings()).extracting(Finding::kind, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.UNSIGNED, Finding.Severity.WARNING));
        assertThat(v.manifest().files()).extracting(FileDigest::path).containsExactly("results.json", "traces/A.vcd");
        assertThat(tmp.resolve("run1/INCOMPLETE")).doesNotExist();
        assertThat(tmp.resolve("run1/manifest.sig")).doesNotExist();
    }

    @Test
    void aSignedRunVerifiesAgainstTheRigsOwnKeyWithNoFindings() {
        RigKey key = RigKey.generate();
        key.save(home.privateKeyFile(), home.publicKeyFile());

        Verification v = verify(sealedRun("run1"));

        assertThat(v.findings()).isEmpty();
        assertThat(v.manifest().signedBy()).isEqualTo(key.fingerprint());
    }

    @Test
    void aChangedFileIsNamedWithBothHashes() throws Exception {
        Path dir = sealedRun("run1");
        Files.writeString(dir.resolve("results.json"), "{\"run_id\": \"forged\"}\n");

        Verification v = verify(dir);

        assertThat(problems(v)).singleElement().asString().startsWith("changed results.json: sha256 is ")
                .contains("the manifest says");
    }

    @Test
    void addedAndMissingFilesAreEachNamed() throws Exception {
        Path dir = sealedRun("run1");
        Files.delete(dir.resolve("traces/A.vcd"));
        Files.writeString(dir.resolve("traces/B.vcd"), "extra");

        assertThat(problems(verify(dir))).containsExactly(
                "missing traces/A.vcd: listed in the manifest (sha256 " + EvidenceVerifier.shortHash(
                        FileDigest.sha256Hex("$enddefinitions $end\n#0\n1!\n".getBytes(StandardCharsets.UTF_8)))
                        + ", 27 bytes) but not in the folder",
                "added traces/B.vcd: in the folder but not in the manifest");
    }

    @Test
    void aManifestEditedToMatchAForgedFileBreaksTheSignature() throws Exception {
        RigKey.generate().save(home.privateKeyFile(), home.publicKeyFile());
        Path dir = sealedRun("run1");
        Files.writeString(dir.resolve("results.json"), "{\"run_id\": \"forged\"}\n");
        Manifest m = Manifest.parse(Files.readAllBytes(dir.resolve("manifest.json")));
        List<FileDigest> files = m.files().stream()
                .map(f -> f.path().equals("results.json") ? FileDigest.of("results.json", dir.resolve("results.json")) : f)
                .toList();
        Files.write(dir.resolve("manifest.json"), new Manifest(m.runId(), m.rigId(), m.createdUtc(),
                m.previousManifestSha256(), m.signedBy(), files).toJson());

        Verification v = verify(dir);

        assertThat(v.findings()).extracting(Finding::kind).contains(Finding.Kind.BAD_SIGNATURE)
                .doesNotContain(Finding.Kind.CHANGED);
        assertThat(v.has(Finding.Kind.BROKEN_CHAIN)).as("the forged manifest is not in the chain log").isTrue();
    }

    @Test
    void aSignatureByAnotherKeyIsRejectedOnTheRig() throws Exception {
        RigKey.generate().save(home.privateKeyFile(), home.publicKeyFile());
        Path dir = sealedRun("run1");
        byte[] manifest = Files.readAllBytes(dir.resolve("manifest.json"));
        RigKey intruder = RigKey.generate();
        Files.write(dir.resolve("manifest.sig"), EvidenceFolder.signatureFile(intruder, manifest));

        assertThat(problems(verify(dir))).singleElement().asString()
                .startsWith("bad signature manifest.sig: made with key " + intruder.fingerprint());
    }

    @Test
    void aRemovedSignatureIsMissingNotUnsigned() throws Exception {
        RigKey.generate().save(home.privateKeyFile(), home.publicKeyFile());
        Path dir = sealedRun("run1");
        Files.delete(dir.resolve("manifest.sig"));

        assertThat(problems(verify(dir))).singleElement().asString().startsWith("missing manifest.sig");
    }

    @Test
    void eachRunChainsToThePreviousManifestOnTheRig() {
        Verification first = verify(sealedRun("run1"));
        Verification second = verify(sealedRun("run2"));

        assertThat(first.manifest().previousManifestSha256()).isNull();
        assertThat(second.manifest().previousManifestSha256()).isEqualTo(first.manifestSha256());
        assertThat(second.intact()).isTrue();
    }

    @Test
    void aRunRemovedFromTheMiddleBreaksTheChainOfTheOnesVerifiedTogether() {
        Path run1 = sealedRun("run1");
        sealedRun("run2");
        Path run3 = sealedRun("run3");

        List<Verification> both = new EvidenceVerifier(null, null).verifyAll(List.of(run3, run1));

        assertThat(both.get(1).intact()).isTrue();
        assertThat(problems(both.get(0))).singleElement().asString().startsWith("broken chain manifest.json: "
                + "previous manifest is ").contains("a run between them is missing");
    }

    @Test
    void runsSealingAtTheSameTimeOnOneRigChainOneAfterTheOther() throws Exception {
        List<EvidenceFolder> folders = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            EvidenceFolder f = EvidenceFolder.create(tmp.resolve("par" + i));
            f.write("results.json", new byte[] {(byte) i});
            folders.add(f);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<EvidenceFolder.Sealed>> sealed = new java.util.ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            EvidenceFolder f = folders.get(i);
            String id = "par" + i;
            sealed.add(pool.submit(() -> {
                go.await();
                return f.seal(home, id);
            }));
        }
        go.countDown();
        for (java.util.concurrent.Future<EvidenceFolder.Sealed> s : sealed) {
            s.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<RigChain.Entry> log = new RigChain(home).entries();
        assertThat(log).hasSize(6);
        for (int i = 0; i < folders.size(); i++) {
            Verification v = verify(folders.get(i).dir());
            assertThat(v.intact()).as("%s: %s", v.dir(), v.findings()).isTrue();
        }
    }

    @Test
    void consecutiveRunsVerifiedTogetherFormAnUnbrokenChain() {
        List<Verification> all = new EvidenceVerifier(null, null).verifyAll(
                List.of(sealedRun("run1"), sealedRun("run2"), sealedRun("run3")));

        assertThat(all).allMatch(Verification::intact);
    }

    @Test
    void runsSealedInTheSameSecondAreOrderedByTheirTimeNotByItsText() {
        // as text "...20:00:00Z" sorts after "...20:00:00.500Z"
        Path first = sealedRun("run1", Instant.parse("2026-11-27T20:00:00Z"));
        Path second = sealedRun("run2", Instant.parse("2026-11-27T20:00:00.500Z"));

        List<Verification> all = new EvidenceVerifier(null, null).verifyAll(List.of(second, first));

        assertThat(all).allMatch(Verification::intact);
    }

    @Test
    void aManifestNotInTheRigsChainLogIsABrokenChain() throws Exception {
        Path dir = sealedRun("run1");
        Files.writeString(home.chainLog(), "");

        assertThat(problems(verify(dir))).singleElement().asString()
                .startsWith("broken chain manifest.json: manifest ").contains("is not in rig " + home.rigId() + "'s chain log");
    }

    @Test
    void aFolderWithoutManifestIsIncomplete() throws Exception {
        Path dir = sealedRun("run1");
        Files.delete(dir.resolve("manifest.json"));

        Verification v = verify(dir);

        assertThat(v.intact()).isFalse();
        assertThat(v.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.INCOMPLETE);
    }

    @Test
    void aFolderStillBeingWrittenIsIncomplete() {
        EvidenceFolder f = EvidenceFolder.create(tmp.resolve("open"));
        f.write("results.json", new byte[] {1});

        assertThat(verify(f.dir()).findings()).extracting(Finding::kind)
                .containsExactly(Finding.Kind.INCOMPLETE, Finding.Kind.INCOMPLETE);
    }

    @Test
    void aNonEmptyOutputFolderIsRefusedAsBadInput() throws Exception {
        Files.createDirectories(tmp.resolve("used"));
        Files.writeString(tmp.resolve("used/old.txt"), "x");

        assertThatThrownBy(() -> EvidenceFolder.create(tmp.resolve("used"))).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("used: output folder is not empty (1 entries); give a new or empty folder");
    }

    @Test
    void anEmptyOutputFolderIsTakenOver() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));

        EvidenceFolder f = EvidenceFolder.create(tmp.resolve("empty"));

        assertThat(f.dir().resolve(EvidenceFolder.MARKER)).exists();
    }

    @Test
    void filesCannotEscapeTheFolderOrOverwriteItsIntegrityFiles() {
        EvidenceFolder f = EvidenceFolder.create(tmp.resolve("out"));

        assertThatThrownBy(() -> f.write("../evil", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.write("manifest.json", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identityRecordsEveryScenarioFileWithItsHash() throws Exception {
        Path scenario = tmp.resolve("door.yaml");
        Files.writeString(scenario, "id: INT-DOOR-003\n");

        RunIdentity id = RunIdentity.capture("r1", "sim", "1.0", null, java.util.Map.of("board", "GEN", "fw", "1.0.0"),
                List.of(scenario), 42, List.of("SLOW_INTERLOCK"), java.time.Instant.parse("2026-11-27T20:00:00Z"),
                null);
        String json = new String(id.toJson(), StandardCharsets.UTF_8);

        assertThat(id.scenarioFiles()).singleElement().extracting(FileDigest::sha256)
                .isEqualTo(FileDigest.sha256Hex("id: INT-DOOR-003\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(json).contains("\"board\" : {\n    \"board\" : \"GEN\",\n    \"fw\" : \"1.0.0\"\n  }")
                .contains("\"seed\" : 42").contains("\"SLOW_INTERLOCK\"").contains("\"started_utc\" : \"2026-11-27T20:00:00Z\"");
    }
}
