package org.hilrig.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.InputProblem;
import org.hilrig.timing.rules.SourcePosition;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Each helper of the one YAML toolkit, each message shape, 1-based places, every problem of a file. */
class YamlInputTest {
    private enum Colour { RED, DARK_BLUE }

    private final YamlInput input = new YamlInput("f.yaml");

    private MappingNode root(String text) {
        return (MappingNode) input.compose(text).orElseThrow();
    }

    private List<String> problems() {
        return input.problems().stream().map(InputProblem::toString).toList();
    }

    @Test
    void aMappingReportsUnknownRepeatedAndNonTextKeysInOneShape() {
        MappingNode m = root("a: 1\nb: 2\nzz: 3\na: 4\n[x]: 5\n");

        YamlMap keys = input.mapping(m, "step 'send'", List.of("a", "b"));

        assertThat(problems()).containsExactly(
                "f.yaml:3:1: unknown key 'zz' in step 'send' (allowed: a, b)",
                "f.yaml:4:1: key 'a' appears twice in step 'send' (first at line 1)",
                "f.yaml:5:1: a key in step 'send' must be a plain name, found a list");
        assertThat(keys.values().keySet()).containsExactly("a", "b");
        assertThat(((ScalarNode) keys.value("a")).getValue()).as("the first of two counts").isEqualTo("1");
        assertThat(keys.what()).isEqualTo("step 'send'");
        assertThat(keys.node()).isSameAs(m);
    }

    @Test
    void aMappingWithoutAllowedKeysTakesAnyKeyAndSomethingElseIsNotAMapping() {
        MappingNode m = root("list: [1, 2]\nany: x\n");
        assertThat(input.mapping(m, "fields", null).values().keySet()).containsExactly("list", "any");
        assertThat(input.mapping(m.getValue().get(0).getValueNode(), "technique", List.of("kv", "ma"))).isNull();
        assertThat(problems()).containsExactly(
                "f.yaml:1:7: technique must be a mapping of keys to values (kv, ma), found a list");
    }

    @Test
    void aMissingKeyIsReportedAtTheMapping() {
        MappingNode m = root("\n  id: X\n");
        YamlMap keys = input.mapping(m, "rule 'X'", List.of("id", "within"));

        assertThat(input.required(keys, "id")).isInstanceOf(ScalarNode.class);
        assertThat(input.required(keys, "within")).isNull();
        assertThat(problems()).containsExactly("f.yaml:2:3: missing key 'within' in rule 'X'");
    }

    @Test
    void aSingleValueIsNotAListOrAMapping() {
        MappingNode m = root("a: [1]\nb: {c: 1}\nd:\ne: text\n");
        List<Node> v = m.getValue().stream().map(t -> t.getValueNode()).toList();

        assertThat(input.scalar(v.get(0), "'a'")).isNull();
        assertThat(input.scalar(v.get(1), "'b'")).isNull();
        assertThat(input.scalar(v.get(2), "'d'")).as("nothing after the colon is the empty text").isEmpty();
        assertThat(input.scalar(v.get(3), "'e'")).isEqualTo("text");
        assertThat(problems()).containsExactly("f.yaml:1:4: 'a' must be a single value, found a list",
                "f.yaml:2:4: 'b' must be a single value, found a mapping");
    }

    @Test
    void durationsNumbersWholeNumbersAndFlags() {
        MappingNode m = root("d: 2.5ms\nx: 5xs\nn: 0.25\nm: lots\ni: 12\nj: 99\nk: 1.5\nt: true\nu: yes please\n");
        List<Node> v = m.getValue().stream().map(t -> t.getValueNode()).toList();

        assertThat(input.duration(v.get(0), "'d'")).isEqualTo(2_500_000L);
        assertThat(input.duration(v.get(1), "step 'wait'")).isNull();
        assertThat(input.number(v.get(2), "technique 'ma'")).isEqualTo(0.25);
        assertThat(input.number(v.get(3), "technique 'ma'")).isNull();
        assertThat(input.integer(v.get(4), "'pin'", 0, 27)).isEqualTo(12);
        assertThat(input.integer(v.get(5), "'pin'", 0, 27)).isNull();
        assertThat(input.integer(v.get(6), "'pin'", 0, 27)).isNull();
        assertThat(input.flag(v.get(7), "'allow_unexercised'")).isTrue();
        assertThat(input.flag(v.get(8), "'allow_unexercised'")).isNull();
        assertThat(problems()).containsExactly(
                "f.yaml:2:4: step 'wait': '5xs' is not a duration (use ns, us, ms or s, e.g. 2.5ms)",
                "f.yaml:4:4: technique 'ma': 'lots' is not a number",
                "f.yaml:6:4: 'pin' is 99, out of range (allowed: 0 to 27)",
                "f.yaml:7:4: 'pin' is '1.5', not a whole number (allowed: 0 to 27)",
                "f.yaml:9:4: 'allow_unexercised' must be true or false, found 'yes please'");
    }

