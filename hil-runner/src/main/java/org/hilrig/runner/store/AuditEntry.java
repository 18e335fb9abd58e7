package org.hilrig.runner.store;

/**
 * One thing someone did at a station (logged in, scanned, aborted, reworked, released a profile, changed a policy,
 * managed a user, was refused), as the audit trail keeps it: never changed. Immutable.
 *
 * @param seq the station's order of entries, from 1
 * @param atUtc ISO-8601 UTC
 * @param action a short verb such as {@code release-profile}
 * @param details what exactly, in words
 */
public record AuditEntry(String station, long seq, String who, String atUtc, String action, String details) {
}
