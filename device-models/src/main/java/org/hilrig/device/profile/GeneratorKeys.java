package org.hilrig.device.profile;

import java.util.List;
import org.hilrig.device.profile.ProfileKey.Kind;

/**
 * The generator controller's profile keys: technique limits, prep and handswitch, exposure supervision, the
 * anode heat account, the HV tank, filament and dose output of the plant it drives, its accuracy and the
 * verification limits the rig holds it to. {@link #SCHEMA} lists them with the {@link CommonKeys} in the
 * order a profile's problems are reported in. Stateless.
 */
public final class GeneratorKeys {
    private GeneratorKeys() {
    }

    // technique limits (GEN)
    public static final ProfileKey KV_MIN = ProfileKey.of("KV_MIN", "technique.kv_min", Kind.NUMBER, 1, 1000);
    public static final ProfileKey KV_MAX = ProfileKey.of("KV_MAX", "technique.kv_max", Kind.NUMBER, 1, 1000);
    public static final ProfileKey MA_MIN = ProfileKey.of("MA_MIN", "technique.ma_min", Kind.NUMBER, 0.01, 10000);
    public static final ProfileKey MA_MAX = ProfileKey.of("MA_MAX", "technique.ma_max", Kind.NUMBER, 0.01, 10000);
    public static final ProfileKey MS_MIN = ProfileKey.of("MS_MIN", "technique.ms_min", Kind.NUMBER, 0.01, 100000);
    public static final ProfileKey MS_MAX = ProfileKey.of("MS_MAX", "technique.ms_max", Kind.NUMBER, 0.01, 100000);
    public static final ProfileKey POWER_MAX_KW = ProfileKey.of("POWER_MAX_KW", "technique.power_max_kw",
            Kind.NUMBER, 0.1, 1000);
    /** The AEC backup's current-time product: an AEC exposure ends at this many mAs at the latest (21 CFR 1020.31). */
    public static final ProfileKey MAS_MAX = ProfileKey.of("MAS_MAX", "technique.mas_max", Kind.NUMBER, 0.1, 10000);
    /** The AEC backup's energy, kWs: an AEC exposure ends at this or at {@link #MAS_MAX}, whichever comes first. */
    public static final ProfileKey KWS_MAX = ProfileKey.of("KWS_MAX", "technique.kws_max", Kind.NUMBER, 0.1, 10000);
    public static final ProfileKey DEFAULT_KV = ProfileKey.of("DEFAULT_KV", "technique.default_kv",
            Kind.NUMBER, 1, 1000);
    public static final ProfileKey DEFAULT_MA = ProfileKey.of("DEFAULT_MA", "technique.default_ma",
            Kind.NUMBER, 0.01, 10000);
    public static final ProfileKey DEFAULT_MS = ProfileKey.of("DEFAULT_MS", "technique.default_ms",
            Kind.NUMBER, 0.01, 100000);

    // prep and handswitch (GEN)
    public static final ProfileKey ROTOR_TIMEOUT = ProfileKey.of("ROTOR_TIMEOUT", "prep.rotor_timeout",
            Kind.DURATION, 1_000_000, 60_000_000_000L);
    public static final ProfileKey FILAMENT_BOOST = ProfileKey.of("FILAMENT_BOOST", "prep.filament_boost",
            Kind.DURATION, 0, 10_000_000_000L);
    public static final ProfileKey PREP_TIMEOUT = ProfileKey.of("PREP_TIMEOUT", "prep.prep_timeout",
            Kind.DURATION, 1_000_000, 600_000_000_000L);
    public static final ProfileKey HANDSWITCH_DEBOUNCE = ProfileKey.of(
            "HANDSWITCH_DEBOUNCE", "prep.handswitch_debounce", Kind.DURATION, 0, 100_000_000);
    public static final ProfileKey HANDSWITCH_MISMATCH = ProfileKey.of(
            "HANDSWITCH_MISMATCH", "prep.handswitch_mismatch", Kind.DURATION, 1_000_000, 10_000_000_000L);
    public static final ProfileKey SLOW_POLL = ProfileKey.of("SLOW_POLL", "interlock.slow_poll_period",
            Kind.DURATION, 1_000_000, 1_000_000_000);

