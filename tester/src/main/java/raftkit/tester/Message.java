package raftkit.tester;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A student's RPC record, read by its Figure 2 component names: the values of its components (the entries of an
 * {@code entries} component as {@link Entry} values) and its own text. A plain value, read where the student's
 * classes are (this JVM, or the peer host), so the tester never runs the student's code to look at a message.
 */
public final class Message {

    private final String type;
    private final String text;
    private final Map<String, Object> components;

    private Message(String type, String text, Map<String, Object> components) {
        this.type = type;
        this.text = text;
        this.components = components;
    }

    /** Reads every component of {@code record} through its accessor. */
    static Message of(Object record) {
        Class<?> recordType = record.getClass();
        if (!recordType.isRecord()) {
            throw new AssertionError("part 3X: " + recordType.getName() + " is not a record");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            Object value = read(record, component);
            values.put(component.getName(), component.getName().equals("entries") ? entries(value) : value);
        }
        return new Message(recordType.getSimpleName(), String.valueOf(record), values);
    }

    private static Object read(Object record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("part 3X: cannot read " + component.getName() + " of "
                    + record.getClass().getSimpleName(), e);
        }
    }

    private static List<Entry> entries(Object value) {
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
            Message entry = of(e);
            entries.add(new Entry(entry.intOf("term"), entry.get("command")));
        }
        return entries;
    }

    /** The value of component {@code name}, e.g. {@code term}. */
    public Object get(String name) {
        if (!components.containsKey(name)) {
            throw new AssertionError(String.format("part 3X: record %s has no component '%s'", type, name));
        }
        return components.get(name);
    }

    public int intOf(String name) {
        Object value = get(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new AssertionError(String.format("part 3X: %s.%s is %s, not a number", type, name, value));
    }

    public boolean boolOf(String name) {
        Object value = get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new AssertionError(String.format("part 3X: %s.%s is %s, not a boolean", type, name, value));
    }

    /**
     * Whether the record has a boolean component {@code name} that is true; false if it has none. Part 3X reads a
     * pre-vote (part 3E) this way: a vote request whose {@code preVote} component is true.
     */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(components.get(name));
    }

    public int term() {
        return intOf("term");
    }

    /** The {@code entries} component, each entry read by its {@code term} and {@code command} components. */
    @SuppressWarnings("unchecked") // of() stores entries as a List<Entry>
    public List<Entry> entries() {
        Object value = get("entries");
        return value == null ? List.of() : Collections.unmodifiableList((List<Entry>) value);
    }

    @Override
    public String toString() {
        return text;
    }
}
