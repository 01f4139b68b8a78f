package dev.paydeck.organizations;

import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.platform.StripeStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/** Which Stripe Paydeck talks to, from its organizations: the most "live" mode wins. */
@Component
class OrganizationsStripeStatus implements StripeStatus {

    private final StripeAccounts accounts;
    private final OrganizationRecords organizations;
    private final PaydeckProperties properties;

    OrganizationsStripeStatus(StripeAccounts accounts, OrganizationRecords organizations, PaydeckProperties properties) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.properties = properties;
    }

    @Override
    public String mode() {
        List<StripeMode> modes = accounts.modes();
        if (modes.contains(StripeMode.LIVE)) {
            return "live";
        }
        if (modes.contains(StripeMode.TEST)) {
            return "test";
        }
        if (modes.contains(StripeMode.SANDBOX) || properties.sandbox().enabled()) {
            return "sandbox";
        }
        return "not_configured";
    }

    @Override
    public List<String> organizations() {
        return organizations.summaries();
    }
}
