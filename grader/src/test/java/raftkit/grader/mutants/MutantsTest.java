package raftkit.grader.mutants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutant set: every planted bug still applies to the reference, and part 3X still catches each mutant that says
 * it does (each graded once, through {@code grade --submission}, a few at a time).
 */
class MutantsTest {

    private static final Path KIT = Path.of("").toAbsolutePath().getParent();
    private static final int JOBS = 3;

    @TempDir
    Path work;

    @Test
    void every_mutant_applies_to_the_reference_and_changes_it() throws IOException {
        String reference = Files.readString(KIT.resolve(Mutant.REFERENCE));
        List<Mutant> mutants = Mutant.loadAll(Mutant.FOLDER);
        assertEquals(15, mutants.size(), "the issue's 15 planted bugs");
        for (Mutant m : mutants) {
            assertFalse(m.bug().isEmpty(), m.name() + " describes its bug");
            assertFalse(m.caughtBy().isEmpty(), m.name() + " names the parts that catch it");
            assertNotEquals(reference, m.applyTo(reference), m.name());
        }
    }

    @Test
    void a_fragment_matches_across_line_breaks_and_a_missing_one_names_the_mutant() {
        Mutant m = new Mutant("demo", "a demo", List.of("3X"), List.of(new Mutant.Edit("a(); b();", "c();")));
        assertEquals("x c(); y", m.applyTo("x a();\n        b(); y"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.applyTo("nothing here"));
        assertTrue(e.getMessage().contains("mutant demo"), e.getMessage());
    }

    @Test
    void part_3X_catches_every_mutant_it_claims() throws Exception {
        List<Mutant> claimed = Mutant.loadAll(Mutant.FOLDER).stream().filter(m -> m.caughtBy().contains("3X"))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(JOBS);
        try {
            List<Future<MutantRun>> runs = new ArrayList<>();
            for (Mutant m : claimed) {
                runs.add(pool.submit(() -> MutantRun.grade(KIT, m, List.of("3X"), work.resolve(m.name()))));
            }
            List<String> missed = new ArrayList<>();
            for (Future<MutantRun> run : runs) {
                MutantRun r = run.get();
                if (!r.caughtBy("3X")) {
                    missed.add(r.mutant().name());
                }
            }
            assertTrue(missed.isEmpty(), "part 3X no longer catches " + missed);
        } finally {
            pool.shutdownNow();
        }
    }
}
