package dev.paydeck.shared.mirror;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The janitor of every mirrored object: each round, every module's {@link Unresolved} records are claimed (a few at
 * a time, each by one instance) and resolved by asking Stripe. One record's failure is logged and left for the next
 * round; it never stops the others. It runs as the periodic job {@code mirror.janitor} ({@link JanitorJob}), once
 * per interval across instances.
 */
@Component
public class Janitor {

    private static final Logger log = LoggerFactory.getLogger(Janitor.class);
    static final int BATCH = 20;

    private final List<Unresolved<?>> sources;

    Janitor(List<Unresolved<?>> sources) {
        this.sources = sources;
    }

    /** One round over every module's unresolved records; how many were resolved or attempted. */
    public int run() {
        int attempted = 0;
        for (Unresolved<?> source : sources) {
            attempted += run(source);
        }
        return attempted;
    }

    private <I> int run(Unresolved<I> source) {
        List<Unresolved.Claimed<I>> claimed;
        try {
            claimed = source.claim(BATCH);
        } catch (RuntimeException e) {
            log.warn("The janitor could not claim unresolved {}: {}", source.objects(), e.getMessage());
            return 0;
        }
        for (Unresolved.Claimed<I> record : claimed) {
            try {
                log.info("Janitor: {} {} of organization {}: {}", source.objects(), record.id(),
                        record.organization(), source.resolve(record.organization(), record.id()));
            } catch (Exception e) {
                log.info("Janitor: {} {} of organization {} could not be resolved yet: {}", source.objects(),
                        record.id(), record.organization(), e.getClass().getSimpleName());
            }
        }
        return claimed.size();
    }
}
