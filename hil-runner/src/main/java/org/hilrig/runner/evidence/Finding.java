package org.hilrig.runner.evidence;

/**
 * One thing {@code hil verify} found about an evidence folder.
 *
 * @param file the file concerned, relative to the folder, or null when it concerns the whole folder
 * @param detail one line: what was expected and what was found
 * @param severity whether it fails the folder ({@link Severity#PROBLEM}), leaves it unproven without failing it
 *     ({@link Severity#WARNING}), or only says what was not checked ({@link Severity#NOTE})
 */
public record Finding(Kind kind, String file, String detail, Severity severity) {
    /** How much a finding weighs; only problems make {@code hil verify} exit 1. */
    public enum Severity {
        /** The folder fails verification. */
        PROBLEM,
        /** The folder's files match its manifest, but nothing proves who wrote it: no trusted key was at hand. */
        WARNING,
        /** Something not checked here, and why. */
        NOTE
    }

    /** What was found, each with the severity it has unless the verifier says otherwise. */
    public enum Kind {
        /** The run writing the folder did not finish (marker present, or no manifest). */
        INCOMPLETE(Severity.PROBLEM),
        /** A file the manifest lists is gone. */
        MISSING(Severity.PROBLEM),
        /** A file's bytes differ from its hash in the manifest. */
        CHANGED(Severity.PROBLEM),
        /** A file is in the folder but not in the manifest. */
        ADDED(Severity.PROBLEM),
        /** An integrity file is not in its format. */
        MALFORMED(Severity.PROBLEM),
        /** The signature does not verify, or was made with a key other than the trusted ones. */
        BAD_SIGNATURE(Severity.PROBLEM),
        /**
         * The manifest says it was not signed. A problem where a signature is required (a key was given, or the
         * rig home has one); a warning where no key is at hand to require one.
         */
        UNSIGNED(Severity.PROBLEM),
        /** The manifest's {@code rig_id} is not the rig whose key signed it, or not the rig verifying it. */
        WRONG_RIG(Severity.PROBLEM),
        /** The manifest does not follow the previous run on its rig, or a folder is another's copy. */
        BROKEN_CHAIN(Severity.PROBLEM),
        /** A valid signature by a key that no trusted key could be compared with. */
        UNTRUSTED_KEY(Severity.WARNING),
        /** Something that could not be checked here, and why. */
        NOT_CHECKED(Severity.NOTE);

        private final Severity severity;

        Kind(Severity severity) {
            this.severity = severity;
        }

        /** The severity a finding of this kind has unless the verifier gives another. */
        public Severity severity() {
            return severity;
        }
    }

    /** A finding with its kind's own severity. */
    public Finding(Kind kind, String file, String detail) {
        this(kind, file, detail, kind.severity());
    }

    /** Whether this finding makes the folder fail verification. */
    public boolean problem() {
        return severity == Severity.PROBLEM;
    }

    /** {@code KIND file: detail}, the line {@code hil verify} prints. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (file == null ? "" : " " + file) + ": "
                + detail;
    }
}
