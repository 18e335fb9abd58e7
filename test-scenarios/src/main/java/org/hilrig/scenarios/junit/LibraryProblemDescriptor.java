package org.hilrig.scenarios.junit;

import java.util.Optional;
import org.hilrig.runner.run.Library;
import org.hilrig.timing.InputProblem;
import org.hilrig.timing.rules.SourcePosition;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * One problem of the scenario files that did not load, as a test that fails with it: sourced at the
 * problem's file, line and column (so an IDE jumps to it), named by its located message. A broken library
 * is a red build, one red test per problem, never a silently smaller one.
 */
final class LibraryProblemDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "problem";
    private final InputProblem problem;

    /** The {@code number}-th problem (1-based, in the order the loader found them). */
    LibraryProblemDescriptor(UniqueId parent, int number, InputProblem problem) {
        super(parent.append(SEGMENT, String.valueOf(number)), problem.toString(), source(problem.at()).orElse(null));
        this.problem = problem;
    }

    /** The problem's file (named relative to the rig's home, as the loader names library files) and place. */
    private static Optional<TestSource> source(SourcePosition at) {
        if (at.file().isEmpty()) {
            return Optional.empty();
        }
        var file = Library.home().resolve(at.file()).toFile();
        if (at.line() == 0) {
            return Optional.of(FileSource.from(file));
        }
        return Optional.of(FileSource.from(file, at.column() == 0 ? FilePosition.from(at.line())
                : FilePosition.from(at.line(), at.column())));
    }

    InputProblem problem() {
        return problem;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
