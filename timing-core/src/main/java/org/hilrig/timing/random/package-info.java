/** Seeded randomness split per named component: same seed, same draws, whatever else is added. */
package org.hilrig.timing.random;
