/**
 * Protocol version 1 of {@code protocol.md}: the one framing implementation shared by the firmware
 * emulator, the rig's board driver and the tools. {@link org.hilrig.device.protocol.Frame} is a frame
 * as a value and encodes itself; {@link org.hilrig.device.protocol.FrameDecoder} turns a byte stream,
 * each byte stamped with its arrival time, into frames and reasoned discards, resynchronising exactly as
 * the protocol's receiver rules say. Pure Java: no threads, no I/O; the transports in {@code hil-runner}
 * and the emulated UART feed bytes in and take frames out.
 */
package org.hilrig.device.protocol;
