package org.hilrig.runner.gpio;

import java.util.function.Consumer;

/**
 * Runs a sequence on a rig's lines and returns every output to its safe state on every way out: normal end,
 * exception, and JVM shutdown (SIGTERM, Ctrl-C) while the sequence runs, through a shutdown hook held for
 * the sequence's duration. A failure of the safe state itself is never lost: it is thrown when the
 * sequence ended normally, and added as suppressed to the sequence's own exception otherwise.
 */
public final class SafeSequence {
    private SafeSequence() {
    }

    /** Runs {@code sequence} with {@code lines}, then drives the safe state whatever happened. */
    public static void run(RigLines lines, Consumer<RigLines> sequence) {
        Thread hook = new Thread(lines::safeState, "hil-safe-state");
        boolean hooked = addHook(hook);
        Throwable failure = null;
        try {
            sequence.accept(lines);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            try {
                lines.safeState();
            } catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            } finally {
                if (hooked) {
                    removeHook(hook);
                }
            }
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it drives the safe state itself
        }
    }
}
