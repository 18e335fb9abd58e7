/**
 * MCU peripherals, laid out like a reference manual: the core with power, reset and main-loop tick
 * ({@link org.hilrig.device.mcu.Mcu}), GPIO with edge interrupts and latency, hardware timers, the
 * independent watchdog, the UART with its receive FIFO and byte timing from the baud rate, ADC and DAC
 * channels. Firmware ({@link org.hilrig.device.mcu.Program}) is written against these, in virtual time,
 * on the scheduler's thread.
 */
package org.hilrig.device.mcu;
