package org.hilrig.runner.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.RigFailureException;

/**
 * Versioned schema migrations: {@code migrations/001.sql}, {@code 002.sql}, ... next to this class, applied in
 * order, each in its own transaction together with its row in {@code schema_version}. A migration file's first
 * line is a {@code --} comment describing it; its statements end with {@code ;} at the end of a line.
 * Migrations are never edited once released: a change is a new file.
 */
final class SchemaMigrations {
    private SchemaMigrations() {
    }

    record Migration(int version, String description, List<String> statements) {
    }

    /** Every migration shipped with the tool, in order. */
    static List<Migration> all() {
        List<Migration> out = new ArrayList<>();
        for (int v = 1; ; v++) {
            String name = String.format("migrations/%03d.sql", v);
            try (InputStream in = SchemaMigrations.class.getResourceAsStream(name)) {
                if (in == null) {
                    return out;
                }
                out.add(parse(v, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migration " + name, e);
            }
        }
    }

    static int latest() {
        return all().size();
    }

    static Migration parse(int version, String sql) {
        String[] lines = sql.split("\n", -1);
        String description = lines[0].startsWith("--") ? lines[0].substring(2).strip() : "migration " + version;
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String s = current.toString().strip();
                statements.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration " + version + " ends without ';': " + current.toString().strip());
        }
        return new Migration(version, description, statements);
    }

    /** The schema's version: 0 for an empty database. */
    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "description TEXT NOT NULL, applied_utc TEXT NOT NULL)");
            try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Brings the schema up to {@code target}, one transaction per migration. A database newer than the tool is a
     * rig failure (an older tool must not write into it).
     *
     * @return the version now
     */
    static int migrate(Connection c, Dialect dialect, int target) throws SQLException {
        return migrate(c, dialect, all(), target);
    }

    /** {@link #migrate(Connection, Dialect, int)} with the given migrations (tests of a failing one). */
    static int migrate(Connection c, Dialect dialect, List<Migration> all, int target) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            dialect.lockForMigration(c);
            int version = currentVersion(c);
            c.commit();
            if (version > all.size()) {
                throw new RigFailureException("the results database is at schema version " + version
                        + ", newer than this tool's " + all.size() + "; use a newer hil");
            }
            for (Migration m : all) {
                if (m.version() <= version || m.version() > target) {
                    continue;
                }
                dialect.lockForMigration(c);
                if (currentVersion(c) >= m.version()) {
                    c.commit();
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_utc) VALUES (?, ?, ?)")) {
                    p.setInt(1, m.version());
                    p.setString(2, m.description());
                    p.setString(3, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                    p.executeUpdate();
                }
                c.commit();
                version = m.version();
            }
            return version;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
