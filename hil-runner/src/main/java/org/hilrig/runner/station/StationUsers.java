package org.hilrig.runner.station;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hilrig.runner.store.StationAccounts;
import org.hilrig.runner.store.StationUser;

/**
 * Who may log in at the station, kept in the results database: the station file's operators are added once, when
 * the station first starts on a database (a name it has is left as its admins keep it); after that admins add
 * users, disable and enable them, and reset their passwords (hashed by {@link PasswordHash}, never kept in clear).
 * Every change is in the audit trail. Thread-safe.
 */
final class StationUsers {
    /** A new password's shortest length. */
    static final int MIN_PASSWORD = 8;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    private final String station;
    private final StationAccounts accounts;
    private final Audit audit;

    StationUsers(String station, StationAccounts accounts, Audit audit, List<StationFile.Operator> fromFile) {
        this.station = station;
        this.accounts = accounts;
        this.audit = audit;
        String now = Audit.nowUtc();
        List<StationUser> seed = new ArrayList<>();
        for (StationFile.Operator o : fromFile) {
            seed.add(new StationUser(o.name(), o.role().word(), o.passwordHash(), false, "station-file", now, now));
        }
        accounts.seed(station, seed);
    }

    /** The user of a name when they may log in (known and not disabled). */
    Optional<StationFile.Operator> enabled(String name) {
        return accounts.user(station, name).filter(u -> !u.disabled()).map(u -> new StationFile.Operator(u.name(),
                StationFile.Role.valueOf(u.role().toUpperCase(Locale.ROOT)), u.passwordHash()));
    }

    List<StationUser> all() {
        return accounts.users(station);
    }

    /**
     * Adds a user; the password is hashed and cleared.
     *
     * @throws Station.Refused naming what is wrong: the name's form, a name taken, an unknown role, a short password
     */
    void add(String by, String name, String role, char[] password) throws Station.Refused {
        try {
            String n = name == null ? "" : name.strip();
            if (!NAME.matcher(n).matches()) {
                throw new Station.Refused("name '" + n + "' is not a user name (allowed: letters, digits, '_', '.', '-';"
                        + " 1 to 32)");
            }
            StationFile.Role r = Arrays.stream(StationFile.Role.values()).filter(x -> x.word().equals(role)).findFirst()
                    .orElseThrow(() -> new Station.Refused("role '" + role + "' is not a role (allowed: operator, engineer,"
                            + " admin)"));
            checkPassword(password);
            String now = Audit.nowUtc();
            if (!accounts.add(station, new StationUser(n, r.word(), PasswordHash.hash(password), false, by, now, now))) {
                throw new Station.Refused("user " + n + " exists already (disable, enable or reset their password instead)");
            }
            audit.record(by, "user-add", n + " (" + r.word() + ")");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Disables a user (they can no longer log in) or enables them again.
     *
     * @throws Station.Refused when there is no such user, or an admin would disable themselves
     */
    void setDisabled(String by, String name, boolean disabled) throws Station.Refused {
        if (disabled && by.equals(name)) {
            throw new Station.Refused("you cannot disable yourself (another admin can)");
        }
        if (!accounts.setDisabled(station, name, disabled, Audit.nowUtc())) {
            throw new Station.Refused("no user " + name + " at this station");
        }
        audit.record(by, disabled ? "user-disable" : "user-enable", name);
    }

    /**
     * Gives a user a new password (hashed; the characters are cleared).
     *
     * @throws Station.Refused when there is no such user or the password is too short
     */
    void resetPassword(String by, String name, char[] password) throws Station.Refused {
        try {
            checkPassword(password);
            if (!accounts.setPasswordHash(station, name, PasswordHash.hash(password), Audit.nowUtc())) {
                throw new Station.Refused("no user " + name + " at this station");
            }
            audit.record(by, "user-password", "reset the password of " + name);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void checkPassword(char[] password) throws Station.Refused {
        if (password.length < MIN_PASSWORD) {
            throw new Station.Refused("the password has " + password.length + " characters, too short (at least "
                    + MIN_PASSWORD + ")");
        }
    }
}
