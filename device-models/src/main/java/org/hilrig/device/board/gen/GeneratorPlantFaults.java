package org.hilrig.device.board.gen;

import org.hilrig.device.board.FaultTarget;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.plant.HvTank;
import org.hilrig.timing.sched.Scheduler;

/**
 * The generator's plant faults: the door and e-stop chains, arcs and shorts in the HV tank, the filament, kV
 * regulation, the AEC chamber, the handswitch contacts, and a lost exposure-timer tick in the firmware.
 * Confined to the machine's scheduler thread.
 */
final class GeneratorPlantFaults implements FaultTarget {
    private final GeneratorMount g;

    GeneratorPlantFaults(GeneratorMount mount) {
        this.g = mount;
    }

    @Override
    public Runnable prepare(PlantFault f) {
        HvTank tank = g.tank;
        Scheduler scheduler = g.scheduler;
        return switch (f.kind()) {
            case DOOR_OPEN -> () -> g.signals.findDigital("plant.door_closed").set(false);
            case DOOR_CLOSE -> () -> g.signals.findDigital("plant.door_closed").set(true);
            case ESTOP_PRESS -> () -> g.signals.findDigital("plant.estop_ok").set(false);
            case ESTOP_RELEASE -> () -> g.signals.findDigital("plant.estop_ok").set(true);
            case ARC -> tank::arc;
            case ARC_BURST -> {
                PlantFault.ArcBurst b = (PlantFault.ArcBurst) f;
                yield () -> {
                    for (long i = 0; i < b.arcs(); i++) {
                        scheduler.after(i * b.spacingNanos(), "fault.arc_burst", tank::arc);
                    }
                };
            }
            case HARD_SHORT -> {
                long length = ((PlantFault.HardShort) f).lengthNanos();
                yield () -> {
                    tank.setHardShort(true);
                    if (length > 0) {
                        scheduler.after(length, "fault.short_clear", () -> tank.setHardShort(false));
                    }
                };
            }
            case SHORT_CLEAR -> () -> tank.setHardShort(false);
            case DISCHARGE_OPEN -> () -> tank.setDischargeWorks(false);
            case DISCHARGE_REPAIR -> () -> tank.setDischargeWorks(true);
            case FILAMENT_OPEN -> () -> g.filament.setOpen(true);
            case FILAMENT_REPAIR -> () -> g.filament.setOpen(false);
            case OVER_KV -> {
                double factor = ((PlantFault.OverKv) f).factor();
                yield () -> tank.setRegulationFactor(factor);
            }
            case KV_REGULATION -> {
                double factor = ((PlantFault.KvRegulation) f).factor();
                yield () -> tank.setRegulationFactor(factor);
            }
            case KV_NORMAL -> () -> tank.setRegulationFactor(1.0);
            case AEC_STOP -> {
                long after = ((PlantFault.AecStop) f).afterXrayOnNanos();
                yield () -> g.aec.arm(after);
            }
            case AEC_NEVER_STOPS -> () -> g.aec.disarm();
            case HANDSWITCH_STUCK -> () -> {
                g.prepSwitch.stick();
                g.expASwitch.stick();
                g.expBSwitch.stick();
            };
            case HANDSWITCH_FREE -> () -> {
                g.prepSwitch.free();
                g.expASwitch.free();
                g.expBSwitch.free();
            };
            case HANDSWITCH_MISMATCH -> {
                boolean a = ((PlantFault.HandswitchMismatch) f).channel() == PlantFault.Channel.A;
                yield () -> (a ? g.expASwitch : g.expBSwitch).breakOpen();
            }
            case EXPOSURE_TIMER_LOST -> () -> g.firmware.loseExposureTimerTick();
            default -> throw new IllegalArgumentException("fault " + f.kind().faultName() + " is not the generator's");
        };
    }
}
