package org.hilrig.runner.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.hilrig.timing.BadInputException;
import org.junit.jupiter.api.Test;

class SqliteResultStoreTest extends ResultStoreContract {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    String newDatabaseUrl() {
        return ResultStore.sqliteUrl(tmp.resolve("results-" + n.incrementAndGet() + ".db"));
    }

    @Test
    void aUrlOfAnotherDatabaseIsBadInputNamingTheAllowedForms() {
        assertThatThrownBy(() -> ResultStore.open("jdbc:mysql://db/results")).isInstanceOf(BadInputException.class)
                .hasMessage("--db: 'jdbc:mysql://db/results' is not a supported database URL (use jdbc:sqlite:FILE "
                        + "or jdbc:postgresql://HOST[:PORT]/DB)");
    }
}
