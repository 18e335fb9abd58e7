/**
 * Traces: the record of every signal change and serial frame with its time, delivered as a stream to
 * {@link org.hilrig.timing.trace.ChangeListener}s, online or offline, from memory or from a VCD file.
 */
package org.hilrig.timing.trace;
