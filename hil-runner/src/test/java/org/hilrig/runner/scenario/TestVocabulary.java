package org.hilrig.runner.scenario;

import java.util.Map;
import java.util.Set;

/** The vocabulary and profile limits the loader and engine tests use. */
final class TestVocabulary {
    private TestVocabulary() {
    }

    static Vocabulary vocabulary() {
        return new Vocabulary(Set.of("PREP_REQ", "EXP_REQ_A", "EXP_REQ_B", "DOOR_CLOSED"),
                Set.of("READY", "HV_ENABLE", "XRAY_ON"), Map.of("door_open", Set.of(), "arc_burst", Set.of("arcs", "spacing")),
                Set.of("VER", "SKV", "SMA", "SMS", "HBT"), Set.of("BOOT", "FAULT", "XON"),
                Set.of("01", "02", "03"), Set.of("SLOW_INTERLOCK"), Set.of("REQ-ILK-001"),
                Set.of("door_to_hv_off", "rotor_timeout", "limits.serial_reply", "limits.comms_loss_margin",
                        "limits.scenario_limit"), Map.of("KV_FB", "kV", "MA_FB", "mA"));
    }

    static ProfileLimits limits() {
        Map<String, Window> m = Map.of("door_to_hv_off", Window.upTo(1_000_000), "rotor_timeout", Window.upTo(2_000_000_000L),
                "limits.serial_reply", Window.upTo(5_000_000), "limits.comms_loss_margin", Window.upTo(10_000_000),
                "limits.scenario_limit", Window.upTo(60_000_000_000L));
        return new ProfileLimits() {
            @Override
            public Set<String> names() {
                return m.keySet();
            }

            @Override
            public Window window(String name, org.hilrig.device.profile.Board board, Technique technique) {
                Window w = m.get(name);
                if (w == null) {
                    throw new IllegalArgumentException("no profile limit " + name);
                }
                return w;
            }
        };
    }
}
