package dev.paydeck.platform;

import dev.paydeck.shared.PeriodicJob;
import dev.paydeck.shared.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Delivers again the module events whose listener failed (e.g. the audit log could not be written): they wait in the
 * event publication registry, incomplete, and are resubmitted once they are older than the configured delay.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    EventRedelivery(IncompleteEventPublications incomplete,
            @Value("${paydeck.events.redeliver-after:1m}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Bean
    static PeriodicJob eventRedeliveryJob(EventRedelivery redelivery,
            @Value("${paydeck.events.redeliver-interval:1m}") String interval) {
        return new PeriodicJob("platform.event-redelivery", interval, now -> redelivery.redeliver());
    }

    void redeliver() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("Incomplete module events could not be delivered again: {}", e.getMessage());
        }
    }
}
