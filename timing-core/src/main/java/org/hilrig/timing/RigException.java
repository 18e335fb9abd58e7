package org.hilrig.timing;

/**
 * The root of every error the rig raises on purpose. Unchecked; causes are always chained.
 *
 * <p>The command line maps {@link BadInputException} to exit code 2, {@link RigFailureException}
 * to exit code 3, and prints {@link #getMessage()} as one line, never a stack trace.
 */
public class RigException extends RuntimeException {
    public RigException(String message) {
        super(message);
    }

    public RigException(String message, Throwable cause) {
        super(message, cause);
    }
}
