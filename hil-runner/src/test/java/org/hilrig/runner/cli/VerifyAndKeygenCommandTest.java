package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.runner.cli.CommandResult.hil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hilrig.runner.evidence.EvidenceFolder;
import org.hilrig.runner.evidence.RigHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyAndKeygenCommandTest {
    @TempDir
    Path tmp;

    private Path sealed(Path rigHome, String name) {
        EvidenceFolder f = EvidenceFolder.create(tmp.resolve(name));
        f.write("results.json", "{}".getBytes(StandardCharsets.UTF_8));
        f.seal(new RigHome(rigHome), name);
        return f.dir();
    }

    @Test
    void keygenThenARunVerifiesAsIntactAndSignedWithExitZero() {
        Path home = tmp.resolve("rig");
        CommandResult keygen = hil("keygen", "--rig-home", home.toString());
        Path run = sealed(home, "run1");

        CommandResult verify = hil("verify", run.toString(), "--rig-home", home.toString());

        assertThat(keygen.exitCode()).isZero();
        assertThat(keygen.out()).contains("now signs with ed25519:");
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).startsWith(run + ": intact (1 files, signed by ed25519:");
    }

    @Test
    void keygenRefusesToReplaceAKeyWithoutForce() {
        Path home = tmp.resolve("rig");
        hil("keygen", "--rig-home", home.toString());

        CommandResult again = hil("keygen", "--rig-home", home.toString());
        CommandResult forced = hil("keygen", "--rig-home", home.toString(), "--force");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).startsWith("hil keygen: " + home.resolve("rig-key") + ": the rig has a key already");
        assertThat(forced.exitCode()).isZero();
        assertThat(home.resolve("retired-keys")).isNotEmptyDirectory();
    }

    @Test
    void anOlderRunStillVerifiesOnTheRigAfterItsKeyWasReplaced() {
        Path home = tmp.resolve("rig");
        hil("keygen", "--rig-home", home.toString());
        Path run = sealed(home, "run1");
        hil("keygen", "--rig-home", home.toString(), "--force");

        assertThat(hil("verify", run.toString(), "--rig-home", home.toString()).exitCode()).isZero();
    }

    @Test
    void aChangedFileFailsWithExitOneAndIsNamed() throws Exception {
        Path home = tmp.resolve("rig");
        Path run = sealed(home, "run1");
        Files.writeString(run.resolve("results.json"), "{\"forged\": true}");

        CommandResult verify = hil("verify", run.toString(), "--rig-home", home.toString());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).startsWith(run + ": NOT INTACT (1 problem)\n  changed results.json: sha256 is ");
    }

    @Test
    void anUnsignedRunWithNoKeyAtHandIsIntactButWarnsThatItsOriginIsNotProven() {
        Path home = tmp.resolve("rig");
        Path run = sealed(home, "run1");

        CommandResult verify = hil("verify", run.toString(), "--rig-home", home.toString());

        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).startsWith(run + ": intact, origin not proven (1 warning) (1 files, unsigned, manifest ")
                .contains("\n  warning: unsigned manifest.json: the manifest says rig ")
                .contains("nothing proves which rig wrote this folder");
    }

    @Test
    void anUnsignedRunFailsWithExitOneOnceTheRigHasAKeyOrAKeyIsGiven() {
        Path home = tmp.resolve("rig");
        Path run = sealed(home, "run1");
        hil("keygen", "--rig-home", home.toString());

        CommandResult onTheRig = hil("verify", run.toString(), "--rig-home", home.toString());
        CommandResult withKey = hil("verify", run.toString(), "--rig-home", tmp.resolve("auditor").toString(), "--key",
                home.resolve("rig-key.pub").toString());

        assertThat(onTheRig.exitCode()).isEqualTo(1);
        assertThat(onTheRig.out()).startsWith(run + ": NOT INTACT (1 problem)\n  unsigned manifest.json: the manifest "
                + "says it was not signed, but a signature by rig ");
        assertThat(withKey.exitCode()).isEqualTo(1);
        assertThat(withKey.out()).contains("  unsigned manifest.json: the manifest says it was not signed, but a "
                + "signature by the key given with --key (ed25519:");
    }

    @Test
    void aTrustedKeyOtherThanTheSignersFailsTheSignature() {
        Path home = tmp.resolve("rig");
        hil("keygen", "--rig-home", home.toString());
        Path run = sealed(home, "run1");
        Path other = tmp.resolve("other");
        hil("keygen", "--rig-home", other.toString());

        CommandResult verify = hil("verify", run.toString(), "--key", other.resolve("rig-key.pub").toString());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("bad signature manifest.sig: signed by ed25519:")
                .contains(", not by the key given with --key (ed25519:");
    }

    @Test
    void aMissingFolderOrNoFolderIsBadUsage() {
        CommandResult missing = hil("verify", tmp.resolve("nope").toString(), "--rig-home", tmp.toString());
        CommandResult none = hil("verify");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("hil verify: " + tmp.resolve("nope") + ": no such folder\n");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("hil verify: Missing required parameter: 'DIR'");
    }
}
