package org.hilrig.runner.store;

/**
 * One unit of a stored lot, with its run.
 *
 * @param serial the serial number the unit reported, or null
 * @param defective whether it carried the lot's defects
 * @param passed how many of its run's scenario results passed
 * @param notPassed how many did not (fail, inconclusive, error)
 * @param runState how far its run got
 */
public record LotUnit(long unitSeed, String serial, String runId, boolean defective, int passed, int notPassed,
        RunState runState) {
    /** Whether it passed every scenario (and ran some). */
    public boolean good() {
        return notPassed == 0 && passed > 0;
    }
}
