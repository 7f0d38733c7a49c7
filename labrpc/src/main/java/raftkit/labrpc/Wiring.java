package raftkit.labrpc;

import java.util.HashMap;
import java.util.Map;

/**
 * Who is connected to whom (Go Network's maps and their lock): ends and whether each is enabled, servers by name,
 * and each end's server name. Every method takes the one lock, so a call sees a consistent view.
 */
final class Wiring {

    /** One end's route at one moment (Go readEndnameInfo). {@code server} is null if the name has none. */
    record Route(boolean enabled, Object serverName, Server server) {
        boolean delivers() {
            return enabled && serverName != null && server != null;
        }
    }

    private final Map<Object, ClientEnd> ends = new HashMap<>();
    private final Map<Object, Boolean> enabled = new HashMap<>();
    private final Map<Object, Server> servers = new HashMap<>(); // a deleted server's name maps to null
    private final Map<Object, Object> connections = new HashMap<>();

    synchronized void addEnd(Object endName, ClientEnd end) {
        if (ends.containsKey(endName)) {
            throw new IllegalArgumentException("labrpc: makeEnd: " + endName + " already exists");
        }
        ends.put(endName, end);
        enabled.put(endName, false);
        connections.put(endName, null);
    }

    synchronized void deleteEnd(Object endName) {
        requireEnd("deleteEnd", endName);
        ends.remove(endName);
        enabled.remove(endName);
        connections.remove(endName);
    }

    synchronized void putServer(Object serverName, Server server) {
        servers.put(serverName, server);
    }

    synchronized void connect(Object endName, Object serverName) {
        requireEnd("connect", endName);
        connections.put(endName, serverName);
    }

    synchronized void enable(Object endName, boolean enable) {
        requireEnd("enable", endName);
        enabled.put(endName, enable);
    }

    synchronized int getCount(Object serverName) {
        if (!servers.containsKey(serverName)) {
            throw new IllegalArgumentException("labrpc: getCount: no server named " + serverName + "; servers are "
                    + servers.keySet());
        }
        Server server = servers.get(serverName);
        return server == null ? 0 : server.getCount();
    }

    synchronized Route route(Object endName) {
        Object serverName = connections.get(endName);
        return new Route(enabled.getOrDefault(endName, false), serverName,
                serverName == null ? null : servers.get(serverName));
    }

    /** Go isServerDead: the end was disabled, or the name now maps to another server (or none). */
    synchronized boolean isServerDead(Object endName, Route route) {
        return !enabled.getOrDefault(endName, false) || servers.get(route.serverName()) != route.server();
    }

    private void requireEnd(String what, Object endName) {
        if (!ends.containsKey(endName)) {
            throw new IllegalArgumentException("labrpc: " + what + ": no end named " + endName + "; ends are "
                    + ends.keySet());
        }
    }
}
