package dev.paydeck.checkout;

import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code portal_settings} table: one row per organization that chose. */
@Repository
class PortalSettingRecords {

    private final JdbcClient jdbc;

    PortalSettingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PortalSettings.Choices> find(OrganizationId organization) {
        return jdbc.sql("select customers_cancel, customers_change_plan from portal_settings where organization_id = ?")
                .param(organization.id())
                .query((rs, row) -> new PortalSettings.Choices(rs.getBoolean("customers_cancel"),
                        rs.getBoolean("customers_change_plan"))).optional();
    }

    void save(OrganizationId organization, PortalSettings.Choices choices, String actor, Instant now) {
        jdbc.sql("""
                insert into portal_settings (organization_id, customers_cancel, customers_change_plan, updated_at,
                                             updated_by)
                values (?, ?, ?, ?, ?)
                on conflict (organization_id) do update set customers_cancel = excluded.customers_cancel,
                    customers_change_plan = excluded.customers_change_plan, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .params(organization.id(), choices.customersCancel(), choices.customersChangePlan(),
                        now.atOffset(ZoneOffset.UTC), actor).update();
    }
}
