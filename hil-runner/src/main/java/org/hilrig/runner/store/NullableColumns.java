package org.hilrig.runner.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Nullable numbers in and out of JDBC, the same on SQLite and PostgreSQL: a Java null is SQL NULL. Stateless. */
final class NullableColumns {
    private NullableColumns() {
    }

    static void setDouble(PreparedStatement p, int index, Double v) throws SQLException {
        if (v == null) {
            p.setNull(index, Types.DOUBLE);
        } else {
            p.setDouble(index, v);
        }
    }

    static void setLong(PreparedStatement p, int index, Long v) throws SQLException {
        if (v == null) {
            p.setNull(index, Types.BIGINT);
        } else {
            p.setLong(index, v);
        }
    }

    static Double getDouble(ResultSet rs, int index) throws SQLException {
        double d = rs.getDouble(index);
        return rs.wasNull() ? null : d;
    }

    static Long getLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }
}
