package raftkit.labrpc;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A server on the network: a set of services, and a count of the RPCs delivered to it. */
public final class Server {

    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    public Server() {
    }

    /** Adds a service; a service with the same name replaces the old one. */
    public void addService(Service service) {
        if (service == null) {
            throw new IllegalArgumentException("labrpc: addService(null)");
        }
        services.put(service.name(), service);
    }

    /** RPCs delivered to this server. */
    public int getCount() {
        return count.get();
    }

    /**
     * Counts one delivered RPC, then finds its handler and decodes its args. Go counts before the lookup, so an
     * RPC to an unknown service is counted too.
     *
     * @throws IllegalArgumentException for an unknown service or method, or args of the wrong type
     */
    Invocation dispatch(String serviceMethod, byte[] args) {
        count.incrementAndGet();
        int dot = serviceMethod.lastIndexOf('.');
        String serviceName = serviceMethod.substring(0, dot);
        Service service = services.get(serviceName);
        if (service == null) {
            throw new IllegalArgumentException("labrpc.Server.dispatch(): unknown service " + serviceName + " in "
                    + serviceMethod + "; expecting one of " + new TreeSet<>(services.keySet()));
        }
        return service.prepare(serviceMethod.substring(dot + 1), serviceMethod, args);
    }
}
