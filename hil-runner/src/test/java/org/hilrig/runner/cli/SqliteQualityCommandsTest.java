package org.hilrig.runner.cli;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.hilrig.runner.store.ResultStore;
import org.junit.jupiter.api.io.TempDir;

class SqliteQualityCommandsTest extends QualityCommandsContract {
    @TempDir
    Path tmp;

    private final AtomicInteger n = new AtomicInteger();

    @Override
    String newDatabaseUrl() {
        return ResultStore.sqliteUrl(tmp.resolve("quality-" + n.incrementAndGet() + ".db"));
    }
}
