package org.hilrig.device.mcu;

/** Receives bytes off a serial line, each stamped with the time its stop bit ended. */
@FunctionalInterface
public interface ByteSink {
    void receive(long timeNanos, byte b);
}
