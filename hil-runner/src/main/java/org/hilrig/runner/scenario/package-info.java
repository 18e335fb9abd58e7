/**
 * Scenarios: the YAML test language of the rig, its model (records and sealed step types), the loader
 * that validates whole files against a {@link org.hilrig.runner.scenario.Vocabulary} and reports every
 * problem with file, line and column, and the engine that runs a scenario on a
 * {@link org.hilrig.runner.rig.Rig} and judges it.
 */
package org.hilrig.runner.scenario;
