package raftkit.tester.fakes;

import raftkit.tester.Config;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.IdleRaft;

/** A test whose body takes 1.5 s: past a limit of 1 s, well within the default one. */
@FakeOnly
public class SlowFake {

    /** How long the body takes. */
    public static final long BODY_MILLIS = 1500;

    @RaftTest
    void takesOneAndAHalfSeconds() throws InterruptedException {
        try (Config cfg = new Config(1, false, false, IdleRaft::new)) {
            cfg.begin("Test (0Z): slow body");
            Thread.sleep(BODY_MILLIS);
            cfg.end();
        }
    }
}
