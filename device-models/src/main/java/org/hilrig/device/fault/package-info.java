/**
 * Plant faults as values: {@link org.hilrig.device.fault.PlantFault} is the closed set of faults a rig can
 * make happen (door opens, arc burst, brown-out, ...), one record per parameter shape, and {@link
 * org.hilrig.device.fault.FaultText} is the one parser from the text scenarios write (a name and text
 * parameters) to such a value, reporting every problem by parameter. Which part of a machine or which rig
 * makes a fault happen is not decided here: this package only says what each fault is.
 */
package org.hilrig.device.fault;
