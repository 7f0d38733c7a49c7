package raftkit.tester.fakes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a fake test class: a test made to fail, which the tester's own tests run through the JUnit test kit and
 * judge. It is skipped unless the configuration parameter {@value #ENABLE} is true, so a plain run of the module
 * (or of the package in an IDE) never counts its deliberate failures.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FakeOnly.Condition.class)
public @interface FakeOnly {

    /** The configuration parameter that lets fake tests run. */
    String ENABLE = "raftkit.fakes";

    /** Disables fake tests outside the tester's own tests. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(ENABLE, Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run by the tester's own tests")
                    : ConditionEvaluationResult.disabled("a fake test, run only by the tester's own tests");
        }
    }
}
