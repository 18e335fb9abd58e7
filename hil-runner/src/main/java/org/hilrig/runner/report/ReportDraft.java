package org.hilrig.runner.report;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hilrig.runner.evidence.EvidenceFolder;
import org.hilrig.runner.evidence.RunIdentity;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.scenario.Requirement;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.trace.Trace;

/**
 * The {@link HtmlReport} of a run drawn while the run goes: each scenario's section (timing diagrams, steps,
 * transcript) is drawn on one background thread as soon as the scenario completes, so drawing overlaps the
 * next scenarios' simulation; {@link #write} then puts the summary and traceability around the sections. The
 * result is the same report {@link HtmlReport#write(Path, RunResult, Map, RunIdentity, List)} writes.
 *
 * <p>{@link #add} and {@link #write} are called from the run's thread; a trace handed to {@link #add} must
 * not change afterwards (the run has ended it). Close it to stop the drawing thread on every way out.
 */
public final class ReportDraft implements AutoCloseable {
    private final ExecutorService drawing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hil-report");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Future<HtmlReport.Section>> sections = new LinkedHashMap<>();

    /** Starts drawing a completed scenario's section. */
    public void add(ScenarioResult result, Trace trace) {
        sections.put(result.id(), drawing.submit(() -> HtmlReport.Section.of(result, trace)));
    }

    /**
     * Waits for the sections and writes {@code report.html}, {@code traceability.csv} and
     * {@code transcripts/ID.txt} into {@code folder}. A scenario of {@code run} never {@link #add}ed gets a
     * section without diagrams.
     *
     * @return the report file
     */
    public Path write(EvidenceFolder folder, RunResult run, RunIdentity identity, List<Requirement> requirements) {
        Map<String, HtmlReport.Section> drawn = new HashMap<>();
        for (Map.Entry<String, Future<HtmlReport.Section>> e : sections.entrySet()) {
            drawn.put(e.getKey(), await(e.getValue(), e.getKey()));
        }
        HtmlReport.writeDrawn(folder::write, run, drawn, identity, requirements);
        return folder.dir().resolve("report.html");
    }

    private static HtmlReport.Section await(Future<HtmlReport.Section> section, String id) {
        try {
            return section.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("drawing the report section of " + id + " failed: " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFailureException("interrupted while drawing the report section of " + id, e);
        }
    }

    @Override
    public void close() {
        drawing.shutdownNow();
    }
}
