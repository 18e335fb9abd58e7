package org.hilrig.runner.cli;

import picocli.CommandLine;

/** The tool's version, from the jar manifest (or "dev" when run from classes). */
public final class ToolVersion implements CommandLine.IVersionProvider {
    /** The version string recorded in results and evidence. */
    public static String version() {
        String v = Hil.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"hil " + version(), "Java " + System.getProperty("java.version") + " on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
