/**
 * labrpc: an in-process, unreliable network for the Raft lab, ported from the Go lab kit's {@code labrpc}.
 *
 * <p>Channel-like RPC: each call's args and reply cross the network as bytes (see {@link raftkit.labrpc.Codec}),
 * so caller and handler never share an object, and the network can lose requests, lose replies, delay messages,
 * and cut ends off entirely.
 *
 * <pre>
 * Network net = new Network();              // or new Network(seed); -Draftkit.seed= fixes the seed
 * ClientEnd end = net.makeEnd(endName);     // a new end is disabled and not connected
 * net.connect(endName, serverName);         // once per end
 * net.enable(endName, true|false);          // disabling fails the end's calls, also those in flight
 * net.addServer(serverName, server);        // adding under a name in use replaces the old server
 * net.deleteServer(serverName);             // calls in flight to it fail within 100 ms
 * net.setReliable(false);                   // delays, and drops 10% of requests and 10% of replies
 * net.setLongDelays(true);                  // a call on a disabled end fails after up to 7 s (else 100 ms)
 * net.setLongReordering(true);              // delays 2/3 of replies by 200 to 2199 ms
 * net.getCount(serverName);                 // RPCs delivered to that server
 * net.getTotalCount(); net.getTotalBytes(); // every RPC sent; bytes of requests sent and replies delivered
 * net.cleanup();                            // or close(): ends the network's threads; later calls fail at once
 *
 * Server srv = new Server();
 * srv.addService(new Service(receiver));   // service name = receiver's simple class name, e.g. "Raft"
 *
 * Optional&lt;Reply&gt; reply = end.call("Raft.appendEntries", args, Reply.class);
 * </pre>
 *
 * <p>A handler is a public method of the receiver with one parameter, the args, that returns its reply, e.g.
 * {@code public AppendEntriesReply appendEntries(AppendEntriesArgs args)}. Args and replies are best records.
 *
 * <p>The promises:
 * <ul>
 *   <li>{@code call} returns the reply, or empty if the network lost the request or the reply, the end is
 *       disabled or unconnected, or the server is gone. It never throws for a network fault (it throws
 *       {@code IllegalArgumentException} for a programming error, such as an unknown service or method).</li>
 *   <li>A lost call returns after a while (up to 7 s with long delays), as if it timed out: do not hold a lock
 *       around a call.</li>
 *   <li>Calls may overlap and may be delivered in any order; handlers of one server run concurrently.</li>
 *   <li>{@code call} returns unless its handler never does; if the handler's server is deleted or replaced, or the
 *       end disabled, the call fails within 100 ms even while the handler runs on.</li>
 *   <li>A handler that throws or returns null is reported once on standard error, by name; the caller sees a
 *       lost RPC.</li>
 *   <li>An interrupted caller gets empty at once, its interrupt flag kept.</li>
 * </ul>
 */
package raftkit.labrpc;
