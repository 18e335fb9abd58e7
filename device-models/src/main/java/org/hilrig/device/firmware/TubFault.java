package org.hilrig.device.firmware;

/** The tube controller's fault codes (protocol.md section 6). */
public enum TubFault implements FaultCode {
    T01("ROTOR_STALL"), T02("PHASE_LOSS"), T03("START_RATE"), T04("OVERTEMP");

    private final String faultName;

    TubFault(String faultName) {
        this.faultName = faultName;
    }

    public String faultName() {
        return faultName;
    }
}
