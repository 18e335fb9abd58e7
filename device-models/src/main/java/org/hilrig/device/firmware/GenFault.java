package org.hilrig.device.firmware;

/** The generator's fault codes (protocol.md section 6), in code order. */
public enum GenFault implements FaultCode {
    F01("DOOR_OPEN"), F02("ESTOP"), F03("THERMAL_SWITCH"), F04("ROTOR_NOT_READY"), F05("ROTOR_STALL"),
    F06("FILAMENT_OPEN"), F07("ARC_LIMIT"), F08("OVER_KV"), F09("KV_REGULATION"), F10("BACKUP_TIMER"),
    F11("ANODE_HEAT"), F12("COMMS_LOSS"), F13("WATCHDOG_RESET"), F14("BROWNOUT"), F15("HANDSWITCH_MISMATCH"),
    F16("PREP_TIMEOUT");

    private final String faultName;

    GenFault(String faultName) {
        this.faultName = faultName;
    }

    /** The name sent in {@code EVT,FAULT} ({@code DOOR_OPEN}). */
    public String faultName() {
        return faultName;
    }
}
