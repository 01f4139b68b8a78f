package dev.paydeck.accounts;

import dev.paydeck.shared.OrganizationId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Who belongs to which organization, with which role; invitations for emails without an account yet. */
@Service
public class Memberships {

    /** A member as listed for an organization. */
    public record Member(PersonId person, String email, String name, Role role) {
    }

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void grant(OrganizationId organization, PersonId person, Role role) {
        jdbc.sql("insert into memberships (organization_id, person_id, role) values (?, ?, ?) "
                        + "on conflict (organization_id, person_id) do update set role = excluded.role")
                .params(organization.id(), person.id(), role.code()).update();
    }

    public Optional<Role> roleOf(OrganizationId organization, PersonId person) {
        return jdbc.sql("select role from memberships where organization_id = ? and person_id = ?")
                .params(organization.id(), person.id()).query(String.class).optional().map(Role::fromCode);
    }

    public List<OrganizationId> organizationsOf(PersonId person) {
        return jdbc.sql("select organization_id from memberships where person_id = ? order by created_at")
                .param(person.id()).query(UUID.class).list().stream().map(OrganizationId::new).toList();
    }

    public List<Member> members(OrganizationId organization) {
        return jdbc.sql("""
                        select p.id, p.email, p.name, m.role from memberships m join people p on p.id = m.person_id
                        where m.organization_id = ? order by m.created_at""")
                .param(organization.id())
                .query((rs, row) -> new Member(new PersonId(rs.getObject("id", UUID.class)), rs.getString("email"),
                        rs.getString("name"), Role.fromCode(rs.getString("role"))))
                .list();
    }

    /**
     * Adds the person with this email, or keeps an invitation until that email signs up. True when the person
     * already had an account and is now a member.
     */
    @Transactional
    public boolean invite(OrganizationId organization, String email, Role role, PersonId invitedBy) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        Optional<UUID> existing = jdbc.sql("select id from people where lower(email) = ?").param(normalized)
                .query(UUID.class).optional();
        if (existing.isPresent()) {
            grant(organization, new PersonId(existing.get()), role);
            return true;
        }
        jdbc.sql("insert into invitations (organization_id, email, role, invited_by) values (?, ?, ?, ?) "
                        + "on conflict (organization_id, email) do update set role = excluded.role")
                .params(organization.id(), normalized, role.code(), invitedBy.id()).update();
        return false;
    }

    public boolean remove(OrganizationId organization, PersonId person) {
        return jdbc.sql("delete from memberships where organization_id = ? and person_id = ?")
                .params(organization.id(), person.id()).update() == 1;
    }

    public long owners(OrganizationId organization) {
        return jdbc.sql("select count(*) from memberships where organization_id = ? and role = 'owner'")
                .param(organization.id()).query(Long.class).single();
    }

    @EventListener
    void acceptInvitations(PersonSignedUp signedUp) {
        jdbc.sql("""
                insert into memberships (organization_id, person_id, role)
                select organization_id, ?, role from invitations where lower(email) = lower(?)
                on conflict do nothing""")
                .params(signedUp.person().id(), signedUp.email()).update();
        jdbc.sql("delete from invitations where lower(email) = lower(?)").param(signedUp.email()).update();
    }
}
