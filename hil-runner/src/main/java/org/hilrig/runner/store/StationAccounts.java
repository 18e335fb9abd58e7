package org.hilrig.runner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A station's users and its audit trail (migration 007), through {@link UnitRecords}' connection. Users are seeded
 * from the station file once (a name the database has is left as its admins keep it) and then changed only by
 * admins; audit entries are appended, never changed. Thread-safe (every call holds the {@link UnitRecords} lock).
 */
public final class StationAccounts {
    private final StoreConnection db;
    private final Object lock;

    StationAccounts(StoreConnection db, Object lock) {
        this.db = db;
        this.lock = lock;
    }

    /**
     * Adds every user the station does not have yet.
     *
     * @return how many were added
     */
    public int seed(String station, List<StationUser> users) {
        synchronized (lock) {
            return db.transaction("seed the users of " + station, () -> {
                int added = 0;
                for (StationUser u : users) {
                    if (find(station, u.name()).isEmpty()) {
                        insert(station, u);
                        added++;
                    }
                }
                return added;
            });
        }
    }

    /**
     * Adds a user.
     *
     * @return false when the station has a user of that name already (nothing changed)
     */
    public boolean add(String station, StationUser u) {
        synchronized (lock) {
            return db.transaction("add user " + u.name() + " to " + station, () -> {
                if (find(station, u.name()).isPresent()) {
                    return false;
                }
                insert(station, u);
                return true;
            });
        }
    }

    /** Sets whether a user may log in; false when there is no such user. */
    public boolean setDisabled(String station, String name, boolean disabled, String atUtc) {
        return update(station, name, "disabled = ?", disabled ? 1 : 0, atUtc);
    }

    /** Replaces a user's password hash; false when there is no such user. */
    public boolean setPasswordHash(String station, String name, String hash, String atUtc) {
        return update(station, name, "password_hash = ?", hash, atUtc);
    }

    public Optional<StationUser> user(String station, String name) {
        synchronized (lock) {
            return db.sql("read user " + name, () -> find(station, name));
        }
    }

    /** The station's users by name. */
    public List<StationUser> users(String station) {
        synchronized (lock) {
            return db.sql("read the users of " + station, () -> select(station, null));
        }
    }

    /** Appends an entry to the station's audit trail and returns it. */
    public AuditEntry audit(String station, String who, String atUtc, String action, String details) {
        synchronized (lock) {
            return db.transaction("record " + action + " by " + who + " in the audit trail", () -> {
                long seq;
                try (PreparedStatement s = c().prepareStatement("SELECT MAX(seq) FROM audit WHERE station = ?")) {
                    s.setString(1, station);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        seq = r.getLong(1) + 1;
                    }
                }
                try (PreparedStatement s = c().prepareStatement("INSERT INTO audit (station, seq, who, at_utc, action,"
                        + " details) VALUES (?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, station);
                    s.setLong(2, seq);
                    s.setString(3, who);
                    s.setString(4, atUtc);
                    s.setString(5, action);
                    s.setString(6, details);
                    s.executeUpdate();
                }
                return new AuditEntry(station, seq, who, atUtc, action, details);
            });
        }
    }

    /** The station's last {@code last} audit entries, newest first. */
    public List<AuditEntry> auditTrail(String station, int last) {
        synchronized (lock) {
            return db.sql("read the audit trail of " + station, () -> {
                List<AuditEntry> out = new ArrayList<>();
                try (PreparedStatement s = c().prepareStatement("SELECT seq, who, at_utc, action, details FROM audit"
                        + " WHERE station = ? ORDER BY seq DESC LIMIT ?")) {
                    s.setString(1, station);
                    s.setInt(2, last);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            out.add(new AuditEntry(station, r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                    r.getString(5)));
                        }
                    }
                }
                return out;
            });
        }
    }

    private Connection c() {
        return db.connection();
    }

    private boolean update(String station, String name, String set, Object value, String atUtc) {
        synchronized (lock) {
            return db.transaction("change user " + name + " of " + station, () -> {
                try (PreparedStatement s = c().prepareStatement("UPDATE station_users SET " + set + ", changed_utc = ?"
                        + " WHERE station = ? AND name = ?")) {
                    s.setObject(1, value);
                    s.setString(2, atUtc);
                    s.setString(3, station);
                    s.setString(4, name);
                    return s.executeUpdate() == 1;
                }
            });
        }
    }

    private void insert(String station, StationUser u) throws SQLException {
        try (PreparedStatement s = c().prepareStatement("INSERT INTO station_users (station, name, role, password_hash,"
                + " disabled, created_by, created_utc, changed_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, station);
            s.setString(2, u.name());
            s.setString(3, u.role());
            s.setString(4, u.passwordHash());
            s.setInt(5, u.disabled() ? 1 : 0);
            s.setString(6, u.createdBy());
            s.setString(7, u.createdUtc());
            s.setString(8, u.changedUtc());
            s.executeUpdate();
        }
    }

    private Optional<StationUser> find(String station, String name) throws SQLException {
        return select(station, name).stream().findFirst();
    }

    private List<StationUser> select(String station, String name) throws SQLException {
        List<StationUser> out = new ArrayList<>();
        try (PreparedStatement s = c().prepareStatement("SELECT name, role, password_hash, disabled, created_by,"
                + " created_utc, changed_utc FROM station_users WHERE station = ?" + (name == null ? "" : " AND name = ?")
                + " ORDER BY name")) {
            s.setString(1, station);
            if (name != null) {
                s.setString(2, name);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new StationUser(r.getString(1), r.getString(2), r.getString(3), r.getInt(4) == 1,
                            r.getString(5), r.getString(6), r.getString(7)));
                }
            }
        }
        return out;
    }
}
