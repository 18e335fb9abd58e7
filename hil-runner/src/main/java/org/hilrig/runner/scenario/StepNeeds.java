package org.hilrig.runner.scenario;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a step needs of the rig and of the engine's trace watch, as the step itself tells it
 * ({@link Step#needs}): the lines it drives, the lines it reads, the lines whose past edges it looks back
 * on, the plant faults it injects, the commands it sends and the events it waits for. A rig's capabilities
 * are checked against it before a scenario runs; the trace watch keeps edges of the lines looked back on
 * only.
 *
 * <p>Names are as the scenario wrote them (logical line names, fault names, command and event names).
 */
public interface StepNeeds {
    /** The step drives this input line ({@code set}). */
    void drives(String line);

    /** The step reads this line's level ({@code await}, {@code expect}, an anchor). */
    void observes(String line);

    /**
     * The step looks up this line's past edges (when it entered a state, whether it changed since), so the
     * trace watch must keep them: {@code await}, {@code expect}, {@code stays}, a {@code from} anchor.
     */
    void looksBackOn(String line);

    /** The step injects this plant fault ({@code fault}). */
    void fault(String name);

    /** The step sends this command on the host link ({@code send}, {@code heartbeat}'s {@code HBT}). */
    void command(String name);

    /** The step waits for, or watches for the absence of, this event from the board. */
    void event(String name);

    /** The step takes statistics of this analog line ({@code measure}): the rig must sample it. */
    default void samples(String analog) {
    }

    /** What {@code steps} need together, each name once, in the order the steps first name it. */
    static Collected of(List<Step> steps) {
        Collected c = new Collected();
        for (Step s : steps) {
            s.needs(c);
        }
        return c;
    }

    /** The needs of some steps, collected; each set in the order of first mention. Not thread-safe. */
    final class Collected implements StepNeeds {
        private final java.util.Set<String> driven = new LinkedHashSet<>();
        private final java.util.Set<String> observed = new LinkedHashSet<>();
        private final java.util.Set<String> lookedBackOn = new LinkedHashSet<>();
        private final java.util.Set<String> faults = new LinkedHashSet<>();
        private final java.util.Set<String> commands = new LinkedHashSet<>();
        private final java.util.Set<String> events = new LinkedHashSet<>();
        private final java.util.Set<String> sampled = new LinkedHashSet<>();

        @Override
        public void samples(String analog) {
            sampled.add(analog);
        }

        /** The analog lines the steps take statistics of. */
        public java.util.Set<String> sampled() {
            return Collections.unmodifiableSet(sampled);
        }

        @Override
        public void drives(String line) {
            driven.add(line);
        }

        @Override
        public void observes(String line) {
            observed.add(line);
        }

        @Override
        public void looksBackOn(String line) {
            lookedBackOn.add(line);
        }

        @Override
        public void fault(String name) {
            faults.add(name);
        }

        @Override
        public void command(String name) {
            commands.add(name);
        }

        @Override
        public void event(String name) {
            events.add(name);
        }

        /** The lines driven. */
        public java.util.Set<String> driven() {
            return Collections.unmodifiableSet(driven);
        }

        /** The lines read. */
        public java.util.Set<String> observed() {
            return Collections.unmodifiableSet(observed);
        }

        /** The lines whose edges are looked back on. */
        public java.util.Set<String> lookedBackOn() {
            return Collections.unmodifiableSet(lookedBackOn);
        }

        /** The plant faults injected. */
        public java.util.Set<String> faults() {
            return Collections.unmodifiableSet(faults);
        }

        /** The commands sent. */
        public java.util.Set<String> commands() {
            return Collections.unmodifiableSet(commands);
        }

        /** The events awaited or watched for. */
        public java.util.Set<String> events() {
            return Collections.unmodifiableSet(events);
        }
    }
}
