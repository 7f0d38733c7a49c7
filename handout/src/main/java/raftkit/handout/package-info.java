/**
 * Builds the student kit from the repository ({@code handout/build OUT_DIR}). Three parts, each small: the
 * {@link raftkit.handout.Stripper} removes solution blocks, the {@link raftkit.handout.Copier} decides what goes into
 * the kit (the student-owned list in the grading policy and {@code handout/exclude.txt}), and the self-check proves
 * the kit is what a student should get. {@link raftkit.handout.HandoutBuilder} runs them in that order.
 */
package raftkit.handout;
