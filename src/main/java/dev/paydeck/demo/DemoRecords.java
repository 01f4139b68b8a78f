package dev.paydeck.demo;

import dev.paydeck.accounts.PersonId;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** The {@code demo_seeding} and {@code demo_organizations} tables: who seeds the demo, and who owns it. */
@Repository
class DemoRecords {

    private final JdbcClient jdbc;

    DemoRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True for the one instance (of several starting at once) that is to seed the demo, ever. */
    boolean claimSeeding() {
        return jdbc.sql("insert into demo_seeding default values on conflict do nothing").update() != 0;
    }

    void insert(OrganizationId organization) {
        jdbc.sql("insert into demo_organizations (organization_id) values (?)").param(organization.id()).update();
    }

    /** Gives the oldest unclaimed demo organization to this person; empty when every one is claimed. */
    Optional<OrganizationId> claim(PersonId person) {
        return jdbc.sql("""
                update demo_organizations set claimed_by = ? where organization_id = (
                    select organization_id from demo_organizations where claimed_by is null
                    order by created_at limit 1 for update skip locked)
                returning organization_id""")
                .param(person.id()).query(UUID.class).optional().map(OrganizationId::new);
    }

    /** The first demo organization made (there is one in a normal run; tests make more). */
    Optional<OrganizationId> first() {
        return jdbc.sql("select organization_id from demo_organizations order by created_at, organization_id limit 1")
                .query(UUID.class).optional().map(OrganizationId::new);
    }

    boolean isDemo(OrganizationId organization) {
        return jdbc.sql("select count(*) from demo_organizations where organization_id = ?").param(organization.id())
                .query(Long.class).single() > 0;
    }
}
