package org.hilrig.runner.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.scenario.Requirement;
import org.hilrig.timing.verdict.Verdict;

/**
 * Which scenarios cover which requirement, and with what verdict in a run: one row per requirement of the list
 * (in list order), then one row per requirement id that a scenario names but the list does not have.
 */
public record TraceabilityMatrix(List<Row> rows) {
    /** How a requirement stands in the run. */
    public enum Coverage {
        /** At least one scenario covers it; {@link Row#verdict()} is the worst of theirs. */
        COVERED,
        /** No scenario in the run names it. */
        UNCOVERED,
        /** Scenarios name it but the requirement list does not have it (a typo, or a stale list). */
        UNKNOWN
    }

    /**
     * @param requirement the requirement; for {@link Coverage#UNKNOWN} rows its text and the standard it serves are null
     * @param scenarios the scenarios of the run that name it, in run order
     * @param verdict the worst of their verdicts, or null when uncovered
     */
    public record Row(Requirement requirement, Coverage coverage, List<ScenarioResult> scenarios, Verdict verdict) {
        public Row {
            scenarios = List.copyOf(scenarios);
        }
    }

    public TraceabilityMatrix {
        rows = List.copyOf(rows);
    }

    public static TraceabilityMatrix of(List<Requirement> requirements, RunResult run) {
        Map<String, List<ScenarioResult>> byRequirement = new LinkedHashMap<>();
        for (ScenarioResult s : run.scenarios()) {
            for (String r : s.requirements()) {
                List<ScenarioResult> list = byRequirement.computeIfAbsent(r, k -> new ArrayList<>());
                if (!list.contains(s)) {
                    list.add(s);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Requirement> known = new LinkedHashMap<>();
        for (Requirement r : requirements) {
            known.putIfAbsent(r.id(), r);
        }
        for (Requirement r : known.values()) {
            List<ScenarioResult> covering = byRequirement.getOrDefault(r.id(), List.of());
            rows.add(covering.isEmpty() ? new Row(r, Coverage.UNCOVERED, List.of(), null)
                    : new Row(r, Coverage.COVERED, covering, worst(covering)));
        }
        byRequirement.forEach((id, covering) -> {
            if (!known.containsKey(id)) {
                rows.add(new Row(new Requirement(id, null, null), Coverage.UNKNOWN, covering, worst(covering)));
            }
        });
        return new TraceabilityMatrix(rows);
    }

    private static Verdict worst(List<ScenarioResult> scenarios) {
        Verdict v = Verdict.PASS;
        for (ScenarioResult s : scenarios) {
            v = v.worst(s.status());
        }
        return v;
    }

    /** The requirements no scenario of the run covers. */
    public List<Requirement> uncovered() {
        return rows.stream().filter(r -> r.coverage() == Coverage.UNCOVERED).map(Row::requirement).toList();
    }

    /**
     * The matrix as CSV (RFC 4180, UTF-8, CRLF line ends), one line per requirement:
     * {@code requirement,standard,text,coverage,verdict,scenarios}, where {@code scenarios} lists
     * {@code ID=verdict} separated by spaces and {@code verdict} is empty when uncovered.
     */
    public byte[] toCsv() {
        StringBuilder b = new StringBuilder("requirement,standard,text,coverage,verdict,scenarios\r\n");
        for (Row r : rows) {
            b.append(csv(r.requirement().id())).append(',').append(csv(r.requirement().standard())).append(',')
                    .append(csv(r.requirement().text())).append(',').append(r.coverage().name().toLowerCase(java.util.Locale.ROOT))
                    .append(',').append(r.verdict() == null ? "" : r.verdict().word()).append(',')
                    .append(csv(r.scenarios().stream().map(s -> s.id() + "=" + s.status().word())
                            .collect(Collectors.joining(" ")))).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String csv(String field) {
        if (field == null) {
            return "";
        }
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
