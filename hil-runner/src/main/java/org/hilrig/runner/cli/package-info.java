/**
 * The {@code hil} command line (picocli): one class per subcommand, registered in {@code Subcommands};
 * {@link org.hilrig.runner.cli.Hil} maps the rig's exceptions to the exit codes of CONTRACT.md and prints
 * each error as one line.
 */
package org.hilrig.runner.cli;
