package dev.paydeck.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Business time. Every module reads the time from the one {@link Clock} (never SQL {@code now()}), so tests can move
 * it.
 * <p>
 * Listeners of module events ({@code @ApplicationModuleListener}) run after commit, each in a transaction of its
 * own, on the thread that committed (asynchronous execution is not enabled): so the audit log keeps the order in which
 * things were done, and a request answers once its effects are recorded. A listener's failure never reaches the
 * request, whose transaction has committed: its publication stays incomplete in the registry and is delivered again
 * ({@code EventRedelivery}).
 */
@Configuration(proxyBeanMethods = false)
class TimeAndEventsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
