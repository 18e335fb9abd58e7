package org.hilrig.runner.cli;

import java.util.concurrent.Callable;
import org.hilrig.device.board.Boards;
import org.hilrig.device.firmware.Defect;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hil defects}: the emulator's defect names, one a line, in a stable order (CONTRACT.md). */
@Command(name = "defects", mixinStandardHelpOptions = true,
        description = "Lists the emulator's firmware defect names, one a line.")
final class DefectsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (Defect d : Boards.defects()) {
            spec.commandLine().getOut().println(d.name());
        }
        spec.commandLine().getOut().flush();
        return Hil.OK;
    }
}
