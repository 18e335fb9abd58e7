/**
 * The rig's hardware lines: the {@link org.hilrig.runner.gpio.RigLines} port (drive an output, read a line,
 * hear input edges with their time and uncertainty, return to the safe state) and its adapters, picked from
 * the fixture's {@code gpio.provider}: on a Raspberry Pi, outputs and inputs (with the kernel's edge time
 * stamps) through the GPIO character device (uAPI v2, through JNA); Pi4J's mock platform in tests; and in-memory {@link org.hilrig.runner.gpio.SimulatedPins}. Polarity is applied exactly once, in
 * {@code WiredLines}; everything above speaks logical states. The kernel ABI is decoded in pure Java
 * ({@code LineEventDecoder}, {@code EdgeSequenceCheck}, {@code LineRequest}) and tested on byte streams; only
 * {@code GpioChip} makes syscalls. This package and {@code io} are the only ones that touch Pi4J or JNA.
 */
package org.hilrig.runner.gpio;
