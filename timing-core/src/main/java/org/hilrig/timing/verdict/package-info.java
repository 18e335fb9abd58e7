/** Verdicts and measurements with their uncertainty: pass, fail, or inconclusive when a limit lies inside it. */
package org.hilrig.timing.verdict;