    // exposure supervision (GEN)
    public static final ProfileKey BACKUP_FACTOR = ProfileKey.of("BACKUP_FACTOR", "exposure.backup_factor",
            Kind.NUMBER, 1, 10);
    public static final ProfileKey BACKUP_MARGIN = ProfileKey.of("BACKUP_MARGIN", "exposure.backup_margin",
            Kind.DURATION, 0, 1_000_000_000);
    public static final ProfileKey ARC_LIMIT = ProfileKey.of("ARC_LIMIT", "exposure.arc_limit", Kind.INTEGER, 1, 100);
    public static final ProfileKey ARC_OFF_TIME = ProfileKey.of("ARC_OFF_TIME", "exposure.arc_off_time",
            Kind.DURATION, 0, 1_000_000_000);
    public static final ProfileKey OVER_KV_FRACTION = ProfileKey.of("OVER_KV_FRACTION", "exposure.over_kv_fraction",
            Kind.NUMBER, 1, 2);
    public static final ProfileKey KV_BAND_FRACTION = ProfileKey.of("KV_BAND_FRACTION", "exposure.kv_regulation_band",
            Kind.NUMBER, 0, 1);
    public static final ProfileKey KV_BAND_TIME = ProfileKey.of("KV_BAND_TIME", "exposure.kv_regulation_time",
            Kind.DURATION, 0, 1_000_000_000);
    public static final ProfileKey EMISSION_MIN_FRACTION = ProfileKey.of(
            "EMISSION_MIN_FRACTION", "exposure.emission_min_fraction", Kind.NUMBER, 0, 1);
    public static final ProfileKey EMISSION_CHECK_DELAY = ProfileKey.of(
            "EMISSION_CHECK_DELAY", "exposure.emission_check_delay", Kind.DURATION, 0, 1_000_000_000);
    /** How often the firmware's dose meter samples kV and mA from HV on to X-ray off (what XOFF and LXP report). */
    public static final ProfileKey DOSE_SAMPLE_PERIOD = ProfileKey.of(
            "DOSE_SAMPLE_PERIOD", "exposure.dose_sample_period", Kind.DURATION, 1_000, 10_000_000);
    /** The kV of the top code of the firmware's kV feedback ADC (the divider's full scale). */
    public static final ProfileKey KV_ADC_FULL_SCALE = ProfileKey.of("KV_ADC_FULL_SCALE", "exposure.kv_adc_full_scale",
            Kind.NUMBER, 1, 1000);
    /** The mA of the top code of the firmware's tube-current ADC (the shunt's full scale). */
    public static final ProfileKey MA_ADC_FULL_SCALE = ProfileKey.of("MA_ADC_FULL_SCALE", "exposure.ma_adc_full_scale",
            Kind.NUMBER, 1, 100000);

    // heat (GEN keeps the anode heat account, on the tube's data sheet as configured into the generator)
    /** The anode heat storage capacity of the tube's data sheet, kHU. */
    public static final ProfileKey ANODE_CAPACITY_KHU = ProfileKey.of("ANODE_CAPACITY_KHU", "heat.anode_capacity_khu",
            Kind.NUMBER, 1, 100000);
    /** The data sheet's maximum anode cooling rate, at full capacity (the rate falls with the heat), kHU/min. */
    public static final ProfileKey ANODE_COOLING_MAX_KHU_PER_MIN = ProfileKey.of(
            "ANODE_COOLING_MAX_KHU_PER_MIN", "heat.anode_cooling_max_khu_per_min", Kind.NUMBER, 0, 100000);
    /** Heat units per kVp x mAs of the generator's waveform (1.4 for constant potential: 1.4 HU per joule). */
    public static final ProfileKey HU_FACTOR = ProfileKey.of("HU_FACTOR", "heat.hu_factor", Kind.NUMBER, 0.1, 10);

