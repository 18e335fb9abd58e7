package org.hilrig.device.board.gen;

import java.util.Optional;
import org.hilrig.device.profile.CommonKeys;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.board.BoardMount;
import org.hilrig.device.board.FaultTarget;
import org.hilrig.device.board.MountContext;
import org.hilrig.device.firmware.GeneratorFirmware;
import org.hilrig.device.firmware.GeneratorPins;
import org.hilrig.device.firmware.SerialCounters;
import org.hilrig.device.mcu.Mcu;
import org.hilrig.device.mcu.Uart;
import org.hilrig.device.plant.Aec;
import org.hilrig.device.plant.Dosimeter;
import org.hilrig.device.plant.Filament;
import org.hilrig.device.plant.Handswitch;
import org.hilrig.device.plant.HvTank;
import org.hilrig.device.plant.Thermal;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;

/**
 * The generator in one machine: the rig's handswitch and AEC lines, the plant's interlock and HV signals, the
 * board's pins, the HV tank, filament, handswitch contacts and AEC chamber, and the firmware on its MCU.
 * The anode heat of every exposure goes to the tube's {@link Thermal}. Confined to the machine's scheduler thread.
 */
final class GeneratorMount implements BoardMount {
    private final BoardProfile profile;
    private DigitalSignal rigPrep;
    private DigitalSignal rigExpA;
    private DigitalSignal rigExpB;
    private DigitalSignal rigAec;
    private GeneratorPins pins;
    /** The rig's acquisition: its sample period once asked for (0 before), and its timer while it samples. */
    private long daqPeriodNanos;
    private org.hilrig.timing.sched.Timer daq;
    /** The rig's dosimeter in the beam, when the run measures with it; else null. */
    private Dosimeter dosimeter;
    HvTank tank;
    Filament filament;
    Handswitch prepSwitch;
    Handswitch expASwitch;
    Handswitch expBSwitch;
    Aec aec;
    SignalSet signals;
    Scheduler scheduler;
    private Mcu mcu;
    GeneratorFirmware firmware;
    private final GeneratorPlantFaults faults = new GeneratorPlantFaults(this);

    GeneratorMount(BoardProfile profile) {
        this.profile = profile;
    }

    @Override
    public void declareRigSignals(MountContext c) {
        SignalSet s = c.signals();
        this.signals = s;
        this.scheduler = c.scheduler();
        rigPrep = s.digital("rig.prep_req", false);
        rigExpA = s.digital("rig.exp_req_a", false);
        rigExpB = s.digital("rig.exp_req_b", false);
        rigAec = s.digital("rig.aec_stop", false);
    }

    @Override
    public void declarePlantSignals(MountContext c) {
        c.digitalOnce("plant.door_closed", true);
        c.digitalOnce("plant.estop_ok", true);
        c.digitalOnce("plant.thermal_ok", true);
        c.digitalOnce("plant.kv_ok", false);
        c.digitalOnce("plant.arc", false);
        c.digitalOnce("plant.fil_ok", true);
    }

    @Override
    public void declarePlantAnalogs(MountContext c) {
        c.signals().analog("plant.kv_fb", 0.0);
        c.signals().analog("plant.ma_fb", 0.0);
        if (c.instrument("DOSE")) {
            c.signals().analog("plant.dose", 0.0);
        }
    }

    @Override
    public void declarePins(MountContext c) {
        SignalSet s = c.signals();
        // the ADC channels read the tank, built after the pins: hence lambdas, not captured values
        pins = new GeneratorPins(
                s.digital("gen.prep_req", false), s.digital("gen.exp_req_a", false),
                s.digital("gen.exp_req_b", false), s.digital("gen.door_closed", true),
                s.digital("gen.estop_ok", true), s.digital("gen.thermal_ok", true),
                s.digital("gen.rotor_ready", false), s.digital("gen.aec_stop", false),
                s.digital("gen.kv_ok", false), s.digital("gen.arc_detect", false),
                s.digital("gen.fil_ok", true),
                s.digital("gen.ready", false), s.digital("gen.hv_enable", false),
                s.digital("gen.xray_on", false), s.digital("gen.rotor_start", false),
                s.digital("gen.fault", false), s.digital("gen.alive", false),
                s.digital("gen.fil_boost", false),
                s.analog("gen.kv_demand", 0.0), s.analog("gen.ma_demand", 0.0),
                () -> tank.sampleDivider(), () -> tank.sampleMa(), () -> tank.dividerFiltered(), () -> tank.readMa());
    }

