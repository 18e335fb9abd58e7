package org.hilrig.device.profile;

import java.util.List;
import org.hilrig.device.profile.ProfileKey.Kind;

/**
 * The profile keys every board's profile holds: identity (as VER reports it), the microcontroller, the UART
 * and host watchdog, the supply, and the limits every board is held to. A board's schema lists them with
 * its own keys ({@link GeneratorKeys}, {@link TubeKeys}). Stateless.
 */
public final class CommonKeys {
    private CommonKeys() {
    }

    // identity, as VER reports it
    public static final ProfileKey FIRMWARE_VERSION = ProfileKey.of("FIRMWARE_VERSION", "identity.firmware",
            Kind.TEXT, 0, 0);
    public static final ProfileKey SERIAL_NUMBER = ProfileKey.of("SERIAL_NUMBER", "identity.serial", Kind.TEXT, 0, 0);
    public static final ProfileKey BUILD = ProfileKey.of("BUILD", "identity.build", Kind.TEXT, 0, 0);

    // the microcontroller
    public static final ProfileKey TICK = ProfileKey.of("TICK", "mcu.tick", Kind.DURATION, 10_000, 100_000_000);
    public static final ProfileKey IRQ_LATENCY = ProfileKey.of("IRQ_LATENCY", "mcu.irq_latency",
            Kind.DURATION, 0, 1_000_000);
    public static final ProfileKey BOOT_TIME = ProfileKey.of("BOOT_TIME", "mcu.boot_time",
            Kind.DURATION, 0, 500_000_000);
    public static final ProfileKey IWDG_TIMEOUT = ProfileKey.of("IWDG_TIMEOUT", "mcu.watchdog_timeout",
            Kind.DURATION, 1_000_000, 10_000_000_000L);
    public static final ProfileKey ALIVE_HALF_PERIOD = ProfileKey.of("ALIVE_HALF_PERIOD", "mcu.alive_half_period",
            Kind.DURATION, 1_000_000, 1_000_000_000);
    public static final ProfileKey BROWNOUT_VOLTS = ProfileKey.of("BROWNOUT_VOLTS", "mcu.brownout_threshold_v",
            Kind.NUMBER, 0, 100);

    // the UART and the protocol
    public static final ProfileKey BAUD = ProfileKey.of("BAUD", "uart.baud", Kind.INTEGER, 9600, 921600);
    public static final ProfileKey RX_FIFO = ProfileKey.of("RX_FIFO", "uart.rx_fifo_bytes", Kind.INTEGER, 1, 4096);
    public static final ProfileKey TX_BUFFER = ProfileKey.of("TX_BUFFER", "uart.tx_buffer_bytes",
            Kind.INTEGER, 128, 65536);
    public static final ProfileKey HOST_WDG_MIN = ProfileKey.of("HOST_WDG_MIN", "host.watchdog_min",
            Kind.DURATION, 1_000_000, 100_000_000_000L);
    public static final ProfileKey HOST_WDG_MAX = ProfileKey.of("HOST_WDG_MAX", "host.watchdog_max",
            Kind.DURATION, 1_000_000, 100_000_000_000L);
    public static final ProfileKey SUPPLY_VOLTS = ProfileKey.of("SUPPLY_VOLTS", "supply.nominal_v",
            Kind.NUMBER, 1, 1000);
    /** A command's last byte to the first byte of the board's reply. */
    public static final ProfileKey LIMIT_SERIAL_REPLY = ProfileKey.of("LIMIT_SERIAL_REPLY", "limits.serial_reply",
            Kind.DURATION, 1_000, 10_000_000_000L);
    /**
     * How long one scenario on this board may run, from the rig's time 0 to its end (virtual time on the
     * simulated rig, wall time on a real one), unless the scenario sets its own {@code limit}: 1 ms to 31 days.
     */
    public static final ProfileKey LIMIT_SCENARIO = ProfileKey.of("LIMIT_SCENARIO", "limits.scenario_limit",
            Kind.DURATION, 1_000_000, 2_678_400_000_000_000L);

    /** Every common key, in the order a new board's schema lists them first ({@link ProfileSchema#withCommon}). */
    public static final List<ProfileKey> ALL = List.of(FIRMWARE_VERSION, SERIAL_NUMBER, BUILD, TICK, IRQ_LATENCY,
            BOOT_TIME, IWDG_TIMEOUT, ALIVE_HALF_PERIOD, BROWNOUT_VOLTS, BAUD, RX_FIFO, TX_BUFFER, HOST_WDG_MIN,
            HOST_WDG_MAX, SUPPLY_VOLTS, LIMIT_SERIAL_REPLY, LIMIT_SCENARIO);
}
