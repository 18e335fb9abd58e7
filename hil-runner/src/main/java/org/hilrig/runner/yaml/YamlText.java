package org.hilrig.runner.yaml;

import java.util.Optional;
import org.hilrig.timing.BadInputException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/**
 * The one way the rig's input files (rules, scenarios, requirements, board profiles, rig fixtures) become
 * YAML node trees: nodes keep their marks, so every later problem can name its line and column, and a
 * syntax error is a {@link BadInputException} at the place the parser stopped, never a parser exception.
 */
public final class YamlText {
    private YamlText() {
    }

    /**
     * Composes one YAML document.
     *
     * <p>Duplicate keys are not refused here (composing does not check them): each loader reports them
     * itself, with both places.
     *
     * @param source how messages name the text (the file as the user gave it)
     * @return the root node, or empty for an empty document
     * @throws BadInputException {@code source:line:col: not valid YAML: what (context)} on a syntax error
     */
    public static Optional<Node> compose(String source, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).build();
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            String context = e.getProblem() != null && e.getContext() != null ? " (" + oneLine(e.getContext())
                    + e.getContextMark().map(c -> " that starts at line " + (c.getLine() + 1)).orElse("") + ")" : "";
            throw new BadInputException(source, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    "not valid YAML: " + oneLine(problem) + context, e);
        } catch (YamlEngineException e) {
            throw new BadInputException(source, 0, 0, "not valid YAML: " + oneLine(e.getMessage()), e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
