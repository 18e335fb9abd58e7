package org.hilrig.device.firmware;

import java.util.function.DoubleSupplier;
import org.hilrig.timing.signal.AnalogSignal;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * The generator board's pins: the board-side signals its GPIOs read and drive (logical levels, high =
 * active), its DAC outputs and the plant quantities its ADC channels sample.
 *
 * @param kvOk comparator: kV above the X-ray-on fraction of the setpoint
 * @param arcDetect arc detector pulse
 * @param filamentOk filament current sense: filament intact and heated
 * @param filamentBoost output: boost the filament for the exposure
 * @param kvSample ADC channel of the kV divider, kV
 * @param maSample ADC channel of the tube-current shunt, mA
 * @param kvDose the kV divider as the dose meter's fast ADC samples it, behind its anti-aliasing filter (the
 *     inverter's ripple filtered out; not published)
 * @param maDose the tube-current shunt as the dose meter samples it
 */
public record GeneratorPins(
        DigitalSignal prepReq, DigitalSignal expReqA, DigitalSignal expReqB, DigitalSignal doorClosed,
        DigitalSignal estopOk, DigitalSignal thermalOk, DigitalSignal rotorReady, DigitalSignal aecStop,
        DigitalSignal kvOk, DigitalSignal arcDetect, DigitalSignal filamentOk,
        DigitalSignal ready, DigitalSignal hvEnable, DigitalSignal xrayOn, DigitalSignal rotorStart,
        DigitalSignal fault, DigitalSignal alive, DigitalSignal filamentBoost,
        AnalogSignal kvDemand, AnalogSignal maDemand, DoubleSupplier kvSample, DoubleSupplier maSample,
        DoubleSupplier kvDose, DoubleSupplier maDose) {
}
