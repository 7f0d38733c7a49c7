package raftkit.tester.fakes;

import raftkit.tester.Config;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.AsyncRaft;

/** A test whose peers do their work on the JDK's common pool. */
@FakeOnly
public class AsyncFake {

    @RaftTest
    void usesTheCommonPool() {
        try (Config cfg = new Config(3, false, false, AsyncRaft::new)) {
            cfg.begin("Test (0Z): peers on the common pool");
            cfg.end();
        }
    }
}
