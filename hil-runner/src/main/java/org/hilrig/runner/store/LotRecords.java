package org.hilrig.runner.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hilrig.runner.lot.LotStatistics;
import org.hilrig.timing.RigFailureException;

/**
 * The production lots in the results database ({@code lots}, {@code lot_units}, {@code lot_statistics}). A lot is
 * written as it goes, like a run: {@link #started} before its first unit, {@link #unitRan} after each unit's run
 * (the run itself recorded by {@link ResultStore} as any run, with its unit seed), {@link #ended} with the lot's
 * statistics once every unit ran, each one committed transaction. A lot killed midway keeps the units it finished
 * and has no end. On {@link ResultStore}'s connection and thread (from {@link ResultStore#lots}).
 */
public final class LotRecords {
    private static final String LOT_COLUMNS = "l.lot_id, l.first_unit, l.last_unit, l.seed, l.defects, "
            + "l.defective_share, l.rig, l.rig_id, l.tool_version, l.started_utc, l.ended_utc, "
            + "(SELECT COUNT(*) FROM lot_units u WHERE u.lot_id = l.lot_id), "
            + "(SELECT COUNT(*) FROM lot_units u WHERE u.lot_id = l.lot_id AND " + passedAll("u.run_id") + "), "
            + "(SELECT COUNT(*) FROM lot_units u WHERE u.lot_id = l.lot_id AND u.defective = 1)";

    private final StoreConnection db;

    LotRecords(StoreConnection db) {
        this.db = db;
    }

    /** SQL: the run {@code runIdColumn} has results and every one of them passed. */
    private static String passedAll(String runIdColumn) {
        return "EXISTS (SELECT 1 FROM scenario_results s WHERE s.run_id = " + runIdColumn + ") AND NOT EXISTS "
                + "(SELECT 1 FROM scenario_results s WHERE s.run_id = " + runIdColumn + " AND s.status <> 'pass')";
    }

