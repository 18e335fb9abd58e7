/**
 * The timing core: time as a {@code long} of nanoseconds, clocks, and the rig's exception types. This
 * module knows nothing of X-rays, boards or hardware; everything above it builds on its scheduler,
 * signals, traces and rules.
 */
package org.hilrig.timing;
