package raftkit.labrpc;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Writes a record as its components, in the same bytes as Kryo's own record serializer, but with each accessor and
 * the canonical constructor bound once per class instead of called through reflection for every object. Raft's
 * messages and persistent state are records holding lists of records, so this path carries nearly every byte the
 * kit encodes; {@code int}, {@code long} and {@code boolean} components are written straight from the accessor,
 * without boxing or a serializer lookup.
 */
final class RecordSerializer extends Serializer<Record> {

    /** The component kinds written without Kryo's help; everything else goes through Kryo as before. */
    private enum Kind { INT, LONG, BOOLEAN, OTHER_PRIMITIVE, FINAL, ANY }

    /** One component: how to read it from a record and how it is written. */
    private record Component(String name, Class<?> type, int index, Kind kind, MethodHandle getter) {
    }

    private final Component[] components;
    /** What Kryo writes before an {@code Integer} it was given as an {@code Object}: its registered class id, plus 2. */
    private final int integerClassTag;
    /** The canonical constructor, taking the component values as an {@code Object[]} in declaration order. */
    private final MethodHandle constructor;

    private RecordSerializer(Kryo kryo, Class<?> type) {
        super(false, true); // no nulls handled here; records are immutable, so a copy may share them
        integerClassTag = kryo.getRegistration(Integer.class).getId() + 2;
        RecordComponent[] declared = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[declared.length];
        Component[] byName = new Component[declared.length];
        try {
            for (int i = 0; i < declared.length; i++) {
                Class<?> componentType = declared[i].getType();
                parameterTypes[i] = componentType;
                Method accessor = declared[i].getAccessor();
                accessor.setAccessible(true);
                Kind kind = kindOf(kryo, componentType);
                MethodHandle getter = MethodHandles.lookup().unreflect(accessor)
                        .asType(MethodType.methodType(getterReturn(kind, componentType), Object.class));
                byName[i] = new Component(declared[i].getName(), componentType, i, kind, getter);
            }
            Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
            canonical.setAccessible(true);
            constructor = MethodHandles.lookup().unreflectConstructor(canonical)
                    .asSpreader(Object[].class, declared.length)
                    .asType(MethodType.methodType(Record.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new KryoException("cannot serialize record " + type.getName() + ": " + e, e);
        }
        // Kryo's record serializer writes the components sorted by name; the same order keeps the same bytes.
        Arrays.sort(byName, Comparator.comparing(Component::name));
        components = byName;
    }

    private static Kind kindOf(Kryo kryo, Class<?> type) {
        if (type == int.class) {
            return Kind.INT;
        } else if (type == long.class) {
            return Kind.LONG;
        } else if (type == boolean.class) {
            return Kind.BOOLEAN;
        } else if (type.isPrimitive()) {
            return Kind.OTHER_PRIMITIVE;
        }
        return kryo.isFinal(type) ? Kind.FINAL : Kind.ANY;
    }

    private static Class<?> getterReturn(Kind kind, Class<?> type) {
        return switch (kind) {
            case INT, LONG, BOOLEAN -> type;
            default -> Object.class;
        };
    }

    @Override
    public void write(Kryo kryo, Output output, Record object) {
        for (Component c : components) {
            try {
                switch (c.kind) {
                    case INT -> output.writeVarInt((int) c.getter.invokeExact((Object) object), false);
                    case LONG -> output.writeVarLong((long) c.getter.invokeExact((Object) object), false);
                    case BOOLEAN -> output.writeBoolean((boolean) c.getter.invokeExact((Object) object));
                    case OTHER_PRIMITIVE -> kryo.writeObject(output, (Object) c.getter.invokeExact((Object) object));
                    case FINAL -> kryo.writeObjectOrNull(output, (Object) c.getter.invokeExact((Object) object), c.type);
                    case ANY -> writeAny(kryo, output, (Object) c.getter.invokeExact((Object) object));
                    default -> throw new AssertionError(c.kind);
                }
            } catch (Throwable t) { // invokeExact declares Throwable
                throw traced(t, c);
            }
        }
    }

    /**
     * Writes a component declared as {@code Object} (or an interface). Most often it holds an {@code Integer}: every
     * command of the lab's tests is one, and each persist writes all of the log's. That case is written here, in
     * the bytes Kryo would write (the class tag, then the value as a varint), without Kryo's per-object lookups,
     * which cost about a third of encoding an entry; anything else goes through Kryo.
     */
    private void writeAny(Kryo kryo, Output output, Object value) {
        if (value instanceof Integer i) {
            output.writeVarInt(integerClassTag, true);
            output.writeVarInt(i, false);
        } else {
            kryo.writeClassAndObject(output, value);
        }
    }

    @Override
    public Record read(Kryo kryo, Input input, Class<? extends Record> type) {
        Object[] values = new Object[components.length];
        for (Component c : components) {
            try {
                values[c.index] = switch (c.kind) {
                    case INT -> input.readVarInt(false);
                    case LONG -> input.readVarLong(false);
                    case BOOLEAN -> input.readBoolean();
                    case OTHER_PRIMITIVE -> kryo.readObject(input, c.type);
                    case FINAL -> kryo.readObjectOrNull(input, c.type);
                    case ANY -> kryo.readClassAndObject(input);
                };
            } catch (RuntimeException e) {
                throw traced(e, c);
            }
        }
        try {
            return (Record) constructor.invokeExact(values);
        } catch (Throwable t) {
            KryoException e = new KryoException(t);
            e.addTrace("the canonical constructor of " + type.getName());
            throw e;
        }
    }

    /** {@code t} as a KryoException whose trace names the component, so the error says where in the value it arose. */
    private static KryoException traced(Throwable t, Component c) {
        KryoException e = t instanceof KryoException k ? k : new KryoException(t);
        e.addTrace(c.name + " (" + c.type.getName() + ")");
        return e;
    }

    /** Picks this serializer for every record class. */
    @SuppressWarnings("rawtypes") // Kryo's interface takes a raw Class
    static final class Factory implements SerializerFactory<RecordSerializer> {
        @Override
        public RecordSerializer newSerializer(Kryo kryo, Class type) {
            return new RecordSerializer(kryo, type);
        }

        @Override
        public boolean isSupported(Class type) {
            return type.isRecord();
        }
    }
}
