package org.hilrig.runner.store;

/**
 * Who may log in at a station. Immutable.
 *
 * @param role {@code operator}, {@code engineer} or {@code admin}
 * @param passwordHash a PBKDF2 hash ({@code org.hilrig.runner.station.PasswordHash}), never the password
 * @param disabled whether they may no longer log in
 * @param createdBy the admin who added them, or {@code station-file}
 */
public record StationUser(String name, String role, String passwordHash, boolean disabled, String createdBy,
        String createdUtc, String changedUtc) {
}
