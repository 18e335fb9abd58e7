package org.hilrig.runner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.timing.RigFailureException;

/**
 * The production station's records in the results database (migrations 006 and 007): units, every attempt at them
 * with the board's VER fields and the profile revision tested, and their rework steps; through {@link #products()}
 * the products' profile revisions and retest policies, through {@link #accounts()} the stations' users and audit. An attempt is written when its scan is taken ({@link #started}, verdict NULL) and
 * completed once when it ends ({@link #ended}); it is never rewritten, so a unit's retest keeps every attempt before
 * it. A station killed while attempts ran marks them aborted when it starts again ({@link #abortRunning}). One
 * connection of its own (beside the {@link ResultStore} connections that record each attempt's run); thread-safe.
 */
public final class UnitRecords implements AutoCloseable {
    private final Connection c;
    private final StoreConnection db;

    private final ProductRecords products;
    private final StationAccounts accounts;

    private UnitRecords(Connection c, String url) {
        this.c = c;
        this.db = new StoreConnection(c, url, Dialect.of(url));
        this.products = new ProductRecords(db, this);
        this.accounts = new StationAccounts(db, this);
    }

    /** Products' profile revisions and retest policies, on this connection. */
    public ProductRecords products() {
        return products;
    }

    /** Stations' users and audit trails, on this connection. */
    public StationAccounts accounts() {
        return accounts;
    }

    /**
     * Connects to (and migrates) the results database.
     *
     * @throws org.hilrig.timing.BadInputException when the URL is neither SQLite nor PostgreSQL, or in memory
     * @throws RigFailureException when it cannot be reached or migrated
     */
    public static UnitRecords open(String url) {
        ResultStore.open(url).close();
        return new UnitRecords(ResultStore.connect(url, Dialect.of(url)), url);
    }

    /** The attempt as its scan was taken, a production attempt: {@link #started(AttemptRecord, AttemptPurpose)}. */
    public synchronized void started(AttemptRecord a) {
        started(a, AttemptPurpose.PRODUCTION);
    }

