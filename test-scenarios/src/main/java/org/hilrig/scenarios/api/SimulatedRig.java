package org.hilrig.scenarios.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hilrig.device.profile.Board;

/**
 * How {@link RigExtension} builds the simulated rig for a test (on the method, else the class; defaults
 * without it): the reference board profiles of {@code fixtures/boards} under {@code hil.home}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SimulatedRig {
    /** The board under test. */
    Board board() default Board.GEN;

    /** True to emulate the other board's firmware too, false for its plant-level model. */
    boolean otherBoardEmulated() default false;

    /** The seed (contact bounce, noise). */
    long seed() default 42;

    /** Emulator defects to switch on, by name ({@code hil defects}). */
    String[] defects() default {};
}
