package org.hilrig.scenarios.junit;

import java.util.LinkedHashSet;
import java.util.Set;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.scenario.Scenario;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** One scenario as a JUnit test: named {@code ID: title}, sourced at its file and line. */
final class ScenarioDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "scenario";
    private final Scenario scenario;

    ScenarioDescriptor(UniqueId parent, Scenario scenario) {
        super(parent.append(SEGMENT, scenario.id()), scenario.id() + ": " + scenario.title(), source(scenario));
        this.scenario = scenario;
    }

    private static TestSource source(Scenario s) {
        // the loader names library files relative to the rig's home
        return FileSource.from(Library.home().resolve(s.at().source()).toFile(),
                FilePosition.from(Math.max(1, s.at().line()), Math.max(1, s.at().column())));
    }

    Scenario scenario() {
        return scenario;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        Set<TestTag> tags = new LinkedHashSet<>();
        for (String t : scenario.tags()) {
            if (TestTag.isValid(t)) {
                tags.add(TestTag.create(t));
            }
        }
        tags.add(TestTag.create("board-" + scenario.board()));
        return tags;
    }
}
