package org.hilrig.runner.run;

/**
 * Whether the JVM has begun to shut down (SIGTERM, SIGINT, {@code System.exit}): the JDK refuses a new
 * shutdown hook from then on, which is the one portable way to ask. Stateless.
 */
final class JvmShutdown {
    private static final Thread PROBE = new Thread(() -> { }, "hil-shutdown-probe");

    private JvmShutdown() {
    }

    /** True once shutdown has begun. */
    static boolean underway() {
        try {
            Runtime.getRuntime().addShutdownHook(PROBE);
            Runtime.getRuntime().removeShutdownHook(PROBE);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        } catch (IllegalArgumentException alreadyAdded) {
            // another thread holds the probe for a moment: not a shutdown
            return false;
        }
    }
}
