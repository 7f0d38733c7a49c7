package raftkit.tester;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A student's RPC record, read by its Figure 2 component names. */
public final class Message {

    private final Object record;

    Message(Object record) {
        this.record = record;
    }

    /** The value of component {@code name}, e.g. {@code term}. */
    public Object get(String name) {
        RecordComponent component = Arrays.stream(record.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(String.format("part 3X: record %s has no component '%s'",
                        record.getClass().getSimpleName(), name)));
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("part 3X: cannot read " + name + " of " + record.getClass().getSimpleName(), e);
        }
    }

    public int intOf(String name) {
        Object value = get(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new AssertionError(String.format("part 3X: %s.%s is %s, not a number",
                record.getClass().getSimpleName(), name, value));
    }

    public boolean boolOf(String name) {
        Object value = get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new AssertionError(String.format("part 3X: %s.%s is %s, not a boolean",
                record.getClass().getSimpleName(), name, value));
    }

    /**
     * Whether the record has a boolean component {@code name} that is true; false if it has none. Part 3X reads a
     * pre-vote (part 3E) this way: a vote request whose {@code preVote} component is true.
     */
    public boolean flag(String name) {
        return Arrays.stream(record.getClass().getRecordComponents())
                .anyMatch(c -> c.getName().equals(name) && c.getType() == boolean.class) && boolOf(name);
    }

    public int term() {
        return intOf("term");
    }

    /** The {@code entries} component, each entry read by its {@code term} and {@code command} components. */
    public List<Entry> entries() {
        Object value = get("entries");
        List<Object> raw = new ArrayList<>();
        if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                raw.add(Array.get(value, i));
            }
        } else if (value instanceof List<?> list) {
            raw.addAll(list);
        }
        List<Entry> entries = new ArrayList<>();
        for (Object e : raw) {
            Message entry = new Message(e);
            entries.add(new Entry(entry.intOf("term"), entry.get("command")));
        }
        return entries;
    }

    @Override
    public String toString() {
        return String.valueOf(record);
    }
}
