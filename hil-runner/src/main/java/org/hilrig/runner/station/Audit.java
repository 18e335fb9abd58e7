package org.hilrig.runner.station;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hilrig.runner.store.AuditEntry;
import org.hilrig.runner.store.StationAccounts;

/**
 * The station's audit trail: who did what and when, one entry an action (login, logout, scan, abort, rework,
 * release-profile, retest-policy, user-add, user-disable, user-enable, user-password, forbidden), appended to the
 * results database and never changed. Thread-safe.
 */
final class Audit {
    private final String station;
    private final StationAccounts accounts;

    Audit(String station, StationAccounts accounts) {
        this.station = station;
        this.accounts = accounts;
    }

    /** Now, as the station's records write times: ISO-8601 UTC to the millisecond. */
    static String nowUtc() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    void record(String who, String action, String details) {
        accounts.audit(station, who, nowUtc(), action, details);
    }

    /** The last {@code n} entries, newest first. */
    List<AuditEntry> last(int n) {
        return accounts.auditTrail(station, n);
    }
}
