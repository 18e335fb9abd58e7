package org.hilrig.runner.yaml;

/**
 * How big and how deep a YAML input file of the rig may be: the one set of caps every reader (scenarios,
 * rules, requirements, board profiles, rig fixtures) gets through {@link YamlText}. Input beyond a cap is
 * bad input at the place it crossed it, found in time linear in the file's size, so no file can exhaust
 * the stack, the heap or the patience of whoever runs the rig.
 *
 * <p>The caps are far above any real file (in the repository: at most 7 KB, lines of 160 characters,
 * 5 levels of nesting, 231 values) and far below what would hurt:
 *
 * @param maxFileBytes the file's size in bytes (and a text's length in characters): reading is linear,
 *     this bounds the heap and the time of the whole read
 * @param maxLineChars one line's length in characters: SnakeYAML looks ahead within a line in time
 *     quadratic in the line's length (one 8 MB comment line took 23 s); at this cap a line costs
 *     well under a millisecond
 * @param maxDepth how many collections (mappings, lists) may be open at once, counting what an alias
 *     brings in: composing and every reader recurse once per level (3000 levels overflowed the stack)
 * @param maxAliases aliases to collections, SnakeYAML's own {@code maxAliasesForCollections}
 * @param maxValues values (scalars and collections) in the document with every alias expanded: an alias
 *     is as much work for a reader as what it stands for ("billion laughs")
 */
public record YamlLimits(int maxFileBytes, int maxLineChars, int maxDepth, int maxAliases, int maxValues) {
    /** The caps of every input file. */
    public static final YamlLimits INPUT_FILES = new YamlLimits(1 << 20, 16_384, 50, 50, 200_000);

    public YamlLimits {
        if (maxFileBytes < 1 || maxLineChars < 1 || maxDepth < 1 || maxAliases < 0 || maxValues < 1) {
            throw new IllegalArgumentException("YAML limits must be positive: " + maxFileBytes + ", " + maxLineChars
                    + ", " + maxDepth + ", " + maxAliases + ", " + maxValues);
        }
    }
}
