package dev.paydeck.organizations;

import dev.paydeck.accounts.PersonId;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code organizations} table (their Stripe accounts are {@link StripeAccounts}). */
@Repository
class OrganizationRecords {

    /** An organization as the table holds it. */
    record Stored(OrganizationId id, String name, OffsetDateTime createdAt, String country, String defaultCurrency) {
    }

    private final JdbcClient jdbc;

    OrganizationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OrganizationId id, String name, PersonId createdBy, Organizations.Profile profile) {
        jdbc.sql("insert into organizations (id, name, created_by, country, default_currency) values (?, ?, ?, ?, ?)")
                .params(id.id(), name, createdBy == null ? null : createdBy.id(),
                        profile == null ? null : profile.country(), profile == null ? null : profile.defaultCurrency())
                .update();
    }

    Optional<Stored> find(OrganizationId id) {
        return jdbc.sql("select id, name, created_at, country, default_currency from organizations where id = ?")
                .param(id.id())
                .query((rs, row) -> new Stored(new OrganizationId(rs.getObject("id", UUID.class)),
                        rs.getString("name"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("country"), rs.getString("default_currency")))
                .optional();
    }

    /** At most {@code limit} ids, in no particular order. */
    List<OrganizationId> some(int limit) {
        return jdbc.sql("select id from organizations limit ?").param(limit).query(UUID.class).list().stream()
                .map(OrganizationId::new).toList();
    }

    long count() {
        return jdbc.sql("select count(*) from organizations").query(Long.class).single();
    }

    /**
     * The first 20 organizations, oldest first, each as one line for the start-up report: name, id, Stripe mode and
     * the outcome of the last key check (never a key).
     */
    List<String> summaries() {
        return jdbc.sql("""
                select o.name, o.id, s.mode, s.check_status from organizations o
                left join stripe_accounts s on s.organization_id = o.id order by o.created_at limit 20""")
                .query((rs, row) -> rs.getString("name") + " (" + rs.getString("id") + "): "
                        + rs.getString("mode") + ", keys " + rs.getString("check_status"))
                .list();
    }
}
