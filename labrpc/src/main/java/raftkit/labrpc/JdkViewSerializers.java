package raftkit.labrpc;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serializers for the JDK's collection views that Kryo cannot rebuild: {@code Collections.unmodifiableList},
 * {@code synchronizedList}, {@code subList}, {@code Arrays.asList} and the like have no no-arg constructor (and
 * their internals are closed to reflection). They are written as their elements and read back as an
 * {@code ArrayList}, {@code LinkedHashSet} or {@code LinkedHashMap}; an unmodifiable view stays unmodifiable.
 */
final class JdkViewSerializers {

    private JdkViewSerializers() {
    }

    /** A JDK collection class that Kryo's own serializers cannot instantiate. */
    static boolean isView(Class<?> type) {
        String name = type.getName();
        if (!name.startsWith("java.util.") || name.startsWith("java.util.ImmutableCollections$")) {
            return false;
        }
        try {
            return !java.lang.reflect.Modifier.isPublic(type.getConstructor().getModifiers())
                    || !java.lang.reflect.Modifier.isPublic(type.getModifiers());
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    private static boolean isUnmodifiable(Class<?> type) {
        return type.getName().contains("Unmodifiable");
    }

    /** Picks {@link CollectionView} for collection views only. */
    @SuppressWarnings("rawtypes") // Kryo's interface takes a raw Class
    static final class CollectionFactory implements SerializerFactory<CollectionView> {
        @Override
        public CollectionView newSerializer(Kryo kryo, Class type) {
            return new CollectionView();
        }

        @Override
        public boolean isSupported(Class type) {
            return isView(type);
        }
    }

    /** Picks {@link MapView} for map views only. */
    @SuppressWarnings("rawtypes") // Kryo's interface takes a raw Class
    static final class MapFactory implements SerializerFactory<MapView> {
        @Override
        public MapView newSerializer(Kryo kryo, Class type) {
            return new MapView();
        }

        @Override
        public boolean isSupported(Class type) {
            return isView(type);
        }
    }

    /** Writes a collection view as its size and elements. */
    static final class CollectionView extends Serializer<Collection<Object>> {
        @Override
        public void write(Kryo kryo, Output output, Collection<Object> value) {
            output.writeVarInt(value.size(), true);
            for (Object element : value) {
                kryo.writeClassAndObject(output, element);
            }
        }

        @Override
        public Collection<Object> read(Kryo kryo, Input input, Class<? extends Collection<Object>> type) {
            int size = input.readVarInt(true);
            boolean set = Set.class.isAssignableFrom(type);
            Collection<Object> result = set ? new LinkedHashSet<>() : new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                result.add(kryo.readClassAndObject(input));
            }
            if (!isUnmodifiable(type)) {
                return result;
            }
            if (set) {
                return Collections.unmodifiableSet((Set<Object>) result);
            }
            return List.class.isAssignableFrom(type)
                    ? Collections.unmodifiableList((List<Object>) result) : Collections.unmodifiableCollection(result);
        }
    }

    /** Writes a map view as its size and entries. */
    static final class MapView extends Serializer<Map<Object, Object>> {
        @Override
        public void write(Kryo kryo, Output output, Map<Object, Object> value) {
            output.writeVarInt(value.size(), true);
            for (Map.Entry<Object, Object> entry : value.entrySet()) {
                kryo.writeClassAndObject(output, entry.getKey());
                kryo.writeClassAndObject(output, entry.getValue());
            }
        }

        @Override
        public Map<Object, Object> read(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
            int size = input.readVarInt(true);
            Map<Object, Object> result = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                Object key = kryo.readClassAndObject(input);
                result.put(key, kryo.readClassAndObject(input));
            }
            return isUnmodifiable(type) ? Collections.unmodifiableMap(result) : result;
        }
    }
}
