package org.hilrig.device.firmware;

/** The generator's states as {@code STA} and {@code EVT,STATE} report them. */
public enum GenState { STANDBY, PREP, READY, EXPOSING, FAULT }
