package org.hilrig.runner.cli;

import java.util.List;

/** The subcommands of {@code hil}, in the order {@code hil --help} lists them. */
final class Subcommands {
    private Subcommands() {
    }

    static List<Object> all() {
        return List.of(new RunCommand(), new CheckCommand(), new EmulateCommand(), new DefectsCommand(), new VerifyCommand(),
                new KeygenCommand(), new HistoryCommand(), new YieldCommand(), new CpkCommand(), new StationCommand());
    }
}
