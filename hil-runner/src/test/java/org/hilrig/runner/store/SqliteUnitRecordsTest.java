package org.hilrig.runner.store;

import java.util.concurrent.atomic.AtomicInteger;

class SqliteUnitRecordsTest extends UnitRecordsContract {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    String newDatabaseUrl() {
        return ResultStore.sqliteUrl(tmp.resolve("units-" + n.incrementAndGet() + ".db"));
    }
}
