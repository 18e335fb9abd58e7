package org.hilrig.runner.check;

import java.util.List;
import java.util.Set;
import org.hilrig.timing.rules.TimingRule;

/**
 * The rules of one rules file, in file order, and the ids of those that may go unexercised by a trace
 * ({@code allow_unexercised: true}): such a rule passes when the trace could not have broken it, rather
 * than being inconclusive.
 */
public record RuleSet(List<TimingRule> rules, Set<String> allowUnexercised) {
    public RuleSet {
        rules = List.copyOf(rules);
        allowUnexercised = Set.copyOf(allowUnexercised);
    }

    public boolean allowsUnexercised(String id) {
        return allowUnexercised.contains(id);
    }
}
