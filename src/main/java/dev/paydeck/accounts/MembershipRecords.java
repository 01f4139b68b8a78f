package dev.paydeck.accounts;

import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code memberships} and {@code invitations} tables. */
@Repository
class MembershipRecords {

    private final JdbcClient jdbc;

    MembershipRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the member, or changes the role of one already there. */
    void upsert(OrganizationId organization, PersonId person, Role role) {
        jdbc.sql("insert into memberships (organization_id, person_id, role) values (?, ?, ?) "
                        + "on conflict (organization_id, person_id) do update set role = excluded.role")
                .params(organization.id(), person.id(), role.code()).update();
    }

    Optional<Role> roleOf(OrganizationId organization, PersonId person) {
        return jdbc.sql("select role from memberships where organization_id = ? and person_id = ?")
                .params(organization.id(), person.id()).query(String.class).optional().map(Role::fromCode);
    }

    /** Oldest membership first. */
    List<OrganizationId> organizationsOf(PersonId person) {
        return jdbc.sql("select organization_id from memberships where person_id = ? order by created_at")
                .param(person.id()).query(UUID.class).list().stream().map(OrganizationId::new).toList();
    }

    /** Every organization of the person, with the person's role there. */
    java.util.Map<OrganizationId, Role> rolesOf(PersonId person) {
        var roles = new java.util.LinkedHashMap<OrganizationId, Role>();
        jdbc.sql("select organization_id, role from memberships where person_id = ? order by created_at")
                .param(person.id())
                .query((rs, row) -> java.util.Map.entry(new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        Role.fromCode(rs.getString("role"))))
                .list().forEach(entry -> roles.put(entry.getKey(), entry.getValue()));
        return roles;
    }

    List<Memberships.Member> members(OrganizationId organization) {
        return jdbc.sql("""
                        select p.id, p.email, p.name, m.role from memberships m join people p on p.id = m.person_id
                        where m.organization_id = ? order by m.created_at""")
                .param(organization.id())
                .query((rs, row) -> new Memberships.Member(new PersonId(rs.getObject("id", UUID.class)),
                        rs.getString("email"), rs.getString("name"), Role.fromCode(rs.getString("role"))))
                .list();
    }

    /** Keeps an invitation of an email (already normalized), or changes the role of the one there. */
    void upsertInvitation(OrganizationId organization, String email, Role role, PersonId invitedBy) {
        jdbc.sql("insert into invitations (organization_id, email, role, invited_by) values (?, ?, ?, ?) "
                        + "on conflict (organization_id, email) do update set role = excluded.role")
                .params(organization.id(), email, role.code(), invitedBy.id()).update();
    }

    List<Memberships.Invitation> invitations(OrganizationId organization) {
        return jdbc.sql("select email, role, created_at from invitations where organization_id = ? "
                        + "order by created_at desc, email")
                .param(organization.id())
                .query((rs, row) -> new Memberships.Invitation(rs.getString("email"), Role.fromCode(rs.getString("role")),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)))
                .list();
    }

    boolean deleteInvitation(OrganizationId organization, String email) {
        return jdbc.sql("delete from invitations where organization_id = ? and email = ?")
                .params(organization.id(), email).update() == 1;
    }

    boolean delete(OrganizationId organization, PersonId person) {
        return jdbc.sql("delete from memberships where organization_id = ? and person_id = ?")
                .params(organization.id(), person.id()).update() == 1;
    }

    long owners(OrganizationId organization) {
        return jdbc.sql("select count(*) from memberships where organization_id = ? and role = 'owner'")
                .param(organization.id()).query(Long.class).single();
    }

    /** Turns every invitation of this email into a membership of this person, and forgets the invitations. */
    void acceptInvitations(PersonId person, String email) {
        jdbc.sql("""
                insert into memberships (organization_id, person_id, role)
                select organization_id, ?, role from invitations where lower(email) = lower(?)
                on conflict do nothing""")
                .params(person.id(), email).update();
        jdbc.sql("delete from invitations where lower(email) = lower(?)").param(email).update();
    }
}
