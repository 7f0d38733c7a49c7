package raftkit.labrpc;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * The codec's labgob-style checks: each class the codec meets is inspected once, and what cannot cross the network
 * faithfully is reported on standard error as {@code labrpc warning: ...}. Like labgob, a warning does not fail the
 * encoding; it explains a surprise the student would otherwise debug for hours.
 */
final class CodecWarnings {

    /** Field types that are machinery of the sending peer, never data: a copy of them means nothing remotely. */
    private static final Class<?>[] MACHINERY = {
        Thread.class, Lock.class, ReadWriteLock.class, Condition.class, Executor.class, Future.class, Queue.class,
    };

    private static final AtomicInteger COUNT = new AtomicInteger();

    private static final ClassValue<Boolean> CHECKED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            inspect(type);
            return Boolean.TRUE;
        }
    };

    private CodecWarnings() {
    }

    static int count() {
        return COUNT.get();
    }

    /** Inspects {@code type} the first time it is seen; later calls are a cheap lookup. */
    static void check(Class<?> type) {
        if (type != null) {
            CHECKED.get(type);
        }
    }

    private static void inspect(Class<?> type) {
        if (type.isHidden() || type.isSynthetic()) {
            warn("a lambda (" + type.getName() + ") cannot be sent or persisted; use a record");
            return;
        }
        if (type.isArray() || Types.isJdk(type)) {
            return;
        }
        for (Class<?> c = type; c != null && !Types.isJdk(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                inspectField(type, field);
            }
        }
    }

    private static void inspectField(Class<?> owner, Field field) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)) {
            return;
        }
        String where = field.getName() + " of " + owner.getName();
        if (field.isSynthetic() && field.getName().startsWith("this$")) {
            warn(owner.getName() + " is an inner class: its hidden link to the enclosing object is not carried"
                    + " (make it a static nested class or a record)");
        } else if (Modifier.isTransient(modifiers)) {
            warn("transient field " + where + " is not carried; the copy gets the value a new object starts with");
        } else if (isMachinery(field.getType())) {
            warn("field " + where + " holds a " + field.getType().getName()
                    + ": threads, locks, executors and queues cannot be sent or persisted");
        }
    }

    private static boolean isMachinery(Class<?> type) {
        for (Class<?> machinery : MACHINERY) {
            if (machinery.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    private static void warn(String message) {
        COUNT.incrementAndGet();
        System.err.println("labrpc warning: " + message);
    }
}
