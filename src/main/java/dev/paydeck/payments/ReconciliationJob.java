package dev.paydeck.payments;

import dev.paydeck.shared.PeriodicJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link PaymentReconciliation} runs each {@code paydeck.webhooks.reconcile-interval}. */
@Configuration(proxyBeanMethods = false)
class ReconciliationJob {

    @Bean
    PeriodicJob reconciliations(PaymentReconciliation reconciliation,
            @Value("${paydeck.webhooks.reconcile-interval:1m}") String interval) {
        return new PeriodicJob("payments.reconciliation", interval, now -> reconciliation.reconcile());
    }
}
