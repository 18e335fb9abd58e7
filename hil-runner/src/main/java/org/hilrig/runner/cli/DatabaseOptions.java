package org.hilrig.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.timing.BadInputException;
import picocli.CommandLine.Option;

/**
 * The options of a command that reads the results database ({@code hil history}, {@code hil yield}, {@code hil
 * cpk}): {@code --db URL}, else the rig home's {@code results.db}. A picocli mixin.
 */
final class DatabaseOptions {
    @Option(names = "--db", paramLabel = "URL", description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DB "
            + "(default: results.db in the rig home).")
    String db;

    @Option(names = "--rig-home", paramLabel = "DIR", description = "The rig's state folder (default: $HIL_HOME, "
            + "else ~/.hil).")
    Path rigHome;

    /**
     * {@code --db}, else {@code results.db} in the rig home.
     *
     * @throws BadInputException when the default database does not exist yet
     */
    String url() {
        if (db != null) {
            return db;
        }
        Path file = RigHome.locate(rigHome).database();
        if (!Files.exists(file)) {
            throw new BadInputException(file.toString(), 0, 0, "no results database yet (no run or station has recorded"
                    + " results on this rig); give --db URL for another one");
        }
        return ResultStore.sqliteUrl(file);
    }
}
