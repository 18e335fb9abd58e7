/**
 * JMH benchmarks of the rig, run by {@code scripts/bench} through {@link org.hilrig.bench.Bench}. Targets
 * are checked here, by measurement, never by timed unit tests.
 */
package org.hilrig.bench;
