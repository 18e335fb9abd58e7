package org.hilrig.runner.store;

import org.hilrig.runner.testsupport.PostgresExtension;
import org.hilrig.runner.testsupport.PostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresStoredStatisticsTest extends StoredStatisticsContract {
    private final PostgresServer server;

    PostgresStoredStatisticsTest(PostgresServer server) {
        this.server = server;
    }

    @Override
    String newDatabaseUrl() throws Exception {
        return server.newDatabase();
    }
}
