package raftkit.tester;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The student's RPC records, found through the handlers of the student's {@code Raft} class, and how part 3X builds
 * and reads them by their Figure 2 component names. A record or handler that lacks what part 3X needs fails the
 * test with a message naming the record and the missing component.
 */
final class MessageShapes {

    private final Class<?> raft;
    private final Map<Rpc, Method> handlers = new EnumMap<>(Rpc.class);

    private MessageShapes(Class<?> raft) {
        this.raft = raft;
    }

    /** The shapes of {@code raft}'s messages; RequestVote and AppendEntries are checked now, InstallSnapshot when used. */
    static MessageShapes of(Class<?> raft) {
        MessageShapes shapes = new MessageShapes(raft);
        shapes.handler(Rpc.REQUEST_VOTE);
        shapes.handler(Rpc.APPEND_ENTRIES);
        return shapes;
    }

    /** The student's handler of {@code rpc}, with its args and reply records checked. */
    synchronized Method handler(Rpc rpc) {
        Method found = handlers.get(rpc);
        if (found != null) {
            return found;
        }
        Method method = Arrays.stream(raft.getMethods())
                .filter(m -> m.getName().equals(rpc.handler()) && m.getParameterCount() == 1
                        && !Modifier.isStatic(m.getModifiers()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(String.format(
                        "part 3X: %s has no public handler %s(args) for %s RPCs (the name is part of the kit's contract)",
                        raft.getSimpleName(), rpc.handler(), rpc.paperName())));
        requireRecord(method.getParameterTypes()[0], rpc.argsComponents());
        requireRecord(method.getReturnType(), rpc.replyComponents());
        if (rpc == Rpc.APPEND_ENTRIES) {
            requireRecord(entryType(component(method.getParameterTypes()[0], "entries")), List.of("term", "command"));
        }
        handlers.put(rpc, method);
        return method;
    }

    Class<?> argsType(Rpc rpc) {
        return handler(rpc).getParameterTypes()[0];
    }

    Class<?> replyType(Rpc rpc) {
        return handler(rpc).getReturnType();
    }

    /** Builds the student's args record of {@code rpc} from Figure 2 names; other components get defaults. */
    Object args(Rpc rpc, Map<String, Object> values) {
        return build(argsType(rpc), values);
    }

    /** Builds the student's reply record of {@code rpc}. */
    Object reply(Rpc rpc, Map<String, Object> values) {
        return build(replyType(rpc), values);
    }

    private static void requireRecord(Class<?> type, List<String> names) {
        if (!type.isRecord()) {
            throw new AssertionError(String.format("part 3X: %s must be a record with components %s",
                    type.getName(), names));
        }
        for (String name : names) {
            component(type, name);
        }
    }

    private static RecordComponent component(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(String.format(
                        "part 3X: record %s has no component '%s' (part 3X builds and reads messages by their"
                                + " Figure 2 names; see the README)", record.getSimpleName(), name)));
    }

    /** The entry record of an {@code entries} component typed {@code List<E>} or {@code E[]}. */
    private static Class<?> entryType(RecordComponent entries) {
        Type type = entries.getGenericType();
        if (type instanceof Class<?> array && array.isArray()) {
            return array.getComponentType();
        }
        if (type instanceof GenericArrayType array && array.getGenericComponentType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType list && list.getActualTypeArguments()[0] instanceof Class<?> c
                && List.class.isAssignableFrom((Class<?>) list.getRawType())) {
            return c;
        }
        throw new AssertionError("part 3X: the component 'entries' of " + entries.getDeclaringRecord().getSimpleName()
                + " must be a List<E> or an E[] of an entry record with components term and command");
    }

    static Object build(Class<?> record, Map<String, Object> values) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            args[i] = values.containsKey(c.getName()) ? convert(c, values.get(c.getName())) : defaultFor(c);
        }
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new AssertionError("part 3X: the constructor of " + record.getSimpleName() + " threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("part 3X: cannot build a " + record.getSimpleName() + ": " + e, e);
        }
    }

    private static Object defaultFor(RecordComponent c) {
        Class<?> type = c.getType();
        if (c.getName().equals("done") && (type == boolean.class || type == Boolean.class)) {
            return true; // Figure 13: part 3X sends every snapshot in one piece
        }
        if (!type.isPrimitive()) {
            return null;
        }
        return type == boolean.class ? false : convertNumber(0, type);
    }

    private static Object convert(RecordComponent c, Object value) {
        Class<?> type = c.getType();
        if (c.getName().equals("entries") && value instanceof List<?> entries) {
            return studentEntries(c, entries);
        }
        if (value instanceof Number n && (type.isPrimitive() || Number.class.isAssignableFrom(type))) {
            return convertNumber(n, type);
        }
        return value;
    }

    private static Object studentEntries(RecordComponent c, List<?> entries) {
        Class<?> entryType = entryType(c);
        List<Object> built = new ArrayList<>();
        for (Object e : entries) {
            Entry entry = (Entry) e;
            built.add(build(entryType, Map.of("term", entry.term(), "command", entry.command())));
        }
        if (c.getType().isArray()) {
            Object array = java.lang.reflect.Array.newInstance(entryType, built.size());
            for (int i = 0; i < built.size(); i++) {
                java.lang.reflect.Array.set(array, i, built.get(i));
            }
            return array;
        }
        return built;
    }

    private static Object convertNumber(Number n, Class<?> type) {
        if (type == long.class || type == Long.class) {
            return n.longValue();
        } else if (type == short.class || type == Short.class) {
            return n.shortValue();
        } else if (type == byte.class || type == Byte.class) {
            return n.byteValue();
        }
        return n.intValue();
    }
}
