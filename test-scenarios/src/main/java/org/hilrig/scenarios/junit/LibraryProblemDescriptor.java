package org.hilrig.scenarios.junit;

import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * Stands for scenario files that did not load: a test that fails with every problem the loader found
 * (one per line), so a broken library is a red build, never a silently smaller one.
 */
final class LibraryProblemDescriptor extends AbstractTestDescriptor {
    private final List<String> problems;

    LibraryProblemDescriptor(UniqueId parent, List<String> problems) {
        super(parent.append("library", "load"), "scenario files load");
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
