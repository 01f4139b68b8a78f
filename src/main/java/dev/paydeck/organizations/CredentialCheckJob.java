package dev.paydeck.organizations;

import dev.paydeck.shared.PeriodicJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every organization's Stripe keys are checked again each {@code paydeck.organizations.credential-check-interval}. */
@Configuration(proxyBeanMethods = false)
class CredentialCheckJob {

    @Bean
    PeriodicJob credentialChecks(CredentialCheck check,
            @Value("${paydeck.organizations.credential-check-interval:6h}") String interval) {
        return new PeriodicJob("organizations.credential-checks", interval, now -> check.recheckAll());
    }
}
