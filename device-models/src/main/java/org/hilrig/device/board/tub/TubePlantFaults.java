package org.hilrig.device.board.tub;

import org.hilrig.device.board.FaultTarget;
import org.hilrig.device.fault.PlantFault;

/**
 * The tube's plant faults: the thermal switch and overheating, a slow, stalled or phase-less rotor, and too
 * many rotor starts. Confined to the machine's scheduler thread.
 */
final class TubePlantFaults implements FaultTarget {
    private final TubeMount t;

    TubePlantFaults(TubeMount mount) {
        this.t = mount;
    }

    @Override
    public Runnable prepare(PlantFault f) {
        return switch (f.kind()) {
            case THERMAL_SWITCH_OPEN -> () -> t.thermal.forceSwitchOpen(true);
            case THERMAL_SWITCH_CLOSE -> () -> t.thermal.forceSwitchOpen(false);
            case ROTOR_SLOW -> {
                double factor = ((PlantFault.RotorSlow) f).factor();
                yield () -> t.rotor.setAccelFactor(factor);
            }
            case ROTOR_STALL -> () -> t.rotor.seize();
            case PHASE_LOSS -> () -> {
                t.signals.findDigital("plant.phase_ok").set(false);
                t.rotor.losePhase();
            };
            case ROTOR_REPAIR -> () -> {
                t.signals.findDigital("plant.phase_ok").set(true);
                t.rotor.repair();
                t.rotor.setAccelFactor(1.0);
            };
            case START_RATE -> () -> {
                if (t.firmware != null) {
                    t.firmware.exhaustStarts();
                } else {
                    t.model.exhaustStarts();
                }
            };
            case TUBE_OVERHEAT -> {
                double joules = ((PlantFault.TubeOverheat) f).joules();
                yield () -> t.thermal.deposit(joules);
            }
            default -> throw new IllegalArgumentException("fault " + f.kind().faultName() + " is not the tube's");
        };
    }
}