    @Override
    public void buildPlant(MountContext c) {
        SignalSet s = c.signals();
        BoardProfile p = profile;
        tank = new HvTank(c.scheduler(), new HvTank.Parameters(p.nanos(GeneratorKeys.KV_RISE_TIME),
                p.number(GeneratorKeys.KV_ON_FRACTION), p.number(GeneratorKeys.CABLE_CAPACITANCE_NF),
                p.number(GeneratorKeys.BLEED_MA), p.number(GeneratorKeys.RIPPLE_FRACTION),
                p.number(GeneratorKeys.RIPPLE_FREQUENCY_HZ), p.nanos(GeneratorKeys.ARC_DETECT_PULSE),
                p.number(GeneratorKeys.DISCHARGE_MA)),
                pins.hvEnable(), pins.kvDemand(), pins.maDemand(), s.findDigital("plant.kv_ok"),
                s.findDigital("plant.arc"), s.findAnalog("plant.kv_fb"), s.findAnalog("plant.ma_fb"));
        // the unit's divider, emission and shots; the noise drawn per unit (its serial) and per run (the seed)
        tank.calibrate(new HvTank.Calibration(p.number(GeneratorKeys.DIVIDER_GAIN), p.number(GeneratorKeys.DIVIDER_OFFSET_KV),
                p.number(GeneratorKeys.DIVIDER_NOISE_KV), p.number(GeneratorKeys.KV_SHOT_NOISE), p.number(GeneratorKeys.EMISSION_GAIN),
                p.number(GeneratorKeys.MA_SHOT_NOISE), c.random().stream("plant.hv.noise." + p.text(CommonKeys.SERIAL_NUMBER))));
        if (c.instrument("DOSE")) {
            dosimeter = new Dosimeter(p.number(GeneratorKeys.DOSE_OUTPUT_80KV), p.number(GeneratorKeys.DOSE_KV_EXPONENT),
                    s.findAnalog("plant.dose"));
        }
        filament = new Filament(c.scheduler(), tank, pins.filamentBoost(), s.findDigital("plant.fil_ok"),
                p.number(GeneratorKeys.FILAMENT_STANDBY_EMISSION), p.nanos(GeneratorKeys.FILAMENT_HEAT_UP),
                p.nanos(GeneratorKeys.FILAMENT_COOL_TIME));
        long bounce = p.nanos(GeneratorKeys.BOUNCE_MAX);
        prepSwitch = new Handswitch(c.scheduler(), rigPrep, pins.prepReq(), c.random().stream("plant.handswitch.prep"), bounce);
        expASwitch = new Handswitch(c.scheduler(), rigExpA, pins.expReqA(), c.random().stream("plant.handswitch.exp_a"), bounce);
        expBSwitch = new Handswitch(c.scheduler(), rigExpB, pins.expReqB(), c.random().stream("plant.handswitch.exp_b"), bounce);
        aec = new Aec(c.scheduler(), rigAec, pins.xrayOn(), pins.aecStop());
        Thermal thermal = c.part(Thermal.class);
        long[] xrayOnSince = new long[1];
        pins.xrayOn().onEdge((sig, high, t) -> {
            if (high) {
                xrayOnSince[0] = t;
            } else {
                thermal.deposit(pins.kvDemand().value() * pins.maDemand().value() * (t - xrayOnSince[0]) * 1e-9);
            }
        });
    }

    @Override
    public void sampleAnalogs(Scheduler scheduler, long periodNanos) {
        if (tank == null || daqPeriodNanos > 0) {
            return;
        }
        daqPeriodNanos = periodNanos;
        pins.hvEnable().onEdge((s, high, at) -> {
            if (high) {
                startDaq(scheduler);
            }
        });
        if (pins.hvEnable().isHigh() || tank.kv() > 0) {
            startDaq(scheduler);
        }
    }

    /** Samples from now until HV is off and kV and current are back at 0; already sampling, nothing. */
    private void startDaq(Scheduler scheduler) {
        if (daq == null || !daq.isPending()) {
            daq = scheduler.every(scheduler.nowNanos(), daqPeriodNanos, "rig.daq", this::daqSample);
        }
    }

    private void daqSample() {
        double kv = tank.sampleKv();
        double ma = tank.sampleMa();
        if (dosimeter != null) {
            dosimeter.sample(kv, ma);
        }
        if (!pins.hvEnable().isHigh() && kv <= 0 && ma <= 0) {
            daq.cancel(); // nothing more to see until HV comes on again
        }
    }

    @Override
    public void buildController(MountContext c) {
        mcu = c.mcu("gen", profile);
        firmware = new GeneratorFirmware(mcu, profile, c.defects(), pins);
    }

    @Override
    public FaultTarget faults() {
        return faults;
    }

    @Override
    public Optional<Mcu> mcu() {
        return Optional.of(mcu);
    }

    @Override
    public Optional<Uart> hostUart() {
        return Optional.of(firmware.uart());
    }

    @Override
    public SerialCounters serialCounters() {
        return firmware.serialCounters();
    }

    @Override
    public <T> Optional<T> part(Class<T> type) {
        return type == GeneratorFirmware.class ? Optional.of(type.cast(firmware)) : Optional.empty();
    }
}
