/**
 * The Raft tester: {@link raftkit.tester.Config}, a port of the lab's {@code config.go} (peers on a simulated
 * network, crashes, partitions, appliers that check every applied command), which the graded tests of parts
 * 3A-3E drive. The graders use the kit's own copy of this package. The student's peers run in the test's JVM, or
 * isolated in a peer host process ({@link raftkit.tester.PeerMode}); the tests cannot tell the difference.
 */
package raftkit.tester;
