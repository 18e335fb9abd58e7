package org.hilrig.runner.store;

/**
 * One released revision of a product's board profile: a change of limits is a new revision, never an edit of an
 * old one. Immutable.
 *
 * @param revisionId {@code PART-rNUMBER}, e.g. {@code GEN-3000-r2}
 * @param number 1, 2, ... per part number
 * @param sha256 SHA-256 of {@code text}'s UTF-8 bytes, lowercase hex
 * @param text the profile file as released
 * @param source the file it came from: an upload's name, a path, or the station file's profile
 * @param releasedBy the user who released it, or {@code station-file} for the revision made from the station file
 * @param releasedUtc ISO-8601 UTC
 * @param reason why the limits changed, in the releaser's words
 */
public record ProfileRevision(String revisionId, String partNumber, int number, String sha256, String text, String source,
        String releasedBy, String releasedUtc, String reason) {
    /** Who releases a product's first revision, made from the station file's profile at start. */
    public static final String STATION_FILE = "station-file";
}
