package raftkit.tester;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The class loader of a peer incarnation in the peer host: the classes of the peer's own package come from the
 * peer's class roots, loaded afresh for every incarnation where they could hold static state, so no static field
 * outlives a crash and no two peers share one (where they cannot, every incarnation shares one loader, see
 * {@link StaticState}); everything else (the JDK, labrpc, the kit's API in {@code raftkit.raft.api}) is the peer
 * host's, shared by all.
 */
final class IncarnationLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final String ownPackage;

    IncarnationLoader(String peerClass, List<Path> roots, ClassLoader parent) {
        super("peer-incarnation", urls(roots), parent);
        int dot = peerClass.lastIndexOf('.');
        this.ownPackage = dot < 0 ? "" : peerClass.substring(0, dot);
    }

    private static URL[] urls(List<Path> roots) {
        URL[] urls = new URL[roots.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = roots.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad class root " + roots.get(i), e);
            }
        }
        return urls;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!ownPackage.equals(packageOf(name))) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> found = findLoadedClass(name);
            if (found == null) {
                try {
                    found = findClass(name);
                } catch (ClassNotFoundException e) {
                    found = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(found);
            }
            return found;
        }
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
