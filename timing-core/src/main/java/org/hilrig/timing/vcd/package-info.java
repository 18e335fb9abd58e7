/**
 * VCD (IEEE 1364 value change dump) out and in: {@link org.hilrig.timing.vcd.VcdWriter} turns a stream
 * of trace changes into a deterministic VCD file that waveform viewers open, and {@link
 * org.hilrig.timing.vcd.VcdReader} streams any VCD file, as HDL simulators, logic analysers and
 * waveform tools write it, into a {@link org.hilrig.timing.trace.ChangeListener}, with times in integer
 * nanoseconds and every malformed byte reported as a {@link org.hilrig.timing.BadInputException} at
 * its line and column.
 */
package org.hilrig.timing.vcd;
