/**
 * The run engine: every test run happens in a child JVM, never in the grader's own.
 *
 * <p>What commands use (grade, repeat and batch), in the order they use it:
 * <ol>
 *   <li>{@link raftkit.grader.engine.Kit#childClasspath} gives a test JVM's classpath: the graded tests, this
 *       grader and the kit's dependencies, with a compiled submission in place of the raft module when given
 *       one ({@code raftkit.grader.build.SubmissionBuild} builds a folder or zip);</li>
 *   <li>{@link raftkit.grader.engine.TestRunner} runs one {@link raftkit.grader.engine.RunSpec} (package, tags,
 *       test names, time limit, heap, output cap, folder) in a fresh JVM and returns a
 *       {@link raftkit.grader.engine.RunReport}: a {@link raftkit.grader.engine.RunResult} per test (a
 *       {@link raftkit.grader.engine.Status}, time, note, seed, log), the tests that do not exist, and how the
 *       JVM ended. {@code wrapped} puts each child inside a sandbox command;</li>
 *   <li>{@link raftkit.grader.engine.RunQueue} runs many jobs, P at a time, with a callback per finished run.</li>
 * </ol>
 *
 * <p>Inside: {@link raftkit.grader.engine.ChildJvm} starts the process under its caps (wall clock, output) and
 * kills its whole tree; {@link raftkit.grader.engine.ChildMain} is the child's main class, which runs the JUnit
 * Platform Launcher and writes one {@link raftkit.grader.engine.ResultEvent} JSON line per event to a results
 * file; {@code Reconciler} turns that file and the JVM's exit into results. Nothing reads the child's console to
 * learn a result.
 */
package raftkit.grader.engine;
