/**
 * Runs of scenarios ({@code hil run}): picks scenarios, runs each on a fresh rig, writes the outputs of
 * CONTRACT.md ({@code results.json}, {@code junit.xml}, {@code traces/<id>.vcd}) and the console summary,
 * then hands the finished run to the end-of-run steps (evidence, database).
 */
package org.hilrig.runner.run;
