package org.hilrig.runner.run;

/**
 * The tool's version, from the jar manifest's {@code Implementation-Version} (or {@code dev} when run from
 * classes): the version recorded in results and evidence, and the one {@code hil --version} prints.
 */
public final class ToolVersion {
    private ToolVersion() {
    }

    /** The version string recorded in results and evidence; never null. */
    public static String version() {
        String v = ToolVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
