package org.hilrig.runner.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.hilrig.timing.RigFailureException;

/**
 * The results database's one connection, with the two ways the store's classes use it: a read ({@link #sql}) and a
 * committed transaction ({@link #transaction}), each turning an {@link SQLException} into a
 * {@link RigFailureException} that says what was being done and where (the URL without its password). Shared by
 * {@link ResultStore} and the records it hands out ({@link LotRecords}), so that all of them write through one
 * connection, confined to one thread.
 */
final class StoreConnection {
    /** A piece of JDBC work. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private final Connection connection;
    private final String url;
    private final Dialect dialect;

    StoreConnection(Connection connection, String url, Dialect dialect) {
        this.connection = connection;
        this.url = url;
        this.dialect = dialect;
    }

    Connection connection() {
        return connection;
    }

    /** The URL without a password parameter, for messages. */
    String where() {
        return ResultStore.redact(url);
    }

    /** Runs {@code work}; a database error becomes "cannot WHAT in URL: why". */
    <T> T sql(String what, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new RigFailureException("cannot " + what + " in " + where() + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    <T> T transaction(String what, Work<T> work) {
        return sql(what, () -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /** Whether the next commits are forced to disk each ({@link Dialect#syncEachCommit}). */
    void syncEachCommit(boolean sync) {
        sql("set the database's sync mode", () -> {
            dialect.syncEachCommit(connection, sync);
            return null;
        });
    }

    void close() {
        sql("close", () -> {
            connection.close();
            return null;
        });
    }
}
