package org.hilrig.runner.cli;

import org.hilrig.runner.run.ToolVersion;
import picocli.CommandLine;

/** What {@code --version} prints on every command: the tool's {@link ToolVersion} and the Java it runs on. */
final class VersionText implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"hil " + ToolVersion.version(), "Java " + System.getProperty("java.version") + " on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
