/**
 * Kit-owned types of the student's Raft: the apply message, the results of {@code start} and {@code getState},
 * and the peer interface the tester drives. A student never edits these.
 */
package raftkit.raft.api;
