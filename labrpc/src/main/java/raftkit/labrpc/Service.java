package raftkit.labrpc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RPC handlers of one receiver object, found by reflection. The service's name is the receiver's simple class
 * name; a handler is a public instance method with one parameter (the args) that returns its reply. Other methods
 * are skipped silently, as Go's labrpc skips methods of the wrong shape.
 *
 * <p>A handler that throws or returns null does not vanish silently: the caller sees a lost RPC (empty), as if
 * the server had crashed mid-call, and the first such case of each handler is printed on standard error with the
 * handler's name.
 */
public final class Service {

    private final Object receiver;
    private final Forwarder forwarder;
    private final Relay relay;
    private final String name;
    private final Map<String, Method> handlers = new TreeMap<>();
    private final Set<String> overloaded = new TreeSet<>();
    private final Set<String> reportedFailures = ConcurrentHashMap.newKeySet();

    public Service(Object receiver) {
        if (receiver == null) {
            throw new IllegalArgumentException("labrpc: new Service(null)");
        }
        this.receiver = receiver;
        this.forwarder = null;
        this.relay = null;
        this.name = receiver.getClass().getSimpleName();
        for (Method method : receiver.getClass().getMethods()) {
            if (isHandler(method) && handlers.put(method.getName(), method) != null) {
                overloaded.add(method.getName());
            }
        }
    }

    /**
     * Runs the handlers of a receiver that lives in another process: it gets each call's encoded args and returns
     * the encoded reply, or null for a lost call.
     */
    @FunctionalInterface
    public interface Forwarder {
        /**
         * @throws IllegalArgumentException for an unknown method or args the handler does not take; the caller's
         *     {@code call} throws it, as it does for a local receiver
         */
        byte[] forward(String serviceMethod, byte[] args);
    }

    /**
     * Carries the calls of a receiver in another process without a thread of this JVM waiting for each: it sends
     * the call and returns at once, and the future completes when the answer comes.
     */
    @FunctionalInterface
    public interface Relay {
        /**
         * @return completes with the encoded reply, with null for a lost call, or exceptionally with an
         *     IllegalArgumentException (an unknown method, args the handler does not take) for the caller to throw
         */
        CompletableFuture<byte[]> send(String serviceMethod, byte[] args);
    }

    private Service(String name, Forwarder forwarder, Relay relay) {
        this.receiver = null;
        this.forwarder = forwarder;
        this.relay = relay;
        this.name = name;
    }

    /**
     * A service named {@code name} whose handlers {@code forwarder} runs elsewhere (the tester serves a peer
     * that runs in a peer host this way). The network's rules apply to its calls as to any other.
     */
    public static Service forwarding(String name, Forwarder forwarder) {
        if (name == null || forwarder == null) {
            throw new IllegalArgumentException("labrpc: Service.forwarding needs a name and a forwarder");
        }
        return new Service(name, forwarder, null);
    }

    /**
     * A service named {@code name} whose handlers run in another process, reached through {@code relay} (the
     * tester serves a peer in a peer host this way). Unlike {@link #forwarding}, no handler thread waits while a
     * call runs there: the reply wakes the caller directly. The network's rules apply to its calls as to any other.
     */
    public static Service relaying(String name, Relay relay) {
        if (name == null || relay == null) {
            throw new IllegalArgumentException("labrpc: Service.relaying needs a name and a relay");
        }
        return new Service(name, null, relay);
    }

    /** The service's name, e.g. {@code Raft}. */
    public String name() {
        return name;
    }

    private static boolean isHandler(Method method) {
        boolean shaped = method.getParameterCount() == 1 && method.getReturnType() != void.class
                && !Modifier.isStatic(method.getModifiers()) && !method.isBridge() && !method.isSynthetic()
                && method.getDeclaringClass() != Object.class;
        if (shaped) {
            try {
                // Handlers of a non-public class (e.g. a test's nested server) are public but not accessible.
                method.setAccessible(true);
            } catch (RuntimeException e) {
                return false;
            }
        }
        return shaped;
    }

    /**
     * Runs one call that arrived already encoded and returns the encoded reply, or null for a lost call (the
     * handler threw or returned null, reported as on the network). A peer host serves its peers' calls this way;
     * on the network a call goes through the {@link Server} instead.
     *
     * @throws IllegalArgumentException for an unknown method or args the handler does not take
     * @throws IllegalStateException for a {@link #relaying} service, whose calls only the network sends
     */
    public byte[] serve(String serviceMethod, byte[] args) {
        int dot = serviceMethod == null ? -1 : serviceMethod.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("labrpc: serve(\"" + serviceMethod + "\"): expected Service.method");
        }
        return prepare(serviceMethod.substring(dot + 1), serviceMethod, args).run();
    }

    /** Finds the handler and decodes the args into its parameter type (a fresh copy for the handler). */
    Invocation prepare(String methodName, String serviceMethod, byte[] args) {
        if (forwarder != null) {
            return Invocation.forwarded(forwarder, serviceMethod, args);
        }
        if (relay != null) {
            return Invocation.relayed(relay, serviceMethod, args);
        }
        Method method = handlers.get(methodName);
        if (method == null) {
            throw new IllegalArgumentException("labrpc.Service.dispatch(): unknown method " + methodName + " in "
                    + serviceMethod + "; expecting one of " + handlers.keySet());
        }
        if (overloaded.contains(methodName)) {
            throw new IllegalArgumentException("labrpc: " + serviceMethod + " is overloaded; give each handler its"
                    + " own name");
        }
        Class<?> argsType = method.getParameterTypes()[0];
        Object decoded;
        try {
            decoded = Codec.decode(args, argsType);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("labrpc: " + serviceMethod + " takes a " + argsType.getName()
                    + ", but the call's args do not decode as one: " + e.getMessage(), e);
        }
        if (decoded == null && argsType.isPrimitive()) {
            throw new IllegalArgumentException("labrpc: " + serviceMethod + " takes a " + argsType.getName()
                    + ", but the call's args are null");
        }
        return new Invocation(this, method, serviceMethod, decoded);
    }

    /** Runs the handler; returns its reply, or throws the handler's own exception (unwrapped). */
    Object invoke(Method method, Object args) throws Throwable {
        try {
            return method.invoke(receiver, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Prints why a handler's call was lost, the first time only, so a failing handler cannot flood the output.
     *
     * @param what    what the handler did, e.g. {@code returned null}
     * @param failure the exception it threw, printed with its stack, or null
     */
    void reportLost(String serviceMethod, String what, Throwable failure) {
        if (reportedFailures.add(serviceMethod)) {
            System.err.println("labrpc: handler " + serviceMethod + " " + what
                    + "; the caller sees a lost RPC (later failures of this handler are not printed)");
            if (failure != null) {
                failure.printStackTrace();
            }
        }
    }
}
