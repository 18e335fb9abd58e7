package org.hilrig.runner.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hilrig.runner.testsupport.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceKillTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"staging", "created", "mid-file", "files", "hash", "manifest", "signature", "chain", "marker"})
    void aRunKilledAtAnyPointLeavesAFolderThatVerifiesAsIncomplete(String point) throws Exception {
        RigHome home = new RigHome(tmp.resolve("rig"));
        RigKey.generate().save(home.privateKeyFile(), home.publicKeyFile());
        Path out = tmp.resolve("out");
        Path signal = tmp.resolve("stopped");

        try (ChildJvm child = ChildJvm.start(EvidenceWriterProcess.class, tmp.resolve("child.log"), out.toString(),
                home.dir().toString(), point, signal.toString())) {
            child.awaitFile(signal).kill();
        }

        Verification v = new EvidenceVerifier(home, null).verify(out);
        assertThat(v.intact()).as("intact after a kill at %s: %s", point, v.findings()).isFalse();
        assertThat(v.has(Finding.Kind.INCOMPLETE)).as("findings %s", v.findings()).isTrue();
    }

    @Test
    void theSameRunLeftToFinishVerifiesAsIntactAndSigned() throws Exception {
        RigHome home = new RigHome(tmp.resolve("rig"));
        RigKey.generate().save(home.privateKeyFile(), home.publicKeyFile());
        Path out = tmp.resolve("out");

        int exit;
        try (ChildJvm child = ChildJvm.start(EvidenceWriterProcess.class, tmp.resolve("child.log"), out.toString(),
                home.dir().toString(), "none", tmp.resolve("never").toString())) {
            exit = child.waitForExit();
        }

        assertThat(exit).isZero();
        Verification v = new EvidenceVerifier(home, null).verify(out);
        assertThat(v.findings()).isEmpty();
        assertThat(v.manifest().files()).extracting(FileDigest::path)
                .containsExactly("junit.xml", "results.json", "traces/A.vcd");
    }
}
