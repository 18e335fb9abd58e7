package org.hilrig.timing;

/** The rig itself broke: a lost device, an I/O error, a link down. Exit code 3. */
public class RigFailureException extends RigException {
    public RigFailureException(String message) {
        super(message);
    }

    public RigFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
