package org.hilrig.runner.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.timing.BadInputException;
import picocli.CommandLine.Option;

/**
 * A production lot on the simulated rig ({@code hil run --units 1-50}): the library runs once per unit seed of the
 * range, each unit into its own sealed evidence folder, and the lot's statistics across the units are written
 * beside them. {@code --defective-share} states the share of units that carry the {@code --defect}s (drawn from each
 * unit's seed); without it every unit carries them.
 */
final class LotOptions {
    /** The most units one lot may have. */
    static final int MAX_UNITS = 10_000;
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,9})\\s*(?:-\\s*(\\d{1,9})\\s*)?");

    @Option(names = "--units", paramLabel = "A-B", description = "Run a production lot: the scenarios once per unit seed"
            + " A to B (or one seed A), each unit into DIR/U<seed>/, the lot's statistics (mean, SD, CV, Cpk of every"
            + " measurement across the units) and histograms in DIR/lot.json and DIR/lot.html, a testsuite per unit and"
            + " the lot's statistics in DIR/junit.xml; the lot goes to the results database as a run does.")
    String units;

    @Option(names = "--defective-share", paramLabel = "PERCENT", description = "With --units and --defect: the share of"
            + " the lot's units (0 to 100) that carry the defects, chosen by each unit's seed (default: every unit).")
    Double defectiveShare;

    private long first = -1;
    private long last = -1;

    /** The unit seeds, first and last, or null without {@code --units}. */
    long[] units() {
        return units == null ? null : new long[] {first, last};
    }

    /**
     * Checks the options against the rest of the command line.
     *
     * @throws BadInputException for a range that does not read, is empty or too long, or options that do not go with it
     */
    void check(boolean oneUnit, boolean realRig, boolean defects) {
        if (units == null) {
            if (defectiveShare != null) {
                throw new BadInputException("", 0, 0, "--defective-share: a share of a lot's units; give --units too");
            }
            return;
        }
        Matcher m = RANGE.matcher(units);
        if (!m.matches()) {
            throw new BadInputException("", 0, 0, "--units '" + units + "': not a range of unit seeds (write 1-50, or 7)");
        }
        first = Long.parseLong(m.group(1));
        last = m.group(2) == null ? first : Long.parseLong(m.group(2));
        if (last < first) {
            throw new BadInputException("", 0, 0, "--units " + units + ": the range ends before it starts");
        }
        if (last - first + 1 > MAX_UNITS) {
            throw new BadInputException("", 0, 0, "--units " + units + ": " + (last - first + 1) + " units, at most "
                    + MAX_UNITS + " in one lot");
        }
        if (oneUnit) {
            throw new BadInputException("", 0, 0, "--units and --unit-seed/--serial-number: a lot is a range of units;"
                    + " give one or the other");
        }
        if (realRig) {
            throw new BadInputException("", 0, 0, "--units: a lot of emulated units runs on the simulated rig (--rig sim)");
        }
        if (defectiveShare != null) {
            if (!defects) {
                throw new BadInputException("", 0, 0, "--defective-share: the share of units carrying a defect; give"
                        + " --defect NAME too");
            }
            if (!(defectiveShare >= 0 && defectiveShare <= 100)) {
                throw new BadInputException("", 0, 0, "--defective-share " + defectiveShare + ": a share is 0 to 100");
            }
        }
    }
}
