package raftkit.tester;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A graded Raft test: {@code @Test} plus the kit's {@link RaftTestExtension}, which gives every test the Go kit's
 * rules.
 * <ul>
 *   <li>A time limit, 120 seconds unless {@code -Draftkit.timeout=<seconds>} changes it; off while a debugger is
 *       attached, or with {@code -Draftkit.timeout=off}. The same limit applies to the extension and to the check
 *       each {@code Config} makes in {@code end()} and {@code close()}. When it expires the run prints a full
 *       thread dump and any deadlock the JVM finds, closes the test's {@code Config}s so the peers stop, fails the
 *       test with a {@link TimeLimitExceeded} ({@code test took longer than 120 seconds}), and goes on with the
 *       next test.</li>
 *   <li>A failure message that names the test and the network seed, with the option that replays the seed's
 *       network choices ({@code -Draftkit.seed=<seed>}). Thread timing still varies between runs, so a replay
 *       makes a failure likelier to recur, not certain. The seed is also published as the report entry
 *       {@code seed}.</li>
 * </ul>
 * A graded test is declared in one place: its method, with this annotation and JUnit's {@code @Order(n)} (its place
 * in the part's Go file; the class uses {@code MethodOrderer.OrderAnnotation}), in a class tagged with its part.
 * The grading policy lists it for the course, and a test of the grader fails if the two disagree.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(RaftTestExtension.class)
public @interface RaftTest {
}
