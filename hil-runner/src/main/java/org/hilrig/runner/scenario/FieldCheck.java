package org.hilrig.runner.scenario;

import java.util.Map;

/**
 * A reply or event field judged as a measured value, not compared as text: {@code mas: {near: value.mas, tol:
 * 2 %}} (near a quantity within a tolerance) or {@code ms: {min: 99, max: 101}} (within bounds). The step
 * first finds its frame by its exact fields, then judges these: a report of the wrong value fails the step
 * with both numbers, rather than reading as no report at all.
 *
 * @param near with {@code tol}: the value the field must lie near; null when judged by bounds
 * @param min the lowest value allowed, or null
 * @param max the highest value allowed, or null
 */
record FieldCheck(Quantity near, Step.Tol tol, Quantity min, Quantity max) {
    /** The units of the protocol's numeric fields (protocol.md): {@code kv} in kV, {@code mas} in mAs. */
    static final Map<String, String> UNITS = Map.of("kv", "kV", "ma", "mA", "ms", "ms", "mas", "mAs");

    /** The unit of field {@code name}, or empty when the protocol gives it none. */
    static String unitOf(String name) {
        return UNITS.getOrDefault(name, "");
    }

    @Override
    public String toString() {
        if (near != null) {
            return "near " + near + " +- " + tol;
        }
        return (min == null ? "" : "min " + min) + (min != null && max != null ? ", " : "") + (max == null ? "" : "max " + max);
    }
}
