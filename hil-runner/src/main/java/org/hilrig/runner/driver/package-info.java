/**
 * The host side of the board protocol ({@code protocol.md} section 3): {@link
 * org.hilrig.runner.driver.BoardDriver} sends commands with incrementing sequence numbers, waits for the
 * matching reply, resends the same frame on a time-out and declares the link down after the last
 * resend; it watches the board's event counter for gaps and hands events to a listener. Threads: the
 * link's reader thread only decodes and queues; one dispatcher thread per driver routes replies and
 * calls the listener; callers of {@code send} wait on their own thread.
 */
package org.hilrig.runner.driver;
