package org.hilrig.runner.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.InputProblem;

/**
 * The reference board profiles the simulated rig runs with: {@code gen-reference.yaml} and
 * {@code tub-reference.yaml} of a folder (the installation's {@code fixtures/boards}). Immutable.
 *
 * @param gen the generator's profile
 * @param tub the tube controller's profile
 */
public record ReferenceProfiles(BoardProfile gen, BoardProfile tub) {
    public ReferenceProfiles {
        Objects.requireNonNull(gen, "gen");
        Objects.requireNonNull(tub, "tub");
    }

    /**
     * Reads both reference profiles of a folder.
     *
     * @throws BadInputException with every problem of both files (a missing file is one problem at its path)
     */
    public static ReferenceProfiles load(Path boardsDir) {
        List<InputProblem> problems = new ArrayList<>();
        BoardProfile g = load(boardsDir.resolve("gen-reference.yaml"), problems);
        BoardProfile t = load(boardsDir.resolve("tub-reference.yaml"), problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return new ReferenceProfiles(g, t);
    }

    private static BoardProfile load(Path file, List<InputProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(InputProblem.at(file.toString(), 0, 0, "no board profile here (the simulated rig needs"
                    + " gen-reference.yaml and tub-reference.yaml in fixtures/boards)"));
            return null;
        }
        try {
            return BoardProfileLoader.load(file);
        } catch (BadInputException e) {
            problems.addAll(e.located());
            return null;
        }
    }
}
