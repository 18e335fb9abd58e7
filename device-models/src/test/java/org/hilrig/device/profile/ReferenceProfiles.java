package org.hilrig.device.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The reference board profiles of {@code fixtures/boards}, read for tests (the main code never reads
 * files; hil-runner's loader is the production path and reports positions).
 */
public final class ReferenceProfiles {
    private ReferenceProfiles() {
    }

    public static BoardProfile gen() {
        return load("gen-reference.yaml", Board.GEN);
    }

    public static BoardProfile tub() {
        return load("tub-reference.yaml", Board.TUB);
    }

    private static BoardProfile load(String file, Board board) {
        Path p = Path.of("..", "fixtures", "boards", file);
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(p));
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", (Map<?, ?>) doc, flat);
            flat.remove("board");
            // the nominal unit, without technique tables: hil-runner's loader reads spreads and tables
            flat.keySet().removeIf(k -> k.startsWith("units.") || k.startsWith("techniques."));
            return BoardProfile.of(org.hilrig.device.board.Boards.of(board).profileSchema(), flat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String prefix, Map<?, ?> m, Map<String, String> out) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> sub) {
                flatten(key + ".", sub, out);
            } else {
                out.put(key, String.valueOf(e.getValue()));
            }
        }
    }
}
