package org.hilrig.runner.store;

import java.util.concurrent.atomic.AtomicInteger;

class SqliteStoredStatisticsTest extends StoredStatisticsContract {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    String newDatabaseUrl() {
        return ResultStore.sqliteUrl(tmp.resolve("results-" + n.incrementAndGet() + ".db"));
    }
}
