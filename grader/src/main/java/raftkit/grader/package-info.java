/**
 * The grader: {@code grader/grade} and its commands {@code grade}, {@code repeat} and {@code batch}. Its packages
 * are the stages of one pipeline, in the order a command goes through them; a stage uses the data types of the
 * stages it reads from and never calls back up (a test checks that no two packages depend on each other):
 * <ol>
 *   <li>{@link raftkit.grader.cli}: the picocli commands, each its options and a few calls into the stages below;
 *       nothing below this package sees picocli;</li>
 *   <li>{@link raftkit.grader.plan} (reading {@link raftkit.grader.policy}): options and policy become an
 *       immutable {@link raftkit.grader.plan.Plan} of tests, limits and caps;</li>
 *   <li>{@link raftkit.grader.build}: a hand-in (folder or zip) extracted safely, overlaid onto the pristine kit
 *       and compiled;</li>
 *   <li>{@link raftkit.grader.run}: a plan run on a build through the {@link raftkit.grader.engine} (child JVMs),
 *       for one submission or a whole batch, sandboxed where it can be;</li>
 *   <li>{@link raftkit.grader.score}: one {@link raftkit.grader.score.TestScore} per test and one
 *       {@link raftkit.grader.score.SubmissionResult} per submission, with the engine's
 *       {@link raftkit.grader.engine.Status};</li>
 *   <li>{@link raftkit.grader.report}: every output made from those: the points table, Gradescope's
 *       {@code results.json}, and a batch's CSV, JSON and HTML.</li>
 * </ol>
 * {@code grade} on the working tree runs plan, run, score and report; {@code grade --submission} is a batch of
 * one (build added); {@code batch} does the same per submission and writes the class reports.
 */
package raftkit.grader;
