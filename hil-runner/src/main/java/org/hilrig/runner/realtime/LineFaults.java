package org.hilrig.runner.realtime;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.hilrig.device.board.Boards;
import org.hilrig.device.board.LineLevel;
import org.hilrig.device.board.LineSpec;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.OutputLine;
import org.hilrig.runner.fixture.RigFixture;

/**
 * The plant faults a real-time rig makes by driving one of its lines, and the permissives it holds active
 * while it runs, both from the board's definition ({@code BoardDefinition.lineFaults()}, its PLANT lines at
 * rest active): a permissive going inactive (the door opens, the emergency stop is pressed, the thermal
 * switch opens) or back. Shared by {@link RealTimeRig}, which drives them, and by {@link
 * RealTimeRigs#capabilities()}, which declares them. Stateless.
 */
final class LineFaults {
    /** A plant fault the rig makes by driving {@code line} to {@code active}. */
    record LineFault(HardwareLine line, boolean active) {
    }

    private LineFaults() {
    }

    /** The line {@code kind} is made with on a rig testing {@code board}, if it is a line fault there. */
    static Optional<LineFault> of(Board board, PlantFault.Kind kind) {
        LineLevel l = Boards.of(board).lineFaults().get(kind);
        return l == null ? Optional.empty() : Optional.of(new LineFault(HardwareLine.valueOf(l.line()), l.active()));
    }

    /** Whether {@code line} is a permissive of {@code board}: a plant input, active when all is well. */
    static boolean permissive(Board board, HardwareLine line) {
        LineSpec s = Boards.of(board).line(line.name());
        return s != null && s.source() == LineSpec.Source.PLANT && s.restActive();
    }

    /** The line faults {@code fixture} can make: those whose line it wires as an output, in kind order. */
    static Set<PlantFault.Kind> wiredOn(RigFixture fixture) {
        Set<PlantFault.Kind> wired = EnumSet.noneOf(PlantFault.Kind.class);
        for (PlantFault.Kind kind : Boards.of(fixture.board()).lineFaults().keySet()) {
            LineFault f = of(fixture.board(), kind).orElseThrow();
            if (fixture.find(f.line()).orElse(null) instanceof OutputLine) {
                wired.add(kind);
            }
        }
        return wired;
    }
}
