package raftkit.grader.plan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import raftkit.grader.engine.Kit;
import raftkit.labrpc.Network;
import raftkit.raft.api.Debug;
import raftkit.tester.PeerMode;
import raftkit.tester.timeline.Timelines;

/**
 * Every {@code raftkit.*} system property the grader reads, in one place, so a script, an IDE run and the command
 * line behave alike. Command-line options win over these.
 *
 * <ul>
 *   <li>{@code raftkit.home}: the kit's root folder (set by {@code grader/grade});</li>
 *   <li>{@code raftkit.policy}: the grading policy file (default {@code grader/policy.toml});</li>
 *   <li>{@code raftkit.timeout}: per-test time limit in seconds, overriding the policy;</li>
 *   <li>{@code raftkit.heap}: each test JVM's heap cap, overriding the policy (e.g. {@code 1g});</li>
 *   <li>{@code raftkit.outputCap}: characters of each run's output kept (default 16 MiB);</li>
 *   <li>{@code raftkit.jobs}: test JVMs run at once by {@code repeat};</li>
 *   <li>{@code raftkit.seed}: the network seed, passed to every test JVM to replay a run;</li>
 *   <li>{@code raftkit.timeline} ({@code always}, {@code off}) and {@code raftkit.debug}: passed to every test JVM
 *       (timeline pages for passing runs too, or none; the peers' debug lines printed);</li>
 *   <li>{@code raftkit.peers} ({@code isolated}, {@code inprocess}): where the student's peers run; the grader's
 *       default is {@code isolated}, in a peer host process, so student code cannot reach what decides the
 *       grade;</li>
 *   <li>{@code raftkit.verbose}: {@code true} shows stack traces of the grader's own errors.</li>
 * </ul>
 */
public final class Settings {

    /** The system property the tester reads its network seed from; the grader passes it on to every test JVM. */
    public static final String SEED = Network.SEED_PROPERTY;

    private static final long DEFAULT_OUTPUT_CAP = 16L << 20;

    private Settings() {
    }

    public static Path home() {
        String home = System.getProperty(Kit.HOME_PROPERTY);
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath();
    }

    public static Path policy() {
        return property("raftkit.policy").map(Path::of).orElse(home().resolve("grader").resolve("policy.toml"));
    }

    public static Optional<Double> timeout() {
        return property("raftkit.timeout").map(Double::parseDouble);
    }

    public static Optional<String> heap() {
        return property("raftkit.heap");
    }

    public static long outputCap() {
        return property("raftkit.outputCap").map(Long::parseLong).orElse(DEFAULT_OUTPUT_CAP);
    }

    public static Optional<Integer> jobs() {
        return property("raftkit.jobs").map(Integer::parseInt);
    }

    /** Where the student's peers run when no option says: isolated, unless {@code -Draftkit.peers} says otherwise. */
    public static PeerMode peers() {
        return property(PeerMode.PROPERTY).map(PeerMode::parse).orElse(PeerMode.ISOLATED);
    }

    public static boolean verbose() {
        return Boolean.getBoolean("raftkit.verbose");
    }

    /** System properties every test JVM gets: the seed, the timeline mode and debug printing, when set. */
    public static Map<String, String> childProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        property(SEED).ifPresent(seed -> properties.put(SEED, seed));
        property(Timelines.MODE_PROPERTY).ifPresent(mode -> properties.put(Timelines.MODE_PROPERTY, mode));
        property(Debug.PROPERTY).ifPresent(debug -> properties.put(Debug.PROPERTY, debug));
        return properties;
    }

    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).filter(v -> !v.isBlank());
    }
}
