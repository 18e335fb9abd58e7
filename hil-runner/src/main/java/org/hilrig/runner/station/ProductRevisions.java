package org.hilrig.runner.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.runner.profile.BoardProfileLoader;
import org.hilrig.runner.store.ProductRecords;
import org.hilrig.runner.store.ProfileRevision;
import org.hilrig.runner.store.RetestPolicy;
import org.hilrig.runner.yaml.YamlText;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;

/**
 * The station's products as they stand now: each one's profile revision in force and its retest policy, both
 * histories in the results database. When a product has none yet (the first start on a database), its station
 * file's profile becomes revision 1 and its station file's retest policy policy 1, both by {@value
 * ProfileRevision#STATION_FILE}. An engineer releases a new revision (a file uploaded, or a path under the
 * installation's home) only when it passes {@link BoardProfileLoader}'s checks and is of the product's board; each
 * revision is written once to {@code EVIDENCE/profiles/REVISION.yaml}, the file the product's emulated units start
 * with. Thread-safe.
 */
final class ProductRevisions {
    private final StationFile file;
    private final ProductRecords records;
    private final Path home;
    private final Path profiles;
    private final Audit audit;
    private final List<String> notes = new java.util.ArrayList<>();

    ProductRevisions(StationFile file, ProductRecords records, Path home, Audit audit) {
        this.file = file;
        this.records = records;
        this.home = home.toAbsolutePath().normalize();
        this.profiles = file.evidence().resolve("profiles");
        this.audit = audit;
        for (StationFile.Product p : file.products()) {
            String text = YamlText.read(p.profile(), p.profile().toString());
            ProfileRevision latest = records.latestRevision(p.partNumber()).orElse(null);
            if (latest != null && !latest.sha256().equals(ProductRecords.sha256(text))) {
                notes.add(p.partNumber() + " runs against " + latest.revisionId() + ", not the station file's profile "
                        + this.home.relativize(p.profile().toAbsolutePath().normalize()) + " (it differs; an engineer"
                        + " releases it on the Products page to use it)");
            }
            if (latest == null) {
                records.release(p.partNumber(), text, this.home.relativize(p.profile().toAbsolutePath().normalize()).toString(), ProfileRevision.STATION_FILE,
                        Audit.nowUtc(), "the station file's profile");
            }
            if (records.policy(p.partNumber()).isEmpty()) {
                records.changePolicy(p.partNumber(), p.maxAttempts(), p.reworkAfterFail(), ProfileRevision.STATION_FILE,
                        Audit.nowUtc(), "the station file's retest policy");
            }
        }
    }

    /** Where a product's revision in force is not its station file's profile, one sentence each. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** The product's revision in force. */
    ProfileRevision current(String partNumber) {
        return records.latestRevision(partNumber).orElseThrow(() -> new IllegalStateException("no revision of "
                + partNumber + " (made at start)"));
    }

    List<ProfileRevision> history(String partNumber) {
        return records.revisions(partNumber);
    }

    /** The product's retest policy in force. */
    RetestPolicy policy(String partNumber) {
        return records.policy(partNumber).orElseThrow(() -> new IllegalStateException("no retest policy of "
                + partNumber + " (made at start)"));
    }

    List<RetestPolicy> policies(String partNumber) {
        return records.policies(partNumber);
    }

