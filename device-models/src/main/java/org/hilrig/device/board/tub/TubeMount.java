package org.hilrig.device.board.tub;

import java.util.Optional;
import org.hilrig.device.profile.TubeKeys;
import org.hilrig.device.board.BoardMount;
import org.hilrig.device.board.FaultTarget;
import org.hilrig.device.board.LineSpec;
import org.hilrig.device.board.Mode;
import org.hilrig.device.board.MountContext;
import org.hilrig.device.firmware.SerialCounters;
import org.hilrig.device.firmware.TubeFirmware;
import org.hilrig.device.firmware.TubePins;
import org.hilrig.device.mcu.Mcu;
import org.hilrig.device.mcu.Uart;
import org.hilrig.device.plant.Rotor;
import org.hilrig.device.plant.Thermal;
import org.hilrig.device.plant.TubeControllerModel;
import org.hilrig.device.profile.AnodeModel;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;

/**
 * The tube controller in one machine: the rig's line into an input whose partner is absent, the phase and
 * thermal plant lines, the pins, the rotor and thermal models it provides to the machine, and its firmware on
 * an MCU or the plant-level model. Confined to the machine's scheduler thread.
 */
final class TubeMount implements BoardMount {
    private final Mode mode;
    private final BoardProfile profile;
    private DigitalSignal start;
    private DigitalSignal ready;
    private DigitalSignal fault;
    private TubePins pins;
    SignalSet signals;
    Rotor rotor;
    Thermal thermal;
    private Mcu mcu;
    TubeFirmware firmware;
    TubeControllerModel model;
    private final TubePlantFaults faults = new TubePlantFaults(this);

    TubeMount(Mode mode, BoardProfile profile) {
        this.mode = mode;
        this.profile = profile;
    }

    @Override
    public void declareRigSignals(MountContext c) {
        signals = c.signals();
        for (LineSpec l : TubeBoard.DEFINITION.lines()) {
            if (l.partner() != null && !c.present(l.partner().board())) {
                c.signals().digital(l.rigPath(), false);
            }
        }
    }

    @Override
    public void declarePlantSignals(MountContext c) {
        c.digitalOnce("plant.thermal_ok", true);
        c.digitalOnce("plant.phase_ok", true);
    }

    @Override
    public void declarePlantAnalogs(MountContext c) {
        c.signals().analog("plant.rotor_rpm", 0.0);
    }

    @Override
    public void declarePins(MountContext c) {
        SignalSet s = c.signals();
        start = s.digital("tub.rotor_start", false);
        ready = s.digital("tub.rotor_ready", false);
        fault = s.digital("tub.tub_fault", false);
        if (mode == Mode.EMULATED) {
            // the ADC channels read the rotor and thermal models, built after the pins
            pins = new TubePins(start, s.digital("tub.phase_ok", true), ready, fault,
                    s.digital("tub.alive", false), s.digital("tub.rotor_drive", false),
                    s.digital("tub.rotor_brake", false), s.analog("tub.rpm_demand", 0.0),
                    () -> rotor.rpm(), () -> thermal.anodeC(), () -> thermal.housingC());
        }
    }

    @Override
    public void providePlant(MountContext c) {
        BoardProfile p = profile;
        rotor = new Rotor(c.scheduler(), new Rotor.Parameters(p.number(TubeKeys.RPM_HIGH),
                p.nanos(TubeKeys.ACCEL_TIME_HIGH), p.nanos(TubeKeys.BRAKE_TIME),
                p.nanos(TubeKeys.COAST_TIME)), c.signals().findAnalog("plant.rotor_rpm"));
        thermal = new Thermal(c.scheduler(), c.signals().findDigital("plant.thermal_ok"), new Thermal.Parameters(
                AnodeModel.of(p), p.number(TubeKeys.TUBE_HU_PER_JOULE), p.number(TubeKeys.ANODE_MAX_C),
                p.number(TubeKeys.AMBIENT_C), p.number(TubeKeys.HOUSING_CAPACITY_J_PER_C),
                p.nanos(TubeKeys.HOUSING_TIME_CONSTANT), p.number(TubeKeys.HOUSING_MAX_C)));
        c.provide(Rotor.class, rotor);
        c.provide(Thermal.class, thermal);
    }

    @Override
    public void buildController(MountContext c) {
        if (mode == Mode.MODELLED) {
            BoardProfile p = profile;
            model = new TubeControllerModel(c.scheduler(), new TubeControllerModel.Parameters(
                    p.number(TubeKeys.RPM_HIGH), p.number(TubeKeys.READY_FRACTION),
                    p.number(TubeKeys.STALL_FRACTION), p.nanos(TubeKeys.ACCEL_TIMEOUT),
                    p.nanos(TubeKeys.START_WINDOW), p.integer(TubeKeys.STARTS_MAX)),
                    rotor, start, ready, fault);
            return;
        }
        mcu = c.mcu("tub", profile);
        firmware = new TubeFirmware(mcu, profile, c.defects(), pins);
        TubePins io = pins;
        Runnable drive = () -> {
            if (io.rotorDrive().isHigh()) {
                rotor.drive(io.rpmDemand().value());
            } else if (io.rotorBrake().isHigh()) {
                rotor.brake();
            } else {
                rotor.coast();
            }
        };
        io.rotorDrive().onEdge((s, h, t) -> drive.run());
        io.rotorBrake().onEdge((s, h, t) -> drive.run());
        c.connect(c.signals().findDigital("plant.phase_ok"), io.phaseOk(), 0);
    }

    @Override
    public FaultTarget faults() {
        return faults;
    }

    @Override
    public Optional<Mcu> mcu() {
        return Optional.ofNullable(mcu);
    }

    @Override
    public Optional<Uart> hostUart() {
        return firmware == null ? Optional.empty() : Optional.of(firmware.uart());
    }

    @Override
    public SerialCounters serialCounters() {
        if (firmware == null) {
            throw new IllegalStateException("a modelled tube controller has no serial port");
        }
        return firmware.serialCounters();
    }

    @Override
    public <T> Optional<T> part(Class<T> type) {
        Object p = type == TubeFirmware.class ? firmware : type == TubeControllerModel.class ? model : null;
        return Optional.ofNullable(p).map(type::cast);
    }
}
