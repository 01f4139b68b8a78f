package dev.paydeck.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

import java.time.Clock;

/**
 * Business time and events after commit. Every module reads the time from the one {@link Clock} (never SQL
 * {@code now()}), so tests can move it.
 * <p>
 * Listeners of module events ({@code @ApplicationModuleListener}) run asynchronously after commit, each in a
 * transaction of its own. They must not run on the committing thread: that thread still holds its connection while
 * its after-commit callbacks run, so a listener opening a transaction of its own would need a second connection, and
 * under load every connection of the pool ends up held by a thread waiting for another one (this deadlocked the
 * payments benchmark). A listener's failure never reaches the request: its publication stays incomplete in the
 * registry and is delivered again ({@code EventRedelivery}).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class TimeAndEventsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
