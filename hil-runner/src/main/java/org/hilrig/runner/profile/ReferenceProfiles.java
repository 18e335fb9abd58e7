package org.hilrig.runner.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.InputProblem;

/**
 * The reference board profiles the simulated rig runs with, one per board: {@code <board>-reference.yaml}
 * ({@code gen-reference.yaml}, {@code tub-reference.yaml}) of a folder (the installation's
 * {@code fixtures/boards}). Immutable.
 *
 * @param byBoard every board's profile, in {@link Board} order
 */
public record ReferenceProfiles(Map<Board, BoardProfile> byBoard) {
    public ReferenceProfiles {
        byBoard = Collections.unmodifiableMap(new EnumMap<>(byBoard));
        for (Board b : Board.values()) {
            Objects.requireNonNull(byBoard.get(b), "no reference profile of board " + b);
        }
    }

    /** Every board's profile, in {@link Board} order. */
    public Collection<BoardProfile> all() {
        return byBoard.values();
    }

    /**
     * Reads every board's reference profile of a folder.
     *
     * @throws BadInputException with every problem of every file (a missing file is one problem at its path)
     */
    public static ReferenceProfiles load(Path boardsDir) {
        List<InputProblem> problems = new ArrayList<>();
        Map<Board, BoardProfile> profiles = new EnumMap<>(Board.class);
        for (Board b : Board.values()) {
            profiles.put(b, load(boardsDir.resolve(fileName(b)), problems));
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return new ReferenceProfiles(profiles);
    }

    /** {@code gen-reference.yaml}. */
    public static String fileName(Board b) {
        return b.prefix() + "-reference.yaml";
    }

    private static BoardProfile load(Path file, List<InputProblem> problems) {
        if (!Files.isRegularFile(file)) {
            List<String> names = new ArrayList<>();
            for (Board b : Board.values()) {
                names.add(fileName(b));
            }
            problems.add(InputProblem.at(file.toString(), 0, 0, "no board profile here (the simulated rig needs"
                    + " " + String.join(" and ", names) + " in fixtures/boards)"));
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
