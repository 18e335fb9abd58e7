package org.hilrig.device.profile;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every entry a board profile holds: its dotted path (as written in {@code fixtures/boards/*.yaml}), the
 * boards it belongs to, its kind and its allowed range. This table is the profile schema; the YAML
 * loader in hil-runner and {@link BoardProfile#check} both read it, so there is one list of keys.
 *
 * <p>Durations are written with a unit ({@code 2ms}); numbers are plain decimals in the unit the path
 * names ({@code _kv}, {@code _ma}, {@code _rpm}); fractions are 0..1 (or a little above for ratios).
 */
public enum ProfileKey {
    // identity, as VER reports it
    FIRMWARE_VERSION("identity.firmware", Kind.TEXT, 0, 0),
    SERIAL_NUMBER("identity.serial", Kind.TEXT, 0, 0),
    BUILD("identity.build", Kind.TEXT, 0, 0),

    // the microcontroller
    TICK("mcu.tick", Kind.DURATION, 10_000, 100_000_000),
    IRQ_LATENCY("mcu.irq_latency", Kind.DURATION, 0, 1_000_000),
    BOOT_TIME("mcu.boot_time", Kind.DURATION, 0, 500_000_000),
    IWDG_TIMEOUT("mcu.watchdog_timeout", Kind.DURATION, 1_000_000, 10_000_000_000L),
    ALIVE_HALF_PERIOD("mcu.alive_half_period", Kind.DURATION, 1_000_000, 1_000_000_000),
    BROWNOUT_VOLTS("mcu.brownout_threshold_v", Kind.NUMBER, 0, 100),

    // the UART and the protocol
    BAUD("uart.baud", Kind.INTEGER, 9600, 921600),
    RX_FIFO("uart.rx_fifo_bytes", Kind.INTEGER, 1, 4096),
    TX_BUFFER("uart.tx_buffer_bytes", Kind.INTEGER, 128, 65536),
    HOST_WDG_MIN("host.watchdog_min", Kind.DURATION, 1_000_000, 100_000_000_000L),
    HOST_WDG_MAX("host.watchdog_max", Kind.DURATION, 1_000_000, 100_000_000_000L),

    // technique limits (GEN)
    KV_MIN("technique.kv_min", Kind.NUMBER, 1, 1000, Board.GEN),
    KV_MAX("technique.kv_max", Kind.NUMBER, 1, 1000, Board.GEN),
    MA_MIN("technique.ma_min", Kind.NUMBER, 0.01, 10000, Board.GEN),
    MA_MAX("technique.ma_max", Kind.NUMBER, 0.01, 10000, Board.GEN),
    MS_MIN("technique.ms_min", Kind.NUMBER, 0.01, 100000, Board.GEN),
    MS_MAX("technique.ms_max", Kind.NUMBER, 0.01, 100000, Board.GEN),
    POWER_MAX_KW("technique.power_max_kw", Kind.NUMBER, 0.1, 1000, Board.GEN),
    /** The AEC backup's current-time product: an AEC exposure ends at this many mAs at the latest (21 CFR 1020.31). */
    MAS_MAX("technique.mas_max", Kind.NUMBER, 0.1, 10000, Board.GEN),
    /** The AEC backup's energy, kWs: an AEC exposure ends at this or at {@link #MAS_MAX}, whichever comes first. */
    KWS_MAX("technique.kws_max", Kind.NUMBER, 0.1, 10000, Board.GEN),
    DEFAULT_KV("technique.default_kv", Kind.NUMBER, 1, 1000, Board.GEN),
    DEFAULT_MA("technique.default_ma", Kind.NUMBER, 0.01, 10000, Board.GEN),
    DEFAULT_MS("technique.default_ms", Kind.NUMBER, 0.01, 100000, Board.GEN),

    // prep and handswitch (GEN)
    ROTOR_TIMEOUT("prep.rotor_timeout", Kind.DURATION, 1_000_000, 60_000_000_000L, Board.GEN),
    FILAMENT_BOOST("prep.filament_boost", Kind.DURATION, 0, 10_000_000_000L, Board.GEN),
    PREP_TIMEOUT("prep.prep_timeout", Kind.DURATION, 1_000_000, 600_000_000_000L, Board.GEN),
    HANDSWITCH_DEBOUNCE("prep.handswitch_debounce", Kind.DURATION, 0, 100_000_000, Board.GEN),
    HANDSWITCH_MISMATCH("prep.handswitch_mismatch", Kind.DURATION, 1_000_000, 10_000_000_000L, Board.GEN),
    SLOW_POLL("interlock.slow_poll_period", Kind.DURATION, 1_000_000, 1_000_000_000, Board.GEN),

    // exposure supervision (GEN)
    BACKUP_FACTOR("exposure.backup_factor", Kind.NUMBER, 1, 10, Board.GEN),
    BACKUP_MARGIN("exposure.backup_margin", Kind.DURATION, 0, 1_000_000_000, Board.GEN),
    ARC_LIMIT("exposure.arc_limit", Kind.INTEGER, 1, 100, Board.GEN),
    ARC_OFF_TIME("exposure.arc_off_time", Kind.DURATION, 0, 1_000_000_000, Board.GEN),
    OVER_KV_FRACTION("exposure.over_kv_fraction", Kind.NUMBER, 1, 2, Board.GEN),
    KV_BAND_FRACTION("exposure.kv_regulation_band", Kind.NUMBER, 0, 1, Board.GEN),
    KV_BAND_TIME("exposure.kv_regulation_time", Kind.DURATION, 0, 1_000_000_000, Board.GEN),
    EMISSION_MIN_FRACTION("exposure.emission_min_fraction", Kind.NUMBER, 0, 1, Board.GEN),
    EMISSION_CHECK_DELAY("exposure.emission_check_delay", Kind.DURATION, 0, 1_000_000_000, Board.GEN),
    /** How often the firmware's dose meter samples kV and mA from HV on to X-ray off (what XOFF and LXP report). */
    DOSE_SAMPLE_PERIOD("exposure.dose_sample_period", Kind.DURATION, 1_000, 10_000_000, Board.GEN),
    /** The kV of the top code of the firmware's kV feedback ADC (the divider's full scale). */
    KV_ADC_FULL_SCALE("exposure.kv_adc_full_scale", Kind.NUMBER, 1, 1000, Board.GEN),
    /** The mA of the top code of the firmware's tube-current ADC (the shunt's full scale). */
    MA_ADC_FULL_SCALE("exposure.ma_adc_full_scale", Kind.NUMBER, 1, 100000, Board.GEN),

    // heat (GEN keeps the anode heat account, on the tube's data sheet as configured into the generator)
    /** The anode heat storage capacity of the tube's data sheet, kHU. */
    ANODE_CAPACITY_KHU("heat.anode_capacity_khu", Kind.NUMBER, 1, 100000, Board.GEN),
    /** The data sheet's maximum anode cooling rate, at full capacity (the rate falls with the heat), kHU/min. */
    ANODE_COOLING_MAX_KHU_PER_MIN("heat.anode_cooling_max_khu_per_min", Kind.NUMBER, 0, 100000, Board.GEN),
    /** Heat units per kVp x mAs of the generator's waveform (1.4 for constant potential: 1.4 HU per joule). */
    HU_FACTOR("heat.hu_factor", Kind.NUMBER, 0.1, 10, Board.GEN),

    // the HV tank and tube the generator drives (plant parameters, GEN)
    KV_RISE_TIME("hv.rise_time_10_90", Kind.DURATION, 10_000, 100_000_000, Board.GEN),
    KV_ON_FRACTION("hv.xray_on_fraction", Kind.NUMBER, 0.01, 1, Board.GEN),
    CABLE_CAPACITANCE_NF("hv.cable_capacitance_nf", Kind.NUMBER, 0.01, 1000, Board.GEN),
    BLEED_MA("hv.bleed_ma", Kind.NUMBER, 0, 100, Board.GEN),
    RIPPLE_FRACTION("hv.ripple_fraction", Kind.NUMBER, 0, 0.5, Board.GEN),
    RIPPLE_FREQUENCY_HZ("hv.ripple_frequency_hz", Kind.NUMBER, 1, 1e7, Board.GEN),
    ARC_DETECT_PULSE("hv.arc_detect_pulse", Kind.DURATION, 100, 1_000_000_000, Board.GEN),
    /** The board's kV divider: its reading per true kV (a unit's calibration; the inverter regulates the reading). */
    DIVIDER_GAIN("hv.divider_gain", Kind.NUMBER, 0.5, 2, Board.GEN),
    /** The board's kV divider: what it reads at 0 kV. */
    DIVIDER_OFFSET_KV("hv.divider_offset_kv", Kind.NUMBER, -20, 20, Board.GEN),
    /** The noise on the divider's reading at the firmware's ADC, rms kV. */
    DIVIDER_NOISE_KV("hv.divider_noise_kv", Kind.NUMBER, 0, 10, Board.GEN),
    /** Each exposure's kV off its regulated value, rms fraction (shot to shot). */
    KV_SHOT_NOISE("hv.shot_noise_fraction", Kind.NUMBER, 0, 0.1, Board.GEN),
    /** The active discharge: current drawn from the cable while HV_ENABLE is low, mA (0: the bleeder alone). */
    DISCHARGE_MA("hv.discharge_ma", Kind.NUMBER, 0, 100000, Board.GEN),
    FILAMENT_HEAT_UP("filament.heat_up", Kind.DURATION, 0, 10_000_000_000L, Board.GEN),
    FILAMENT_STANDBY_EMISSION("filament.standby_emission", Kind.NUMBER, 0, 1, Board.GEN),
    /** The tube current per demanded mA at full emission (a unit's filament and its calibration). */
    EMISSION_GAIN("filament.emission_gain", Kind.NUMBER, 0.5, 2, Board.GEN),
    /** Each exposure's tube current off its value, rms fraction (shot to shot). */
    MA_SHOT_NOISE("filament.shot_noise_fraction", Kind.NUMBER, 0, 0.1, Board.GEN),
    /** The filament's thermal time constant: emission falls towards standby with it once the boost drops. */
    FILAMENT_COOL_TIME("filament.cool_time_constant", Kind.DURATION, 0, 100_000_000_000L, Board.GEN),
    /** The tube's output at the rig's dosimeter: air kerma per mAs at 80 kV, uGy/mAs (tube, filtration, distance). */
    DOSE_OUTPUT_80KV("dose.output_at_80kv", Kind.NUMBER, 0.01, 100000, Board.GEN),
    /** How the output per mAs grows with tube voltage: in proportion to kV to this power. */
    DOSE_KV_EXPONENT("dose.kv_exponent", Kind.NUMBER, 1, 4, Board.GEN),
    SUPPLY_VOLTS("supply.nominal_v", Kind.NUMBER, 1, 1000),
    BOUNCE_MAX("handswitch.bounce_max", Kind.DURATION, 0, 100_000_000, Board.GEN),

    // rotor and tube (TUB)
    RPM_LOW("rotor.low_rpm", Kind.NUMBER, 1, 100000, Board.TUB),
    RPM_HIGH("rotor.high_rpm", Kind.NUMBER, 1, 100000, Board.TUB),
    ACCEL_TIME_HIGH("rotor.accel_time_high", Kind.DURATION, 1_000_000, 60_000_000_000L, Board.TUB),
    BRAKE_TIME("rotor.brake_time", Kind.DURATION, 1_000_000, 600_000_000_000L, Board.TUB),
    COAST_TIME("rotor.coast_time", Kind.DURATION, 1_000_000, 6_000_000_000_000L, Board.TUB),
    READY_FRACTION("rotor.ready_fraction", Kind.NUMBER, 0.1, 1, Board.TUB),
    STALL_FRACTION("rotor.stall_fraction", Kind.NUMBER, 0.01, 1, Board.TUB),
    ACCEL_TIMEOUT("rotor.accel_timeout", Kind.DURATION, 1_000_000, 60_000_000_000L, Board.TUB),
    START_WINDOW("rotor.start_window", Kind.DURATION, 1_000_000, 3_600_000_000_000L, Board.TUB),
    STARTS_MAX("rotor.starts_max", Kind.INTEGER, 1, 1000, Board.TUB),
    ANODE_MAX_C("thermal.anode_max_c", Kind.NUMBER, 1, 5000, Board.TUB),
    HOUSING_MAX_C("thermal.housing_max_c", Kind.NUMBER, 1, 500, Board.TUB),
    AMBIENT_C("thermal.ambient_c", Kind.NUMBER, -50, 100, Board.TUB),
    /** The tube's anode heat storage capacity (its data sheet), kHU: the heat that takes it to anode_max_c. */
    TUBE_ANODE_CAPACITY_KHU("thermal.anode_capacity_khu", Kind.NUMBER, 1, 100000, Board.TUB),
    /** The tube's maximum anode cooling rate, at full capacity (its data sheet), kHU/min. */
    TUBE_ANODE_COOLING_MAX_KHU_PER_MIN("thermal.anode_cooling_max_khu_per_min", Kind.NUMBER, 0, 100000, Board.TUB),
    /** Heat units per joule of the data sheet's kHU (1.4: 1 HU = 0.714 J, the constant-potential convention). */
    TUBE_HU_PER_JOULE("thermal.hu_per_joule", Kind.NUMBER, 0.1, 10, Board.TUB),
    /** The housing's heat capacity (oil and shield), J per degree C. */
    HOUSING_CAPACITY_J_PER_C("thermal.housing_capacity_j_per_c", Kind.NUMBER, 1, 1e9, Board.TUB),
    /** The housing's cooling time constant to ambient. */
    HOUSING_TIME_CONSTANT("thermal.housing_time_constant", Kind.DURATION, 1_000_000_000, 86_400_000_000_000L, Board.TUB),

    // accuracy of what the generator delivers, as its data sheet states it (measured output, domain.md)
    /** Tube voltage: {@code 3 % + 1 kV} of the set kV. */
    ACCURACY_KV("accuracy.kv", Kind.TOLERANCE, 0, 0, Board.GEN),
    /** Tube current: {@code 3 % + 1 mA} of the set mA. */
    ACCURACY_MA("accuracy.ma", Kind.TOLERANCE, 0, 0, Board.GEN),
    /** Current-time product, integrated measured tube current with its tail: of the set mAs. */
    ACCURACY_MAS("accuracy.mas", Kind.TOLERANCE, 0, 0, Board.GEN),
    /** What the board reports it delivered (XOFF, LXP: kVp, mAs) against what the rig measured, {@code 2 %}. */
    ACCURACY_REPORT("accuracy.report", Kind.TOLERANCE, 0, 0, Board.GEN),

    // verification limits (domain.md, "Default timing limits of the reference firmware"): what the rig
    // holds the board to, as opposed to what its firmware does. Where the table names a firmware parameter
    // itself (prep.rotor_timeout, prep.handswitch_mismatch, prep.prep_timeout, exposure.backup_*,
    // exposure.arc_limit, technique.power_max_kw, technique.mas_max, technique.kws_max) there is no second key.
    /** Door or e-stop opening during an exposure to {@code HV_ENABLE} inactive. */
    LIMIT_INTERLOCK_TO_HV_OFF("limits.interlock_to_hv_off", Kind.DURATION, 100, 1_000_000_000, Board.GEN),
    /** Door or e-stop opening during an exposure to {@code XRAY_ON} inactive. */
    LIMIT_INTERLOCK_TO_XRAY_OFF("limits.interlock_to_xray_off", Kind.DURATION, 100, 1_000_000_000, Board.GEN),
    /** Expose request released to {@code HV_ENABLE} inactive. */
    LIMIT_RELEASE_TO_HV_OFF("limits.release_to_hv_off", Kind.DURATION, 100, 1_000_000_000, Board.GEN),
    /** {@code AEC_STOP} to {@code HV_ENABLE} inactive. */
    LIMIT_AEC_TO_HV_OFF("limits.aec_to_hv_off", Kind.DURATION, 100, 1_000_000_000, Board.GEN),
    /** An arc to {@code HV_ENABLE} inactive. */
    LIMIT_ARC_TO_HV_OFF("limits.arc_to_hv_off", Kind.DURATION, 100, 1_000_000_000, Board.GEN),
    /** An arc to the exposure recovered (kV back above {@link #LIMIT_ARC_RECOVERY_KV_FRACTION}). */
    LIMIT_ARC_RECOVERY("limits.arc_recovery", Kind.DURATION, 100, 1_000_000_000, Board.GEN),
    /** The fraction of set kV that counts as recovered after an arc. */
    LIMIT_ARC_RECOVERY_KV_FRACTION("limits.arc_recovery_kv_fraction", Kind.NUMBER, 0.01, 1, Board.GEN),
    /** The arc that reaches {@link #ARC_LIMIT} to the exposure aborted (F07). */
    LIMIT_ARC_ABORT("limits.arc_abort", Kind.DURATION, 100, 1_000_000_000, Board.GEN),
    /** {@code ROTOR_READY} lost during an exposure to {@code HV_ENABLE} inactive. */
    LIMIT_ROTOR_LOST_TO_HV_OFF("limits.rotor_lost_to_hv_off", Kind.DURATION, 100, 10_000_000_000L, Board.GEN),
    /** How far from {@link #ROTOR_TIMEOUT} F04 may come (either side). */
    LIMIT_ROTOR_TIMEOUT_TOLERANCE("limits.rotor_timeout_tolerance", Kind.DURATION, 0, 1_000_000_000, Board.GEN),
    /** Exposure time accuracy, the part proportional to the set time. */
    LIMIT_EXPOSURE_TIME_FRACTION("limits.exposure_time_fraction", Kind.NUMBER, 0, 0.5, Board.GEN),
    /** Exposure time accuracy, the fixed part. */
    LIMIT_EXPOSURE_TIME_OFFSET("limits.exposure_time_offset", Kind.DURATION, 0, 1_000_000_000, Board.GEN),
    /** Host watchdog expiry to {@code HV_ENABLE} inactive, beyond the watchdog period. */
    LIMIT_COMMS_LOSS_MARGIN("limits.comms_loss_margin", Kind.DURATION, 0, 10_000_000_000L, Board.GEN),
    /** A command's last byte to the first byte of the board's reply. */
    LIMIT_SERIAL_REPLY("limits.serial_reply", Kind.DURATION, 1_000, 10_000_000_000L),
    /**
     * How long one scenario on this board may run, from the rig's time 0 to its end (virtual time on the
     * simulated rig, wall time on a real one), unless the scenario sets its own {@code limit}: 1 ms to 31 days.
     */
    LIMIT_SCENARIO("limits.scenario_limit", Kind.DURATION, 1_000_000, 2_678_400_000_000_000L);

    /** What a value is written as. */
    public enum Kind {
        /** A duration with a unit ({@code 2.5ms}); held as nanoseconds. */
        DURATION,
        /** A decimal number. */
        NUMBER,
        /** A whole number. */
        INTEGER,
        /** Free text without commas (it travels in protocol fields). */
        TEXT,
        /** An accuracy, {@code 3 % + 1 kV} ({@link Tolerance}). */
        TOLERANCE
    }

    private final String path;
    private final Kind kind;
    private final double min;
    private final double max;
    private final Set<Board> boards;

    ProfileKey(String path, Kind kind, double min, double max, Board first, Board... more) {
        this.path = path;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.boards = EnumSet.of(first, more);
    }

    /** A key every board's profile holds (identity, MCU, UART, host watchdog, supply, the common limits). */
    ProfileKey(String path, Kind kind, double min, double max) {
        this.path = path;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.boards = EnumSet.allOf(Board.class);
    }

    /** The dotted path of this key in a profile file, e.g. {@code mcu.tick}. */
    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** Smallest allowed value (nanoseconds for durations); unused for text. */
    public double min() {
        return min;
    }

    /** Largest allowed value (nanoseconds for durations); unused for text. */
    public double max() {
        return max;
    }

    /** True when a profile of {@code board} must hold this key. */
    public boolean belongsTo(Board board) {
        return boards.contains(board);
    }

    /** The key with this path, or null. */
    public static ProfileKey byPath(String path) {
        for (ProfileKey k : values()) {
            if (k.path.equals(path)) {
                return k;
            }
        }
        return null;
    }
}
