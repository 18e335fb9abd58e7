/** JMH benchmarks of the rig; {@link org.hilrig.bench.EmulatorBenchmark} measures the emulator's speed. */
package org.hilrig.bench;
