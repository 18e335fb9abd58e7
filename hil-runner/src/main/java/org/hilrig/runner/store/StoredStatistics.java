package org.hilrig.runner.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.hilrig.runner.lot.LotStatistics;

/**
 * One measurement's statistics as the database holds them: over a scenario's repeats ({@code repeat_statistics})
 * or across a lot's units ({@code lot_statistics}), the summary of a {@link LotStatistics.Row} without its values.
 *
 * @param unit {@code kV}, {@code mA}, {@code mAs}, or {@code ms} for a time
 * @param sd the sample standard deviation (n - 1); 0 for one value
 * @param cv sd / |mean|, or null for a mean of 0
 * @param lower the lower limit, or null (none, or not the same for every value)
 * @param upper the upper limit, or null
 * @param cpk the process capability against the limits, or null without limits or spread
 * @param outside how many of the values lay outside their limits
 */
public record StoredStatistics(String scenarioId, String name, String unit, int n, double mean, double sd, Double cv,
        double min, double max, Double lower, Double upper, Double cpk, int outside) {
    /** The table columns, in the order {@link #bind} and {@link #read} take them. */
    static final String COLUMNS = "scenario_id, name, unit, n, mean, sd, cv, min_value, max_value, lower_limit, "
            + "upper_limit, cpk, outside";
    /** How many columns {@link #COLUMNS} names. */
    static final int COUNT = 13;

    /** The summary of a row computed from values. */
    public static StoredStatistics of(LotStatistics.Row r) {
        return new StoredStatistics(r.scenario(), r.name(), r.unit(), r.n(), r.mean(), r.sd(), r.cv(), r.min(), r.max(),
                r.lower(), r.upper(), r.cpk(), r.outside());
    }

    /** Binds the {@link #COLUMNS} to parameters {@code first} to {@code first + COUNT - 1}. */
    void bind(PreparedStatement p, int first) throws SQLException {
        p.setString(first, scenarioId);
        p.setString(first + 1, name);
        p.setString(first + 2, unit);
        p.setInt(first + 3, n);
        p.setDouble(first + 4, mean);
        p.setDouble(first + 5, sd);
        NullableColumns.setDouble(p, first + 6, cv);
        p.setDouble(first + 7, min);
        p.setDouble(first + 8, max);
        NullableColumns.setDouble(p, first + 9, lower);
        NullableColumns.setDouble(p, first + 10, upper);
        NullableColumns.setDouble(p, first + 11, cpk);
        p.setInt(first + 12, outside);
    }

    /** Reads the {@link #COLUMNS} from result columns {@code first} on. */
    static StoredStatistics read(ResultSet rs, int first) throws SQLException {
        return new StoredStatistics(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getInt(first + 3), rs.getDouble(first + 4), rs.getDouble(first + 5), NullableColumns.getDouble(rs, first + 6),
                rs.getDouble(first + 7), rs.getDouble(first + 8), NullableColumns.getDouble(rs, first + 9),
                NullableColumns.getDouble(rs, first + 10), NullableColumns.getDouble(rs, first + 11), rs.getInt(first + 12));
    }
}
