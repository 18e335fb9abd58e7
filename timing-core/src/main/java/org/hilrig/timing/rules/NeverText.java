package org.hilrig.timing.rules;

import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.trace.Level;

/**
 * The one grammar of a {@code never} clause, shared by scenario invariants ({@code always: - never: ...})
 * and timing rules ({@code hil check}):
 *
 * <pre>
 * &lt;signal&gt; &lt;state&gt; [while &lt;signal&gt; &lt;state&gt;] [for more than &lt;limit&gt;]
 * </pre>
 *
 * where a state is {@code active} or {@code high}, {@code inactive} or {@code low} (both spellings in both
 * files), words are separated by any white space, and the limit is one word ({@code 2ms},
 * {@code profile.limits.interlock_to_xray_off}). A signal is any word that is not white space. Stateless.
 */
public final class NeverText {
    /** How a clause reads, for messages. */
    public static final String GRAMMAR = "<signal> <state> [while <signal> <state>] [for more than <limit>]";
    private static final String STATE = "(active|high|inactive|low)";
    private static final Pattern CLAUSE = Pattern.compile("\\s*(\\S+)\\s+" + STATE + "(?:\\s+while\\s+(\\S+)\\s+" + STATE
            + ")?(?:\\s+for\\s+more\\s+than\\s+(\\S+))?\\s*");

    private NeverText() {
    }

    /**
     * Parses a clause written on one line from {@code valueStart} (the place of its first character).
     *
     * @throws BadInputException at {@code valueStart} when the text does not follow the grammar
     */
    public static NeverClause parse(String text, SourcePosition valueStart) {
        return parse(text, offset -> new SourcePosition(valueStart.file(), valueStart.line(),
                valueStart.line() == 0 ? 0 : valueStart.column() + offset));
    }

    /**
     * Parses a clause; {@code at} gives the place of the character at an offset into {@code text} (for a
     * value written over several lines it may give the value's start).
     *
     * @throws BadInputException at {@code at.apply(0)}: {@code 'TEXT' is not '<signal> <state> [while
     *     <signal> <state>] [for more than <limit>]' (a state is active, high, inactive or low)}
     */
    public static NeverClause parse(String text, IntFunction<SourcePosition> at) {
        Matcher m = CLAUSE.matcher(text);
        if (!m.matches()) {
            SourcePosition p = at.apply(0);
            throw new BadInputException(p.file(), p.line(), p.column(), "'" + text.strip().replaceAll("\\s+", " ")
                    + "' is not '" + GRAMMAR + "' (a state is active, high, inactive or low)");
        }
        NeverClause.Term first = new NeverClause.Term(m.group(1), at.apply(m.start(1)), level(m.group(2)));
        NeverClause.Term second = m.group(3) == null ? null
                : new NeverClause.Term(m.group(3), at.apply(m.start(3)), level(m.group(4)));
        return new NeverClause(first, second, m.group(5), m.group(5) == null ? null : at.apply(m.start(5)));
    }

    private static Level level(String word) {
        return word.equals("active") || word.equals("high") ? Level.HIGH : Level.LOW;
    }
}
