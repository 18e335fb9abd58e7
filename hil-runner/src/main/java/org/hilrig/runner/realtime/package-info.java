/**
 * Emulated boards and rigs on wall time. {@link org.hilrig.runner.realtime.WallPacer} is the one clock
 * adapter that paces a virtual-time scheduler to the monotonic wall clock; {@link
 * org.hilrig.runner.realtime.PacedBoard} puts a paced emulated board's UART on a real port (a serial
 * pseudo-terminal through jSerialComm, or a {@link org.hilrig.runner.io.TcpCableServer}), which is
 * what {@code hil emulate} runs. {@link org.hilrig.runner.realtime.RealTimeRig} is the scenario engine's
 * {@link org.hilrig.runner.rig.Rig} port on wall time: the board through its serial or TCP link, its
 * hardware lines through {@link org.hilrig.runner.gpio.RigLines}, stimuli stamped when they happened,
 * observations with their declared uncertainty, the safe state first on every way out. {@link
 * org.hilrig.runner.realtime.RealTimeRigs} composes it from a fixture and a {@link
 * org.hilrig.runner.realtime.BenchFactory}. I/O threads only hand over; the pacer thread alone touches an
 * emulated machine, the scenario thread alone the rig's trace.
 */
package org.hilrig.runner.realtime;
