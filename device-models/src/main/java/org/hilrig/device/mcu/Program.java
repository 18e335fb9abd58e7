package org.hilrig.device.mcu;

/**
 * Firmware as the MCU runs it: an entry point after every reset and a main-loop body run once a tick.
 * Interrupt handlers are registered on peripherals from {@link #start}. Both methods run on the
 * scheduler's thread, in virtual time; neither may block.
 */
public interface Program {
    /**
     * Runs once when the controller leaves reset (power-on, watchdog, brown-out, command), after the
     * boot time. Every peripheral is in its reset state: outputs low, timers stopped, FIFOs empty.
     */
    void start(ResetReason reason);

    /** The main loop body, run once per tick while the controller runs and the loop is not blocked. */
    void loop();
}
