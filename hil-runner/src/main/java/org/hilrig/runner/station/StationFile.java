package org.hilrig.runner.station;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.store.AttemptPurpose;

/**
 * A station file as read by {@link StationFileLoader}: what the station is, where its units are tested and by
 * whom. Immutable. Paths are resolved against the installation's home ({@code hil.home}).
 *
 * @param id the station's id, as records name it
 * @param database the results database URL, or null for {@code results.db} in the rig home
 * @param evidence the folder each attempt's sealed evidence folder goes under
 * @param sessionTimeoutNanos how long a session lives without a request
 */
public record StationFile(String id, String database, Path evidence, long sessionTimeoutNanos, List<Socket> sockets,
        List<Product> products, List<Operator> operators) {
    public StationFile {
        sockets = List.copyOf(sockets);
        products = List.copyOf(products);
        operators = List.copyOf(operators);
    }

    /** The product of a part number, if the station makes it. */
    public Optional<Product> product(String partNumber) {
        return products.stream().filter(p -> p.partNumber().equals(partNumber)).findFirst();
    }

    /** The socket of a name, if the station has it. */
    public Optional<Socket> socket(String name) {
        return sockets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * A DUT socket: a rig fixture. With {@code emulate}, the station starts {@code hil emulate} for each scanned
     * unit (its unit seed from the serial) and reaches it through a copy of the fixture with the emulator's TCP
     * port; without, the fixture's board is whatever board sits in the socket.
     *
     * @param emulate the board the station emulates for each unit, or null for a real (or already running) board
     */
    public record Socket(String name, Path fixture, Board emulate) {
    }

    /**
     * A product: what a scanned serial must look like, which board profile revision its units are tested
     * against, and its acceptance suite (the library's scenarios with any of {@code tags}, plus the scenario
     * files and folders of {@code scenarios}).
     *
     * @param defect an emulator defect a share of the emulated units carries, or null
     * @param defectSharePercent the share of emulated units (chosen by each unit's seed) that carry it
     * @param maxAttempts how many attempts one unit may have
     * @param reworkAfterFail whether a unit that failed must go to rework before it is tested again
     * @param purpose what its attempts are recorded as ({@code purpose:}, default production): a golden, engineering
     *     or CI product's attempts stay out of the production figures of {@code hil yield} and {@code hil cpk}
     */
    public record Product(String partNumber, String revision, Pattern serial, Board board, Path profile,
            List<String> tags, List<Path> scenarios, String defect, double defectSharePercent, int maxAttempts,
            boolean reworkAfterFail, AttemptPurpose purpose) {
        public Product {
            tags = List.copyOf(tags);
            scenarios = List.copyOf(scenarios);
            java.util.Objects.requireNonNull(purpose, "purpose");
        }

        /** A production product. */
        public Product(String partNumber, String revision, Pattern serial, Board board, Path profile,
                List<String> tags, List<Path> scenarios, String defect, double defectSharePercent, int maxAttempts,
                boolean reworkAfterFail) {
            this(partNumber, revision, serial, board, profile, tags, scenarios, defect, defectSharePercent, maxAttempts,
                    reworkAfterFail, AttemptPurpose.PRODUCTION);
        }
    }

    /** Who may log in: a name, a role and the PBKDF2 hash of the password ({@link PasswordHash}). */
    public record Operator(String name, Role role, String passwordHash) {
    }

    /**
     * What a user may do: an operator runs units (scans, aborts, records rework); an engineer also releases profile
     * revisions and changes retest policies; an admin also manages users.
     */
    public enum Role {
        OPERATOR, ENGINEER, ADMIN;

        /** Whether this role has the right. */
        public boolean may(Right right) {
            return switch (right) {
                case RUN_UNITS -> true;
                case RELEASE_PROFILES -> this != OPERATOR;
                case MANAGE_USERS -> this == ADMIN;
            };
        }

        /** The role as station files and the database write it ({@code operator}). */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a request needs its user's role to allow. */
    public enum Right {
        /** scan units, abort attempts, record rework steps */
        RUN_UNITS,
        /** release a product's profile revisions, change its retest policy */
        RELEASE_PROFILES,
        /** add users, disable and enable them, reset their passwords */
        MANAGE_USERS;

        /** For messages: what the right lets one do. */
        public String words() {
            return switch (this) {
                case RUN_UNITS -> "run units";
                case RELEASE_PROFILES -> "release profile revisions and change retest policies (engineer)";
                case MANAGE_USERS -> "manage users (admin)";
            };
        }
    }
}
