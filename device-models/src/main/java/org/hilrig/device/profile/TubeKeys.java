package org.hilrig.device.profile;

import java.util.List;
import org.hilrig.device.profile.ProfileKey.Kind;

/**
 * The tube controller's profile keys: its rotor drive and the tube's thermal model. {@link #SCHEMA} lists
 * them with the {@link CommonKeys} in the order a profile's problems are reported in. Stateless.
 */
public final class TubeKeys {
    private TubeKeys() {
    }

    // rotor and tube (TUB)
    public static final ProfileKey RPM_LOW = ProfileKey.of("RPM_LOW", "rotor.low_rpm", Kind.NUMBER, 1, 100000);
    public static final ProfileKey RPM_HIGH = ProfileKey.of("RPM_HIGH", "rotor.high_rpm", Kind.NUMBER, 1, 100000);
    public static final ProfileKey ACCEL_TIME_HIGH = ProfileKey.of("ACCEL_TIME_HIGH", "rotor.accel_time_high",
            Kind.DURATION, 1_000_000, 60_000_000_000L);
    public static final ProfileKey BRAKE_TIME = ProfileKey.of("BRAKE_TIME", "rotor.brake_time",
            Kind.DURATION, 1_000_000, 600_000_000_000L);
    public static final ProfileKey COAST_TIME = ProfileKey.of("COAST_TIME", "rotor.coast_time",
            Kind.DURATION, 1_000_000, 6_000_000_000_000L);
    public static final ProfileKey READY_FRACTION = ProfileKey.of("READY_FRACTION", "rotor.ready_fraction",
            Kind.NUMBER, 0.1, 1);
    public static final ProfileKey STALL_FRACTION = ProfileKey.of("STALL_FRACTION", "rotor.stall_fraction",
            Kind.NUMBER, 0.01, 1);
    public static final ProfileKey ACCEL_TIMEOUT = ProfileKey.of("ACCEL_TIMEOUT", "rotor.accel_timeout",
            Kind.DURATION, 1_000_000, 60_000_000_000L);
    public static final ProfileKey START_WINDOW = ProfileKey.of("START_WINDOW", "rotor.start_window",
            Kind.DURATION, 1_000_000, 3_600_000_000_000L);
    public static final ProfileKey STARTS_MAX = ProfileKey.of("STARTS_MAX", "rotor.starts_max", Kind.INTEGER, 1, 1000);
    public static final ProfileKey ANODE_MAX_C = ProfileKey.of("ANODE_MAX_C", "thermal.anode_max_c",
            Kind.NUMBER, 1, 5000);
    public static final ProfileKey HOUSING_MAX_C = ProfileKey.of("HOUSING_MAX_C", "thermal.housing_max_c",
            Kind.NUMBER, 1, 500);
    public static final ProfileKey AMBIENT_C = ProfileKey.of("AMBIENT_C", "thermal.ambient_c", Kind.NUMBER, -50, 100);
    /** The tube's anode heat storage capacity (its data sheet), kHU: the heat that takes it to anode_max_c. */
    public static final ProfileKey TUBE_ANODE_CAPACITY_KHU = ProfileKey.of(
            "TUBE_ANODE_CAPACITY_KHU", "thermal.anode_capacity_khu", Kind.NUMBER, 1, 100000);
    /** The tube's maximum anode cooling rate, at full capacity (its data sheet), kHU/min. */
    public static final ProfileKey TUBE_ANODE_COOLING_MAX_KHU_PER_MIN = ProfileKey.of(
            "TUBE_ANODE_COOLING_MAX_KHU_PER_MIN", "thermal.anode_cooling_max_khu_per_min", Kind.NUMBER, 0, 100000);
    /** Heat units per joule of the data sheet's kHU (1.4: 1 HU = 0.714 J, the constant-potential convention). */
    public static final ProfileKey TUBE_HU_PER_JOULE = ProfileKey.of("TUBE_HU_PER_JOULE", "thermal.hu_per_joule",
            Kind.NUMBER, 0.1, 10);
    /** The housing's heat capacity (oil and shield), J per degree C. */
    public static final ProfileKey HOUSING_CAPACITY_J_PER_C = ProfileKey.of(
            "HOUSING_CAPACITY_J_PER_C", "thermal.housing_capacity_j_per_c", Kind.NUMBER, 1, 1e9);
    /** The housing's cooling time constant to ambient. */
    public static final ProfileKey HOUSING_TIME_CONSTANT = ProfileKey.of(
            "HOUSING_TIME_CONSTANT", "thermal.housing_time_constant", Kind.DURATION, 1_000_000_000,
            86_400_000_000_000L);

    /**
     * What a profile of this board holds, in report order, and its ordered pairs (each minimum not above its
     * maximum).
     */
    public static final ProfileSchema SCHEMA = new ProfileSchema(Board.TUB,
            List.of(CommonKeys.FIRMWARE_VERSION, CommonKeys.SERIAL_NUMBER, CommonKeys.BUILD, CommonKeys.TICK,
            CommonKeys.IRQ_LATENCY, CommonKeys.BOOT_TIME, CommonKeys.IWDG_TIMEOUT,
            CommonKeys.ALIVE_HALF_PERIOD, CommonKeys.BROWNOUT_VOLTS, CommonKeys.BAUD, CommonKeys.RX_FIFO,
            CommonKeys.TX_BUFFER, CommonKeys.HOST_WDG_MIN, CommonKeys.HOST_WDG_MAX, CommonKeys.SUPPLY_VOLTS,
            RPM_LOW, RPM_HIGH, ACCEL_TIME_HIGH, BRAKE_TIME, COAST_TIME, READY_FRACTION, STALL_FRACTION,
            ACCEL_TIMEOUT, START_WINDOW, STARTS_MAX, ANODE_MAX_C, HOUSING_MAX_C, AMBIENT_C,
            TUBE_ANODE_CAPACITY_KHU, TUBE_ANODE_COOLING_MAX_KHU_PER_MIN, TUBE_HU_PER_JOULE,
            HOUSING_CAPACITY_J_PER_C, HOUSING_TIME_CONSTANT, CommonKeys.LIMIT_SERIAL_REPLY,
            CommonKeys.LIMIT_SCENARIO),
            List.of(CommonKeys.HOST_WDG_MIN, CommonKeys.HOST_WDG_MAX, RPM_LOW, RPM_HIGH));
}
