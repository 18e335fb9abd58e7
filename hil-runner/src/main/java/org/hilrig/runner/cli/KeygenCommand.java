package org.hilrig.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.evidence.RigKey;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hil keygen}: writes the rig's Ed25519 key pair into the rig home, with which every later run's
 * manifest is signed. Refuses to replace an existing key unless {@code --force}; a replaced public key is kept
 * under {@code retired-keys/} so older runs still verify on this rig. Once the rig has a key, {@code hil verify}
 * on it requires every folder to be signed by one of its keys: folders sealed before, unsigned, fail there.
 */
@Command(name = "keygen", description = {"Writes the rig's Ed25519 signing key pair (rig-key, rig-key.pub) into "
        + "the rig home.", "From then on 'hil verify' on this rig requires a signature by one of its keys: folders "
        + "sealed before, unsigned, fail it. Give auditors rig-key.pub for 'hil verify --key'."})
final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rig-home", paramLabel = "DIR", description = "The rig's state folder (default: $HIL_HOME, "
            + "else ~/.hil).")
    Path rigHome;

    @Option(names = "--force", description = "Replace an existing key (the old public key is kept for verifying "
            + "older runs).")
    boolean force;

    @Override
    public Integer call() {
        RigHome home = RigHome.locate(rigHome);
        if (Files.exists(home.privateKeyFile())) {
            RigKey old = home.key().orElseThrow();
            if (!force) {
                throw new BadInputException(home.privateKeyFile().toString(), 0, 0, "the rig has a key already ("
                        + old.fingerprint() + "); --force replaces it");
            }
            try {
                Files.createDirectories(home.retiredKeys());
                Files.copy(home.publicKeyFile(), home.retiredKeys().resolve(old.fingerprint().replace(':', '-')
                        + ".pub"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new RigFailureException("cannot keep the old public key in " + home.retiredKeys() + ": "
                        + e.getMessage(), e);
            }
        }
        RigKey key = RigKey.generate();
        key.save(home.privateKeyFile(), home.publicKeyFile());
        spec.commandLine().getOut().println("wrote " + home.privateKeyFile() + " and " + home.publicKeyFile()
                + "; rig " + home.rigId() + " now signs with " + key.fingerprint());
        spec.commandLine().getOut().flush();
        return Hil.OK;
    }
}
