package dev.paydeck.webhooks;

import dev.paydeck.organizations.Organizations;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The periodic resync ({@code paydeck.webhooks.resync-schedule}): what {@code POST /api/v1/resync} does, for every
 * organization with Stripe keys in turn, to repair drift nobody asked about. An organization whose Stripe cannot
 * be read is logged and skipped; the others are resynced all the same.
 */
@Configuration(proxyBeanMethods = false)
class ResyncJob {

    private static final Logger log = LoggerFactory.getLogger(ResyncJob.class);

    @Bean
    PeriodicJob stripeResync(StripeWebhooks webhooks, Organizations organizations,
            @Value("${paydeck.webhooks.resync-schedule:0 0 3 * * *}") String schedule) {
        return new PeriodicJob("webhooks.resync", schedule, now -> resyncAll(webhooks, organizations));
    }

    static void resyncAll(StripeWebhooks webhooks, Organizations organizations) {
        for (OrganizationId organization : organizations.withStripeKeys()) {
            try {
                int changes = webhooks.resync(organization).stream()
                        .mapToInt(report -> report.changes().size()).sum();
                log.info("Periodic resync of organization {}: {} local records created or repaired", organization,
                        changes);
            } catch (ResyncFailedException e) {
                // Logged by StripeWebhooks.resync, with the part that failed.
            }
        }
    }
}
