package dev.paydeck.organizations;

import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.platform.StripeStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** Which Stripe Paydeck talks to, from its organizations: the most "live" mode wins. */
@Component
class OrganizationsStripeStatus implements StripeStatus {

    private final StripeAccounts accounts;
    private final JdbcClient jdbc;
    private final PaydeckProperties properties;

    OrganizationsStripeStatus(StripeAccounts accounts, JdbcClient jdbc, PaydeckProperties properties) {
        this.accounts = accounts;
        this.jdbc = jdbc;
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
        return jdbc.sql("""
                select o.name, o.id, s.mode, s.check_status from organizations o
                left join stripe_accounts s on s.organization_id = o.id order by o.created_at limit 20""")
                .query((rs, row) -> rs.getString("name") + " (" + rs.getString("id") + "): "
                        + rs.getString("mode") + ", keys " + rs.getString("check_status"))
                .list();
    }
}