    @Test
    void aWordOfAClosedSetIsSpelledAsTheFileSpellsIt() {
        MappingNode m = root("c: dark_blue\nd: green\n");
        List<Node> v = m.getValue().stream().map(t -> t.getValueNode()).toList();

        assertThat(input.enumValue(v.get(0), "'colour'", Colour.class, c -> c.name().toLowerCase(Locale.ROOT)))
                .isEqualTo(Colour.DARK_BLUE);
        assertThat(input.enumValue(v.get(1), "'colour'", Colour.class, c -> c.name().toLowerCase(Locale.ROOT))).isNull();
        assertThat(problems()).containsExactly("f.yaml:2:4: 'colour' is 'green' (allowed: red, dark_blue)");
    }

    @Test
    void namesAreKnownAndEachOnce() {
        MappingNode m = root("tags: [a, b, a, [c]]\nrequirements: REQ-X-001\n");
        List<Node> v = m.getValue().stream().map(t -> t.getValueNode()).toList();

        assertThat(input.names(v.get(0), "tags", null, "tag", null)).containsExactly("a", "b");
        assertThat(input.names(v.get(1), "requirements", Set.of("REQ-X-002"), "requirement", "in requirements.yaml"))
                .isEmpty();
        assertThat(input.names(null, "catches", Set.of(), "defect", null)).isEmpty();
        assertThat(problems()).containsExactly("f.yaml:1:14: 'tags' names 'a' twice",
                "f.yaml:1:17: 'tags' must be a single value, found a list",
                "f.yaml:2:15: unknown requirement 'REQ-X-001' in requirements.yaml, allowed: REQ-X-002");
    }

    @Test
    void placesAreOneBasedAndACharacterOfAOneLineScalarIsFound() {
        MappingNode m = root("rules:\n  - never: 'xray_on high while door low'\n    plain: a while b\n");
        var rule = (MappingNode) ((org.snakeyaml.engine.v2.nodes.SequenceNode) m.getValue().get(0).getValueNode())
                .getValue().get(0);
        ScalarNode quoted = (ScalarNode) rule.getValue().get(0).getValueNode();
        ScalarNode plain = (ScalarNode) rule.getValue().get(1).getValueNode();

        assertThat(input.position(m)).isEqualTo(new SourcePosition("f.yaml", 1, 1));
        assertThat(input.position(quoted)).isEqualTo(new SourcePosition("f.yaml", 2, 12));
        assertThat(input.position(quoted, "xray_on high while ".length()))
                .as("past the opening quote").isEqualTo(new SourcePosition("f.yaml", 2, 32));
        assertThat(input.position(plain, 8)).isEqualTo(new SourcePosition("f.yaml", 3, 20));
    }

    @Test
    void aScalarOnSeveralLinesIsPlacedAtItsStart() {
        MappingNode m = root("never: >\n  a high\n  while b low\n");
        ScalarNode folded = (ScalarNode) m.getValue().get(0).getValueNode();
        assertThat(input.position(folded, 10)).isEqualTo(input.position(folded));
    }

    @Test
    void everyProblemIsThrownAtOnceInTheOrderFoundOrInFileOrder() {
        input.problem(new SourcePosition("f.yaml", 9, 1), "late");
        input.problem(new SourcePosition("f.yaml", 2, 5), "early");
        input.problem(new SourcePosition("f.yaml", 2, 3), "earlier");

        assertThatThrownBy(input::throwIfAny).isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems())
                .containsExactly("f.yaml:9:1: late", "f.yaml:2:5: early", "f.yaml:2:3: earlier"));
        assertThatThrownBy(input::throwIfAnyInFileOrder).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.located()).extracting(InputProblem::message).containsExactly("earlier", "early", "late"));
        new YamlInput("g.yaml").throwIfAny(); // nothing found: nothing thrown
    }

    @Test
    void severalFilesCanShareOneListAndALocatedErrorIsTakenWhole() {
        List<InputProblem> sink = new ArrayList<>();
        YamlInput a = new YamlInput("a.yaml", sink);
        YamlInput b = new YamlInput("b.yaml", sink);
        a.problem((Node) null, "no place");
        try {
            b.compose("x: [1,\n");
        } catch (BadInputException e) {
            b.addAll(e);
        }
        assertThat(sink).extracting(InputProblem::toString).containsExactly("a.yaml: no place",
                "b.yaml:2:1: not valid YAML: expected the node content, but found '<stream end>'"
                        + " (while parsing a flow node that starts at line 2)");
        assertThat(a.problems()).isEqualTo(b.problems());
    }
}
