package org.hilrig.runner.driver;

/** The driver's view of its link. DOWN and CLOSED are final: a failed link stays down until reopened. */
public enum DriverState {
    /** Commands may be sent. */
    UP,
    /** The board stopped answering or the link was lost; every send fails. */
    DOWN,
    /** The owner closed the driver. */
    CLOSED
}
