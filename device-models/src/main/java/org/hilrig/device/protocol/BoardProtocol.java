package org.hilrig.device.protocol;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one board speaks of protocol version 1: the commands it executes (every other is answered
 * {@code NAK 02}) and the events it may send. An immutable value; the sets iterate in declaration order of
 * {@link Command} and {@link Event}.
 *
 * @param commands the commands the board answers without {@code NAK 02}
 * @param events the events the board may send
 */
public record BoardProtocol(Set<Command> commands, Set<Event> events) {
    /** Copies both sets; neither may be null. */
    public BoardProtocol {
        commands = Collections.unmodifiableSet(copy(Command.class, commands));
        events = Collections.unmodifiableSet(copy(Event.class, events));
    }

    /** True when the board executes {@code c}. */
    public boolean speaks(Command c) {
        return commands.contains(c);
    }

    /** True when the board may send {@code e}. */
    public boolean sends(Event e) {
        return events.contains(e);
    }

    /** The commands' wire names, in declaration order. */
    public Set<String> commandNames() {
        return names(commands);
    }

    /** The events' wire names, in declaration order. */
    public Set<String> eventNames() {
        return names(events);
    }

    private static <E extends Enum<E>> EnumSet<E> copy(Class<E> type, Set<E> from) {
        EnumSet<E> s = EnumSet.noneOf(type);
        s.addAll(from);
        return s;
    }

    private static Set<String> names(Set<? extends Enum<?>> values) {
        Set<String> names = new LinkedHashSet<>();
        for (Enum<?> v : values) {
            names.add(v.name());
        }
        return Collections.unmodifiableSet(names);
    }
}
