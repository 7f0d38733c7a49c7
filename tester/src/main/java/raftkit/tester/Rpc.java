package raftkit.tester;

import java.util.List;

/**
 * The three RPCs of the paper (Figure 2 and Figure 13), by the handler names of the kit's contract, with the record
 * components part 3X needs in each message. A student's records may have more components; those are filled with
 * zero, false or null when part 3X builds a message, except a Figure 13 {@code done} flag, which is true because
 * part 3X always sends a whole snapshot.
 */
public enum Rpc {
    REQUEST_VOTE("requestVote", "RequestVote",
            List.of("term", "candidateId", "lastLogIndex", "lastLogTerm"), List.of("term", "voteGranted")),
    APPEND_ENTRIES("appendEntries", "AppendEntries",
            List.of("term", "prevLogIndex", "prevLogTerm", "entries", "leaderCommit"), List.of("term", "success")),
    INSTALL_SNAPSHOT("installSnapshot", "InstallSnapshot",
            List.of("term", "leaderId", "lastIncludedIndex", "lastIncludedTerm", "data"), List.of("term"));

    private final String handler;
    private final String paperName;
    private final List<String> argsComponents;
    private final List<String> replyComponents;

    Rpc(String handler, String paperName, List<String> argsComponents, List<String> replyComponents) {
        this.handler = handler;
        this.paperName = paperName;
        this.argsComponents = argsComponents;
        this.replyComponents = replyComponents;
    }

    /** The handler's method name, e.g. {@code requestVote}; the network calls it as {@code Raft.requestVote}. */
    public String handler() {
        return handler;
    }

    /** The paper's name of the RPC, e.g. {@code RequestVote}, for messages. */
    public String paperName() {
        return paperName;
    }

    /** Components the args record must have. */
    List<String> argsComponents() {
        return argsComponents;
    }

    /** Components the reply record must have. */
    List<String> replyComponents() {
        return replyComponents;
    }

    String serviceMethod() {
        return "Raft." + handler;
    }
}
