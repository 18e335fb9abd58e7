package org.hilrig.runner.scenario;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One step keyword of the scenario language ({@code set}, {@code wait}, ...), defined in one place: its word,
 * how its value is read, and examples that read. Each keyword's class also holds the report text, the needs
 * and the run of the {@link Step} records it yields, which those records delegate to. Every keyword is listed
 * once in {@link StepKeywords#ALL}.
 */
interface StepKeyword {
    /** The YAML key: {@code set}, {@code expect_event}, ... */
    String word();

    /**
     * Reads the keyword's value, adding a problem to {@code in} for everything wrong.
     *
     * @param at where the step's key was written
     * @param value the key's value node
     * @return the step, or null when the value could not be read (its problems are in {@code in})
     */
    Step parse(ScenarioInput in, Position at, Node value);

    /** Steps that read, as written in a scenario ({@code wait: 100ms}); together they yield every record this keyword makes. */
    List<String> examples();

    /** Fields for a report: {@code  {code=F01, n=2}}, or nothing for none. */
    static String fieldText(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" {");
        String sep = "";
        for (Map.Entry<String, String> e : fields.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ", ";
        }
        return b.append('}').toString();
    }

    /** Fields judged as values, for a report: {@code  {mas near value.mas +- 2 %}}, or nothing for none. */
    static String checkText(Map<String, FieldCheck> checks) {
        if (checks.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" {");
        String sep = "";
        for (Map.Entry<String, FieldCheck> e : checks.entrySet()) {
            b.append(sep).append(e.getKey()).append(' ').append(e.getValue());
            sep = ", ";
        }
        return b.append('}').toString();
    }

    /** A measurement's name for a report: {@code  (measure door_to_hv_off)}, or nothing for none. */
    static String measureText(String name) {
        return name == null ? "" : " (measure " + name + ")";
    }

    /** An anchor ({@code from}) reads its line and looks back on when it entered the state; none needs nothing. */
    static void anchorNeeds(Step.Anchor from, StepNeeds needs) {
        if (from != null) {
            needs.observes(from.signal());
            needs.looksBackOn(from.signal());
        }
    }
}
