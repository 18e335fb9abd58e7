package org.hilrig.runner.cli;

import org.hilrig.runner.store.ResultStore;

class SqliteRunKilledWhileSealingTest extends RunKilledWhileSealingContract {
    @Override
    String newDatabaseUrl() {
        return ResultStore.sqliteUrl(tmp.resolve("results.db"));
    }
}
