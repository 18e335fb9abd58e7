/** YAML input: the one place where the rig's input files are parsed into node trees with their positions. */
package org.hilrig.runner.yaml;
