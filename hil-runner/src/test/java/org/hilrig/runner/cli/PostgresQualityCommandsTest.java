package org.hilrig.runner.cli;

import org.hilrig.runner.testsupport.PostgresExtension;
import org.hilrig.runner.testsupport.PostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresQualityCommandsTest extends QualityCommandsContract {
    private final PostgresServer server;

    PostgresQualityCommandsTest(PostgresServer server) {
        this.server = server;
    }

    @Override
    String newDatabaseUrl() throws Exception {
        return server.newDatabase();
    }
}
