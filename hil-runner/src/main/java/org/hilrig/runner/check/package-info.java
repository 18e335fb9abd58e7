/**
 * {@code hil check}: timing rules read from YAML ({@link org.hilrig.runner.check.RuleFile}, every problem
 * of a file reported at once with its line and column), checked on a VCD trace in one streaming pass
 * ({@link org.hilrig.runner.check.TraceCheck}), and the outcome written as CONTRACT.md's JSON or as a
 * table for people.
 */
package org.hilrig.runner.check;
