package org.hilrig.runner.gpio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A simulated GPIO chip of the kernel's gpio-sim module, made through configfs: the real character device
 * and uAPI v2 behind {@code /dev/gpiochipN}, with each line's far end in sysfs. The test plays the board
 * there: {@link #pull} drives a line the rig reads (an interrupt fires as on a real pin), {@link #value}
 * reads what the rig drives. A released line goes back to its pull (gpio-sim's {@code gpio_sim_free}).
 * Only inside the gpio-sim guest (scripts/gpio-guest); needs root.
 */
final class GpioSimChip implements AutoCloseable {
    private static final Path CONFIG = Path.of("/sys/kernel/config/gpio-sim");
    private static int made;

    private final Path device;
    private final Path bank;
    private final String chipName;
    private final Path lines;

    private GpioSimChip(Path device, Path bank, String chipName, Path lines) {
        this.device = device;
        this.bank = bank;
        this.chipName = chipName;
        this.lines = lines;
    }

    /** Makes a live chip with {@code numLines} lines labelled {@code label}, every line pulled down. */
    static synchronized GpioSimChip create(String label, int numLines) {
        try {
            Path device = CONFIG.resolve("hil-" + ProcessHandle.current().pid() + "-" + made++);
            Files.createDirectory(device);
            Path bank = device.resolve("bank0");
            Files.createDirectory(bank);
            write(bank.resolve("num_lines"), Integer.toString(numLines));
            write(bank.resolve("label"), label);
            write(device.resolve("live"), "1");
            String chip = read(bank.resolve("chip_name"));
            String dev = read(device.resolve("dev_name"));
            return new GpioSimChip(device, bank, chip, Path.of("/sys/devices/platform", dev, chip));
        } catch (IOException e) {
            throw new UncheckedIOException("gpio-sim: cannot make a chip in " + CONFIG, e);
        }
    }

    /** The character device, e.g. {@code /dev/gpiochip0}. */
    String chipPath() {
        return "/dev/" + chipName;
    }

    String chipName() {
        return chipName;
    }

    /** The board drives a line: pull-up (high) or pull-down (low). */
    void pull(int offset, boolean high) {
        write(lines.resolve("sim_gpio" + offset).resolve("pull"), high ? "pull-up" : "pull-down");
    }

    /** The level on a line: what the rig drives on an output, the pull on a line nobody drives. */
    boolean value(int offset) {
        return read(lines.resolve("sim_gpio" + offset).resolve("value")).equals("1");
    }

    /** The chip's first global GPIO number (as the kernel's gpio trace events name lines), from its legacy sysfs entry. */
    int base() {
        try (Stream<Path> files = Files.walk(lines.getParent(), 3)) {
            Path base = files.filter(p -> p.getFileName().toString().equals("base")
                            && p.getParent().getFileName().toString().startsWith("gpiochip"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no legacy sysfs gpiochip under " + lines.getParent()));
            return Integer.parseInt(read(base));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            write(device.resolve("live"), "0");
            Files.delete(bank);
            Files.delete(device);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write '" + text + "' to " + file, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
