package dev.paydeck.shared.mirror;

import dev.paydeck.shared.PeriodicJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Janitor} runs each {@code paydeck.webhooks.reconcile-interval}, once across instances. */
@Configuration(proxyBeanMethods = false)
class JanitorJob {

    @Bean
    PeriodicJob mirrorJanitor(Janitor janitor, @Value("${paydeck.webhooks.reconcile-interval:1m}") String interval) {
        return new PeriodicJob("mirror.janitor", interval, now -> janitor.run());
    }
}
