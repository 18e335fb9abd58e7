package org.hilrig.device.firmware;

/** What ended an exposure, as {@code end} in {@code EVT,XOFF} and {@code LXP} reports it. */
public enum ExposureEnd { TIMER, HANDSWITCH, ABORT, INTERLOCK, AEC, BACKUP, ARC, FAULT, COMMS }
