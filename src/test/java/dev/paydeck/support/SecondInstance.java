package dev.paydeck.support;

import dev.paydeck.PaydeckApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another Paydeck instance in the test JVM, as a second node behind a load balancer would be. Logging stays the
 * suite's: the instance neither sets it up again nor, when closed, tears it down (which would end the suite's log
 * file that {@code NoSecretsInLogsIntegrationTests} reads, whichever test class runs first).
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** Starts an instance with these command-line arguments (they override application.yml). */
    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            return new SpringApplicationBuilder(PaydeckApplication.class).run(args);
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }
}
