package raftkit.labrpc;

import java.util.Map;

/** Small reflection helpers shared by the codec and the dispatcher. */
final class Types {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, char.class, Character.class,
            short.class, Short.class, int.class, Integer.class, long.class, Long.class,
            float.class, Float.class, double.class, Double.class, void.class, Void.class);

    private Types() {
    }

    /** The wrapper class of a primitive type, or the type itself. */
    static Class<?> box(Class<?> type) {
        return BOXES.getOrDefault(type, type);
    }

    /** True for the JDK's own classes, whose internals the codec leaves to Kryo's serializers. */
    static boolean isJdk(Class<?> type) {
        String name = type.getName();
        return type.isPrimitive() || name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }
}
