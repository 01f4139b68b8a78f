package dev.paydeck.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

import java.time.Clock;

/**
 * Business time and events after commit. Every module reads the time from the one {@link Clock} (never SQL
 * {@code now()}), so tests can move it. Listeners of module events ({@code @ApplicationModuleListener}) run
 * asynchronously after commit; the event publication registry keeps each delivery until it has succeeded.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class TimeAndEventsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
