package org.hilrig.runner.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.hilrig.timing.BadInputException;

/**
 * The databases the store speaks to, and the little that differs between them. The schema itself is written
 * in the SQL both share (TEXT, BIGINT, INTEGER; keys made by the rig, no sequences).
 */
enum Dialect {
    /**
     * One rig, one file, no setup: {@code jdbc:sqlite:PATH}. Transactions begin IMMEDIATE (they take the write
     * lock at once and wait for it up to the busy timeout), so two processes migrating or writing at the same
     * time queue instead of failing.
     */
    SQLITE {
        @Override
        java.util.Properties properties() {
            java.util.Properties p = new java.util.Properties();
            p.setProperty("transaction_mode", "IMMEDIATE");
            p.setProperty("busy_timeout", "30000");
            return p;
        }

        @Override
        void configure(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 30000");
                walMode(s);
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
            }
        }

        /**
         * Switches a database to WAL. Two processes making a new database switch it at the same time, and SQLite
         * answers the loser SQLITE_BUSY at once, without its busy handler (a lock upgrade that could deadlock);
         * the switch is tried again, with a growing pause, for as long as the busy timeout (30 s).
         */
        private static void walMode(Statement s) throws SQLException {
            long pauseMillis = 1;
            for (long waited = 0; ; waited += pauseMillis, pauseMillis = Math.min(pauseMillis * 2, 200)) {
                try {
                    s.execute("PRAGMA journal_mode = WAL");
                    return;
                } catch (SQLException e) {
                    if (waited >= 30_000 || e.getMessage() == null || !e.getMessage().contains("SQLITE_BUSY")) {
                        throw e;
                    }
                }
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting to switch the database to WAL", e);
                }
            }
        }

        @Override
        void lockForMigration(Connection c) {
            // SQLite serialises writers itself: the first write in the migration transaction takes the lock.
        }

        /** SQLite itself says where the main database lives: nowhere (an empty file name) when in memory or temporary. */
        @Override
        void requireKept(Connection c, String url) throws SQLException {
            try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA database_list")) {
                while (rs.next()) {
                    String file = rs.getString("file");
                    if ("main".equals(rs.getString("name")) && (file == null || file.isEmpty())) {
                        throw new BadInputException("--db", 0, 0, "'" + ResultStore.redact(url) + "' is a database in"
                                + " memory or temporary, gone when the run ends (use jdbc:sqlite:FILE, or --no-db to record none)");
                    }
                }
            }
        }

        /**
         * WAL with {@code synchronous = NORMAL}: a commit is in the log file (safe from a killed process) but
         * the log is not synced; {@code FULL} syncs it at the commit, and with it every commit before.
         */
        @Override
        void syncEachCommit(Connection c, boolean sync) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute(sync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            }
        }
    },
    /** Many rigs, one server: {@code jdbc:postgresql://HOST[:PORT]/DB?user=...}. */
    POSTGRESQL {
        @Override
        void configure(Connection c) {
        }

        @Override
        void lockForMigration(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(7243110)");
            }
        }
    };

    /** Connection properties for the driver. */
    java.util.Properties properties() {
        return new java.util.Properties();
    }

    /**
     * Refuses a database that is gone when its connection closes.
     *
     * @throws BadInputException naming the URL
     */
    void requireKept(Connection c, String url) throws SQLException {
    }

    /** Sets per-connection options; called once, right after connecting. */
    abstract void configure(Connection c) throws SQLException;

    /** Inside the migration transaction, before reading the version: keeps two rigs from migrating at once. */
    abstract void lockForMigration(Connection c) throws SQLException;

    /**
     * Between transactions: whether the next commits are forced to disk each (true, the default) or only kept
     * safe from a killed process until the next forced commit (false). The server decides for PostgreSQL.
     */
    void syncEachCommit(Connection c, boolean sync) throws SQLException {
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @throws BadInputException naming the URL and the allowed forms when it is neither
     */
    static Dialect of(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new BadInputException("--db", 0, 0, "'" + url + "' is not a supported database URL (use "
                + "jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DB)");
    }
}
