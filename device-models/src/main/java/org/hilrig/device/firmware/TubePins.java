package org.hilrig.device.firmware;

import java.util.function.DoubleSupplier;
import org.hilrig.timing.signal.AnalogSignal;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * The tube controller board's pins (logical levels, high = active).
 *
 * @param rotorStart input: the generator (or rig) asks for the anode to turn
 * @param phaseOk input: motor phase current sense, all phases conducting
 * @param rotorReady output: anode at speed
 * @param tubFault output: a tube-controller fault is latched
 * @param alive output: toggles while the firmware runs
 * @param rotorDrive output: motor drive on
 * @param rotorBrake output: DC brake on
 * @param rpmDemand DAC: drive target in rpm
 * @param rpmSample ADC: tachometer, rpm
 * @param anodeSample ADC: anode temperature, degrees C
 * @param housingSample ADC: housing temperature, degrees C
 */
public record TubePins(DigitalSignal rotorStart, DigitalSignal phaseOk, DigitalSignal rotorReady,
                       DigitalSignal tubFault, DigitalSignal alive, DigitalSignal rotorDrive, DigitalSignal rotorBrake,
                       AnalogSignal rpmDemand, DoubleSupplier rpmSample, DoubleSupplier anodeSample,
                       DoubleSupplier housingSample) {
}
