package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hilrig.runner.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteQualityCommandsTest extends QualityCommandsContract {
    @TempDir
    Path tmp;

    private final AtomicInteger n = new AtomicInteger();

    @Override
    String newDatabaseUrl() {
        return ResultStore.sqliteUrl(tmp.resolve("quality-" + n.incrementAndGet() + ".db"));
    }

    @Test
    void everyOptionOfYieldAndCpkHasItsHelpAndTheHelpPrintsWithoutAWarning() {
        for (String command : List.of("yield", "cpk")) {
            CommandResult help = CommandResult.hil("help", command);
            assertThat(help.exitCode()).isZero();
            assertThat(help.err()).as("picocli warns on an unescaped %").isEmpty();
            assertThat(help.out()).contains("--db=URL", "--rig-home=DIR", "--purpose=P", "--json",
                    "Which attempts: production (default), golden,");
        }
        assertThat(CommandResult.hil("help", "yield").out()).contains("--by=WHAT", "Also by product, revision, station");
        assertThat(CommandResult.hil("help", "cpk").out()).contains("--measurement=NAME", "Cp, Cpk and their 95 % intervals");
    }
}