    /** Records a lot's start (its end and counts, if any, are ignored). */
    public void started(StoredLot lot) {
        db.syncEachCommit(true);
        db.transaction("record the start of lot " + lot.lotId(), () -> {
            try (PreparedStatement p = db.connection().prepareStatement("INSERT INTO lots (lot_id, first_unit, "
                    + "last_unit, seed, defects, defective_share, rig, rig_id, tool_version, started_utc, ended_utc) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
                p.setString(1, lot.lotId());
                p.setLong(2, lot.firstUnit());
                p.setLong(3, lot.lastUnit());
                p.setLong(4, lot.seed());
                p.setString(5, String.join(",", lot.defects()));
                NullableColumns.setDouble(p, 6, lot.defectiveShare());
                p.setString(7, lot.rig());
                p.setString(8, lot.rigId());
                p.setString(9, lot.toolVersion());
                p.setString(10, lot.startedUtc());
                p.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records that unit {@code unitSeed} of a started lot ran, as run {@code runId} (recorded before).
     *
     * @throws RigFailureException when the lot was not started or has ended, or the unit is in it already
     */
    public void unitRan(String lotId, long unitSeed, String serial, String runId, boolean defective) {
        db.syncEachCommit(true);
        db.transaction("record unit " + unitSeed + " (run " + runId + ") of lot " + lotId, () -> {
            requireRunning(lotId, "take a unit");
            try (PreparedStatement p = db.connection().prepareStatement("INSERT INTO lot_units (lot_id, unit_seed, "
                    + "serial, run_id, defective) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, lotId);
                p.setLong(2, unitSeed);
                p.setString(3, serial);
                p.setString(4, runId);
                p.setInt(5, defective ? 1 : 0);
                p.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records a lot's end with its statistics across the units, in one transaction.
     *
     * @throws RigFailureException when the lot was not started or has ended already
     */
    public void ended(String lotId, String endedUtc, LotStatistics stats) {
        if (endedUtc == null) {
            throw new IllegalArgumentException("lot " + lotId + " needs its end time");
        }
        db.syncEachCommit(true);
        db.transaction("record the end and statistics of lot " + lotId, () -> {
            requireRunning(lotId, "end");
            try (PreparedStatement p = db.connection().prepareStatement("INSERT INTO lot_statistics (lot_id, seq, "
                    + StoredStatistics.COLUMNS + ") VALUES (?, ?" + ", ?".repeat(StoredStatistics.COUNT) + ")")) {
                int seq = 0;
                for (LotStatistics.Row r : stats.rows()) {
                    p.setString(1, lotId);
                    p.setInt(2, seq++);
                    StoredStatistics.of(r).bind(p, 3);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = db.connection().prepareStatement(
                    "UPDATE lots SET ended_utc = ? WHERE lot_id = ? AND ended_utc IS NULL")) {
                p.setString(1, endedUtc);
                p.setString(2, lotId);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Fails unless the lot was started and has not ended. */
    private void requireRunning(String lotId, String what) throws SQLException {
        Optional<StoredLot> lot = readLot(lotId);
        if (lot.isEmpty() || lot.get().ended()) {
            throw new RigFailureException("lot " + lotId + " cannot " + what + " in " + db.where() + ": "
                    + (lot.isEmpty() ? "it was never started" : "it ended at " + lot.get().endedUtc()));
        }
    }

    /** A lot by its id. */
    public Optional<StoredLot> lot(String lotId) {
        return db.sql("read lot " + lotId, () -> readLot(lotId));
    }

    private Optional<StoredLot> readLot(String lotId) throws SQLException {
        try (PreparedStatement p = db.connection().prepareStatement("SELECT " + LOT_COLUMNS + " FROM lots l "
                + "WHERE l.lot_id = ?")) {
            p.setString(1, lotId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(storedLot(rs)) : Optional.empty();
            }
        }
    }

    /** The last {@code last} lots, newest first, ended or not. */
    public List<StoredLot> recent(int last) {
        if (last < 1) {
            throw new IllegalArgumentException("last is " + last + ", at least 1 is needed");
        }
        return db.sql("read the lots", () -> {
            List<StoredLot> out = new ArrayList<>();
            try (PreparedStatement p = db.connection().prepareStatement("SELECT " + LOT_COLUMNS + " FROM lots l "
                    + "ORDER BY l.started_utc DESC, l.lot_id DESC")) {
                p.setMaxRows(last);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next() && out.size() < last) {
                        out.add(storedLot(rs));
                    }
                }
            }
            return out;
        });
    }

    private static StoredLot storedLot(ResultSet rs) throws SQLException {
        String defects = rs.getString(5);
        Double shareOrNull = NullableColumns.getDouble(rs, 6);
        return new StoredLot(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                defects.isEmpty() ? List.of() : Arrays.asList(defects.split(",")), shareOrNull, rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12), rs.getInt(13),
                rs.getInt(14));
    }

    /** The recorded units of a lot, in seed order, each with its run's counts and state. */
    public List<LotUnit> units(String lotId) {
        return db.sql("read the units of lot " + lotId, () -> {
            List<LotUnit> out = new ArrayList<>();
            try (PreparedStatement p = db.connection().prepareStatement("SELECT u.unit_seed, u.serial, u.run_id, "
                    + "u.defective, r.state, "
                    + "(SELECT COUNT(*) FROM scenario_results s WHERE s.run_id = u.run_id AND s.status = 'pass'), "
                    + "(SELECT COUNT(*) FROM scenario_results s WHERE s.run_id = u.run_id AND s.status <> 'pass') "
                    + "FROM lot_units u JOIN runs r ON r.run_id = u.run_id WHERE u.lot_id = ? ORDER BY u.unit_seed")) {
                p.setString(1, lotId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LotUnit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1,
                                rs.getInt(6), rs.getInt(7), RunState.of(rs.getString(5))));
                    }
                }
            }
            return out;
        });
    }

    /** A lot's statistics across its units, in the order lot.json has them; empty until it ended. */
    public List<StoredStatistics> statistics(String lotId) {
        return db.sql("read the statistics of lot " + lotId, () -> {
            List<StoredStatistics> out = new ArrayList<>();
            try (PreparedStatement p = db.connection().prepareStatement("SELECT " + StoredStatistics.COLUMNS
                    + " FROM lot_statistics WHERE lot_id = ? ORDER BY seq")) {
                p.setString(1, lotId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(StoredStatistics.read(rs, 1));
                    }
                }
            }
            return out;
        });
    }
}
