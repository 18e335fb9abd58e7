package org.hilrig.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hilrig.timing.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

class YamlTextTest {

    @Test
    void aSyntaxErrorIsBadInputAtTheParsersPlaceWithItsContext() {
        assertThatThrownBy(() -> YamlText.compose("rules.yaml", "rules:\n  - id: A\n    within: [1ms, 2ms\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("rules.yaml:4:1: not valid YAML: ")
                .hasMessageContaining("that starts at line 3");
    }

    @Test
    void nestingUpToTheCapIsReadAndOneLevelMoreIsRefusedAtItsPlace() {
        int cap = YamlLimits.INPUT_FILES.maxDepth();
        Node root = YamlText.compose("d.yaml", "[".repeat(cap) + "]".repeat(cap)).orElseThrow();
        int depth = 0;
        for (Node n = root; n instanceof SequenceNode s; n = s.getValue().isEmpty() ? null : s.getValue().get(0)) {
            depth++;
        }
        assertThat(depth).isEqualTo(cap);

        assertThatThrownBy(() -> YamlText.compose("d.yaml", "\n" + "[".repeat(cap + 1) + "]".repeat(cap + 1)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("d.yaml:2:" + (cap + 1) + ": nested more than " + cap + " levels deep (allowed: " + cap + ")");
    }

    @Test
    void aliasesWithinTheCapsStandForWhatTheyName() {
        MappingNode root = (MappingNode) YamlText.compose("a.yaml", """
                base: &base {kv: 80, ma: 250}
                limit: &limit 2ms
                first: {<<: *base, ms: 100}
                second: [*limit, *limit, *base]
                """).orElseThrow();

        SequenceNode second = (SequenceNode) root.getValue().get(3).getValueNode();
        assertThat(((ScalarNode) second.getValue().get(0)).getValue()).isEqualTo("2ms");
        assertThat(second.getValue().get(2)).isSameAs(root.getValue().get(0).getValueNode());
    }

    @Test
    void anAliasToAnEnclosingMappingIsACycleAndRefused() {
        assertThatThrownBy(() -> YamlText.compose("c.yaml", "top: &t\n  child: *t\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("c.yaml:2:10: alias *t refers to a collection that contains it (a cycle; allowed: aliases"
                        + " to values defined before)");
    }

    @Test
    void aLineAtTheCapIsReadAndOneCharacterMoreIsRefused() {
        int cap = YamlLimits.INPUT_FILES.maxLineChars();
        String value = "x".repeat(cap - "k: ".length());
        assertThat(((MappingNode) YamlText.compose("l.yaml", "k: " + value + "\n").orElseThrow()).getValue()).hasSize(1);

        assertThatThrownBy(() -> YamlText.compose("l.yaml", "a: 1\r\nk: " + value + "x\r\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("l.yaml:2:" + (cap + 1) + ": line too long: " + (cap + 1) + " characters");
    }

    @Test
    void aFileAtTheSizeCapIsReadAndOneByteMoreIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        int cap = YamlLimits.INPUT_FILES.maxFileBytes();
        String line = "# " + "x".repeat(98) + "\n";
        String text = line.repeat(cap / line.length()) + "k: v" + "\n".repeat(cap % line.length() - 4);
        Path atCap = Files.writeString(dir.resolve("cap.yaml"), text);
        assertThat(Files.size(atCap)).isEqualTo(cap);
        assertThat(YamlText.compose("cap.yaml", YamlText.read(atCap, "cap.yaml"))).isPresent();

        Path over = Files.writeString(dir.resolve("over.yaml"), text + "\n");
        assertThatThrownBy(() -> YamlText.read(over, "over.yaml")).isInstanceOf(BadInputException.class)
                .hasMessage("over.yaml: file too large: " + (cap + 1) + " bytes (allowed: at most " + cap + " bytes)");
    }

    @Test
    void aFileThatIsNotThereOrAFolderIsBadInput(@TempDir Path dir) {
        assertThatThrownBy(() -> YamlText.read(dir.resolve("none.yaml"), "none.yaml")).isInstanceOf(BadInputException.class)
                .hasMessage("none.yaml: no such file");
        assertThatThrownBy(() -> YamlText.read(dir, "dir")).isInstanceOf(BadInputException.class)
                .hasMessage("dir: is a folder, not a YAML file");
    }

    @Test
    void aByteOrderMarkAndCharactersBeyondAsciiAreUtf8() {
        assertThat(((ScalarNode) ((MappingNode) YamlText.compose("u.yaml", "\ufefftitle: T\u00fcr \ud83d\udeaa\n")
                .orElseThrow()).getValue().get(0).getValueNode()).getValue()).isEqualTo("T\u00fcr \ud83d\udeaa");
    }

    @Test
    void nodesKeepTheirPositionsAndAnEmptyDocumentIsEmpty() {
        assertThat(YamlText.compose("e.yaml", "")).isEmpty();
        assertThat(YamlText.compose("e.yaml", "\n\nkey: value\n").orElseThrow().getStartMark().orElseThrow().getLine())
                .isEqualTo(2);
    }
}
