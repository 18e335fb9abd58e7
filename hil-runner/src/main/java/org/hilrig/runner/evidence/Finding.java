package org.hilrig.runner.evidence;

/**
 * One thing {@code hil verify} found about an evidence folder.
 *
 * @param file the file concerned, relative to the folder, or null when it concerns the whole folder
 * @param detail one line: what was expected and what was found
 */
public record Finding(Kind kind, String file, String detail) {
    /** What was found; {@link #problem()} tells whether it makes the folder fail verification. */
    public enum Kind {
        /** The run writing the folder did not finish (marker present, or no manifest). */
        INCOMPLETE(true),
        /** A file the manifest lists is gone. */
        MISSING(true),
        /** A file's bytes differ from its hash in the manifest. */
        CHANGED(true),
        /** A file is in the folder but not in the manifest. */
        ADDED(true),
        /** An integrity file is not in its format. */
        MALFORMED(true),
        /** The signature does not verify, or was made with a key other than the trusted one. */
        BAD_SIGNATURE(true),
        /** The manifest does not follow the previous run on its rig. */
        BROKEN_CHAIN(true),
        /** The run was sealed on a rig without a key: integrity checked, origin not. */
        UNSIGNED(false),
        /** Something that could not be checked here, and why. */
        NOT_CHECKED(false);

        private final boolean problem;

        Kind(boolean problem) {
            this.problem = problem;
        }

        public boolean problem() {
            return problem;
        }
    }

    /** {@code KIND file: detail}, the line {@code hil verify} prints. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (file == null ? "" : " " + file) + ": "
                + detail;
    }
}
