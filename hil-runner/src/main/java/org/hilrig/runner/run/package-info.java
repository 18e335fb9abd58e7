/**
 * Runs of scenarios ({@code hil run}): picks scenarios, runs each on a fresh rig, tells the
 * {@link org.hilrig.runner.run.RunListener}s as each completes (the results database records it at once),
 * writes the outputs of CONTRACT.md ({@code results.json}, {@code junit.xml}, {@code traces/<id>.vcd}) and
 * the console summary, then hands the finished run to the end-of-run steps.
 * {@link org.hilrig.runner.run.RunEvidence} is both for {@code hil run}: it makes the output folder evidence
 * (scenario files, identity, report, database, seal) in the order {@code EvidenceFolder} requires.
 */
package org.hilrig.runner.run;
