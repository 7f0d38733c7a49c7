package raftkit.tester;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import raftkit.tester.timeline.Timelines;

/** After a test: writes the timeline page of its configs, if the mode asks, and says where it is. */
final class TestTimelines {

    private TestTimelines() {
    }

    /** The page's path, or empty when none was written. */
    static Optional<String> write(ExtensionContext context, List<Config> configs) {
        String test = context.getRequiredTestMethod().getName();
        Optional<String> page = Timelines.afterTest(test, configs.stream().map(Config::timeline).toList(),
                context.getExecutionException().orElse(null)).map(String::valueOf);
        page.ifPresent(p -> System.out.println("info: wrote the timeline of " + test + " to " + p));
        return page;
    }
}
