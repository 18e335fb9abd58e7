package org.hilrig.runner.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hilrig.timing.BadInputException;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * SnakeYAML's event parser with the caps it lacks: nesting depth, values with aliases expanded, and aliases
 * to a collection from inside it. The parser itself is not recursive; its {@code Composer} is, one call
 * per level, so the depth is checked here, on the events, before the composer descends. An alias counts
 * for what it stands for: its depth below where it is used and every value it brings in. An alias to a
 * collection that is still open (a cycle) is refused: every reader would walk it forever.
 *
 * <p>Everything else (the count of aliases, syntax) is left to SnakeYAML. Confined to one thread.
 */
final class BoundedEvents implements Parser {
    /** What an anchored value amounts to: its values with aliases expanded, its height in collections. */
    private static final class Extent {
        long values;
        int height;
        boolean open = true;
    }

    /** A collection being read. */
    private static final class Open {
        final Extent anchored;
        final long valuesBefore;
        int tallestChild;

        Open(Extent anchored, long valuesBefore) {
            this.anchored = anchored;
            this.valuesBefore = valuesBefore;
        }
    }

    private final Parser parser;
    private final String source;
    private final YamlLimits limits;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<Anchor, Extent> anchors = new HashMap<>();
    private long values;
    private Mark lastMark;

    BoundedEvents(Parser parser, String source, YamlLimits limits) {
        this.parser = parser;
        this.source = source;
        this.limits = limits;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event e = parser.next();
        lastMark = e.getStartMark().orElse(lastMark);
        switch (e.getEventId()) {
            case SequenceStart, MappingStart -> {
                if (open.size() >= limits.maxDepth()) {
                    throw refused(e, "nested more than " + limits.maxDepth() + " levels deep (allowed: "
                            + limits.maxDepth() + ")");
                }
                Extent anchored = anchorOf(e).map(this::define).orElse(null);
                count(e, 1);
                open.push(new Open(anchored, values - 1));
            }
            case SequenceEnd, MappingEnd -> {
                Open closed = open.pop();
                int height = closed.tallestChild + 1;
                if (closed.anchored != null) {
                    closed.anchored.values = values - closed.valuesBefore;
                    closed.anchored.height = height;
                    closed.anchored.open = false;
                }
                child(height);
            }
            case Scalar -> {
                anchorOf(e).map(this::define).ifPresent(x -> {
                    x.values = 1;
                    x.open = false;
                });
                count(e, 1);
            }
            case Alias -> alias((AliasEvent) e);
            default -> {
                // stream and document boundaries, comments: nothing to count
            }
        }
        return e;
    }

    private void alias(AliasEvent e) {
        Extent x = anchors.get(e.getAlias());
        if (x == null) {
            return; // the composer reports an undefined alias
        }
        if (x.open) {
            throw refused(e, "alias *" + e.getAlias().getValue() + " refers to a collection that contains it"
                    + " (a cycle; allowed: aliases to values defined before)");
        }
        if (open.size() + x.height > limits.maxDepth()) {
            throw refused(e, "alias *" + e.getAlias().getValue() + " nests what it stands for " + (open.size() + x.height)
                    + " levels deep (allowed: " + limits.maxDepth() + ")");
        }
        count(e, x.values);
        child(x.height);
    }

    private Optional<Anchor> anchorOf(Event e) {
        return e instanceof NodeEvent n ? n.getAnchor() : Optional.empty();
    }

    private Extent define(Anchor a) {
        Extent x = new Extent();
        anchors.put(a, x); // a later anchor of the same name replaces the earlier one, as in the composer
        return x;
    }

    private void count(Event e, long n) {
        values += n;
        if (values > limits.maxValues()) {
            throw refused(e, "more than " + limits.maxValues() + " values"
                    + (e instanceof AliasEvent ? " with aliases expanded" : "") + " (allowed: " + limits.maxValues() + ")");
        }
    }

    private void child(int height) {
        Open parent = open.peek();
        if (parent != null && height > parent.tallestChild) {
            parent.tallestChild = height;
        }
    }

    /** Where the last event handed out started: the place of a problem SnakeYAML reports without one. */
    Optional<Mark> lastMark() {
        return Optional.ofNullable(lastMark);
    }

    private BadInputException refused(Event e, String what) {
        Mark m = e.getStartMark().orElse(null);
        return new BadInputException(source, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, what);
    }
}
