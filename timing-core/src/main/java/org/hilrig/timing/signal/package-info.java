/** Live named signals (digital and analog) that record every change into a trace and notify listeners. */
package org.hilrig.timing.signal;
