package org.hilrig.runner.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Products' profile revisions and retest policies (migration 007), through {@link UnitRecords}' connection: each is
 * a history of rows, numbered per part number and never changed; the latest row is what holds now. Thread-safe
 * (every call holds the {@link UnitRecords} lock).
 */
public final class ProductRecords {
    private final StoreConnection db;
    private final Object lock;

    ProductRecords(StoreConnection db, Object lock) {
        this.db = db;
        this.lock = lock;
    }

    /** SHA-256 of the text's UTF-8 bytes, lowercase hex: a revision's hash. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Releases the product's next revision (number one more than its latest), in one transaction.
     *
     * @return the revision as stored
     */
    public ProfileRevision release(String partNumber, String text, String source, String by, String atUtc, String reason) {
        synchronized (lock) {
            return db.transaction("release a profile revision of " + partNumber, () -> {
                int next = latestNumber("profile_revisions", partNumber) + 1;
                ProfileRevision r = new ProfileRevision(partNumber + "-r" + next, partNumber, next, sha256(text), text,
                        source, by, atUtc, reason);
                try (PreparedStatement s = c().prepareStatement("INSERT INTO profile_revisions (revision_id, part_number,"
                        + " number, profile_sha256, profile_text, source, released_by, released_utc, reason) VALUES (?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, r.revisionId());
                    s.setString(2, partNumber);
                    s.setInt(3, next);
                    s.setString(4, r.sha256());
                    s.setString(5, text);
                    s.setString(6, source);
                    s.setString(7, by);
                    s.setString(8, atUtc);
                    s.setString(9, reason);
                    s.executeUpdate();
                }
                return r;
            });
        }
    }

    /** The product's revisions, oldest first. */
    public List<ProfileRevision> revisions(String partNumber) {
        return selectRevisions("WHERE part_number = ? ORDER BY number", partNumber);
    }

    /** The product's revision in force: its latest. */
    public Optional<ProfileRevision> latestRevision(String partNumber) {
        List<ProfileRevision> all = revisions(partNumber);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** A revision by its id. */
    public Optional<ProfileRevision> revision(String revisionId) {
        return selectRevisions("WHERE revision_id = ?", revisionId).stream().findFirst();
    }

    /** Records the product's next retest policy (number one more than its latest). */
    public RetestPolicy changePolicy(String partNumber, int maxAttempts, boolean reworkAfterFail, String by, String atUtc,
            String reason) {
        synchronized (lock) {
            return db.transaction("change the retest policy of " + partNumber, () -> {
                int next = latestNumber("retest_policies", partNumber) + 1;
                try (PreparedStatement s = c().prepareStatement("INSERT INTO retest_policies (part_number, number,"
                        + " max_attempts, rework_after_fail, changed_by, changed_utc, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, partNumber);
                    s.setInt(2, next);
                    s.setInt(3, maxAttempts);
                    s.setInt(4, reworkAfterFail ? 1 : 0);
                    s.setString(5, by);
                    s.setString(6, atUtc);
                    s.setString(7, reason);
                    s.executeUpdate();
                }
                return new RetestPolicy(partNumber, next, maxAttempts, reworkAfterFail, by, atUtc, reason);
            });
        }
    }

    /** The product's retest policies, oldest first. */
    public List<RetestPolicy> policies(String partNumber) {
        synchronized (lock) {
            return db.sql("read the retest policies of " + partNumber, () -> {
                List<RetestPolicy> out = new ArrayList<>();
                try (PreparedStatement s = c().prepareStatement("SELECT number, max_attempts, rework_after_fail,"
                        + " changed_by, changed_utc, reason FROM retest_policies WHERE part_number = ? ORDER BY number")) {
                    s.setString(1, partNumber);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            out.add(new RetestPolicy(partNumber, r.getInt(1), r.getInt(2), r.getInt(3) == 1, r.getString(4),
                                    r.getString(5), r.getString(6)));
                        }
                    }
                }
                return out;
            });
        }
    }

    /** The product's retest policy in force: its latest. */
    public Optional<RetestPolicy> policy(String partNumber) {
        List<RetestPolicy> all = policies(partNumber);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private Connection c() {
        return db.connection();
    }

    private int latestNumber(String table, String partNumber) throws SQLException {
        try (PreparedStatement s = c().prepareStatement("SELECT MAX(number) FROM " + table + " WHERE part_number = ?")) {
            s.setString(1, partNumber);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private List<ProfileRevision> selectRevisions(String where, String arg) {
        synchronized (lock) {
            return db.sql("read profile revisions", () -> {
                List<ProfileRevision> out = new ArrayList<>();
                try (PreparedStatement s = c().prepareStatement("SELECT revision_id, part_number, number, profile_sha256,"
                        + " profile_text, source, released_by, released_utc, reason FROM profile_revisions " + where)) {
                    s.setString(1, arg);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            out.add(new ProfileRevision(r.getString(1), r.getString(2), r.getInt(3), r.getString(4),
                                    r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9)));
                        }
                    }
                }
                return out;
            });
        }
    }
}
