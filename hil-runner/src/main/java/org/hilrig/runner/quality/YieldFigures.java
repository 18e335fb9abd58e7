package org.hilrig.runner.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.IntervalUtils;
import org.hilrig.runner.store.AttemptRecord.Verdict;
import org.hilrig.runner.store.QualityRecords.Attempt;

/**
 * First-pass yield, final yield and retest rate of the attempts of one purpose, in total and by a {@link Dimension}.
 *
 * <p>Which attempts count: a <em>tested</em> attempt is one the suite ran to a verdict on the unit (PASS, FAIL or
 * INCONCLUSIVE; an INCONCLUSIVE unit is not proven good, so it did not pass). ABORTED attempts (the operator, or a
 * station that stopped) and ERROR attempts (nothing conclusive ran: the board's serial was another, the rig broke)
 * tested nothing: they are counted apart ({@link Group#aborted}, {@link Group#errors}) and in no yield. Running
 * attempts are not read at all.
 *
 * <ul>
 * <li>first-pass yield: units whose first tested attempt passed / units with a tested attempt;
 * <li>final yield: units whose last tested attempt passed / the same units;
 * <li>retest rate: units with more than one tested attempt / the same units.
 * </ul>
 *
 * By product, revision, station, socket or operator, a unit's attempts are grouped by that attempt's own value (a
 * station's first-pass yield is of the units' first attempts at that station); by day, a unit and all its attempts
 * go to the UTC day of its first tested attempt (a retest the next day does not make a first pass of that day). The
 * first-pass yield's 95 % interval is the Wilson score interval (Commons Math {@link IntervalUtils}). Immutable.
 */
public final class YieldFigures {
    /** What a {@code --by} groups by. */
    public enum Dimension {
        PRODUCT(a -> a.partNumber()),
        REVISION(a -> a.partNumber() + " rev " + a.revision()),
        STATION(Attempt::station),
        SOCKET(a -> a.station() + "/" + a.socket()),
        OPERATOR(Attempt::operator),
        DAY(a -> a.startedUtc().substring(0, Math.min(10, a.startedUtc().length())));

        private final Function<Attempt, String> key;

        Dimension(Function<Attempt, String> key) {
            this.key = key;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Dimension> of(String word) {
            return java.util.Arrays.stream(values()).filter(d -> d.word().equals(word)).findFirst();
        }

        public static String words() {
            return String.join(", ", java.util.Arrays.stream(values()).map(Dimension::word).toList());
        }
    }

    /**
     * One group's figures.
     *
     * @param key the group's value ({@code all} for the total)
     * @param units units with a tested attempt in the group
     * @param firstPass of them, those whose first tested attempt passed
     * @param finalPass those whose last tested attempt passed
     * @param retested those with more than one tested attempt
     * @param tested the tested attempts
     * @param aborted ABORTED attempts, in no figure
     * @param errors ERROR attempts, in no figure
     */
    public record Group(String key, int units, int firstPass, int finalPass, int retested, int tested, int aborted,
            int errors) {
        /** First-pass yield, 0 to 1; NaN without units. */
        public double firstPassYield() {
            return share(firstPass);
        }

        public double finalYield() {
            return share(finalPass);
        }

        public double retestRate() {
            return share(retested);
        }

        /** The Wilson score interval of the first-pass yield at 95 %; null without units. */
        public ConfidenceInterval firstPassInterval() {
            return units == 0 ? null : IntervalUtils.getWilsonScoreInterval(units, firstPass, 0.95);
        }

        private double share(int n) {
            return units == 0 ? Double.NaN : (double) n / units;
        }
    }

    private final Group total;
    private final List<Group> groups;

    private YieldFigures(Group total, List<Group> groups) {
        this.total = total;
        this.groups = List.copyOf(groups);
    }

    /** Every attempt, as one group. */
    public Group total() {
        return total;
    }

    /** The groups of the dimension asked for, by key; empty without one. */
    public List<Group> groups() {
        return groups;
    }

    /**
     * The figures of these attempts (oldest first, as {@link org.hilrig.runner.store.QualityRecords#attempts} gives
     * them), by {@code by} (null: the total only).
     */
    public static YieldFigures of(List<Attempt> attempts, Dimension by) {
        Group total = group("all", attempts);
        if (by == null) {
            return new YieldFigures(total, List.of());
        }
        Map<String, List<Attempt>> keyed = new TreeMap<>();
        if (by == Dimension.DAY) {
            Map<String, String> dayOfUnit = new LinkedHashMap<>();
            for (Attempt a : attempts) {
                if (tested(a)) {
                    dayOfUnit.putIfAbsent(a.serial(), Dimension.DAY.key.apply(a));
                }
            }
            for (Attempt a : attempts) {
                keyed.computeIfAbsent(dayOfUnit.getOrDefault(a.serial(), Dimension.DAY.key.apply(a)),
                        k -> new ArrayList<>()).add(a);
            }
        } else {
            for (Attempt a : attempts) {
                keyed.computeIfAbsent(by.key.apply(a), k -> new ArrayList<>()).add(a);
            }
        }
        List<Group> out = new ArrayList<>();
        keyed.forEach((k, list) -> out.add(group(k, list)));
        return new YieldFigures(total, out);
    }

    private static boolean tested(Attempt a) {
        return a.verdict() == Verdict.PASS || a.verdict() == Verdict.FAIL || a.verdict() == Verdict.INCONCLUSIVE;
    }

    private static Group group(String key, List<Attempt> attempts) {
        Map<String, List<Attempt>> byUnit = new LinkedHashMap<>();
        int aborted = 0;
        int errors = 0;
        int tested = 0;
        for (Attempt a : attempts.stream().sorted(Comparator.comparing(Attempt::startedUtc)
                .thenComparing(Attempt::attemptId)).toList()) {
            if (a.verdict() == Verdict.ABORTED) {
                aborted++;
            } else if (a.verdict() == Verdict.ERROR) {
                errors++;
            } else if (tested(a)) {
                tested++;
                byUnit.computeIfAbsent(a.serial(), k -> new ArrayList<>()).add(a);
            }
        }
        int first = 0;
        int last = 0;
        int retested = 0;
        for (List<Attempt> unit : byUnit.values()) {
            first += unit.get(0).verdict() == Verdict.PASS ? 1 : 0;
            last += unit.get(unit.size() - 1).verdict() == Verdict.PASS ? 1 : 0;
            retested += unit.size() > 1 ? 1 : 0;
        }
        return new Group(key, byUnit.size(), first, last, retested, tested, aborted, errors);
    }
}
