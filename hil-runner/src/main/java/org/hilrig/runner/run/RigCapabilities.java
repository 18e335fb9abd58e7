package org.hilrig.runner.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.scenario.Position;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.scenario.Step;
import org.hilrig.runner.scenario.StepNeeds;
import org.hilrig.timing.InputProblem;

/**
 * What one rig can do: the board it tests, the lines it drives, the lines it observes and the plant faults it
 * can make happen. A scenario is checked against it before any rig or link is opened, so a scenario the rig
 * cannot run is bad input at the step that needs what is missing, not an error in the middle of a run.
 *
 * <p>Lives beside {@link RigFactory} (not in {@code rig}): it reads scenarios, and the scenario engine
 * depends on the rig port, so the packages stay free of cycles. Immutable.
 *
 * @param rig the rig's name, for messages ({@code sim}, a fixture's {@code rig:})
 * @param board the board under test
 * @param drives the input lines it drives, by logical name ({@code PREP_REQ})
 * @param observes the lines it observes, inputs included
 * @param faults the plant faults it can make happen
 * @param samples the analog lines its acquisition samples ({@code KV_FB}); none on a rig without an ADC
 */
public record RigCapabilities(String rig, Board board, Set<String> drives, Set<String> observes,
        Set<PlantFault.Kind> faults, Set<String> samples) {
    public RigCapabilities {
        samples = Collections.unmodifiableSet(new LinkedHashSet<>(samples));
        drives = Collections.unmodifiableSet(new LinkedHashSet<>(drives));
        observes = Collections.unmodifiableSet(new LinkedHashSet<>(observes));
        faults = Collections.unmodifiableSet(faults.isEmpty() ? EnumSet.noneOf(PlantFault.Kind.class) : EnumSet.copyOf(faults));
    }

    /** A rig that samples no analog line. */
    public RigCapabilities(String rig, Board board, Set<String> drives, Set<String> observes, Set<PlantFault.Kind> faults) {
        this(rig, board, drives, observes, faults, Set.of());
    }

    /**
     * Every need of {@code s} this rig does not meet: a board other than this rig's (at the scenario's
     * {@code board:} node; its steps are then not checked), each line a step drives or observes that the rig
     * does not, each fault it cannot make (at the step), in step order; then each line an {@code always:}
     * invariant names that the rig neither observes nor drives (at the invariant).
     */
    public List<InputProblem> check(Scenario s) {
        List<InputProblem> problems = new ArrayList<>();
        if (s.board() != board) {
            problems.add(at(s.boardAt(), "board " + s.board() + ": rig " + rig + " tests board " + board
                    + " (select scenarios with --tags or paths)"));
            return problems;
        }
        for (Step step : s.steps()) {
            StepNeeds.Collected needs = StepNeeds.of(List.of(step));
            String what = "step '" + step.keyword() + "': rig " + rig;
            for (String line : needs.driven()) {
                if (!drives.contains(line)) {
                    problems.add(at(step.at(), what + " drives no line " + line + " (it drives: " + list(drives) + ")"));
                }
            }
            for (String line : needs.observed()) {
                if (!observes.contains(line)) {
                    problems.add(at(step.at(), what + " observes no line " + line + " (it observes: " + list(observes) + ")"));
                }
            }
            for (String analog : needs.sampled()) {
                if (!samples.contains(analog)) {
                    problems.add(at(step.at(), what + " samples no analog line " + analog + " (it samples: "
                            + list(samples) + "; measured output needs an acquisition channel on the line)"));
                }
            }
            for (String fault : needs.faults()) {
                if (PlantFault.Kind.byName(fault).filter(faults::contains).isEmpty()) {
                    problems.add(at(step.at(), what + " cannot make fault " + fault + " happen (its faults: "
                            + list(faults.stream().map(PlantFault.Kind::faultName).toList()) + ")"));
                }
            }
        }
        // an invariant is checked on the lines the rig records: one it does not record would hold for want of evidence
        for (org.hilrig.runner.scenario.Invariant inv : s.always()) {
            Set<String> named = new LinkedHashSet<>(List.of(inv.signal()));
            if (inv.whileSignal() != null) {
                named.add(inv.whileSignal());
            }
            for (String line : named) {
                if (!observes.contains(line) && !drives.contains(line)) {
                    problems.add(at(inv.at(), "always: rig " + rig + " records no line " + line + " (it observes: "
                            + list(observes) + "); an invariant is checked only on lines the rig records"));
                }
            }
        }
        return problems;
    }

    private static InputProblem at(Position p, String message) {
        return InputProblem.at(p.source(), p.line(), p.column(), message);
    }

    private static String list(Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names));
    }
}