    /** The revision's profile as a file (written on first use), for the emulator a unit starts with. */
    Path file(ProfileRevision r) {
        Path f = profiles.resolve(r.revisionId() + ".yaml");
        try {
            if (!Files.exists(f) || !ProductRecords.sha256(Files.readString(f)).equals(r.sha256())) {
                Files.createDirectories(profiles);
                Path tmp = Files.createTempFile(profiles, r.revisionId(), ".tmp");
                Files.writeString(tmp, r.text());
                Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new RigFailureException("cannot write " + f + ": " + e.getMessage(), e);
        }
        return f;
    }

    /**
     * Releases an uploaded profile as the product's next revision.
     *
     * @param name the upload's file name, as messages name it
     * @throws Station.Refused with every problem at its {@code name:line:col} when the profile does not load, is of
     *     another board, is the revision in force, or the reason is missing
     */
    ProfileRevision releaseUpload(String partNumber, String name, byte[] bytes, String by, String reason)
            throws Station.Refused {
        String source = Path.of(name == null || name.isBlank() ? "upload.yaml" : name).getFileName().toString();
        Path tmp = null;
        try {
            Files.createDirectories(profiles);
            tmp = Files.createTempFile(profiles, "upload-", ".yaml");
            Files.write(tmp, bytes);
            return release(partNumber, tmp, source, by, reason);
        } catch (IOException e) {
            throw new RigFailureException("cannot keep the upload in " + profiles + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the temporary copy stays behind; the release itself is unaffected
                }
            }
        }
    }

    /**
     * Releases a profile file under the installation's home as the product's next revision.
     *
     * @throws Station.Refused as {@link #releaseUpload}, and when the path leaves the home or names no file
     */
    ProfileRevision releasePath(String partNumber, String path, String by, String reason) throws Station.Refused {
        String given = path == null ? "" : path.strip();
        Path f = home.resolve(given).normalize();
        if (given.isEmpty() || !f.startsWith(home)) {
            throw new Station.Refused("profile path '" + given + "' is not a file under the installation's home " + home);
        }
        if (!Files.isRegularFile(f)) {
            throw new Station.Refused("profile path " + given + ": no such file under " + home);
        }
        return release(partNumber, f, given, by, reason);
    }

    private ProfileRevision release(String partNumber, Path f, String source, String by, String reason)
            throws Station.Refused {
        StationFile.Product product = file.product(partNumber).orElseThrow(() -> new Station.Refused("unknown product "
                + partNumber));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new Station.Refused("say why the limits change: a revision without a reason is not released");
        }
        String text;
        BoardProfile profile;
        try {
            text = YamlText.read(f, source);
            profile = BoardProfileLoader.parse(source, text);
        } catch (BadInputException e) {
            throw new Station.Refused(source + " is not released: it does not load as a board profile ("
                    + e.located().size() + (e.located().size() == 1 ? " problem)" : " problems)"), e.problems());
        }
        if (profile.board() != product.board()) {
            throw new Station.Refused(source + " is not released: it is a " + profile.board() + " profile, "
                    + partNumber + " is a " + product.board() + " board");
        }
        ProfileRevision now = current(partNumber);
        if (ProductRecords.sha256(text).equals(now.sha256())) {
            throw new Station.Refused(source + " is not released: it is " + now.revisionId() + " already, byte for byte");
        }
        ProfileRevision r = records.release(partNumber, text, source, by, Audit.nowUtc(), why);
        audit.record(by, "release-profile", r.revisionId() + " of " + partNumber + " from " + source + " (sha256 "
                + r.sha256() + "): " + why);
        return r;
    }

    /**
     * Changes the product's retest policy.
     *
     * @throws Station.Refused when the count is outside 1 to 100 or the reason is missing
     */
    RetestPolicy changePolicy(String partNumber, int maxAttempts, boolean reworkAfterFail, String by, String reason)
            throws Station.Refused {
        if (file.product(partNumber).isEmpty()) {
            throw new Station.Refused("unknown product " + partNumber);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new Station.Refused("max attempts is " + maxAttempts + ", out of range (allowed: 1 to 100)");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new Station.Refused("say why the retest policy changes: a change without a reason is not made");
        }
        RetestPolicy p = records.changePolicy(partNumber, maxAttempts, reworkAfterFail, by, Audit.nowUtc(), why);
        audit.record(by, "retest-policy", partNumber + ": max " + maxAttempts + " attempts, rework after a fail "
                + (reworkAfterFail ? "required" : "not required") + ": " + why);
        return p;
    }
}
