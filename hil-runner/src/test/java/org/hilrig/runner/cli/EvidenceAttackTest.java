package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.runner.cli.CommandResult.hil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hilrig.runner.evidence.FileDigest;
import org.hilrig.runner.evidence.Manifest;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.evidence.RigKey;
import org.hilrig.runner.run.Library;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every attack on evidence that the threat model of {@code org.hilrig.runner.evidence} lists, each its own test
 * case, on real folders sealed by {@code hil run} with real Ed25519 rig keys ({@code hil keygen}), checked by
 * {@code hil verify} as each verifier would: the rig's owner on the rig (its rig home), an auditor holding only
 * the rig's public key, and an auditor holding the key and a copy of the rig home's public files (rig id, public
 * key, chain log). Each attack must make {@code hil verify} exit 1, say NOT INTACT, and name what is wrong.
 *
 * <p>Rigs: A (the rig under attack, three runs in order), B (another rig, its own key), C (a rig without a key),
 * D (a rig with its own key that copied A's rig id). The attacker holds a key of their own, never A's.
 */
class EvidenceAttackTest {
    private static final String SCENARIO = "test-scenarios/scenarios/protocol/com-boot-001.yaml";
    private static final String TRACE = "traces/COM-BOOT-001.vcd";

    @TempDir
    static Path sealed;
    private static RigKey attacker;

    @TempDir
    Path tmp;

    /** Who verifies, and with what. */
    enum Verifier {
        /** The rig's owner: {@code hil verify DIR --rig-home A}. */
        ON_THE_RIG,
        /** An auditor with rig A's public key only: {@code --key A.pub}, no rig home of A. */
        AUDITOR_WITH_KEY,
        /** An auditor with rig A's key and a copy of its rig home's public files (no private key). */
        AUDITOR_WITH_KEY_AND_CHAIN
    }

    private static final Set<Verifier> ALL = EnumSet.allOf(Verifier.class);
    private static final Set<Verifier> WITH_CHAIN_LOG = EnumSet.of(Verifier.ON_THE_RIG,
            Verifier.AUDITOR_WITH_KEY_AND_CHAIN);

    /**
     * One attack: what it does to a fresh copy of the rigs and folders, returning the folders to verify; the
     * finding line that must name it starts with {@code finding} and contains {@code detail}.
     */
    record Attack(String name, Set<Verifier> verifiers, Function<Scene, List<Path>> apply, String finding,
            String detail) {
        Attack(String name, Set<Verifier> verifiers, Function<Scene, List<Path>> apply, String finding) {
            this(name, verifiers, apply, finding, "");
        }
    }

    @BeforeAll
    static void sealRealRuns() {
        attacker = RigKey.generate();
        keygen(sealed.resolve("rigA"));
        for (String run : List.of("run1", "run2", "run3")) {
            run(sealed.resolve("rigA"), sealed.resolve(run));
        }
        keygen(sealed.resolve("rigB"));
        run(sealed.resolve("rigB"), sealed.resolve("runB"));
        run(sealed.resolve("rigC"), sealed.resolve("runC"));
        copy(sealed.resolve("rigA/rig-id"), sealed.resolve("rigD/rig-id"));
        keygen(sealed.resolve("rigD"));
        run(sealed.resolve("rigD"), sealed.resolve("runD"));
    }

    private static void keygen(Path home) {
        CommandResult r = hil("keygen", "--rig-home", home.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private static void run(Path home, Path out) {
        CommandResult r = hil("run", Library.home().resolve(SCENARIO).toString(), "--out", out.toString(),
                "--rig-home", home.toString(), "--no-db");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(out.resolve(TRACE)).exists();
    }

    /** A fresh copy of every rig home and folder for one attack. */
    static final class Scene {
        final Path root;

        Scene(Path root) {
            this.root = root;
            copy(sealed, root);
        }

        Path rig() {
            return root.resolve("rigA");
        }

        Path dir(String name) {
            return root.resolve(name);
        }

        List<String> chainLog() {
            try {
                return new ArrayList<>(Files.readAllLines(rig().resolve("chain.log")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void chainLog(List<String> lines) {
            write(rig().resolve("chain.log"), lines.stream().map(l -> l + "\n").reduce("", String::concat));
        }

        String manifestSha256(String run) {
            return FileDigest.sha256Hex(read(dir(run).resolve(Manifest.FILE)));
        }
    }

    static Stream<Arguments> attacks() {
        List<Attack> list = List.of(
                new Attack("edit results.json", ALL, s -> {
                    edit(s.dir("run2").resolve("results.json"), t -> t.replaceFirst("\"pass\"", "\"fail\""));
                    return List.of(s.dir("run2"));
                }, "changed results.json: sha256 is "),
                new Attack("edit results.json and put its new hash and size in the manifest", ALL, s -> {
                    edit(s.dir("run2").resolve("results.json"), t -> t.replaceFirst("\"pass\"", "\"fail\""));
                    manifest(s.dir("run2"), m -> rehashed(m, s.dir("run2")));
                    return List.of(s.dir("run2"));
                }, "bad signature manifest.sig: does not verify"),
                new Attack("edit results.json, rehash, drop signed_by and manifest.sig, set an unknown rig_id", ALL,
                        s -> {
                            Path d = s.dir("run2");
                            edit(d.resolve("results.json"), t -> t.replaceFirst("\"pass\"", "\"fail\""));
                            manifest(d, m -> with(rehashed(m, d), "rig-000000", null));
                            delete(d.resolve(Manifest.SIGNATURE_FILE));
                            return List.of(d);
                        }, "unsigned manifest.json: the manifest says it was not signed, but a signature by "),
                new Attack("drop signed_by and manifest.sig", ALL, s -> {
                    manifest(s.dir("run2"), m -> with(m, m.rigId(), null));
                    delete(s.dir("run2").resolve(Manifest.SIGNATURE_FILE));
                    return List.of(s.dir("run2"));
                }, "unsigned manifest.json: "),
                new Attack("drop signed_by but keep manifest.sig", ALL, s -> {
                    manifest(s.dir("run2"), m -> with(m, m.rigId(), null));
                    return List.of(s.dir("run2"));
                }, "unsigned manifest.json: "),
                new Attack("delete manifest.sig", ALL, s -> {
                    delete(s.dir("run2").resolve(Manifest.SIGNATURE_FILE));
                    return List.of(s.dir("run2"));
                }, "missing manifest.sig: the manifest says it was signed by "),
                new Attack("empty manifest.sig", ALL, s -> {
                    write(s.dir("run2").resolve(Manifest.SIGNATURE_FILE), "");
                    return List.of(s.dir("run2"));
                }, "malformed manifest.sig: not a signature file"),
                new Attack("swap in manifest.sig of another run of the same rig", ALL, s -> {
                    copy(s.dir("run3").resolve(Manifest.SIGNATURE_FILE), s.dir("run2").resolve(Manifest.SIGNATURE_FILE));
                    return List.of(s.dir("run2"));
                }, "bad signature manifest.sig: does not verify"),
                new Attack("edit, rehash and re-sign with the attacker's key, named in signed_by", ALL, s -> {
                    Path d = s.dir("run2");
                    edit(d.resolve("results.json"), t -> t.replaceFirst("\"pass\"", "\"fail\""));
                    resign(d, attacker, m -> with(rehashed(m, d), m.rigId(), attacker.fingerprint()));
                    return List.of(d);
                }, "bad signature manifest.sig: signed by " + attacker.fingerprint() + ", not by "),
                new Attack("edit, rehash and sign with the attacker's key, keeping the rig's signed_by", ALL, s -> {
                    Path d = s.dir("run2");
                    edit(d.resolve("results.json"), t -> t.replaceFirst("\"pass\"", "\"fail\""));
                    resign(d, attacker, m -> rehashed(m, d));
                    return List.of(d);
                }, "bad signature manifest.sig: made with key " + attacker.fingerprint()),
                new Attack("change rig_id", ALL, s -> {
                    manifest(s.dir("run2"), m -> with(m, "rig-000000", m.signedBy()));
                    return List.of(s.dir("run2"));
                }, "bad signature manifest.sig: does not verify"),
                new Attack("change rig_id and re-sign with the attacker's key", ALL, s -> {
                    resign(s.dir("run2"), attacker, m -> with(m, "rig-000000", attacker.fingerprint()));
                    return List.of(s.dir("run2"));
                }, "bad signature manifest.sig: signed by " + attacker.fingerprint()),
                new Attack("change run_id", ALL, s -> {
                    manifest(s.dir("run2"), m -> new Manifest("run-forged", m.rigId(), m.createdUtc(),
                            m.previousManifestSha256(), m.signedBy(), m.files()));
                    return List.of(s.dir("run2"));
                }, "bad signature manifest.sig: does not verify"),
                new Attack("change created_utc to move the run in time", ALL, s -> {
                    manifest(s.dir("run2"), m -> new Manifest(m.runId(), m.rigId(), "2020-01-01T00:00:00Z",
                            m.previousManifestSha256(), m.signedBy(), m.files()));
                    return List.of(s.dir("run2"));
                }, "bad signature manifest.sig: does not verify"),
                new Attack("change previous_manifest_sha256 to skip a run", ALL, s -> {
                    manifest(s.dir("run3"), m -> new Manifest(m.runId(), m.rigId(), m.createdUtc(),
                            s.manifestSha256("run1"), m.signedBy(), m.files()));
                    return List.of(s.dir("run3"));
                }, "bad signature manifest.sig: does not verify"),
                new Attack("remove a trace", ALL, s -> {
                    delete(s.dir("run2").resolve(TRACE));
                    return List.of(s.dir("run2"));
                }, "missing " + TRACE + ": listed in the manifest"),
                new Attack("remove a trace and its line in the manifest", ALL, s -> {
                    delete(s.dir("run2").resolve(TRACE));
                    manifest(s.dir("run2"), m -> new Manifest(m.runId(), m.rigId(), m.createdUtc(),
                            m.previousManifestSha256(), m.signedBy(),
                            m.files().stream().filter(f -> !f.path().equals(TRACE)).toList()));
                    return List.of(s.dir("run2"));
                }, "bad signature manifest.sig: does not verify"),
                new Attack("add a file", ALL, s -> {
                    write(s.dir("run2").resolve("traces/EXTRA.vcd"), "$enddefinitions $end\n");
                    return List.of(s.dir("run2"));
                }, "added traces/EXTRA.vcd: in the folder but not in the manifest"),
                new Attack("add a file and list it in the manifest", ALL, s -> {
                    Path d = s.dir("run2");
                    write(d.resolve("traces/EXTRA.vcd"), "$enddefinitions $end\n");
                    manifest(d, m -> {
                        List<FileDigest> files = new ArrayList<>(m.files());
                        files.add(FileDigest.of("traces/EXTRA.vcd", d.resolve("traces/EXTRA.vcd")));
                        files.sort(Comparator.comparing(FileDigest::path));
                        return new Manifest(m.runId(), m.rigId(), m.createdUtc(), m.previousManifestSha256(),
                                m.signedBy(), files);
                    });
                    return List.of(d);
                }, "bad signature manifest.sig: does not verify"),
                new Attack("rename a trace", ALL, s -> {
                    move(s.dir("run2").resolve(TRACE), s.dir("run2").resolve("traces/OTHER.vcd"));
                    return List.of(s.dir("run2"));
                }, "missing " + TRACE),
                new Attack("truncate manifest.json", ALL, s -> {
                    byte[] m = read(s.dir("run2").resolve(Manifest.FILE));
                    writeBytes(s.dir("run2").resolve(Manifest.FILE), java.util.Arrays.copyOf(m, m.length / 2));
                    return List.of(s.dir("run2"));
                }, "malformed manifest.json: not JSON"),
                new Attack("remove manifest.json and manifest.sig", ALL, s -> {
                    delete(s.dir("run2").resolve(Manifest.FILE));
                    delete(s.dir("run2").resolve(Manifest.SIGNATURE_FILE));
                    return List.of(s.dir("run2"));
                }, "incomplete manifest.json: no manifest"),
                new Attack("replace manifest.json and manifest.sig with another run's", ALL, s -> {
                    copy(s.dir("run3").resolve(Manifest.FILE), s.dir("run2").resolve(Manifest.FILE));
                    copy(s.dir("run3").resolve(Manifest.SIGNATURE_FILE), s.dir("run2").resolve(Manifest.SIGNATURE_FILE));
                    return List.of(s.dir("run2"));
                }, "changed results.json: sha256 is "),
                new Attack("replace the whole folder with a run of another rig", ALL, s -> {
                    replaceFolder(s.dir("runB"), s.dir("run2"));
                    return List.of(s.dir("run2"));
                }, "bad signature manifest.sig: signed by "),
                new Attack("replace the whole folder with an unsigned run of a rig without a key", ALL, s -> {
                    replaceFolder(s.dir("runC"), s.dir("run2"));
                    return List.of(s.dir("run2"));
                }, "unsigned manifest.json: the manifest says it was not signed, but a signature by "),
                new Attack("replace the whole folder with a run of a rig that copied this rig's id", ALL, s -> {
                    replaceFolder(s.dir("runD"), s.dir("run2"));
                    return List.of(s.dir("run2"));
                }, "bad signature manifest.sig: signed by "),
                new Attack("replace a folder with a copy of another run of the same rig, verified with its neighbours",
                        ALL, s -> {
                            replaceFolder(s.dir("run3"), s.dir("run2"));
                            return List.of(s.dir("run1"), s.dir("run2"), s.dir("run3"));
                        }, "broken chain manifest.json: the same run ("),
                new Attack("delete a run from the middle, verified with the runs around it", ALL, s -> {
                    deleteFolder(s.dir("run2"));
                    return List.of(s.dir("run1"), s.dir("run3"));
                }, "broken chain manifest.json: previous manifest is ", "a run between them is missing"),
                new Attack("delete a run and its chain log entry", WITH_CHAIN_LOG, s -> {
                    String gone = s.manifestSha256("run2");
                    deleteFolder(s.dir("run2"));
                    s.chainLog(s.chainLog().stream().filter(l -> !l.startsWith(gone)).toList());
                    return List.of(s.dir("run3"));
                }, "broken chain manifest.json: previous manifest is ",
                        "before this run (line 2): a run was removed from or reordered in the chain"),
                new Attack("remove the run's own chain log entry", WITH_CHAIN_LOG, s -> {
                    String own = s.manifestSha256("run2");
                    s.chainLog(s.chainLog().stream().filter(l -> !l.startsWith(own)).toList());
                    return List.of(s.dir("run2"));
                }, "broken chain manifest.json: manifest ", "'s chain log "),
                new Attack("swap two chain log entries", WITH_CHAIN_LOG, s -> {
                    List<String> log = s.chainLog();
                    java.util.Collections.swap(log, 0, 1);
                    s.chainLog(log);
                    return List.of(s.dir("run3"));
                }, "broken chain manifest.json: previous manifest is "),
                new Attack("truncate the chain log after the first run", WITH_CHAIN_LOG, s -> {
                    s.chainLog(s.chainLog().subList(0, 1));
                    return List.of(s.dir("run2"));
                }, "broken chain manifest.json: manifest "),
                new Attack("put the run's chain log entry under another run id", WITH_CHAIN_LOG, s -> {
                    s.chainLog(s.chainLog().stream().map(l -> l.startsWith(s.manifestSha256("run2"))
                            ? l.replaceFirst(" \\S+ ", " run-forged ") : l).toList());
                    return List.of(s.dir("run2"));
                }, "broken chain manifest.json: the rig's chain log ", "has this manifest as run run-forged"),
                new Attack("forge an unsigned folder and put its manifest in the chain log in place of the run's",
                        WITH_CHAIN_LOG, s -> {
                            Path d = s.dir("run3");
                            String was = s.manifestSha256("run3");
                            edit(d.resolve("results.json"), t -> t.replaceFirst("\"pass\"", "\"fail\""));
                            manifest(d, m -> with(rehashed(m, d), m.rigId(), null));
                            delete(d.resolve(Manifest.SIGNATURE_FILE));
                            String now = s.manifestSha256("run3");
                            s.chainLog(s.chainLog().stream().map(l -> l.replace(was, now)).toList());
                            return List.of(d);
                        }, "unsigned manifest.json: the manifest says it was not signed, but a signature by "));
        List<Arguments> out = new ArrayList<>();
        for (Attack a : list) {
            for (Verifier v : Verifier.values()) {
                if (a.verifiers().contains(v)) {
                    out.add(Arguments.of(a.name() + " [" + v.name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' ') + "]", a, v));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackIsRejectedWithExitOneNamingWhatIsWrong(String name, Attack attack, Verifier verifier) {
        Scene scene = new Scene(tmp.resolve("scene"));
        List<Path> dirs = attack.apply().apply(scene);

        CommandResult r = verify(scene, verifier, dirs);

        assertThat(r.exitCode()).as("%s\n%s%s", name, r.out(), r.err()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).as(name).contains(": NOT INTACT (");
        assertThat(r.out().lines()).as(name).anyMatch(l -> l.startsWith("  " + attack.finding())
                && l.contains(attack.detail()));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Verifier.class)
    void theSameFoldersUntouchedVerifyAsIntactForEveryVerifier(Verifier verifier) {
        Scene scene = new Scene(tmp.resolve("scene"));

        CommandResult together = verify(scene, verifier, List.of(scene.dir("run1"), scene.dir("run2"),
                scene.dir("run3")));
        CommandResult alone = verify(scene, verifier, List.of(scene.dir("run2")));

        assertThat(together.exitCode()).as(together.out() + together.err()).isZero();
        assertThat(together.out().lines().filter(l -> !l.startsWith("  "))).hasSize(3).allSatisfy(l -> assertThat(l)
                .contains(": intact (").contains("signed by " + RigKey.fingerprint(RigKey.publicKey(
                        read(scene.rig().resolve("rig-key.pub")), "rig A"))));
        assertThat(together.out()).doesNotContain("warning:");
        assertThat(alone.exitCode()).as(alone.out()).isZero();
        if (verifier == Verifier.AUDITOR_WITH_KEY) {
            assertThat(alone.out()).contains("note: not checked: chain: sealed on rig ");
        } else {
            assertThat(alone.out().lines()).as("no finding at all").hasSize(1);
        }
    }

    @Test
    void aRunOfAnotherRigVerifiesWithThatRigsKeyButNotWithThisRigs() {
        Scene scene = new Scene(tmp.resolve("scene"));

        CommandResult withItsKey = hil("verify", scene.dir("runB").toString(), "--rig-home", scene.rig().toString(),
                "--key", scene.dir("rigB").resolve("rig-key.pub").toString());
        CommandResult onThisRig = hil("verify", scene.dir("runB").toString(), "--rig-home", scene.rig().toString());

        assertThat(withItsKey.exitCode()).as(withItsKey.out()).isZero();
        assertThat(onThisRig.exitCode()).isEqualTo(1);
        assertThat(onThisRig.out()).contains("  bad signature manifest.sig: signed by ")
                .contains("  wrong rig manifest.json: rig_id is " + new RigHome(scene.dir("rigB")).rigId()
                        + ", but the trusted key is rig " + new RigHome(scene.rig()).rigId() + "'s (a run of another "
                        + "rig verifies with --key THAT_RIG.pub)");
    }

    private static CommandResult verify(Scene scene, Verifier verifier, List<Path> dirs) {
        List<String> args = new ArrayList<>(List.of("verify"));
        dirs.forEach(d -> args.add(d.toString()));
        Path key = scene.rig().resolve("rig-key.pub");
        switch (verifier) {
            case ON_THE_RIG -> args.addAll(List.of("--rig-home", scene.rig().toString()));
            case AUDITOR_WITH_KEY -> args.addAll(List.of("--rig-home", scene.root.resolve("auditor").toString(),
                    "--key", key.toString()));
            case AUDITOR_WITH_KEY_AND_CHAIN -> {
                Path copy = scene.root.resolve("auditor");
                for (String f : List.of("rig-id", "rig-key.pub", "chain.log")) {
                    copy(scene.rig().resolve(f), copy.resolve(f));
                }
                args.addAll(List.of("--rig-home", copy.toString(), "--key", key.toString()));
            }
        }
        return hil(args.toArray(new String[0]));
    }

    /** The manifest with {@code rigId} and {@code signedBy} (null: unsigned). */
    private static Manifest with(Manifest m, String rigId, String signedBy) {
        return new Manifest(m.runId(), rigId, m.createdUtc(), m.previousManifestSha256(), signedBy, m.files());
    }

    /** The manifest with every file it lists hashed again as it is now in {@code dir}. */
    private static Manifest rehashed(Manifest m, Path dir) {
        return new Manifest(m.runId(), m.rigId(), m.createdUtc(), m.previousManifestSha256(), m.signedBy(),
                m.files().stream().map(f -> FileDigest.of(f.path(), dir.resolve(f.path()))).toList());
    }

    private static void manifest(Path dir, UnaryOperator<Manifest> change) {
        Manifest m = Manifest.parse(read(dir.resolve(Manifest.FILE)));
        writeBytes(dir.resolve(Manifest.FILE), change.apply(m).toJson());
    }

    /** Rewrites the manifest and signs its new bytes with {@code key}, as an attacker with their own key would. */
    private static void resign(Path dir, RigKey key, UnaryOperator<Manifest> change) {
        manifest(dir, change);
        byte[] bytes = read(dir.resolve(Manifest.FILE));
        write(dir.resolve(Manifest.SIGNATURE_FILE), "{\"algorithm\":\"Ed25519\",\"public_key\":\""
                + Base64.getEncoder().encodeToString(key.publicKey().getEncoded()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(key.sign(bytes)) + "\"}\n");
    }

    private static void replaceFolder(Path from, Path to) {
        deleteFolder(to);
        copy(from, to);
    }

    private static void edit(Path file, UnaryOperator<String> change) {
        String before = new String(read(file), StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).as("the edit changes %s", file).isNotEqualTo(before);
        write(file, after);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteFolder(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file, or a folder with everything in it. */
    private static void copy(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
