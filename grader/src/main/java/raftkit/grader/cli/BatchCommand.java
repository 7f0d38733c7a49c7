package raftkit.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import raftkit.grader.build.KitLayout;
import raftkit.grader.build.Shard;
import raftkit.grader.build.SubmissionBuild;
import raftkit.grader.build.SubmissionFinder;
import raftkit.grader.engine.Kit;
import raftkit.grader.plan.Plan;
import raftkit.grader.plan.Planner;
import raftkit.grader.plan.UserException;
import raftkit.grader.policy.Policy;
import raftkit.grader.run.BatchRunner;
import raftkit.grader.run.EngineGrader;
import raftkit.grader.run.Sandbox;
import raftkit.grader.score.SubmissionResult;

/** {@code batch SUBMISSIONS_DIR}: grades a folder of submissions into one report; see the description. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        header = "Grades a class of submissions, isolated and resumable, with reports.",
        description = {"Grades every submission (a folder or a .zip) in SUBMISSIONS_DIR: each is",
            "overlaid onto a pristine copy of the kit (only student-owned files are taken),",
            "compiled, and graded like `grade`, several submissions at once (--jobs, default",
            "10 per core, fewer where memory is short: a submission runs one test JVM at a",
            "time, and those mostly wait).",
            "Writes results.csv, results.json and index.html to the report folder (--out,",
            "default SUBMISSIONS_DIR-report), and each submission's logs, notes page and",
            "Gradescope results.json under <report>/<name>/. Running the same command again",
            "resumes: finished submissions are skipped unless --force or --only.",
            "On Linux with bwrap (package bubblewrap) each submission runs with no network,",
            "the other submissions and the report hidden, a read-only file system except",
            "its scratch folder, and its own process namespace.",
            "--shard K/N grades only shard K of N disjoint parts of the class (K from 0;",
            "auto/N takes K from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX). Shards may",
            "share a report folder; batch-merge writes the class reports when all are done."})
public final class BatchCommand implements Callable<Integer> {

    /**
     * Submissions graded at once per core: a test JVM mostly waits on timers and the simulated network, so a
     * core carries many. At this many, grader/bench/batch-benchmark gave every reference copy full marks on an
     * idle machine; at twice this many one copy lost a test to load. Its figures are in the README's benchmark
     * section.
     */
    static final int JOBS_PER_CORE = 10;

    /**
     * Memory set aside for each submission graded at once: its test JVM and, with isolated peers, its peer host,
     * each about 150-200 MB resident at its peak, with room to spare. A machine with little memory for its cores
     * grades fewer at once instead of swapping.
     */
    static final long BYTES_PER_JOB = 512L << 20;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS_DIR", description = "Folder of submissions (folders or zips).")
    Path submissions;

    @Option(names = "--parts", split = ",", paramLabel = "PART", description = "Parts to grade (default: all).")
    List<String> parts = new ArrayList<>();

    @Option(names = "--force", description = "Grade finished submissions again.")
    boolean force;

    @Option(names = "--only", split = ",", arity = "1..*", paramLabel = "NAME",
            description = "Grade just these submissions, finished or not.")
    List<String> only = new ArrayList<>();

    @Option(names = "--no-sandbox", description = "Run submissions without bwrap even where it is installed.")
    boolean noSandbox;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Grade only shard K of N (K from 0), or auto/N: K from the cluster's task index.")
    String shard;

    @Option(names = "--keep-scratch", description = "Keep each submission's scratch folder (<report>/.scratch).")
    boolean keepScratch;

    @Override
    public Integer call() throws IOException, InterruptedException, UserException {
        if (!Files.isDirectory(submissions)) {
            throw new UserException("no such folder: " + submissions);
        }
        if (SubmissionFinder.find(submissions).isEmpty()) {
            throw new UserException("no submissions (folders or .zip files) in " + submissions);
        }
        Shard part = chosenShard();
        Policy policy = Planner.policy(common.toPlanOptions());
        Path absolute = submissions.toAbsolutePath().normalize();
        // By default beside the submissions and named after them, so running the same command again resumes.
        Plan plan = Planner.parts(common.toPlanOptions(), policy, parts,
                defaultJobs(Runtime.getRuntime().availableProcessors(), physicalMemory()),
                absolute.resolveSibling(absolute.getFileName() + "-report"));
        Path report = plan.out();
        Kit kit = common.kit();
        KitLayout layout = new KitLayout(kit.root(), policy.studentFiles());
        List<Path> hidden = new ArrayList<>(List.of(submissions, report));
        layout.studentSourceRoots().forEach(root -> hidden.add(kit.root().resolve(root)));
        Files.createDirectories(report);
        Sandbox sandbox = (noSandbox ? Sandbox.none("--no-sandbox was given") : Sandbox.detect()).hiding(hidden);
        // One test JVM per submission at a time: the batch runs several submissions at once instead.
        EngineGrader grader = new EngineGrader(plan, kit, sandbox, 1, null);
        BatchRunner runner = new BatchRunner(SubmissionBuild.forKit(kit, policy.studentFiles()), grader, sandbox);
        BatchRunner.Options options = new BatchRunner.Options(absolute, report, report.resolve(".scratch"),
                plan.jobs(), force, only, keepScratch, System.console() != null, part);
        PrintWriter out = spec.commandLine().getOut();
        BatchRunner.Summary summary;
        try {
            summary = runner.run(options, out);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        boolean errors = summary.report().results().stream()
                .anyMatch(r -> r.outcome() == SubmissionResult.Outcome.ERROR);
        return errors ? ExitCodes.INTERNAL : ExitCodes.OK;
    }

    /** {@link #JOBS_PER_CORE} a core, at most one per {@link #BYTES_PER_JOB} of memory, and at least one. */
    static int defaultJobs(int cores, long memoryBytes) {
        return (int) Math.max(1, Math.min((long) JOBS_PER_CORE * cores, memoryBytes / BYTES_PER_JOB));
    }

    /** The machine's (or the container's) memory, or no limit where the JVM cannot tell. */
    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Long.MAX_VALUE;
    }

    private Shard chosenShard() throws UserException {
        try {
            return shard == null ? Shard.WHOLE : Shard.parse(shard, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
