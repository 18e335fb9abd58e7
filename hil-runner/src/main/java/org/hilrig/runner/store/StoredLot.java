package org.hilrig.runner.store;

import java.util.List;

/**
 * A production lot as the database holds it ({@code hil run --units A-B}).
 *
 * @param firstUnit the first unit seed of its range
 * @param lastUnit the last, inclusive
 * @param seed the run seed every unit ran with
 * @param defects the defects its defective units carry (empty for none)
 * @param defectiveShare the share of units carrying them, in percent, or null when every unit carries them
 * @param rigId the rig that ran it (its rig home's id)
 * @param endedUtc set once every unit ran and the lot's statistics are in; null while it runs, or when it was
 *     killed (its finished units stay recorded)
 * @param unitCount how many of its units were recorded
 * @param passedUnits how many of them passed every scenario
 * @param defectiveUnits how many of them carried the defects
 */
public record StoredLot(String lotId, long firstUnit, long lastUnit, long seed, List<String> defects,
        Double defectiveShare, String rig, String rigId, String toolVersion, String startedUtc, String endedUtc,
        int unitCount, int passedUnits, int defectiveUnits) {
    public StoredLot {
        defects = List.copyOf(defects);
    }

    /** A lot about to start: no end, no units yet. */
    public static StoredLot starting(String lotId, long firstUnit, long lastUnit, long seed, List<String> defects,
            Double defectiveShare, String rig, String rigId, String toolVersion, String startedUtc) {
        return new StoredLot(lotId, firstUnit, lastUnit, seed, defects, defectiveShare, rig, rigId, toolVersion,
                startedUtc, null, 0, 0, 0);
    }

    /** Whether it ended, its statistics recorded. */
    public boolean ended() {
        return endedUtc != null;
    }

    /** How many units its range has. */
    public long size() {
        return lastUnit - firstUnit + 1;
    }
}
