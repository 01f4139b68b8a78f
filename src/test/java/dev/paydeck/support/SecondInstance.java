package dev.paydeck.support;

import dev.paydeck.PaydeckApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

/**
 * Another Paydeck instance in the test JVM, as a second node behind a load balancer would be. Logging stays the
 * suite's: the instance neither sets it up again nor, when closed, tears it down (which would end the suite's log
 * file that {@code NoSecretsInLogsIntegrationTests} reads, whichever test class runs first).
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /**
     * Starts an instance with these command-line arguments (they override application.yml). Its sandbox API port
     * is a free one unless the arguments name one.
     */
    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            List<String> arguments = SharedJobTimings.addedTo(List.of(args));
            if (arguments.stream().noneMatch(argument -> argument.startsWith("--paydeck.sandbox.port="))) {
                arguments.add("--paydeck.sandbox.port=" + FreePort.pick());
            }
            return new SpringApplicationBuilder(PaydeckApplication.class).run(arguments.toArray(String[]::new));
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }
}
