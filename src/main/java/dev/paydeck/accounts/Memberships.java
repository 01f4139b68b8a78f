package dev.paydeck.accounts;

import dev.paydeck.shared.OrganizationId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who belongs to which organization, with which role; invitations for emails without an account yet. */
@Service
public class Memberships {

    /** A member as listed for an organization. */
    public record Member(PersonId person, String email, String name, Role role) {
    }

    /** An invitation waiting for its email to sign up. */
    public record Invitation(String email, Role role, java.time.OffsetDateTime invitedAt) {
    }

    private final MembershipRecords records;
    private final People people;

    Memberships(MembershipRecords records, People people) {
        this.records = records;
        this.people = people;
    }

    public void grant(OrganizationId organization, PersonId person, Role role) {
        records.upsert(organization, person, role);
    }

    public Optional<Role> roleOf(OrganizationId organization, PersonId person) {
        return records.roleOf(organization, person);
    }

    public List<OrganizationId> organizationsOf(PersonId person) {
        return records.organizationsOf(person);
    }

    public List<Member> members(OrganizationId organization) {
        return records.members(organization);
    }

    /**
     * Adds the person with this email, or keeps an invitation until that email signs up. True when the person
     * already had an account and is now a member.
     */
    @Transactional
    public boolean invite(OrganizationId organization, String email, Role role, PersonId invitedBy) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        Optional<PersonId> existing = people.idByEmail(normalized);
        if (existing.isPresent()) {
            grant(organization, existing.get(), role);
            return true;
        }
        records.upsertInvitation(organization, normalized, role, invitedBy);
        return false;
    }

    /** Invitations not taken up yet, newest first. */
    public List<Invitation> invitations(OrganizationId organization) {
        return records.invitations(organization);
    }

    /** Withdraws the invitation of this email; false when there is none. */
    public boolean revokeInvitation(OrganizationId organization, String email) {
        return records.deleteInvitation(organization, email.strip().toLowerCase(Locale.ROOT));
    }

    public boolean remove(OrganizationId organization, PersonId person) {
        return records.delete(organization, person);
    }

    public long owners(OrganizationId organization) {
        return records.owners(organization);
    }

    @EventListener
    void acceptInvitations(PersonSignedUp signedUp) {
        records.acceptInvitations(signedUp.person(), signedUp.email());
    }
}
