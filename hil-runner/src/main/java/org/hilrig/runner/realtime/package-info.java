/**
 * Emulated boards and rigs on wall time. {@link org.hilrig.runner.realtime.WallPacer} is the one clock
 * adapter that paces a virtual-time scheduler to the monotonic wall clock; {@link
 * org.hilrig.runner.realtime.PacedBoard} puts a paced emulated board's UART on a real port (a serial
 * pseudo-terminal through jSerialComm, or a {@link org.hilrig.runner.realtime.TcpCableServer}), which is
 * what {@code hil emulate} runs. I/O threads only hand bytes over; the pacer thread alone touches the
 * emulated machine.
 */
package org.hilrig.runner.realtime;
