package raftkit.grader.plan;

import java.nio.file.Path;
import raftkit.tester.PeerMode;

/**
 * What a user chose on the command line, as plain values (null where not given); the command line's options
 * turn into this, and nothing below the command line sees the options themselves.
 *
 * @param policy  the policy file
 * @param timeout each test run's time limit in seconds, instead of the policy's
 * @param out     where logs and reports go
 * @param seed    the network seed for every run
 * @param jobs    how many things run at once (test JVMs, or submissions in a batch)
 * @param peers   where the student's peers run
 */
public record PlanOptions(Path policy, Double timeout, Path out, String seed, Integer jobs, PeerMode peers) {
}
