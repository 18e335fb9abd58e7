/**
 * The rig as the scenario engine sees it: the {@link org.hilrig.runner.rig.Rig} port (drive lines, send
 * bytes, inject faults, let time pass, and the trace that records everything observed) and its
 * adapters. {@code SimRig} runs the emulated boards and plant on virtual time; real-I/O adapters (serial,
 * GPIO, TCP) come with their own issue.
 */
package org.hilrig.runner.rig;
