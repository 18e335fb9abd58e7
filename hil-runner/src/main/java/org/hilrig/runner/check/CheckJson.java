package org.hilrig.runner.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hilrig.timing.rules.BoundedResponse;
import org.hilrig.timing.rules.NeverResult;
import org.hilrig.timing.rules.NeverWhile;
import org.hilrig.timing.rules.Occurrence;
import org.hilrig.timing.rules.Overlap;
import org.hilrig.timing.rules.ResponseResult;
import org.hilrig.timing.rules.RuleResult;

/**
 * {@code hil check --json}: the document CONTRACT.md promises, with a few more fields. Times are
 * integer nanoseconds from the trace's time zero; absent values are {@code null}. A rule's
 * {@code status} is the worst of its occurrences' or violations'; {@code longest_overlap_ns} counts
 * overlaps inside a {@code never} rule's tolerance too, which are not listed as violations.
 *
 * <pre>
 * {"trace": "...", "rules_file": "...", "status": "fail", "uncertainty_ns": 1, "end_ns": 7000000,
 *  "rules": [
 *   {"id": "DOOR-HV", "requirement": "REQ-ILK-001", "status": "pass",
 *    "after": "door_closed falls", "expect": "hv_enable falls", "min_ns": null, "max_ns": 1000000,
 *    "occurrences": [{"trigger_ns": 5000000, "response_ns": 5412000, "latency_ns": 412000, "status": "pass"}],
 *    "worst_latency_ns": 412000},
 *   {"id": "NO-XRAY-WITH-DOOR-OPEN", "requirement": null, "status": "fail",
 *    "never": "xray_on high while door_closed low", "longer_than_ns": null,
 *    "violations": [{"start_ns": 5000000, "end_ns": 5430000, "duration_ns": 430000, "status": "fail"}],
 *    "longest_overlap_ns": 430000}]}
 * </pre>
 */
public final class CheckJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(INDENT).withArrayIndenter(INDENT);

    private CheckJson() {
    }

    /** The report as a JSON tree. */
    public static ObjectNode tree(CheckReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("trace", report.trace());
        root.put("rules_file", report.rulesFile());
        root.put("status", report.verdict().word());
        root.put("uncertainty_ns", report.uncertaintyNanos());
        root.put("end_ns", report.endNanos());
        ArrayNode rules = root.putArray("rules");
        for (RuleResult r : report.results()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", r.rule().id());
            rule.put("requirement", r.rule().requirement());
            rule.put("status", r.verdict().word());
            if (r instanceof ResponseResult rr) {
                response(rule, rr);
            } else {
                never(rule, (NeverResult) r);
            }
        }
        return root;
    }

    private static void response(ObjectNode json, ResponseResult r) {
        BoundedResponse rule = r.rule();
        json.put("after", rule.trigger().toString());
        json.put("expect", rule.response().toString());
        json.put("min_ns", rule.window().minNanos());
        json.put("max_ns", rule.window().maxNanos());
        ArrayNode list = json.putArray("occurrences");
        for (Occurrence o : r.occurrences()) {
            ObjectNode occurrence = list.addObject();
            occurrence.put("trigger_ns", o.triggerNanos());
            occurrence.put("response_ns", o.responseNanos());
            occurrence.put("latency_ns", o.latencyNanos());
            occurrence.put("status", o.verdict().word());
        }
        json.put("worst_latency_ns", r.worstLatencyNanos());
    }

    private static void never(ObjectNode json, NeverResult r) {
        NeverWhile rule = r.rule();
        json.put("never", rule.state() + " while " + rule.whileState());
        json.put("longer_than_ns", rule.longerThanNanos());
        ArrayNode list = json.putArray("violations");
        for (Overlap o : r.overlaps()) {
            ObjectNode violation = list.addObject();
            violation.put("start_ns", o.startNanos());
            violation.put("end_ns", o.endNanos());
            violation.put("duration_ns", o.durationNanos());
            violation.put("status", o.verdict().word());
        }
        json.put("longest_overlap_ns", r.longestOverlapNanos());
    }

    /** The report as JSON text indented by two spaces with {@code \n} line ends, ending without one. */
    public static String text(CheckReport report) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(tree(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialise", e);
        }
    }
}