    // the HV tank and tube the generator drives (plant parameters, GEN)
    public static final ProfileKey KV_RISE_TIME = ProfileKey.of("KV_RISE_TIME", "hv.rise_time_10_90",
            Kind.DURATION, 10_000, 100_000_000);
    public static final ProfileKey KV_ON_FRACTION = ProfileKey.of("KV_ON_FRACTION", "hv.xray_on_fraction",
            Kind.NUMBER, 0.01, 1);
    public static final ProfileKey CABLE_CAPACITANCE_NF = ProfileKey.of(
            "CABLE_CAPACITANCE_NF", "hv.cable_capacitance_nf", Kind.NUMBER, 0.01, 1000);
    public static final ProfileKey BLEED_MA = ProfileKey.of("BLEED_MA", "hv.bleed_ma", Kind.NUMBER, 0, 100);
    public static final ProfileKey RIPPLE_FRACTION = ProfileKey.of("RIPPLE_FRACTION", "hv.ripple_fraction",
            Kind.NUMBER, 0, 0.5);
    public static final ProfileKey RIPPLE_FREQUENCY_HZ = ProfileKey.of("RIPPLE_FREQUENCY_HZ", "hv.ripple_frequency_hz",
            Kind.NUMBER, 1, 1e7);
    public static final ProfileKey ARC_DETECT_PULSE = ProfileKey.of("ARC_DETECT_PULSE", "hv.arc_detect_pulse",
            Kind.DURATION, 100, 1_000_000_000);
    /** The board's kV divider: its reading per true kV (a unit's calibration; the inverter regulates the reading). */
    public static final ProfileKey DIVIDER_GAIN = ProfileKey.of("DIVIDER_GAIN", "hv.divider_gain", Kind.NUMBER, 0.5, 2);
    /** The board's kV divider: what it reads at 0 kV. */
    public static final ProfileKey DIVIDER_OFFSET_KV = ProfileKey.of("DIVIDER_OFFSET_KV", "hv.divider_offset_kv",
            Kind.NUMBER, -20, 20);
    /** The noise on the divider's reading at the firmware's ADC, rms kV. */
    public static final ProfileKey DIVIDER_NOISE_KV = ProfileKey.of("DIVIDER_NOISE_KV", "hv.divider_noise_kv",
            Kind.NUMBER, 0, 10);
    /** Each exposure's kV off its regulated value, rms fraction (shot to shot). */
    public static final ProfileKey KV_SHOT_NOISE = ProfileKey.of("KV_SHOT_NOISE", "hv.shot_noise_fraction",
            Kind.NUMBER, 0, 0.1);
    /** The active discharge: current drawn from the cable while HV_ENABLE is low, mA (0: the bleeder alone). */
    public static final ProfileKey DISCHARGE_MA = ProfileKey.of("DISCHARGE_MA", "hv.discharge_ma",
            Kind.NUMBER, 0, 100000);
    public static final ProfileKey FILAMENT_HEAT_UP = ProfileKey.of("FILAMENT_HEAT_UP", "filament.heat_up",
            Kind.DURATION, 0, 10_000_000_000L);
    public static final ProfileKey FILAMENT_STANDBY_EMISSION = ProfileKey.of(
            "FILAMENT_STANDBY_EMISSION", "filament.standby_emission", Kind.NUMBER, 0, 1);
    /** The tube current per demanded mA at full emission (a unit's filament and its calibration). */
    public static final ProfileKey EMISSION_GAIN = ProfileKey.of("EMISSION_GAIN", "filament.emission_gain",
            Kind.NUMBER, 0.5, 2);
    /** Each exposure's tube current off its value, rms fraction (shot to shot). */
    public static final ProfileKey MA_SHOT_NOISE = ProfileKey.of("MA_SHOT_NOISE", "filament.shot_noise_fraction",
            Kind.NUMBER, 0, 0.1);
    /** The filament's thermal time constant: emission falls towards standby with it once the boost drops. */
    public static final ProfileKey FILAMENT_COOL_TIME = ProfileKey.of(
            "FILAMENT_COOL_TIME", "filament.cool_time_constant", Kind.DURATION, 0, 100_000_000_000L);
    /** The tube's output at the rig's dosimeter: air kerma per mAs at 80 kV, uGy/mAs (tube, filtration, distance). */
    public static final ProfileKey DOSE_OUTPUT_80KV = ProfileKey.of("DOSE_OUTPUT_80KV", "dose.output_at_80kv",
            Kind.NUMBER, 0.01, 100000);
    /** How the output per mAs grows with tube voltage: in proportion to kV to this power. */
    public static final ProfileKey DOSE_KV_EXPONENT = ProfileKey.of("DOSE_KV_EXPONENT", "dose.kv_exponent",
            Kind.NUMBER, 1, 4);
    public static final ProfileKey BOUNCE_MAX = ProfileKey.of("BOUNCE_MAX", "handswitch.bounce_max",
            Kind.DURATION, 0, 100_000_000);

    // accuracy of what the generator delivers, as its data sheet states it (measured output, domain.md)
    /** Tube voltage: {@code 3 % + 1 kV} of the set kV. */
    public static final ProfileKey ACCURACY_KV = ProfileKey.of("ACCURACY_KV", "accuracy.kv", Kind.TOLERANCE, 0, 0);
    /** Tube current: {@code 3 % + 1 mA} of the set mA. */
    public static final ProfileKey ACCURACY_MA = ProfileKey.of("ACCURACY_MA", "accuracy.ma", Kind.TOLERANCE, 0, 0);
    /** Current-time product, integrated measured tube current with its tail: of the set mAs. */
    public static final ProfileKey ACCURACY_MAS = ProfileKey.of("ACCURACY_MAS", "accuracy.mas", Kind.TOLERANCE, 0, 0);
    /** What the board reports it delivered (XOFF, LXP: kVp, mAs) against what the rig measured, {@code 2 %}. */
    public static final ProfileKey ACCURACY_REPORT = ProfileKey.of("ACCURACY_REPORT", "accuracy.report",
            Kind.TOLERANCE, 0, 0);

