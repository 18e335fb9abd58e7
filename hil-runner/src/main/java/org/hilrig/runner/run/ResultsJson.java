package org.hilrig.runner.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hilrig.runner.evidence.AtomicFile;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.ValueResult;

/**
 * Writes {@code results.json} in the shape of CONTRACT.md (keys in that order), plus fields the contract
 * allows to be added: {@code ended_utc}, {@code unit_seed} (the emulated unit's seed, null for the nominal unit
 * and real boards); per scenario {@code title}, {@code file}, {@code tags},
 * {@code message}, {@code simulated_ns}; per measurement {@code uncertainty_ns}.
 */
public final class ResultsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    /** The document as a JSON tree. */
    public static ObjectNode tree(RunResult run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("run_id", run.runId());
        root.put("rig", run.rig());
        root.put("seed", run.seed());
        ArrayNode defects = root.putArray("defects");
        run.defects().forEach(defects::add);
        root.put("started_utc", run.startedUtc());
        root.put("ended_utc", run.endedUtc());
        root.put("tool_version", run.toolVersion());
        if (run.unitSeed() == null) {
            root.putNull("unit_seed");
        } else {
            root.put("unit_seed", run.unitSeed());
        }
        ArrayNode scenarios = root.putArray("scenarios");
        for (ScenarioResult s : run.scenarios()) {
            ObjectNode o = scenarios.addObject();
            o.put("id", s.id());
            o.put("status", s.status().word());
            ArrayNode reqs = o.putArray("requirements");
            s.requirements().forEach(reqs::add);
            ArrayNode ms = o.putArray("measurements");
            for (MeasurementResult m : s.measurements()) {
                ObjectNode mo = ms.addObject();
                mo.put("name", m.name());
                mo.put("value_ns", m.valueNs());
                if (m.minNs() == null) {
                    mo.putNull("min_ns");
                } else {
                    mo.put("min_ns", m.minNs());
                }
                if (m.maxNs() == null) {
                    mo.putNull("max_ns");
                } else {
                    mo.put("max_ns", m.maxNs());
                }
                mo.put("status", m.status().word());
                mo.put("uncertainty_ns", m.uncertaintyNs());
            }
            o.put("trace", s.trace());
            o.put("trace_sha256", s.traceSha256());
            o.put("title", s.title());
            o.put("file", s.file());
            ArrayNode tags = o.putArray("tags");
            s.tags().forEach(tags::add);
            o.put("message", s.message());
            o.put("simulated_ns", s.simulatedNanos());
            // after the contract's keys, in their order (CONTRACT.md): measured values in their units
            ArrayNode vs = o.putArray("values");
            for (ValueResult v : s.values()) {
                ObjectNode vo = vs.addObject();
                vo.put("name", v.name());
                vo.put("value", v.value());
                vo.put("unit", v.unit());
                putOrNull(vo, "nominal", v.nominal());
                putOrNull(vo, "min", v.min());
                putOrNull(vo, "max", v.max());
                vo.put("uncertainty", v.uncertainty());
                vo.put("status", v.status().word());
                vo.put("samples", v.samples());
                vo.put("window_start_ns", v.windowStartNanos());
                vo.put("window_end_ns", v.windowEndNanos());
            }
            // a scenario that repeats: each measurement taken more than once, over its repeats
            ArrayNode stats = o.putArray("statistics");
            for (org.hilrig.runner.lot.LotStatistics.Row r : org.hilrig.runner.lot.LotStatistics.ofRepeats(s)) {
                r.writeTo(stats.addObject());
            }
        }
        return root;
    }

    private static void putOrNull(ObjectNode o, String key, Double v) {
        if (v == null) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    /** Writes the document to {@code file} atomically (temp file + rename). */
    public static void write(RunResult run, Path file) {
        try {
            AtomicFile.write(file, (JSON.writeValueAsString(tree(run)) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write results as JSON", e);
        }
    }
}
