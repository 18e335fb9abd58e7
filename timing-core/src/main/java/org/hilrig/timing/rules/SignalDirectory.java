package org.hilrig.timing.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hilrig.timing.InputProblem;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;

/**
 * Finds the trace signal a rule names. A name matches a signal whose full dotted path it equals; failing
 * that, signals whose reference it equals or whose path it ends (on a dot boundary, {@code gen.hv_enable}
 * for {@code rig.gen.hv_enable}). Exactly one match binds; none, several, or a signal that is not one bit
 * wide is a problem, described with the names the trace does have.
 */
final class SignalDirectory {
    private static final int NAMES_SHOWN = 5;
    private final List<SignalInfo> signals;

    SignalDirectory(List<SignalInfo> signals) {
        this.signals = signals;
    }

    /** The signal named by {@code ref}, or null after adding one located problem to {@code problems}. */
    SignalInfo resolve(TimingRule rule, SignalRef ref, List<InputProblem> problems) {
        String name = ref.name();
        List<SignalInfo> matches = new ArrayList<>();
        for (SignalInfo s : signals) {
            if (s.path().equals(name)) {
                matches.add(s);
            }
        }
        if (matches.isEmpty()) {
            for (SignalInfo s : signals) {
                if (s.reference().equals(name) || s.path().endsWith("." + name)) {
                    matches.add(s);
                }
            }
        }
        String where = "rule '" + rule.id() + "': ";
        if (matches.isEmpty()) {
            problems.add(new InputProblem(ref.position(), where + "no signal '" + name + "' in the trace" + suggestions(name)));
            return null;
        }
        if (matches.size() > 1) {
            problems.add(new InputProblem(ref.position(), where + "signal '" + name + "' is ambiguous in the trace: it matches "
                    + String.join(", ", matches.stream().map(SignalInfo::path).limit(NAMES_SHOWN).toList())
                    + (matches.size() > NAMES_SHOWN ? " and " + (matches.size() - NAMES_SHOWN) + " more" : "")
                    + " (write the full dotted path)"));
            return null;
        }
        SignalInfo s = matches.get(0);
        if (!isOneBit(s)) {
            problems.add(new InputProblem(ref.position(), where + "signal '" + name + "' (" + s.path() + ") is "
                    + describe(s) + "; rules check one-bit signals"));
            return null;
        }
        return s;
    }

    static boolean isOneBit(SignalInfo s) {
        return s.kind() == SignalKind.DIGITAL || (s.kind() == SignalKind.VECTOR && s.width() == 1);
    }

    private static String describe(SignalInfo s) {
        return s.kind() == SignalKind.REAL ? "a real" : "a " + s.width() + "-bit vector";
    }

    /** {@code " (nearest: a, b, c; N more)"}: one-bit signals, nearest to the name first. */
    private String suggestions(String name) {
        List<SignalInfo> oneBit = signals.stream().filter(SignalDirectory::isOneBit).toList();
        if (oneBit.isEmpty()) {
            return " (it has no one-bit signals)";
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        List<String> nearest = oneBit.stream()
                .sorted(Comparator.comparingInt((SignalInfo s) -> Math.min(
                        distance(wanted, s.reference().toLowerCase(Locale.ROOT)),
                        distance(wanted, s.path().toLowerCase(Locale.ROOT)))).thenComparingInt(SignalInfo::id))
                .limit(NAMES_SHOWN).map(SignalInfo::path).toList();
        int more = oneBit.size() - nearest.size();
        return " (nearest: " + String.join(", ", nearest) + (more > 0 ? "; " + more + " more" : "") + ")";
    }

    /** Levenshtein distance: edits that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
