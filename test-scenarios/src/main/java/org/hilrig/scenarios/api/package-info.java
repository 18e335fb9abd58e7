/**
 * The rig for programmers: {@link org.hilrig.scenarios.api.RigExtension} (JUnit 5) hands a test a fresh
 * simulated {@link org.hilrig.scenarios.api.Bench} (or the bare {@link org.hilrig.runner.rig.Rig} port),
 * configured with {@link org.hilrig.scenarios.api.SimulatedRig} and returned to its safe state after the
 * test; {@link org.hilrig.scenarios.api.TraceAssertions} gives AssertJ-style assertions on what it
 * recorded: {@code assertThat(bench.trace()).signal("HV_ENABLE").fellWithin(1_000_000, afterFalling("DOOR_CLOSED"))}.
 */
package org.hilrig.scenarios.api;
