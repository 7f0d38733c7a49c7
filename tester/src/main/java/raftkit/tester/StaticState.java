package raftkit.tester;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether the classes of a peer's package can hold state between incarnations: the peer host loads them once for
 * all incarnations when they cannot ({@link PeerHostMain}), and afresh for every incarnation otherwise, so that a
 * static field never outlives a crash. A loader of its own costs each new peer its class loading, its codec set-up
 * and its compiled code, which the peer host would otherwise pay once.
 *
 * <p>A class holds nothing a reload would reset when every static field is a primitive or a {@code String} that is
 * {@code final}, an enum's own constant, or one the compiler made (an enum switch's table, the assertion flag),
 * and, for an enum, every instance field is {@code final} and a primitive, a {@code String} or an enum. Anything
 * else (a counter, a {@code static final} list or random generator, an enum constant with a field that changes)
 * could carry a value from one incarnation to the next. The classes are loaded but not initialized: none of the
 * student's code runs here.
 */
final class StaticState {

    private StaticState() {
    }

    /**
     * The first field of {@code packageName}'s classes in {@code roots} that could hold state, as
     * {@code Class.field}, or a sentence saying why the classes could not be read; empty when there is none.
     * {@code loader} loads them (an incarnation's, before any of them is initialized).
     */
    static Optional<String> find(String packageName, List<Path> roots, ClassLoader loader) {
        List<String> names;
        try {
            names = classNames(packageName, roots);
        } catch (IOException e) {
            return Optional.of("the classes could not be listed: " + e.getMessage());
        }
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.of(name + " could not be loaded: " + e);
            }
            Optional<String> field = stateIn(type);
            if (field.isPresent()) {
                return field;
            }
        }
        return Optional.empty();
    }

    /** The first field of {@code type} that could hold state between incarnations, as {@code Class.field}. */
    static Optional<String> stateIn(Class<?> type) {
        boolean isEnum = Enum.class.isAssignableFrom(type);
        Field[] fields;
        try {
            fields = type.getDeclaredFields();
        } catch (LinkageError e) {
            return Optional.of(type.getName() + "'s fields could not be read: " + e);
        }
        for (Field field : fields) {
            boolean holdsState = Modifier.isStatic(field.getModifiers())
                    ? !field.isSynthetic() && !field.isEnumConstant() && !isConstant(field)
                    : isEnum && !(isConstant(field) || Modifier.isFinal(field.getModifiers())
                            && field.getType().isEnum());
            if (holdsState) {
                return Optional.of(type.getName() + "." + field.getName());
            }
        }
        return Optional.empty();
    }

    private static boolean isConstant(Field field) {
        return Modifier.isFinal(field.getModifiers())
                && (field.getType().isPrimitive() || field.getType() == String.class);
    }

    /** The classes of the package itself (not of packages below it) in each root, a folder or a jar. */
    private static List<String> classNames(String packageName, List<Path> roots) throws IOException {
        String folder = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                Path dir = root.resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.map(f -> f.getFileName().toString()).filter(StaticState::isClassFile)
                                .forEach(f -> names.add(folder.replace('/', '.') + strip(f)));
                    }
                }
            } else if (Files.isRegularFile(root)) {
                try (ZipFile jar = new ZipFile(root.toFile())) {
                    jar.stream().map(ZipEntry::getName)
                            .filter(e -> e.startsWith(folder) && e.indexOf('/', folder.length()) < 0)
                            .filter(e -> isClassFile(e.substring(folder.length())))
                            .forEach(e -> names.add(strip(e).replace('/', '.')));
                }
            }
        }
        return names;
    }

    /** A class file of a class (not {@code package-info} or {@code module-info}, whose names have a dash). */
    private static boolean isClassFile(String fileName) {
        return fileName.endsWith(".class") && fileName.indexOf('-') < 0;
    }

    private static String strip(String fileName) {
        return fileName.substring(0, fileName.length() - ".class".length());
    }
}
