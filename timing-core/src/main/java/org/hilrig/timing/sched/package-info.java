/** The deterministic discrete-event scheduler: virtual time, reusable timers, (time, sequence) order. */
package org.hilrig.timing.sched;
