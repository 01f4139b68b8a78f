package dev.paydeck.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Until organizations exist, Paydeck talks to its sandbox when the sandbox is on, and to no Stripe otherwise. */
@Configuration(proxyBeanMethods = false)
class SandboxOnlyStripeStatus {

    @Bean
    @ConditionalOnMissingBean(StripeStatus.class)
    StripeStatus stripeStatus(PaydeckProperties properties) {
        boolean sandbox = properties.sandbox().enabled();
        return new StripeStatus() {
            @Override
            public String mode() {
                return sandbox ? "sandbox" : "not_configured";
            }

            @Override
            public List<String> organizations() {
                return List.of();
            }
        };
    }
}