    // verification limits (domain.md, "Default timing limits of the reference firmware"): what the rig

    // holds the board to, as opposed to what its firmware does. Where the table names a firmware parameter

    // itself (prep.rotor_timeout, prep.handswitch_mismatch, prep.prep_timeout, exposure.backup_*,

    // exposure.arc_limit, technique.power_max_kw, technique.mas_max, technique.kws_max) there is no second key.
    /** Door or e-stop opening during an exposure to {@code HV_ENABLE} inactive. */
    public static final ProfileKey LIMIT_INTERLOCK_TO_HV_OFF = ProfileKey.of(
            "LIMIT_INTERLOCK_TO_HV_OFF", "limits.interlock_to_hv_off", Kind.DURATION, 100, 1_000_000_000);
    /** Door or e-stop opening during an exposure to {@code XRAY_ON} inactive. */
    public static final ProfileKey LIMIT_INTERLOCK_TO_XRAY_OFF = ProfileKey.of(
            "LIMIT_INTERLOCK_TO_XRAY_OFF", "limits.interlock_to_xray_off", Kind.DURATION, 100, 1_000_000_000);
    /** Expose request released to {@code HV_ENABLE} inactive. */
    public static final ProfileKey LIMIT_RELEASE_TO_HV_OFF = ProfileKey.of(
            "LIMIT_RELEASE_TO_HV_OFF", "limits.release_to_hv_off", Kind.DURATION, 100, 1_000_000_000);
    /** {@code AEC_STOP} to {@code HV_ENABLE} inactive. */
    public static final ProfileKey LIMIT_AEC_TO_HV_OFF = ProfileKey.of("LIMIT_AEC_TO_HV_OFF", "limits.aec_to_hv_off",
            Kind.DURATION, 100, 1_000_000_000);
    /** An arc to {@code HV_ENABLE} inactive. */
    public static final ProfileKey LIMIT_ARC_TO_HV_OFF = ProfileKey.of("LIMIT_ARC_TO_HV_OFF", "limits.arc_to_hv_off",
            Kind.DURATION, 100, 1_000_000_000);
    /** An arc to the exposure recovered (kV back above {@link #LIMIT_ARC_RECOVERY_KV_FRACTION}). */
    public static final ProfileKey LIMIT_ARC_RECOVERY = ProfileKey.of("LIMIT_ARC_RECOVERY", "limits.arc_recovery",
            Kind.DURATION, 100, 1_000_000_000);
    /** The fraction of set kV that counts as recovered after an arc. */
    public static final ProfileKey LIMIT_ARC_RECOVERY_KV_FRACTION = ProfileKey.of(
            "LIMIT_ARC_RECOVERY_KV_FRACTION", "limits.arc_recovery_kv_fraction", Kind.NUMBER, 0.01, 1);
    /** The arc that reaches {@link #ARC_LIMIT} to the exposure aborted (F07). */
    public static final ProfileKey LIMIT_ARC_ABORT = ProfileKey.of("LIMIT_ARC_ABORT", "limits.arc_abort",
            Kind.DURATION, 100, 1_000_000_000);
    /** {@code ROTOR_READY} lost during an exposure to {@code HV_ENABLE} inactive. */
    public static final ProfileKey LIMIT_ROTOR_LOST_TO_HV_OFF = ProfileKey.of(
            "LIMIT_ROTOR_LOST_TO_HV_OFF", "limits.rotor_lost_to_hv_off", Kind.DURATION, 100, 10_000_000_000L);
    /** How far from {@link #ROTOR_TIMEOUT} F04 may come (either side). */
    public static final ProfileKey LIMIT_ROTOR_TIMEOUT_TOLERANCE = ProfileKey.of(
            "LIMIT_ROTOR_TIMEOUT_TOLERANCE", "limits.rotor_timeout_tolerance", Kind.DURATION, 0, 1_000_000_000);
    /** Exposure time accuracy, the part proportional to the set time. */
    public static final ProfileKey LIMIT_EXPOSURE_TIME_FRACTION = ProfileKey.of(
            "LIMIT_EXPOSURE_TIME_FRACTION", "limits.exposure_time_fraction", Kind.NUMBER, 0, 0.5);
    /** Exposure time accuracy, the fixed part. */
    public static final ProfileKey LIMIT_EXPOSURE_TIME_OFFSET = ProfileKey.of(
            "LIMIT_EXPOSURE_TIME_OFFSET", "limits.exposure_time_offset", Kind.DURATION, 0, 1_000_000_000);
    /** Host watchdog expiry to {@code HV_ENABLE} inactive, beyond the watchdog period. */
    public static final ProfileKey LIMIT_COMMS_LOSS_MARGIN = ProfileKey.of(
            "LIMIT_COMMS_LOSS_MARGIN", "limits.comms_loss_margin", Kind.DURATION, 0, 10_000_000_000L);

