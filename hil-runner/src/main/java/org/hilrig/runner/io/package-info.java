/**
 * Byte links to a board: the {@link org.hilrig.runner.io.ByteLink} port and its adapters, a serial port
 * through jSerialComm ({@link org.hilrig.runner.io.SerialByteLink}) and a TCP connection through Netty
 * ({@link org.hilrig.runner.io.TcpByteLink}), plus Netty codec handlers around the one protocol framing
 * in {@code org.hilrig.device.protocol}. Links carry raw bytes stamped with their arrival time; framing
 * is the caller's business. This package and {@code driver} are the only places that touch jSerialComm.
 */
package org.hilrig.runner.io;
