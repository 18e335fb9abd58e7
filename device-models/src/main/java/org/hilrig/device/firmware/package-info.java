/**
 * The boards' firmware, written against the MCU peripherals of {@code org.hilrig.device.mcu}: the generator
 * ({@link org.hilrig.device.firmware.GeneratorFirmware}) and the tube controller ({@link
 * org.hilrig.device.firmware.TubeFirmware}), both speaking protocol version 1 through the shared framing of
 * {@code org.hilrig.device.protocol}, with the named {@link org.hilrig.device.firmware.Defect}s that a
 * qualified test library must catch. Limits come from the board profile.
 */
package org.hilrig.device.firmware;