    /**
     * What a profile of this board holds, in report order, and its ordered pairs (each minimum not above its
     * maximum).
     */
    public static final ProfileSchema SCHEMA = new ProfileSchema(Board.GEN,
            List.of(CommonKeys.FIRMWARE_VERSION, CommonKeys.SERIAL_NUMBER, CommonKeys.BUILD, CommonKeys.TICK,
            CommonKeys.IRQ_LATENCY, CommonKeys.BOOT_TIME, CommonKeys.IWDG_TIMEOUT,
            CommonKeys.ALIVE_HALF_PERIOD, CommonKeys.BROWNOUT_VOLTS, CommonKeys.BAUD, CommonKeys.RX_FIFO,
            CommonKeys.TX_BUFFER, CommonKeys.HOST_WDG_MIN, CommonKeys.HOST_WDG_MAX, KV_MIN, KV_MAX, MA_MIN,
            MA_MAX, MS_MIN, MS_MAX, POWER_MAX_KW, MAS_MAX, KWS_MAX, DEFAULT_KV, DEFAULT_MA, DEFAULT_MS,
            ROTOR_TIMEOUT, FILAMENT_BOOST, PREP_TIMEOUT, HANDSWITCH_DEBOUNCE, HANDSWITCH_MISMATCH, SLOW_POLL,
            BACKUP_FACTOR, BACKUP_MARGIN, ARC_LIMIT, ARC_OFF_TIME, OVER_KV_FRACTION, KV_BAND_FRACTION,
            KV_BAND_TIME, EMISSION_MIN_FRACTION, EMISSION_CHECK_DELAY, DOSE_SAMPLE_PERIOD, KV_ADC_FULL_SCALE,
            MA_ADC_FULL_SCALE, ANODE_CAPACITY_KHU, ANODE_COOLING_MAX_KHU_PER_MIN, HU_FACTOR, KV_RISE_TIME,
            KV_ON_FRACTION, CABLE_CAPACITANCE_NF, BLEED_MA, RIPPLE_FRACTION, RIPPLE_FREQUENCY_HZ,
            ARC_DETECT_PULSE, DIVIDER_GAIN, DIVIDER_OFFSET_KV, DIVIDER_NOISE_KV, KV_SHOT_NOISE, DISCHARGE_MA,
            FILAMENT_HEAT_UP, FILAMENT_STANDBY_EMISSION, EMISSION_GAIN, MA_SHOT_NOISE, FILAMENT_COOL_TIME,
            DOSE_OUTPUT_80KV, DOSE_KV_EXPONENT, CommonKeys.SUPPLY_VOLTS, BOUNCE_MAX, ACCURACY_KV, ACCURACY_MA,
            ACCURACY_MAS, ACCURACY_REPORT, LIMIT_INTERLOCK_TO_HV_OFF, LIMIT_INTERLOCK_TO_XRAY_OFF,
            LIMIT_RELEASE_TO_HV_OFF, LIMIT_AEC_TO_HV_OFF, LIMIT_ARC_TO_HV_OFF, LIMIT_ARC_RECOVERY,
            LIMIT_ARC_RECOVERY_KV_FRACTION, LIMIT_ARC_ABORT, LIMIT_ROTOR_LOST_TO_HV_OFF,
            LIMIT_ROTOR_TIMEOUT_TOLERANCE, LIMIT_EXPOSURE_TIME_FRACTION, LIMIT_EXPOSURE_TIME_OFFSET,
            LIMIT_COMMS_LOSS_MARGIN, CommonKeys.LIMIT_SERIAL_REPLY, CommonKeys.LIMIT_SCENARIO),
            List.of(KV_MIN, KV_MAX, MA_MIN, MA_MAX, MS_MIN, MS_MAX, CommonKeys.HOST_WDG_MIN,
                    CommonKeys.HOST_WDG_MAX));
}
