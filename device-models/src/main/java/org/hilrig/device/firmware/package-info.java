/**
 * The boards' firmware, written against the MCU peripherals of {@code org.hilrig.device.mcu}: the generator
 * ({@link org.hilrig.device.firmware.GeneratorFirmware}, a facade composing its state machine, handswitch
 * channels, interlocks, exposure supervision, anode heat and command table) and the tube controller ({@link
 * org.hilrig.device.firmware.TubeFirmware}), both speaking protocol version 1 through the shared framing of
 * {@code org.hilrig.device.protocol}: each dispatches over every {@link org.hilrig.device.protocol.Command},
 * answers what its {@code PROTOCOL} does not speak with {@code NAK 02}, and shares the common commands
 * ({@code VER}, {@code HBT}, {@code FLT}, {@code WDG}, {@code LNK}). The named {@link
 * org.hilrig.device.firmware.Defect}s are those a qualified test library must catch. Limits come from the
 * board profile.
 */
package org.hilrig.device.firmware;
