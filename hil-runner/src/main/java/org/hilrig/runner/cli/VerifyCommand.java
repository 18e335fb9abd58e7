package org.hilrig.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.Callable;
import org.hilrig.runner.evidence.EvidenceVerifier;
import org.hilrig.runner.evidence.Finding;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.evidence.RigKey;
import org.hilrig.runner.evidence.Verification;
import org.hilrig.timing.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hil verify DIR...}: checks evidence folders. Prints one line per folder ({@code DIR: intact ...} or
 * {@code DIR: NOT INTACT ...}) followed by one indented line per finding, warnings prefixed {@code warning: } and
 * notes {@code note: }. Exit 0 when every folder is intact, 1 when anything was changed, added, missing, unsigned
 * or signed by another key where a key is trusted, of another rig, out of chain or incomplete, 2 for bad usage.
 */
@Command(name = "verify", description = {"Checks the integrity of run output folders: every file against the "
        + "manifest, the signature, the rig, the chain to the previous run, completeness.",
        "Signatures must be by the --key given, else by the rig home's key (current or retired): then an unsigned "
                + "folder, one signed by another key, or one naming another rig fails. With no key at hand a "
                + "folder cannot prove who wrote it: verify says so as a warning.",
        "Exit 0 intact, 1 something changed, added, missing, unsigned, wrongly signed, out of chain or incomplete, "
                + "2 bad usage."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Output folders of 'hil run'; give consecutive "
            + "runs together to check the chain between them.")
    List<Path> dirs;

    @Option(names = "--rig-home", paramLabel = "DIR", description = "The rig's state folder (default: $HIL_HOME, "
            + "else ~/.hil); its chain log and key are checked when the run was sealed on this rig.")
    Path rigHome;

    @Option(names = "--key", paramLabel = "RIG.pub", description = "Trust only signatures by this public key "
            + "(X.509 DER, as 'hil keygen' writes it); unsigned folders and other keys fail.")
    Path key;

    @Override
    public Integer call() {
        PublicKey trusted = null;
        if (key != null) {
            try {
                trusted = RigKey.publicKey(Files.readAllBytes(key), key.toString());
            } catch (IOException e) {
                throw new BadInputException(key.toString(), 0, 0, "cannot read the key (" + e.getMessage() + ")", e);
            }
        }
        RigHome home = RigHome.locate(rigHome);
        List<Verification> results = new EvidenceVerifier(home, trusted).verifyAll(dirs);
        PrintWriter out = spec.commandLine().getOut();
        boolean allIntact = true;
        for (Verification v : results) {
            allIntact &= v.intact();
            out.println(headline(v));
            for (Finding f : v.findings()) {
                out.println("  " + switch (f.severity()) {
                    case PROBLEM -> "";
                    case WARNING -> "warning: ";
                    case NOTE -> "note: ";
                } + f);
            }
        }
        out.flush();
        return allIntact ? Hil.OK : Hil.FAILED;
    }

    private static String headline(Verification v) {
        if (!v.intact()) {
            long problems = v.count(Finding.Severity.PROBLEM);
            return v.dir() + ": NOT INTACT (" + problems + (problems == 1 ? " problem" : " problems") + ")";
        }
        long warnings = v.count(Finding.Severity.WARNING);
        return v.dir() + ": intact" + (warnings == 0 ? "" : ", origin not proven (" + warnings
                + (warnings == 1 ? " warning" : " warnings") + ")") + " (" + v.manifest().files().size() + " files, "
                + (v.manifest().signedBy() == null ? "unsigned" : "signed by " + v.manifest().signedBy())
                + ", manifest " + v.manifestSha256() + ")";
    }
}
