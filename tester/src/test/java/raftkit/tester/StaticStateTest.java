package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.tester.doubles.StaticLogRaft;
import raftkit.tester.doubles.stateless.LoaderIdRaft;

/** Which classes could carry a value from one peer incarnation to the next, and so need a loader each. */
class StaticStateTest {

    private static final String STATELESS = LoaderIdRaft.class.getPackageName();

    /** Constants only: nothing a reload would reset. */
    static final class Constants {
        static final int LIMIT = 3;
        static final String NAME = "x";
        private int changes; // an instance field belongs to one incarnation's object
    }

    static final class Counter {
        static int made;
    }

    static final class Holder {
        static final List<Object> SEEN = List.of();
    }

    enum Settled {
        ONE(1);

        private final int value;

        Settled(int value) {
            this.value = value;
        }
    }

    enum Changing {
        ONE;

        private int uses;
    }

    @Test
    void when_every_static_field_is_a_final_primitive_or_string_then_the_class_holds_no_state() {
        assertEquals(Optional.empty(), StaticState.stateIn(Constants.class));
    }

    @Test
    void when_a_static_field_is_not_final_then_it_is_named() {
        assertEquals(Optional.of(Counter.class.getName() + ".made"), StaticState.stateIn(Counter.class));
    }

    @Test
    void when_a_final_static_field_holds_an_object_then_it_is_named() {
        assertEquals(Optional.of(Holder.class.getName() + ".SEEN"), StaticState.stateIn(Holder.class));
        assertEquals(Optional.of(StaticLogRaft.class.getName() + ".LOG"), StaticState.stateIn(StaticLogRaft.class));
    }

    @Test
    void when_an_enum_keeps_final_values_then_it_holds_no_state_but_a_changing_field_is_named() {
        assertEquals(Optional.empty(), StaticState.stateIn(Settled.class));
        assertEquals(Optional.of(Changing.class.getName() + ".uses"), StaticState.stateIn(Changing.class));
    }

    @Test
    void when_a_package_has_constants_an_enum_and_a_switch_on_it_then_it_holds_no_state() {
        Path root = IsolatedPeers.rootOf(LoaderIdRaft.class.getName());
        assertEquals(Optional.empty(), StaticState.find(STATELESS, List.of(root), loader(root)));
    }

    @Test
    void when_one_class_of_the_package_keeps_a_static_then_the_package_holds_state() {
        Path root = IsolatedPeers.rootOf(StaticLogRaft.class.getName());
        Optional<String> found = StaticState.find(StaticLogRaft.class.getPackageName(), List.of(root), loader(root));
        assertTrue(found.isPresent(), "the doubles' package has StaticLogRaft.LOG");
    }

    @Test
    void when_the_classes_come_in_a_jar_then_they_are_read_from_it(@TempDir Path dir) throws IOException {
        Path folder = IsolatedPeers.rootOf(LoaderIdRaft.class.getName());
        Path jar = jarOf(folder, STATELESS, dir.resolve("stateless.jar"));
        assertEquals(Optional.empty(), StaticState.find(STATELESS, List.of(jar), loader(jar)));

        Path stateful = jarOf(folder, StaticLogRaft.class.getPackageName(), dir.resolve("doubles.jar"));
        assertTrue(StaticState.find(StaticLogRaft.class.getPackageName(), List.of(stateful), loader(stateful))
                .isPresent());
    }

    @Test
    void when_a_class_cannot_be_loaded_then_the_package_counts_as_holding_state(@TempDir Path dir)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve(STATELESS.replace('.', '/')));
        Files.writeString(folder.resolve("Broken.class"), "not a class file");
        Optional<String> found = StaticState.find(STATELESS, List.of(dir), loader(dir));
        assertTrue(found.orElseThrow().startsWith(STATELESS + ".Broken could not be loaded: "), found.get());
    }

    private static ClassLoader loader(Path root) {
        return new IncarnationLoader(LoaderIdRaft.class.getName(), List.of(root), StaticStateTest.class.getClassLoader());
    }

    /** A jar of the class files of {@code packageName} found under {@code folder}. */
    private static Path jarOf(Path folder, String packageName, Path jar) throws IOException {
        String prefix = packageName.replace('.', '/') + "/";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> classes = Files.list(folder.resolve(prefix))) {
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                out.putNextEntry(new ZipEntry(prefix + c.getFileName()));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
        }
        return jar;
    }
}
