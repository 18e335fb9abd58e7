package org.hilrig.runner.scenario;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a scenario may use, so the loader can reject a misspelt one before anything runs. The rig
 * supplies the lines, faults, defects and protocol words; the requirement list and the board profile
 * supply the rest.
 *
 * @param inputs lines a scenario may drive ({@code set})
 * @param outputs lines a scenario may observe (every input is observable too)
 * @param faults plant faults a scenario may inject, each with the parameters it takes
 * @param commands protocol commands ({@code send})
 * @param events protocol event names ({@code expect_event})
 * @param nakCodes protocol NAK codes ({@code reply: NAK 03})
 * @param defects emulator defect names ({@code catches})
 * @param requirements requirement ids from {@code requirements.yaml}
 * @param profileLimits limit names of the board profiles ({@code profile.NAME})
 */
public record Vocabulary(Set<String> inputs, Set<String> outputs, Map<String, Set<String>> faults, Set<String> commands,
        Set<String> events, Set<String> nakCodes, Set<String> defects, Set<String> requirements,
        Set<String> profileLimits, Map<String, String> analogs) {
    public Vocabulary {
        analogs = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(analogs));
        inputs = sorted(inputs);
        outputs = sorted(outputs);
        java.util.TreeMap<String, Set<String>> f = new java.util.TreeMap<>();
        faults.forEach((k, v) -> f.put(k, sorted(v)));
        faults = java.util.Collections.unmodifiableSortedMap(f);
        commands = sorted(commands);
        events = sorted(events);
        nakCodes = sorted(nakCodes);
        defects = sorted(defects);
        requirements = sorted(requirements);
        profileLimits = sorted(profileLimits);
    }

    /** A vocabulary without analog lines. */
    public Vocabulary(Set<String> inputs, Set<String> outputs, Map<String, Set<String>> faults, Set<String> commands,
            Set<String> events, Set<String> nakCodes, Set<String> defects, Set<String> requirements,
            Set<String> profileLimits) {
        this(inputs, outputs, faults, commands, events, nakCodes, defects, requirements, profileLimits, Map.of());
    }

    private static Set<String> sorted(Set<String> names) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    /** True when a scenario may observe this line. */
    public boolean isObservable(String line) {
        return outputs.contains(line) || inputs.contains(line);
    }

    /** The same vocabulary with another requirement list. */
    public Vocabulary withRequirements(Set<String> ids) {
        return new Vocabulary(inputs, outputs, faults, commands, events, nakCodes, defects, ids, profileLimits, analogs);
    }
}
