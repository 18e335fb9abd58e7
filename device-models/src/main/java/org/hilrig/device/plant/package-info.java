/**
 * Plant models: the HV tank with cable capacitance and arcs, the rotating anode and a plant-level tube
 * controller, the thermal network, the handswitch with contact bounce, the AEC chamber and the supply rail.
 * Each is computed in closed form between events and schedules its own threshold crossings at the exact
 * nanosecond, so simulation is fast and edges stay exact. Faults are methods on these models, called by
 * the machine's fault injector.
 */
package org.hilrig.device.plant;
