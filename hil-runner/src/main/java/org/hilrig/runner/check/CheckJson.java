package org.hilrig.runner.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.hilrig.timing.rules.BoundedResponse;
import org.hilrig.timing.rules.NeverResult;
import org.hilrig.timing.rules.NeverWhile;
import org.hilrig.timing.rules.Occurrence;
import org.hilrig.timing.rules.Overlap;
import org.hilrig.timing.rules.ResponseResult;
import org.hilrig.timing.rules.RuleResult;

/**
 * {@code hil check --json}: the document CONTRACT.md promises, with a few more fields, written as a
 * stream (a trace with millions of occurrences needs no tree in memory). Times are integer nanoseconds
 * from the trace's time zero; absent values are {@code null}. A rule's {@code status} is the worst of its
 * occurrences' or violations', or {@code inconclusive} when the trace did not exercise it ({@code
 * exercised: false}, with {@code unexercised_reason}) and it is not allowed to go unexercised; {@code
 * longest_overlap_ns} counts overlaps inside a {@code never} rule's tolerance too, which are not listed
 * as violations.
 *
 * <p>The lists are bounded by {@code list_limit} (null: every one is listed): a rule lists its first
 * {@code list_limit} and its worst {@code list_limit} occurrences (unanswered ones first, then the
 * smallest margin to a limit of the window) or violations (failures first, then the longest), in time
 * order, and says {@code occurrences_truncated} / {@code violations_truncated} when it left some out. The
 * counts, {@code status}, {@code worst_latency_ns} and {@code longest_overlap_ns} cover every one.
 *
 * <pre>
 * {"trace": "...", "rules_file": "...", "status": "fail", "uncertainty_ns": 1, "end_ns": 7000000,
 *  "list_limit": 1000,
 *  "rules": [
 *   {"id": "DOOR-HV", "requirement": "REQ-ILK-001", "status": "pass",
 *    "after": "door_closed falls", "expect": "hv_enable falls", "min_ns": null, "max_ns": 1000000,
 *    "occurrences": [{"trigger_ns": 5000000, "response_ns": 5412000, "latency_ns": 412000, "status": "pass"}],
 *    "worst_latency_ns": 412000, "occurrence_count": 1, "occurrences_truncated": false,
 *    "pass_count": 1, "inconclusive_count": 0, "fail_count": 0,
 *    "exercised": true, "unexercised_reason": null, "allow_unexercised": false},
 *   {"id": "NO-XRAY-WITH-DOOR-OPEN", "requirement": null, "status": "fail",
 *    "never": "xray_on high while door_closed low", "longer_than_ns": null,
 *    "violations": [{"start_ns": 5000000, "end_ns": 5430000, "duration_ns": 430000, "status": "fail"}],
 *    "longest_overlap_ns": 430000, "violation_count": 1, "violations_truncated": false,
 *    "exercised": true, "unexercised_reason": null, "allow_unexercised": false}]}
 * </pre>
 *
 * The text is indented by two spaces with {@code \n} line ends.
 */
public final class CheckJson {
    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(INDENT).withArrayIndenter(INDENT);

    private CheckJson() {
    }

    /** Writes the report to {@code out}, without a final line end; flushes but does not close it. */
    public static void write(CheckReport report, Writer out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(PRETTY.createInstance());
            g.writeStartObject();
            g.writeStringField("trace", report.trace());
            g.writeStringField("rules_file", report.rulesFile());
            g.writeStringField("status", report.verdict().word());
            g.writeNumberField("uncertainty_ns", report.uncertaintyNanos());
            g.writeNumberField("end_ns", report.endNanos());
            number(g, "list_limit", report.listing().all() ? null : (long) report.listing().firstAndWorst());
            g.writeArrayFieldStart("rules");
            for (RuleResult r : report.results()) {
                g.writeStartObject();
                g.writeStringField("id", r.rule().id());
                g.writeStringField("requirement", r.rule().requirement());
                g.writeStringField("status", report.status(r).word());
                if (r instanceof ResponseResult rr) {
                    response(g, rr);
                } else {
                    never(g, (NeverResult) r);
                }
                g.writeBooleanField("exercised", r.exercised());
                g.writeStringField("unexercised_reason", r.unexercisedReason());
                g.writeBooleanField("allow_unexercised", report.allowUnexercised().contains(r.rule().id()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the JSON report failed", e);
        }
    }

    /** The report as JSON text, without a final line end. */
    public static String text(CheckReport report) {
        StringWriter s = new StringWriter();
        write(report, s);
        return s.toString();
    }

    private static void response(JsonGenerator g, ResponseResult r) throws IOException {
        BoundedResponse rule = r.rule();
        g.writeStringField("after", rule.trigger().toString());
        g.writeStringField("expect", rule.response().toString());
        number(g, "min_ns", rule.window().minNanos());
        g.writeNumberField("max_ns", rule.window().maxNanos());
        g.writeArrayFieldStart("occurrences");
        List<Occurrence> occurrences = r.occurrences();
        for (int i = 0; i < occurrences.size(); i++) {
            Occurrence o = occurrences.get(i);
            g.writeStartObject();
            g.writeNumberField("trigger_ns", o.triggerNanos());
            number(g, "response_ns", o.responseNanos());
            number(g, "latency_ns", o.latencyNanos());
            g.writeStringField("status", o.verdict().word());
            g.writeEndObject();
        }
        g.writeEndArray();
        number(g, "worst_latency_ns", r.worstLatencyNanos());
        g.writeNumberField("occurrence_count", r.occurrenceCount());
        g.writeBooleanField("occurrences_truncated", r.truncated());
        g.writeNumberField("pass_count", r.tally().pass());
        g.writeNumberField("inconclusive_count", r.tally().inconclusive());
        g.writeNumberField("fail_count", r.tally().fail());
    }

    private static void never(JsonGenerator g, NeverResult r) throws IOException {
        NeverWhile rule = r.rule();
        g.writeStringField("never", rule.state() + " while " + rule.whileState());
        number(g, "longer_than_ns", rule.longerThanNanos());
        g.writeArrayFieldStart("violations");
        for (Overlap o : r.overlaps()) {
            g.writeStartObject();
            g.writeNumberField("start_ns", o.startNanos());
            g.writeNumberField("end_ns", o.endNanos());
            g.writeNumberField("duration_ns", o.durationNanos());
            g.writeStringField("status", o.verdict().word());
            g.writeEndObject();
        }
        g.writeEndArray();
        number(g, "longest_overlap_ns", r.longestOverlapNanos());
        g.writeNumberField("violation_count", r.violationCount());
        g.writeBooleanField("violations_truncated", r.truncated());
    }

    private static void number(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
