/**
 * Reports for people: {@link org.hilrig.runner.report.HtmlReport#write} makes the run's self-contained
 * {@code report.html} (summary and identity, traceability matrix, per scenario its steps, measurements against
 * limits, SVG timing diagrams drawn from the {@code Trace} around each measurement, requirement links, the serial
 * transcript), {@code traceability.csv} ({@link org.hilrig.runner.report.TraceabilityMatrix}) and
 * {@code transcripts/ID.txt}. {@code hil run} calls it at the end of a run, before sealing the evidence folder,
 * with the run's results, each scenario's trace by id, the run's identity and the requirement list.
 * A measurement gets a diagram when its {@code MeasurementResult} carries {@code stimulusNanos} (and, best,
 * the {@code signals} to draw); steps appear when the {@code ScenarioResult} carries {@code steps}.
 */
package org.hilrig.runner.report;
