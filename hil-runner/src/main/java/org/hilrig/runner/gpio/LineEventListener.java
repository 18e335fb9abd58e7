package org.hilrig.runner.gpio;

/**
 * Receives the events of a rig's input lines, in the order they happened on each line, on the lines' event
 * thread. Only hand over (to a queue, to the scheduler); never block and never drive lines from here.
 */
@FunctionalInterface
public interface LineEventListener {
    void onLineEvent(LineEvent event);
}
