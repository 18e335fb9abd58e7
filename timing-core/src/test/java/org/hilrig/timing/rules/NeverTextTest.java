package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.trace.Level;

/** The one grammar of a never clause: both spellings of a state, both files' forms, every place. */
class NeverTextTest {
    private static final SourcePosition AT = new SourcePosition("f.yaml", 7, 12);

    @Example
    void theRuleFileSpellingReadsWithThePlaceOfEachSignal() {
        NeverClause c = NeverText.parse("xray_on high while door_closed low", AT);

        assertThat(c.first()).isEqualTo(new NeverClause.Term("xray_on", AT, Level.HIGH));
        assertThat(c.whileTerm()).isEqualTo(new NeverClause.Term("door_closed", new SourcePosition("f.yaml", 7, 31), Level.LOW));
        assertThat(c.toleranceText()).isNull();
        assertThat(c.toleranceAt()).isNull();
    }

    @Example
    void theScenarioSpellingWithAnInlineToleranceReadsTheSame() {
        NeverClause c = NeverText.parse("XRAY_ON active while DOOR_CLOSED inactive for more than profile.limits.x", AT);

        assertThat(c.first()).isEqualTo(new NeverClause.Term("XRAY_ON", AT, Level.HIGH));
        assertThat(c.whileTerm()).isEqualTo(new NeverClause.Term("DOOR_CLOSED", new SourcePosition("f.yaml", 7, 33), Level.LOW));
        assertThat(c.toleranceText()).isEqualTo("profile.limits.x");
        assertThat(c.toleranceAt()).isEqualTo(new SourcePosition("f.yaml", 7, 68));
    }

    @Example
    void aStateAloneHasNoWhileAndStandsForItselfTwice() {
        NeverClause c = NeverText.parse("  hv_enable low  ", AT);

        assertThat(c.first()).isEqualTo(new NeverClause.Term("hv_enable", new SourcePosition("f.yaml", 7, 14), Level.LOW));
        assertThat(c.whileTerm()).isNull();
        assertThat(c.whileOrFirst()).isSameAs(c.first());
        assertThat(NeverText.parse("a high for more than 2ms", AT).toleranceText()).isEqualTo("2ms");
    }

    @Example
    void anythingElseIsOneProblemAtTheValue() {
        for (String bad : List.of("xray_on on while door_closed low", "xray_on high while", "xray_on", "",
                "a HIGH", "a high while b low for 2ms", "a high while b low for more than 2 ms", "a high b low")) {
            assertThatThrownBy(() -> NeverText.parse(bad, AT)).as(bad).isInstanceOfSatisfying(BadInputException.class,
                    e -> assertThat(e.problems()).containsExactly("f.yaml:7:12: '" + bad.strip() + "' is not '"
                            + NeverText.GRAMMAR + "' (a state is active, high, inactive or low)"));
        }
    }

    @Example
    void aValueWithoutAPlaceGivesPlacesWithoutColumns() {
        NeverClause c = NeverText.parse("a high while b low", SourcePosition.UNKNOWN);
        assertThat(c.whileTerm().at()).isEqualTo(SourcePosition.UNKNOWN);
    }

    /** A clause as generated: its words, the spaces between them, and where each word starts. */
    record Written(String text, NeverClause expected) {
    }

    @Property
    void anyClauseInEitherSpellingParsesBackToItsTermsAndPlaces(@ForAll("clauses") Written w) {
        assertThat(NeverText.parse(w.text(), AT)).isEqualTo(w.expected());
    }

    @Provide
    Arbitrary<Written> clauses() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcXYZ_.09").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !List.of("active", "high", "inactive", "low", "while", "for").contains(s));
        Arbitrary<String> states = Arbitraries.of("active", "high", "inactive", "low");
        Arbitrary<String> gaps = Arbitraries.strings().withChars(" \t").ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> limits = Arbitraries.of("2ms", "0ns", "1.5us", "profile.limits.interlock_to_xray_off");
        return Combinators.combine(names, states, names.injectNull(0.3), states, limits.injectNull(0.5),
                gaps.list().ofSize(8)).as((a, sa, b, sb, limit, g) -> {
                    StringBuilder t = new StringBuilder(g.get(0).replace("\t", " "));
                    NeverClause.Term first = term(a, t.length(), sa);
                    t.append(a).append(g.get(1)).append(sa);
                    NeverClause.Term second = null;
                    if (b != null) {
                        t.append(g.get(2)).append("while").append(g.get(3));
                        second = term(b, t.length(), sb);
                        t.append(b).append(g.get(4)).append(sb);
                    }
                    SourcePosition limitAt = null;
                    if (limit != null) {
                        t.append(g.get(5)).append("for more").append(g.get(6)).append("than ");
                        limitAt = column(t.length());
                        t.append(limit);
                    }
                    t.append(g.get(7));
                    return new Written(t.toString(), new NeverClause(first, second, limit, limitAt));
                });
    }

    private static NeverClause.Term term(String name, int offset, String state) {
        return new NeverClause.Term(name, column(offset), state.equals("active") || state.equals("high") ? Level.HIGH : Level.LOW);
    }

    private static SourcePosition column(int offset) {
        return new SourcePosition(AT.file(), AT.line(), AT.column() + offset);
    }
}
