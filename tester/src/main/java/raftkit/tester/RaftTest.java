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
 *   <li>A time limit of 120 seconds. When it expires the run prints a full thread dump and any deadlock the JVM
 *       finds, closes the test's open {@code Config}s so the peers stop, fails the test with
 *       {@code test took longer than 120 seconds}, and goes on with the next test. The limit is off while a
 *       debugger is attached, or with {@code -Draftkit.timeout=off}; {@code -Draftkit.timeout=<seconds>} changes
 *       it.</li>
 *   <li>A failure message that names the test and the network seed, with the option that replays the seed's
 *       network choices ({@code -Draftkit.seed=<seed>}). Thread timing still varies between runs, so a replay
 *       makes a failure likelier to recur, not certain. The seed is also published as the report entry
 *       {@code seed}.</li>
 * </ul>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(RaftTestExtension.class)
public @interface RaftTest {
}
