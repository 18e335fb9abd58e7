/**
 * YAML input: the one place where the rig's input files are read (UTF-8, within {@link
 * org.hilrig.runner.yaml.YamlLimits}) and parsed into node trees with their positions.
 */
package org.hilrig.runner.yaml;
