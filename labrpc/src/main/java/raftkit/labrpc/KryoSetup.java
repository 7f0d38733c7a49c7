package raftkit.labrpc;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objenesis.strategy.StdInstantiatorStrategy;

/** Builds the codec's Kryo instances, all configured the same way so bytes from one decode in another. */
final class KryoSetup {

    /**
     * Registered in this fixed order in every instance: a registered class is written as a small number instead of
     * its name, which keeps the encoding as compact as the lab's byte tests expect.
     */
    private static final Class<?>[] COMMON = {
        byte[].class, int[].class, long[].class, boolean[].class, String[].class, Object[].class,
        ArrayList.class, LinkedList.class, HashMap.class, LinkedHashMap.class, TreeMap.class,
        HashSet.class, LinkedHashSet.class, TreeSet.class,
    };

    private KryoSetup() {
    }

    static Kryo newKryo(int maxDepth) {
        return newKryo(maxDepth, new RecordSerializer.Factory());
    }

    /** The same Kryo with another serializer for records; a test compares ours with Kryo's own this way. */
    static Kryo newKryo(int maxDepth, SerializerFactory<?> records) {
        Kryo kryo = new CheckingKryo();
        kryo.setRegistrationRequired(false);
        // No reference tracking: like gob, values are trees; it saves a byte per object and a map lookup.
        kryo.setReferences(false);
        kryo.setMaxDepth(maxDepth);
        // Classes without a no-arg constructor (e.g. with final fields) are still decodable.
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        kryo.addDefaultSerializer(Collection.class, new JdkViewSerializers.CollectionFactory());
        kryo.addDefaultSerializer(Map.class, new JdkViewSerializers.MapFactory());
        kryo.addDefaultSerializer(Record.class, records);
        for (Class<?> type : COMMON) {
            kryo.register(type);
        }
        return kryo;
    }

    /**
     * A Kryo that reports each class it meets to {@link CodecWarnings}. Kryo asks for a default serializer once per
     * class it has not been told of in advance, which is the first time it meets it; the classes registered in
     * advance are the JDK's own, which the checks pass anyway.
     */
    private static final class CheckingKryo extends Kryo {
        @Override
        @SuppressWarnings("rawtypes") // Kryo's signature
        public Serializer getDefaultSerializer(Class type) {
            CodecWarnings.check(type);
            return super.getDefaultSerializer(type);
        }
    }
}