    /**
     * The attempt as its scan was taken: the unit (first seen now, unless known) and the attempt, running, with its
     * purpose, in one transaction.
     */
    public synchronized void started(AttemptRecord a, AttemptPurpose purpose) {
        db.transaction("record the start of attempt " + a.attemptId(), () -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM units WHERE serial = ?")) {
                s.setString(1, a.serial());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        try (PreparedStatement u = c.prepareStatement("INSERT INTO units (serial, part_number, revision,"
                                + " first_seen_utc) VALUES (?, ?, ?, ?)")) {
                            u.setString(1, a.serial());
                            u.setString(2, a.partNumber());
                            u.setString(3, a.revision());
                            u.setString(4, a.startedUtc());
                            u.executeUpdate();
                        }
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO attempts (attempt_id, serial, station, socket,"
                    + " operator, part_number, revision, fixture, profile_sha256, profile_revision, started_utc) VALUES (?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, a.attemptId());
                s.setString(2, a.serial());
                s.setString(3, a.station());
                s.setString(4, a.socket());
                s.setString(5, a.operator());
                s.setString(6, a.partNumber());
                s.setString(7, a.revision());
                s.setString(8, a.fixture());
                s.setString(9, a.profileSha256());
                s.setString(10, a.profileRevision());
                s.setString(11, a.startedUtc());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE attempts SET purpose = ? WHERE attempt_id = ?")) {
                s.setString(1, purpose.word());
                s.setString(2, a.attemptId());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The attempt's end: verdict, why, its run and evidence, the board's VER fields. Once per attempt. */
    public synchronized void ended(AttemptRecord a) {
        db.transaction("record the end of attempt " + a.attemptId(), () -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE attempts SET fixture = ?, ended_utc = ?, verdict = ?,"
                    + " abort_reason = ?, why = ?, run_id = ?, evidence = ?, manifest_sha256 = ? WHERE attempt_id = ? AND"
                    + " verdict IS NULL")) {
                s.setString(1, a.fixture());
                s.setString(2, a.endedUtc());
                s.setString(3, a.verdict().name());
                s.setString(4, a.abortReason());
                s.setString(5, a.why());
                s.setString(6, a.runId());
                s.setString(7, a.evidence());
                s.setString(8, a.manifestSha256());
                s.setString(9, a.attemptId());
                if (s.executeUpdate() != 1) {
                    throw new SQLException("attempt " + a.attemptId() + " is not running (ended before, or never started)");
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO attempt_board (attempt_id, seq, field, value)"
                    + " VALUES (?, ?, ?, ?)")) {
                int seq = 0;
                for (Map.Entry<String, String> f : a.board().entrySet()) {
                    s.setString(1, a.attemptId());
                    s.setInt(2, seq++);
                    s.setString(3, f.getKey());
                    s.setString(4, f.getValue());
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Marks every attempt of {@code station} still running as ABORTED: a station that starts again after it was
     * killed. Completed attempts are untouched.
     *
     * @return how many were marked
     */
    public synchronized int abortRunning(String station) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return db.transaction("mark the running attempts of " + station + " aborted", () -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE attempts SET verdict = 'ABORTED', ended_utc = ?,"
                    + " abort_reason = ?, why = ? WHERE station = ? AND verdict IS NULL")) {
                String reason = "the station stopped while it ran (found when it started again at " + now + ")";
                s.setString(1, now);
                s.setString(2, reason);
                s.setString(3, reason);
                s.setString(4, station);
                return s.executeUpdate();
            }
        });
    }

    /** A unit's attempts, oldest first (running ones with a null verdict). */
    public synchronized List<AttemptRecord> attempts(String serial) {
        return select("WHERE serial = ? ORDER BY started_utc, attempt_id", serial);
    }

    /** Every attempt of a station, oldest first. */
    public synchronized List<AttemptRecord> attemptsAt(String station) {
        return select("WHERE station = ? ORDER BY started_utc, attempt_id", station);
    }

    private List<AttemptRecord> select(String where, String arg) {
        return db.sql("read attempts", () -> {
            List<AttemptRecord> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT attempt_id, serial, socket, station, operator,"
                    + " part_number, revision, fixture, profile_sha256, started_utc, ended_utc, verdict, abort_reason, why,"
                    + " run_id, evidence, manifest_sha256, profile_revision FROM attempts " + where)) {
                s.setString(1, arg);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String v = r.getString(12);
                        out.add(new AttemptRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(18),
                                board(r.getString(1)),
                                r.getString(10), r.getString(11), v == null ? null : AttemptRecord.Verdict.valueOf(v),
                                r.getString(13), r.getString(14), r.getString(15), r.getString(16), r.getString(17)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Records a rework step on a unit after its failed attempt.
     *
     * @throws RigFailureException when the unit or the attempt is not in the database
     */
    public synchronized void reworked(ReworkRecord w) {
        db.transaction("record rework " + w.reworkId() + " of " + w.serial(), () -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reworks (rework_id, serial, after_attempt, station,"
                    + " operator, recorded_utc, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, w.reworkId());
                s.setString(2, w.serial());
                s.setString(3, w.afterAttempt());
                s.setString(4, w.station());
                s.setString(5, w.operator());
                s.setString(6, w.recordedUtc());
                s.setString(7, w.note());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** A unit's rework steps, oldest first. */
    public synchronized List<ReworkRecord> reworks(String serial) {
        return db.sql("read the reworks of " + serial, () -> {
            List<ReworkRecord> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT rework_id, serial, after_attempt, station, operator,"
                    + " recorded_utc, note FROM reworks WHERE serial = ? ORDER BY recorded_utc, rework_id")) {
                s.setString(1, serial);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new ReworkRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    /** Whether the database knows the unit (it has been scanned at some station). */
    public synchronized boolean knows(String serial) {
        return db.sql("look up unit " + serial, () -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM units WHERE serial = ?")) {
                s.setString(1, serial);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    private Map<String, String> board(String attemptId) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT field, value FROM attempt_board WHERE attempt_id = ? ORDER BY"
                + " seq")) {
            s.setString(1, attemptId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        db.close();
    }
}
