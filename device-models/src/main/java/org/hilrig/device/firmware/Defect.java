package org.hilrig.device.firmware;

import java.util.Objects;

/**
 * A firmware defect an emulated board can carry (domain.md): off by default, switched on by name. Each board
 * declares its own with its firmware ({@link GeneratorDefects}, and {@link CommonDefects} for the parts every
 * board's firmware shares) and lists them in its board definition; the catalogue of every board's defects,
 * and the lookup by name, is {@code org.hilrig.device.board.Boards}. Immutable; compared by name.
 *
 * @param name the name {@code --defect} and scenario files spell it by, upper case ({@code SLOW_INTERLOCK})
 * @param description what the firmware does wrong, one sentence
 */
public record Defect(String name, String description) {
    public Defect {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("a defect's name is upper case with underscores: '" + name + "'");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Defect d && d.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
