package org.hilrig.device.firmware;

/** The tube controller's states as {@code STA} and {@code EVT,STATE} report them. */
public enum TubState { STOPPED, ACCEL, AT_SPEED, BRAKING, FAULT }
